/** `/api/search?q=`: full-text search with entity-aware expansion, results in context. */
import { z } from 'zod';
import { paging, textParam } from '../params.js';
import { page, route, type ApiRoute } from '../route.js';
import { contexts, searchIds } from '../search.js';

/** The search route. */
export const searchRoutes: ApiRoute[] = [
  route({
    url: '/api/search',
    summary: 'Full-text search over titles and clean text; a query that names an entity also finds its other spellings.',
    returns: '{query, expanded [{entity, name, spellings}], total, limit, offset, items [{id, title, outlet, origin, published, contexts [{start, end, text, marks}]}]}',
    query: z.strictObject({ ...paging, q: textParam }),
    handler: async ({ query: q, snap, store }) => {
      const r = await searchIds(snap, store, q.q);
      return {
        query: r.query,
        expanded: r.expanded,
        ...page(r.ids, q, (id) => ({ ...snap.docRef(id), contexts: contexts(snap, id, q.q, r.expanded) })),
      };
    },
  }),
];
