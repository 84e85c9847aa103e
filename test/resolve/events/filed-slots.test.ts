/**
 * A mention is filed in its blocks with its event's slot, so an incremental run finds a candidate's
 * event without reading the slots of the candidate's document (`m:`). When two stored events merge,
 * the smaller one's slot is emptied: a mention still filed with it (in a block the merging run did
 * not write) is looked up in its document's slots, found in the event it went to, and filed again
 * with that slot.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { annotate } from '../../../src/pipeline.js';
import { resolveCorpus, RESOLVERS, type Resolver } from '../../../src/resolve/resolve.js';
import type { Event } from '../../../src/resolve/events/build.js';
import type { Posted } from '../../../src/resolve/events/incremental-state.js';
import type { Store } from '../../../src/store/store.js';
import { BACKENDS } from '../../store/backends.js';
import { makeDoc, makeRaw } from '../../helpers.js';

const ctx = makeContext({ referenceDate: '2031-06-01', options: { incrementalFrom: 0 } });

const doc = (id: string, text: string) =>
  annotate(makeDoc(text, { id, origin: `${id}.txt`, published: { date: '2031-04-11', source: 'meta' } as never }), ctx);

// Two talks of April 10 with no actor in common (two events), bridged by a third report naming one
// actor of each; then undated reports naming only one side's actors.
const FIRST = [
  doc('a1', 'Delegations of Varnholm and Ostrava held talks on April 10, 2031, officials said.'),
  doc('b1', 'Delegations of Lornland and Brask held talks on April 10, 2031, the agency said.'),
];
const BRIDGE = doc('c1', 'Delegations of Varnholm and Lornland held talks on April 10, 2031, observers said.');
const LATER = [doc('d1', 'Delegations of Lornland and Brask held talks, a diplomat said.'), doc('d2', 'Delegations of Varnholm and Ostrava held talks, an aide said.')];

/** The resolvers, the events one recording the state keys it reads. */
function recording(read: string[]): Resolver[] {
  return RESOLVERS.map((r) =>
    r.name !== 'events'
      ? r
      : { ...r, incremental: { ...r.incremental!, add: (input, corpus, c) => r.incremental!.add({ ...input, state: (keys) => (read.push(...keys), input.state(keys)) }, corpus, c) } },
  );
}

const talks = async (store: Store) => (await store.corpus<Event>('events')).filter((e) => e.type === 'talks').map((e) => e.mentions.map((m) => m.doc).sort());
const put = (store: Store, docs: ReturnType<typeof doc>[]) => store.putBatch(docs.map((d) => ({ doc: d, raw: makeRaw(d.origin, d.text) })));

describe.each(BACKENDS)('$name: mentions filed with their event\'s slot', (backend) => {
  it.skipIf(!backend.available)('finds a merged event through the slots of the document whose filing names an emptied slot, and files it again', async () => {
    const store = await backend.open(await backend.freshDb());
    try {
      await put(store, FIRST);
      expect(await resolveCorpus(store, ctx)).toBe('full');
      expect(await talks(store)).toEqual([['a1'], ['b1']]);
      await put(store, [BRIDGE]);
      expect(await resolveCorpus(store, ctx)).toBe('incremental');
      expect(await talks(store)).toEqual([['a1', 'b1', 'c1']]);
      const slot = (await store.readState('events', [`i:${(await store.corpus<Event>('events')).find((e) => e.type === 'talks')!.id}`])).values().next().value as string;
      // Each first report's own actors' block (not written by the bridging run) still names its slot then.
      const args = await store.readState('events', FIRST.map((d) => `a:${d.id}`));
      const actorBlock = (a: unknown) => `b:a:talks|${((a as [number, number, string][][])[0]).map(([, , k]) => k).filter((k) => !k.startsWith('~')).sort().join('|')}`;
      const blocks = await store.readState('events', [...args.values()].map(actorBlock));
      const filedSlots = [...blocks.values()].flatMap((ps) => (ps as Posted[]).map((p) => p[8]));
      expect(filedSlots).toHaveLength(2);
      expect(filedSlots).toContain(slot);
      const emptied = filedSlots.find((s) => s !== slot)!;
      expect((await store.readState('events', [`e:${emptied}`])).size).toBe(0);

      const read: string[] = [];
      await put(store, LATER);
      expect(await resolveCorpus(store, ctx, recording(read))).toBe('incremental');
      expect(await talks(store)).toEqual([['a1', 'b1', 'c1', 'd1', 'd2']]);
      // Only the document whose filing named the emptied slot was looked up.
      const moved = FIRST.find((d) => [...blocks].some(([, ps]) => (ps as Posted[]).some((p) => p[0] === d.id && p[8] === emptied)))!.id;
      expect(read.filter((k) => k.startsWith('m:'))).toEqual([`m:${moved}`]);
      const after = await store.readState('events', [...blocks.keys()]);
      expect([...after.values()].flatMap((ps) => (ps as Posted[]).map((p) => p[8]))).toEqual([slot, slot, slot, slot]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
