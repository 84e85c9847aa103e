/**
 * Stories, the timeline, one event with its evidence, and contradictions: the corpus-level items
 * that resolvers build, read from the snapshot.
 */
import { z } from 'zod';
import { dateParam, EVENT_STATUSES, EVENT_TYPES, idParam, listParam, paging } from '../params.js';
import { notFound, page, route, type ApiRoute } from '../route.js';
import type { Contradiction, Event, Snapshot } from '../snapshot.js';
import { sentenceAround } from '../text.js';
import { matchesEvent } from '../../resolve/events/filter.js';

/** Mentions of one event returned with their sentences; the rest are counted. */
export const MAX_EVIDENCE = 100;

const named = (snap: Snapshot, id: string | null) => (id ? { id, name: snap.entityName(id) ?? id } : null);

/** The timeline's view of an event: everything but the mention texts. */
function eventSummary(snap: Snapshot, e: Event) {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    status: e.status,
    date: e.date,
    place: named(snap, e.place),
    actors: e.actors.map((a) => named(snap, a)!),
    mentions: e.mentions.length,
    sources: new Set(e.mentions.map((m) => m.doc)).size,
    contradictions: (snap.contradictionsByAbout.get(e.id) ?? []).map((c) => c.id),
  };
}

/** A contradiction with names and document references filled in. */
export function contradictionView(snap: Snapshot, c: Contradiction) {
  return {
    ...c,
    aboutEvent: c.about && snap.events.has(c.about) ? { id: c.about, title: snap.events.get(c.about)!.title } : null,
    statements: c.statements.map((s) => ({ ...s, byName: snap.entityName(s.by), source: snap.docRef(s.doc) })),
  };
}

const storyMemo = new WeakMap<Snapshot, Map<string, number>>();

/** How many events have a mention in each story's documents, computed once per snapshot. */
function eventsPerStory(snap: Snapshot): Map<string, number> {
  let m = storyMemo.get(snap);
  if (!m) {
    m = new Map();
    for (const e of snap.timeline) {
      const stories = new Set(e.mentions.flatMap((x) => (snap.storiesByDoc.get(x.doc) ?? []).map((s) => s.id)));
      for (const s of stories) m.set(s, (m.get(s) ?? 0) + 1);
    }
    storyMemo.set(snap, m);
  }
  return m;
}

function storyDocs(snap: Snapshot, story: string | undefined): Set<string> | null {
  if (story === undefined) return null;
  const s = snap.stories.get(story);
  if (!s) throw notFound('story', story);
  return new Set(s.docs);
}

/** Routes for stories, the timeline, one event and contradictions. */
export const corpusRoutes: ApiRoute[] = [
  route({
    url: '/api/stories',
    summary: 'Story clusters, largest first.',
    returns: 'Page of {id, title, docs (count), events (count), firstDate, lastDate}',
    query: z.strictObject({ ...paging }),
    handler: ({ query, snap }) => {
      const stories = [...snap.stories.values()].sort((a, b) => b.docs.length - a.docs.length || a.title.localeCompare(b.title));
      const counts = eventsPerStory(snap);
      return page(stories, query, (s) => {
        const dates = s.docs.map((d) => snap.docs.get(d)?.published.date).filter((d): d is string => !!d).sort();
        return { id: s.id, title: s.title, docs: s.docs.length, events: counts.get(s.id) ?? 0, firstDate: dates[0] ?? null, lastDate: dates.at(-1) ?? null };
      });
    },
  }),
  route({
    url: '/api/timeline',
    summary: 'Events in date order (undated last), filtered by story, date range, type, status and actor.',
    returns: 'Page of event summaries {id, type, title, status, date, place, actors, mentions, sources, contradictions}',
    query: z.strictObject({
      ...paging,
      story: idParam.optional(),
      from: dateParam.optional(),
      to: dateParam.optional(),
      type: listParam(EVENT_TYPES).optional(),
      status: listParam(EVENT_STATUSES).optional(),
      actor: idParam.optional(),
    }),
    handler: ({ query: q, snap }) => {
      const docs = storyDocs(snap, q.story);
      const filter = { docs, from: q.from, to: q.to, types: q.type as string[] | undefined, statuses: q.status as string[] | undefined, actor: q.actor };
      const events = snap.timeline.filter((e) => matchesEvent(e, filter));
      return page(events, q, (e) => eventSummary(snap, e));
    },
  }),
  route({
    url: '/api/events/:id',
    summary: 'One event with its mentions, each in its sentence and with its source.',
    returns: 'Event summary plus evidence [{doc, start, end, text, sentence {start, end, text}, source}] and contradictions',
    query: z.strictObject({}),
    params: z.strictObject({ id: idParam }),
    handler: async ({ params, snap, store }) => {
      const e = snap.events.get(params.id);
      if (!e) throw notFound('event', params.id);
      const evidence = [];
      for (const m of e.mentions.slice(0, MAX_EVIDENCE)) {
        const doc = snap.docs.get(m.doc);
        if (!doc) continue;
        const stored = await store.getDoc(m.doc);
        const s = sentenceAround(doc.text, m, stored?.layers.sentences);
        evidence.push({ ...m, sentence: { ...s, text: doc.text.slice(s.start, s.end) }, source: { ...snap.docRef(m.doc), url: stored?.meta.url ?? null } });
      }
      return {
        ...eventSummary(snap, e),
        evidence,
        evidenceTotal: e.mentions.length,
        contradictionDetails: (snap.contradictionsByAbout.get(e.id) ?? []).map((c) => contradictionView(snap, c)),
      };
    },
  }),
  route({
    url: '/api/contradictions',
    summary: 'Contradictions, each with its statements side by side.',
    returns: 'Page of {id, kind, about, summary, statements [{doc, start, end, text, by, byName, source}]}',
    query: z.strictObject({ ...paging, story: idParam.optional(), about: idParam.optional(), doc: idParam.optional() }),
    handler: ({ query: q, snap }) => {
      const docs = storyDocs(snap, q.story);
      const list = snap.data.contradictions.filter(
        (c) =>
          (!docs || c.statements.some((s) => docs.has(s.doc))) &&
          (!q.about || c.about === q.about) &&
          (!q.doc || c.statements.some((s) => s.doc === q.doc)),
      );
      return page(list, q, (c) => contradictionView(snap, c));
    },
  }),
];
