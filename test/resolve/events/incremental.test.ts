/**
 * Growing a widely reported event incrementally: each step reads the event's summary, not the facts
 * of the mentions it had; its id stays the same as it grows; the corpus ends where one full
 * resolution of the same documents ends.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { annotate } from '../../../src/pipeline.js';
import { resolveCorpus, RESOLVERS, type Resolver } from '../../../src/resolve/resolve.js';
import type { Event } from '../../../src/resolve/events/build.js';
import { SPLIT_FIELDS, type Store } from '../../../src/store/store.js';
import { BACKENDS } from '../../store/backends.js';
import { snapshot } from '../../store/snapshot.js';
import { makeDoc, makeRaw } from '../../helpers.js';

const ctx = makeContext({ referenceDate: '2031-06-01', options: { incrementalFrom: 0 } });
const WHO = ['Envoys', 'Officials', 'Diplomats', 'Aides', 'Observers', 'Mediators', 'Reporters', 'Monitors'];
const WHAT = ['grain', 'prisoners', 'the border', 'the river ports', 'mine clearance', 'fuel', 'water', 'refugees'];

/** Report `i` of the second round of Varnholm–Ostrava talks in Kessel, each worded apart. */
const report = (i: number) =>
  annotate(
    makeDoc(
      `${WHO[i % WHO.length]} said delegations of Varnholm and Ostrava held the second round of talks in Kessel on April 10, 2031. ` +
        `The talks covered ${WHAT[(i * 3) % WHAT.length]} and ${WHAT[(i * 5 + 1) % WHAT.length]}, report ${i} noted.`,
      { id: `r${String(i).padStart(2, '0')}`, origin: `r${i}.txt`, published: { date: '2031-04-11', source: 'meta' } as never },
    ),
    ctx,
  );

/** The resolvers, the events one recording the state keys it reads. */
function recording(read: string[]): Resolver[] {
  return RESOLVERS.map((r) =>
    r.name !== 'events'
      ? r
      : { ...r, incremental: { ...r.incremental!, add: (input, corpus, c) => r.incremental!.add({ ...input, state: (keys) => (read.push(...keys), input.state(keys)) }, corpus, c) } },
  );
}

const biggest = async (store: Store) => (await store.corpus<Event>('events')).reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));

/**
 * Events' mentions kept in their items, or (as `SPLIT_FIELDS` may declare for events, as it does for
 * entities) as rows of their own, which a step appends to without reading or rewriting the item's.
 */
const LAYOUTS = BACKENDS.flatMap((b) => [
  { ...b, layout: 'mentions in the item', split: false },
  { ...b, layout: 'mentions as rows', split: true },
]);

describe.each(LAYOUTS)('$name, $layout: a widely reported event, grown incrementally', (backend) => {
  const test = it.skipIf(!backend.available);
  beforeEach(() => {
    const had = SPLIT_FIELDS.events;
    if (backend.split) SPLIT_FIELDS.events = { mentions: null };
    else delete SPLIT_FIELDS.events;
    return () => {
      if (had) SPLIT_FIELDS.events = had;
      else delete SPLIT_FIELDS.events;
    };
  });
  test('keeps its id, reads its summary only, and ends as a full run ends (its events)', async () => {
    const docs = Array.from({ length: 12 }, (_, i) => report(i));
    const [steps, once] = [await backend.open(await backend.freshDb()), await backend.open(await backend.freshDb())];
    try {
      await steps.putBatch(docs.slice(0, 3).map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(steps, ctx)).toBe('full');
      const first = await biggest(steps);
      // Each report names the round, then "the talks" again, which joins it within the document.
      expect(first.mentions.map((m) => m.doc)).toEqual(['r00', 'r00', 'r01', 'r01', 'r02', 'r02']);
      const ids = [];
      let read: string[] = [];
      for (const doc of docs.slice(3)) {
        await steps.putBatch([{ doc, raw: makeRaw(doc.origin, doc.text) }]);
        read = [];
        expect(await resolveCorpus(steps, ctx, recording(read))).toBe('incremental');
        ids.push((await biggest(steps)).id);
      }
      const last = await biggest(steps);
      expect(last.mentions.map((m) => m.doc)).toEqual(docs.flatMap((d) => [d.id, d.id]));
      expect(new Set(ids)).toEqual(new Set([first.id]));
      // The last step read the event (`e:`), not the chunks of its 22 earlier mentions' facts (`f:`).
      expect(read.filter((k) => k.startsWith('e:'))).toHaveLength(1);
      expect(read.filter((k) => k.startsWith('f:'))).toEqual([]);
      // As rows, the item holds none of them itself.
      const bare = await steps.corpusItems<Event>('events', [last.id], { rows: false });
      expect(bare.get(last.id)!.mentions ?? []).toHaveLength(backend.split ? 0 : 24);

      await once.putBatch(docs.map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(once, ctx)).toBe('full');
      // (a story's title is its central document's, which an incremental run picks among fewer: see the README)
      const eventsOf = async (store: Store) => {
        const { exported, corpus } = await snapshot(store);
        return { exported: exported.events, events: corpus.events, contradictions: corpus.contradictions };
      };
      expect(await eventsOf(steps)).toEqual(await eventsOf(once));
    } finally {
      await Promise.all([steps.close(), once.close()]);
    }
  }, 60_000);
});
