/** Quotes and claims across the corpus, with speaker/claimant names and their sources. */
import { z } from 'zod';
import { idParam, paging, textParam } from '../params.js';
import { notFound, page, route, type ApiRoute } from '../route.js';
import type { Snapshot } from '../snapshot.js';
import { fold } from '../text.js';

function inStory(snap: Snapshot, story: string | undefined): ((doc: string) => boolean) {
  if (story === undefined) return () => true;
  const s = snap.stories.get(story);
  if (!s) throw notFound('story', story);
  const docs = new Set(s.docs);
  return (d) => docs.has(d);
}

/** Routes for quotes and claims. */
export const itemRoutes: ApiRoute[] = [
  route({
    url: '/api/quotes',
    summary: 'Quotations, filtered by speaker, document, story or words in the quote.',
    returns: 'Page of export quotes plus speakerName, viaName and source',
    query: z.strictObject({ ...paging, speaker: idParam.optional(), doc: idParam.optional(), story: idParam.optional(), q: textParam.optional() }),
    handler: ({ query: q, snap }) => {
      const story = inStory(snap, q.story);
      const needle = q.q ? fold(q.q) : null;
      const list = snap.data.quotes.filter(
        (x) => (!q.speaker || x.speaker === q.speaker) && (!q.doc || x.doc === q.doc) && story(x.doc) && (!needle || fold(x.text).includes(needle)),
      );
      return page(list, q, (x) => ({ ...x, speakerName: snap.entityName(x.speaker), viaName: snap.entityName(x.via), source: snap.docRef(x.doc) }));
    },
  }),
  route({
    url: '/api/claims',
    summary: 'Numeric claims, grouped by what they count (so differing figures sit side by side), then by value.',
    returns: 'Page of export claims plus claimantName and source',
    query: z.strictObject({ ...paging, claimant: idParam.optional(), doc: idParam.optional(), story: idParam.optional(), what: textParam.optional() }),
    handler: ({ query: q, snap }) => {
      const story = inStory(snap, q.story);
      const needle = q.what ? fold(q.what) : null;
      const list = snap.data.claims
        .filter((x) => (!q.claimant || x.claimant === q.claimant) && (!q.doc || x.doc === q.doc) && story(x.doc) && (!needle || fold(x.what).includes(needle)))
        .sort((a, b) => fold(a.what).localeCompare(fold(b.what)) || a.value - b.value);
      return page(list, q, (x) => ({ ...x, claimantName: snap.entityName(x.claimant), source: snap.docRef(x.doc) }));
    },
  }),
];
