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
import { docWith } from '../entities/helpers.js';
import { entityResolver } from '../../../src/resolve/entities/resolver.js';
import { eventsResolver } from '../../../src/resolve/events/resolver.js';
import type { Entity } from '../../../src/resolve/entities/types.js';
import type { Corpus, IncrementalInput } from '../../../src/resolve/resolve.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { findEventMentions } from '../../../src/annotate/events/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';

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

describe('an undated event at the bound, whose actor a later report names in full', () => {
  /** An undated report naming the minister by her bare surname (`Brandt`), or in full. */
  const reportOf = (i: number, full = false) => {
    const who = full ? 'Minister Ilse Brandt' : 'Brandt';
    const text = `${who} held talks with Varnholm envoys in Kessel, report ${i} said.`;
    const doc = docWith(text, [[full ? 'Ilse Brandt' : 'Brandt', 'person'], ['Varnholm', 'place'], ['Kessel', 'place']]);
    const layers = { ...doc.layers, sentences: splitSentences(text), times: [] } as NewsDoc['layers'];
    return { ...doc, id: `b${String(i).padStart(2, '0')}`, origin: `b${i}.txt`, layers: { ...layers, eventMentions: findEventMentions({ ...doc, layers }) } };
  };
  const at = { ...ctx, options: { ...ctx.options, incrementalFrom: 1 } };
  const resolvers = [entityResolver, eventsResolver];
  /** The resolvers, the events one counting the mentions' facts in each state value it reads. */
  const counting = (facts: number[]) =>
    resolvers.map((r) =>
      r !== eventsResolver
        ? r
        : {
            ...r,
            incremental: {
              ...r.incremental!,
              add: (input: IncrementalInput, corpus: Corpus, c: typeof ctx) =>
                r.incremental!.add({ ...input, state: async (keys) => { const got = await input.state(keys); for (const [k, v] of got) facts.push(k.startsWith('f:') ? (v as unknown[]).length : k.startsWith('e:') ? ((v as { facts?: unknown[] }).facts ?? []).length : 0); return got; } }, corpus, c),
            },
          },
    );
  const events = async (store: Store) => {
    const names = new Map((await store.corpus<Entity>('entities')).map((e) => [e.id, e.name]));
    return (await store.corpus<Event>('events')).map((e) => [e.actors.map((a) => names.get(a)), e.mentions.map((m) => m.doc)]);
  };

  it('takes no more mentions, is not read, and ends where a full run ends', async () => {
    const docs = [...Array.from({ length: MAX_UNDATED_MENTIONS + 2 }, (_, i) => reportOf(i)), reportOf(99, true)];
    const dir = tempDir();
    const [steps, once] = [await SqliteStore.open(`${dir}/steps.db`), await SqliteStore.open(`${dir}/once.db`)];
    try {
      await steps.putBatch(docs.slice(0, -1).map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(steps, at, resolvers)).toBe('full');
      const before = (await steps.corpus<Event>('events')).map((e) => e.actors);
      await steps.putBatch(docs.slice(-1).map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      const facts: number[] = [];
      expect(await resolveCorpus(steps, at, counting(facts))).toBe('incremental');
      // The full name takes the bare surname in: both events are re-keyed and read whole, each at most the bound.
      // The full name took the bare surname in, keeping its id: no event is re-keyed. The new report
      // joins the event below the bound (its two facts kept in its entry), not the full one, whose facts are not read.
      expect((await steps.corpus<Event>('events')).map((e) => e.actors)).toEqual(before);
      expect(facts.filter((n) => n > 0)).toEqual([2]);
      const ids = docs.map((d) => d.id);
      expect(await events(steps)).toEqual([
        [['Ilse Brandt', 'Varnholm'], ids.slice(0, MAX_UNDATED_MENTIONS)],
        [['Ilse Brandt', 'Varnholm'], ids.slice(MAX_UNDATED_MENTIONS)],
      ]);
      await once.putBatch(docs.map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(once, at, resolvers)).toBe('full');
      expect(await events(steps)).toEqual(await events(once));
    } finally {
      await Promise.all([steps.close(), once.close()]);
    }
  }, 60_000);
});
