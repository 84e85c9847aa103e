/**
 * Documents: the list, and one document with its clean text, removed lines, flags, the stand-off
 * annotations of every layer present (entity mentions, times, quotes, claims, event mentions), the
 * origins it was read from, and the copies it has or copies.
 */
import { z } from 'zod';
import { idParam, paging, textParam } from '../params.js';
import { notFound, page, route, type ApiRoute } from '../route.js';
import type { Doc, Snapshot } from '../snapshot.js';
import { fold } from '../text.js';

function summary(snap: Snapshot, d: Doc) {
  return {
    id: d.id,
    title: d.title,
    outlet: d.outlet,
    origin: d.origin,
    published: d.published.date,
    chars: d.text.length,
    removed: d.removed.length,
    flags: d.flags.map((f) => f.kind),
    duplicateOf: d.duplicateOf,
    copies: snap.copiesOf.get(d.id)?.length ?? 0,
  };
}

/** Resolves a full id or a unique prefix of at least 4 characters. */
async function findDoc(snap: Snapshot, id: string): Promise<Doc | undefined> {
  const exact = snap.docs.get(id);
  if (exact) return exact;
  if (id.length < 4) return undefined;
  const hits = [...snap.docs.keys()].filter((k) => k.startsWith(id.toLowerCase()));
  return hits.length === 1 ? snap.docs.get(hits[0]) : undefined;
}

/** Routes for the document list and one document. */
export const documentRoutes: ApiRoute[] = [
  route({
    url: '/api/documents',
    summary: 'Documents in ingest order, filtered by story, outlet, flag kind or words in the title.',
    returns: 'Page of {id, title, outlet, origin, published, chars, removed, flags, duplicateOf, copies}',
    query: z.strictObject({
      ...paging,
      story: idParam.optional(),
      outlet: textParam.optional(),
      flag: idParam.optional(),
      q: textParam.optional(),
    }),
    handler: ({ query: q, snap }) => {
      const story = q.story === undefined ? null : snap.stories.get(q.story);
      if (story === undefined) throw notFound('story', q.story!);
      const inStory = story ? new Set(story.docs) : null;
      const needle = q.q ? fold(q.q) : null;
      const list = snap.data.documents.filter(
        (d) =>
          (!inStory || inStory.has(d.id)) &&
          (!q.outlet || d.outlet === q.outlet) &&
          (!q.flag || d.flags.some((f) => f.kind === q.flag)) &&
          (!needle || fold(d.title ?? '').includes(needle)),
      );
      return page(list, q, (d) => summary(snap, d));
    },
  }),
  route({
    url: '/api/documents/:id',
    summary: 'One document (id or unique prefix): clean text, removed lines, flags, annotations, origins, copies.',
    returns: 'Export document plus layers, annotations {mentions, times, quotes, claims, events}, origins, copies, duplicateOfRef, stories, contradictions',
    query: z.strictObject({}),
    params: z.strictObject({ id: idParam }),
    handler: async ({ params, snap, store }) => {
      const d = await findDoc(snap, params.id);
      if (!d) throw notFound('document', params.id);
      const stored = await store.getDoc(d.id);
      const origins = await store.originals(d.id);
      return {
        ...d,
        url: stored?.meta.url ?? null,
        layers: stored?.layers ?? {},
        diagnostics: stored?.diagnostics ?? [],
        annotations: {
          mentions: (snap.mentionsByDoc.get(d.id) ?? []).map((m) => {
            const e = snap.entities.get(m.entity);
            return { start: m.start, end: m.end, text: m.text, entity: m.entity, name: e?.name ?? null, type: e?.type ?? null };
          }),
          times: (snap.timesByDoc.get(d.id) ?? []).map(({ doc: _d, ...t }) => t),
          quotes: (snap.quotesByDoc.get(d.id) ?? []).map(({ doc: _d, ...x }) => ({ ...x, speakerName: snap.entityName(x.speaker) })),
          claims: (snap.claimsByDoc.get(d.id) ?? []).map(({ doc: _d, ...x }) => ({ ...x, claimantName: snap.entityName(x.claimant) })),
          events: (snap.eventMentionsByDoc.get(d.id) ?? []).map((m) => {
            const e = snap.events.get(m.event)!;
            return { start: m.start, end: m.end, text: m.text, event: e.id, title: e.title, type: e.type, status: e.status };
          }),
        },
        origins: origins.map((o) => ({ origin: o.origin, encoding: o.encoding, contentType: o.contentType, bytes: o.bytes.length })),
        duplicateOfRef: d.duplicateOf ? snap.docRef(d.duplicateOf) : null,
        copies: (snap.copiesOf.get(d.id) ?? []).map((c) => snap.docRef(c.id)),
        stories: (snap.storiesByDoc.get(d.id) ?? []).map((s) => ({ id: s.id, title: s.title })),
        contradictions: (snap.contradictionsByDoc.get(d.id) ?? []).map((c) => ({ id: c.id, kind: c.kind, summary: c.summary })),
      };
    },
  }),
];
