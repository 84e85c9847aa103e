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

/**
 * What the events state must say of every stored event: its slot holds its summary, whose count is
 * the number of facts its chunks (or, for a small event, its entry) hold, in the order its item
 * lists its mentions.
 */
async function checkState(store: Store): Promise<void> {
  const events = await store.corpus<Event>('events');
  const slots = await store.readState('events', events.map((e) => `i:${e.id}`));
  const stored = await store.readState('events', [...slots.values()].map((s) => `e:${s}`));
  for (const e of events) {
    type Chunk = [{ doc: string; span: { start: number } }, string[]][];
    const s = stored.get(`e:${slots.get(`i:${e.id}`)}`) as { id: string; sum: { count: number }; chunks: string[]; facts?: Chunk };
    expect(s.id).toBe(e.id);
    const chunks = await store.readState('events', s.chunks);
    // (a small event keeps its facts in its entry)
    expect(s.facts === undefined).toBe(e.mentions.length > 4);
    const facts = [...(s.facts ?? []), ...s.chunks.flatMap((c) => chunks.get(c) as Chunk)].map(([f]) => [f.doc, f.span.start]);
    expect(facts).toEqual(e.mentions.map((m) => [m.doc, m.start]));
    expect(s.sum.count).toBe(e.mentions.length);
  }
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
        await checkState(steps);
      }
      const last = await biggest(steps);
      expect(last.mentions.map((m) => m.doc)).toEqual(docs.flatMap((d) => [d.id, d.id]));
      expect(new Set(ids)).toEqual(new Set([first.id]));
      // The last step read the event (`e:`), not the chunks of its 22 earlier mentions' facts (`f:`).
      expect(read.filter((k) => k.startsWith('e:'))).toHaveLength(1);
      expect(read.filter((k) => k.startsWith('f:'))).toEqual([]);
      // It found the event by the slot its mentions were filed with, not by their documents' slots (`m:`).
      expect(read.filter((k) => k.startsWith('m:'))).toEqual([]);
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

  test('takes a stored copy dated later out of its event and merges it again, its event keeping the chunks it still holds', async () => {
    // The copy names the round: undated, it joins the round's event by its ordinal.
    const lead = 'Delegations of Varnholm and Ostrava met in the port city of Kessel for the second round of talks';
    const day = (date: string) => ({ published: { date, source: 'metadata' as const, confidence: 1, evidence: [] } });
    const dated = annotate(makeDoc(`${lead} on Thursday, officials said.`, { origin: 'dated.txt', ...day('2031-04-10') }), ctx);
    const undated = annotate(makeDoc(`${lead} on Thursday, the agency reported in update 1.`, { origin: 'undated.txt' }), ctx);
    const docs = [...Array.from({ length: 4 }, (_, i) => report(i)), undated, dated, report(4), report(5)];
    const [steps, once] = [await backend.open(await backend.freshDb()), await backend.open(await backend.freshDb())];
    try {
      await steps.putBatch(docs.slice(0, 3).map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(steps, ctx)).toBe('full');
      for (const doc of docs.slice(3)) {
        await steps.putBatch([{ doc, raw: makeRaw(doc.origin, doc.text) }]);
        expect(await resolveCorpus(steps, ctx)).toBe('incremental');
        await checkState(steps);
      }
      // The copy took the original's date: a changed document, whose mentions left their event and came back.
      expect((await steps.getDoc(undated.id))!.published.date).toBe('2031-04-10');
      await once.putBatch(docs.map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(once, ctx)).toBe('full');
      // (a changed document's mentions come back after the event's stored ones, as they always have)
      const events = async (store: Store) => (await store.corpus<Event>('events')).map((e) => [e.title, e.date, e.mentions.map((m) => m.doc).sort()]);
      expect(await events(steps)).toEqual(await events(once));
    } finally {
      await Promise.all([steps.close(), once.close()]);
    }
  }, 60_000);
});

describe.each(BACKENDS)('$name: an event stored whole before events kept their mentions as rows', (backend) => {
  it.skipIf(!backend.available)('grows without losing them: written whole once, then appended to', async () => {
    const had = SPLIT_FIELDS.events;
    const docs = Array.from({ length: 5 }, (_, i) => report(i));
    const store = await backend.open(await backend.freshDb());
    try {
      delete SPLIT_FIELDS.events;
      await store.putBatch(docs.slice(0, 3).map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await resolveCorpus(store, ctx)).toBe('full');
      SPLIT_FIELDS.events = { mentions: null };
      for (const doc of docs.slice(3)) {
        await store.putBatch([{ doc, raw: makeRaw(doc.origin, doc.text) }]);
        expect(await resolveCorpus(store, ctx)).toBe('incremental');
        await checkState(store);
      }
      const last = await biggest(store);
      expect(last.mentions.map((m) => m.doc)).toEqual(docs.flatMap((d) => [d.id, d.id]));
      expect((await store.corpusItems<Event>('events', [last.id], { rows: false })).get(last.id)!.mentions ?? []).toEqual([]);
    } finally {
      if (had) SPLIT_FIELDS.events = had;
      else delete SPLIT_FIELDS.events;
      await store.close();
    }
  }, 60_000);
});
