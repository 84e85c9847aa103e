/**
 * Undated mentions do not chain into one event as large as the corpus: an event none of whose
 * mentions is dated stops at `MAX_UNDATED_MENTIONS` (a dated mention lifts the bound), and the
 * actors rule keeps reports of two different venues apart. Then the same past the bound, resolved
 * step by step: the incremental run ends where a full run of the same documents ends.
 */
import { describe, expect, it } from 'vitest';
import { MAX_UNDATED_MENTIONS, mergeEventNodes } from '../../../src/resolve/events/merge.js';
import type { EventNode } from '../../../src/resolve/events/nodes.js';
import { timexRange } from '../../../src/resolve/events/date-range.js';
import { makeContext } from '../../../src/context.js';
import { annotate } from '../../../src/pipeline.js';
import { resolveCorpus } from '../../../src/resolve/resolve.js';
import type { Event } from '../../../src/resolve/events/build.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import { makeDoc, makeRaw, tempDir } from '../../helpers.js';

/** A talks mention of document `doc` between the two resolved actors, at `place`, dated `time` (a TIMEX3 value) or not. */
function talks(doc: string, place: string | null = null, time: string | null = null): EventNode {
  return {
    doc,
    index: 0,
    published: null,
    type: 'talks',
    status: 'happened',
    ordinal: null,
    span: { start: 0, end: 10 },
    text: 'talks',
    time,
    place: null,
    actors: [],
    range: time ? timexRange(time) : null,
    placeKey: place,
    actorKeys: ['ent_varnholm', 'ent_ostrava'],
    actorNames: new Map(),
    argKeys: [],
  };
}
const docs = (n: number) => Array.from({ length: n }, (_, i) => `d${String(i).padStart(2, '0')}`);

describe('undated mentions', () => {
  it('of the same type and actors gather into events of at most MAX_UNDATED_MENTIONS', () => {
    expect(MAX_UNDATED_MENTIONS).toBe(32);
    const groups = mergeEventNodes(docs(40).map((d) => talks(d)));
    expect(groups.map((g) => g.length)).toEqual([32, 8]);
    // In mention order: the first 32, then the rest.
    expect(groups[0]).toEqual(Array.from({ length: 32 }, (_, i) => i));
  });

  it('join a dated event of any size: its date guards it', () => {
    const nodes = docs(40).map((d, i) => talks(d, null, i === 0 ? '2031-04-10' : null));
    expect(mergeEventNodes(nodes).map((g) => g.length)).toEqual([40]);
  });

  it('count a stored event by its number of mentions, not by those given (an incremental run)', () => {
    // A stored event of 31 mentions, of which one is given; two new mentions: one joins, one does not.
    const nodes = [talks('old'), talks('n1'), talks('n2')];
    expect(mergeEventNodes(nodes, [[0]], [null], [31])).toEqual([[0, 1], [2]]);
    expect(mergeEventNodes(nodes, [[0]], [null], [30])).toEqual([[0, 1, 2]]);
  });

  it('with the same actors but two different venues stay apart; a mention naming no venue joins either', () => {
    expect(mergeEventNodes([talks('a', 'ent_virel'), talks('b', 'ent_dornach'), talks('c', 'ent_virel')])).toEqual([[0, 2], [1]]);
    // (the venue is compared mention by mention, not per event: one naming none may join both)
    expect(mergeEventNodes([talks('a', 'ent_virel'), talks('b', null)])).toEqual([[0, 1]]);
  });
});

const ctx = makeContext({ referenceDate: '2031-06-01', options: { incrementalFrom: 0 } });
const WHO = ['Envoys', 'Officials', 'Diplomats', 'Aides', 'Observers', 'Mediators', 'Reporters', 'Monitors'];
/** Undated report `i` of Varnholm–Ostrava talks in Kessel (no publication date, no time). */
const report = (i: number) =>
  annotate(
    makeDoc(`${WHO[i % WHO.length]} in report ${i} said delegations of Varnholm and Ostrava held talks in Kessel.`, { id: `u${String(i).padStart(2, '0')}`, origin: `u${i}.txt` }),
    ctx,
  );

const sizes = async (store: Store) => (await store.corpus<Event>('events')).filter((e) => e.type === 'talks').map((e) => e.mentions.map((m) => m.doc));

describe('undated reports past the bound, resolved step by step', () => {
  it('end in the events one full resolution of the same documents makes', async () => {
    const all = Array.from({ length: MAX_UNDATED_MENTIONS + 6 }, (_, i) => report(i));
    const dir = tempDir();
    const [steps, once] = [await SqliteStore.open(`${dir}/steps.db`), await SqliteStore.open(`${dir}/once.db`)];
    try {
      await steps.putBatch(all.slice(0, 28).map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(steps, ctx)).toBe('full');
      for (let i = 28; i < all.length; i += 2) {
        await steps.putBatch(all.slice(i, i + 2).map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
        expect(await resolveCorpus(steps, ctx)).toBe('incremental');
      }
      await once.putBatch(all.map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(once, ctx)).toBe('full');
      const ids = all.map((d) => d.id);
      expect(await sizes(steps)).toEqual([ids.slice(0, MAX_UNDATED_MENTIONS), ids.slice(MAX_UNDATED_MENTIONS)]);
      expect(await sizes(steps)).toEqual(await sizes(once));
    } finally {
      await Promise.all([steps.close(), once.close()]);
    }
  }, 60_000);
});
