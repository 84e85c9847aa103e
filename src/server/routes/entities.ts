/**
 * Entities: the list (filter by name or type) and one entity with every spelling and its count,
 * roles, quotes, claims, events and the documents that mention it.
 */
import { z } from 'zod';
import { idParam, paging, textParam } from '../params.js';
import { notFound, page, route, type ApiRoute } from '../route.js';
import type { Entity, Snapshot } from '../snapshot.js';
import { fold } from '../text.js';

const ENTITY_TYPES = ['person', 'organization', 'place', 'outlet', 'other'] as const;
/** Documents listed on an entity's page; the rest are counted. */
const MAX_ENTITY_DOCS = 200;
/**
 * Quotes, claims and events listed on an entity's page; the rest are counted (and reached through
 * `/api/quotes?speaker=`, `/api/claims?claimant=`, `/api/timeline?actor=`). A place in a 10k-document
 * store has thousands of events: listing them all made the answer 440 KB and 20 ms to build.
 */
const MAX_ENTITY_ITEMS = 100;

interface Stats {
  mentions: number;
  documents: number;
}

const statsMemo = new WeakMap<Snapshot, Map<string, Stats>>();

/** Mention and document counts per entity, computed once per snapshot. */
function stats(snap: Snapshot): Map<string, Stats> {
  let m = statsMemo.get(snap);
  if (!m) {
    m = new Map();
    for (const e of snap.entities.values()) m.set(e.id, { mentions: e.mentions.length, documents: new Set(e.mentions.map((x) => x.doc)).size });
    statsMemo.set(snap, m);
  }
  return m;
}

function summary(snap: Snapshot, e: Entity) {
  return { id: e.id, name: e.name, type: e.type, kb: e.kb, aliases: e.aliases, ...stats(snap).get(e.id)! };
}

/** Routes for the entity list and one entity. */
export const entityRoutes: ApiRoute[] = [
  route({
    url: '/api/entities',
    summary: 'Entities, most mentioned first; `q` matches the name or any alias (case and accents ignored).',
    returns: 'Page of {id, name, type, kb, aliases, mentions, documents}',
    query: z.strictObject({ ...paging, q: textParam.optional(), type: z.enum(ENTITY_TYPES).optional() }),
    handler: ({ query: q, snap }) => {
      const needle = q.q ? fold(q.q) : null;
      const st = stats(snap);
      const list = [...snap.entities.values()]
        .filter((e) => (!q.type || e.type === q.type) && (!needle || [e.name, ...e.aliases].some((n) => fold(n).includes(needle))))
        .sort((a, b) => st.get(b.id)!.mentions - st.get(a.id)!.mentions || a.name.localeCompare(b.name));
      return page(list, q, (e) => summary(snap, e));
    },
  }),
  route({
    url: '/api/entities/:id',
    summary: 'One entity: spellings with counts, roles, quotes, claims, events and documents.',
    returns: '{id, name, type, kb, aliases, roles, mentions, documents, spellings, sources, quotes, claims, events} (lists capped at 100-200, with …Total counts)',
    query: z.strictObject({}),
    params: z.strictObject({ id: idParam }),
    handler: ({ params, snap }) => {
      const e = snap.entities.get(params.id);
      if (!e) throw notFound('entity', params.id);
      const spellings = new Map<string, number>();
      const perDoc = new Map<string, number>();
      for (const m of e.mentions) {
        spellings.set(m.text, (spellings.get(m.text) ?? 0) + 1);
        perDoc.set(m.doc, (perDoc.get(m.doc) ?? 0) + 1);
      }
      const docs = [...perDoc].sort((a, b) => b[1] - a[1]);
      const quotes = snap.data.quotes.filter((x) => x.speaker === e.id || x.via === e.id);
      const claims = snap.data.claims.filter((x) => x.claimant === e.id);
      const events = snap.timeline.filter((x) => x.actors.includes(e.id) || x.place === e.id);
      return {
        ...summary(snap, e),
        roles: e.roles,
        spellings: [...spellings].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
        sources: docs.slice(0, MAX_ENTITY_DOCS).map(([doc, count]) => ({ ...snap.docRef(doc), count })),
        sourcesTotal: docs.length,
        quotes: quotes.slice(0, MAX_ENTITY_ITEMS).map((x) => ({ ...x, source: snap.docRef(x.doc) })),
        quotesTotal: quotes.length,
        claims: claims.slice(0, MAX_ENTITY_ITEMS).map((x) => ({ ...x, source: snap.docRef(x.doc) })),
        claimsTotal: claims.length,
        events: events.slice(0, MAX_ENTITY_ITEMS).map((x) => ({ id: x.id, type: x.type, title: x.title, status: x.status, date: x.date })),
        eventsTotal: events.length,
      };
    },
  }),
];
