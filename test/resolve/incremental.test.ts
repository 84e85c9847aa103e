/**
 * Incremental corpus resolution: once a corpus is past `incrementalFrom` documents, stories, events
 * and contradictions take in only the new documents, from the state the previous run left.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { ingest } from '../../src/ingest-batch.js';
import { resolveCorpus } from '../../src/resolve/resolve.js';
import type { Event } from '../../src/resolve/events/build.js';
import type { Story } from '../../src/resolve/stories/resolver.js';
import { BACKENDS } from '../store/backends.js';
import type { Store } from '../../src/store/store.js';
import type { NewsDoc } from '../../src/model/doc.js';
import { snapshot } from '../store/snapshot.js';
import { makeDoc, makeRaw } from '../helpers.js';
import { annotate } from '../../src/pipeline.js';
import { loadPack } from '../../src/packs/load.js';

const F = join(import.meta.dirname, '..', 'fixtures');
/** Two dated reports of Varnholm–Ostrava talks, then three stories, then a story with copies and rewrites. */
const FILES = [
  join(F, 'timeline', 'kessel-daily.json'),
  join(F, 'timeline', 'lorn-herald.json'),
  ...['flood-1', 'strike-1', 'strike-2', 'talks-1', 'talks-2', 'talks-3'].map((f) => join(F, 'stories', 'basic', `${f}.txt`)),
  ...['original', 'same-event-other-report', 'short', 'unrelated', 'updated-copy'].map((f) => join(F, 'duplicates', 'talks', `${f}.txt`)),
];
const ctx = (incrementalFrom: number) => makeContext({ referenceDate: '2031-06-01', options: { incrementalFrom } });

describe.each(BACKENDS)('$name: incremental resolution', (backend) => {
  const test = it.skipIf(!backend.available);
  /** The same inputs ingested at once and in two steps (split after `split`), each into a database of its own. */
  const twoWays = async (inputs: string[], split: number, c = ctx(0)) => {
    const [once, twice] = [await backend.open(await backend.freshDb()), await backend.open(await backend.freshDb())];
    await ingest(inputs, once, c, { threads: 1 });
    await ingest(inputs.slice(0, split), twice, c, { threads: 1 });
    await ingest(inputs.slice(split), twice, c, { threads: 1 });
    return { once, twice, close: () => Promise.all([once.close(), twice.close()]) };
  };
  test('gives the corpus that resolving everything at once gives, when documents arrive in publication order', async () => {
    const once = await backend.open(await backend.freshDb());
    const twice = await backend.open(await backend.freshDb());
    try {
      await ingest(FILES, once, ctx(0), { threads: 1 });
      await ingest(FILES.slice(0, 8), twice, ctx(0), { threads: 1 });
      expect(await twice.readState('resolve', ['version'])).toEqual(new Map([['version', '6:none:duplicates,rewrites,publication-dates,stories,entities,events,contradictions']]));
      expect(await twice.unresolvedDocIds()).toEqual([]);
      await ingest(FILES.slice(8), twice, ctx(0), { threads: 1 });
      expect(await snapshot(twice)).toEqual(await snapshot(once));
    } finally {
      await Promise.all([once.close(), twice.close()]);
    }
  }, 60_000);

  test('resolves a long ingest in steps, each past the first taking in only its new documents, and ends where one resolution ends', async () => {
    const once = await backend.open(await backend.freshDb());
    const steps = await backend.open(await backend.freshDb());
    try {
      await ingest(FILES, once, ctx(0), { threads: 1 });
      // Batches of two, a resolution after every four new documents: full at 4, incremental at 8 and 12, then the last.
      await ingest(FILES, steps, ctx(0), { threads: 1, batchSize: 2, resolveEvery: 4 });
      expect(await steps.unresolvedDocIds()).toEqual([]);
      expect(await snapshot(steps)).toEqual(await snapshot(once));
    } finally {
      await Promise.all([once.close(), steps.close()]);
    }
  }, 60_000);

  test('resolves the steps of a long ingest in a thread of its own, each up to the document stored when it was asked, and ends where one resolution ends', async () => {
    const onceDb = await backend.freshDb();
    const stepsDb = await backend.freshDb();
    const once = await backend.open(onceDb);
    const steps = await backend.open(stepsDb);
    try {
      await ingest(FILES, once, ctx(0), { threads: 1 });
      await ingest(FILES, steps, ctx(0), { threads: 1, batchSize: 2, resolveEvery: 4, db: stepsDb });
      expect(await steps.unresolvedDocIds()).toEqual([]);
      expect(await snapshot(steps)).toEqual(await snapshot(once));
    } finally {
      await Promise.all([once.close(), steps.close()]);
    }
  }, 60_000);

  test('with a domain pack (known events matched against the stored events), two steps give what one gives', async () => {
    const withPack = makeContext({ referenceDate: '2031-06-01', pack: loadPack('russia-ukraine'), options: { incrementalFrom: 0 } });
    const { once, twice, close } = await twoWays(FILES, 8, withPack);
    try {
      expect(await twice.unresolvedDocIds()).toEqual([]);
      expect((await snapshot(twice)).corpus.events).toEqual((await snapshot(once)).corpus.events);
    } finally {
      await close();
    }
  }, 60_000);

  test('a resolution through a document leaves the documents stored after it pending', async () => {
    const store = await backend.open(await backend.freshDb());
    try {
      await ingest(FILES.slice(0, 6), store, ctx(0), { threads: 1 });
      const later = [0, 1, 2].map((i) => annotate(makeDoc(`Envoys met in Kessel on Monday for round ${i + 2} of the talks.`, { id: `later-${i}`, origin: `later-${i}.txt` }), ctx(0)));
      await store.putBatch(later.map((doc) => ({ doc, raw: makeRaw(doc.origin, doc.text) })));
      expect(await store.unresolvedDocIds()).toEqual(['later-0', 'later-1', 'later-2']);
      await resolveCorpus(store, ctx(0), undefined, { through: 'later-1' });
      expect(await store.unresolvedDocIds()).toEqual(['later-2']);
    } finally {
      await store.close();
    }
  }, 60_000);

  test('joins a near-duplicate arriving later to the copy stored before, as a full run in that order does', async () => {
    const copyFirst = [...FILES.slice(0, 8), join(F, 'duplicates', 'talks', 'updated-copy.txt'), join(F, 'duplicates', 'talks', 'original.txt')];
    const { once, twice, close } = await twoWays(copyFirst, 9);
    try {
      const groups = await twice.corpus<{ original: string; copies: { doc: string }[] }>('duplicates');
      expect(groups).toHaveLength(1);
      expect(groups[0].copies).toHaveLength(1);
      // A story's title is its central document's, which an incremental run picks among fewer candidates.
      const untitled = async (store: Store) => {
        const snap = await snapshot(store);
        for (const stories of [snap.exported.stories, snap.corpus.stories] as { title: string }[][]) for (const st of stories) st.title = '…';
        return snap;
      };
      expect(await untitled(twice)).toEqual(await untitled(once));
    } finally {
      await close();
    }
  }, 60_000);

  test('flags a spun copy arriving later and links it to the stored original, as a full run in that order does', async () => {
    const R = join(F, 'duplicates', 'rewrites');
    const order = [...FILES.slice(0, 8), ...['original', 'same-event-other-report', 'clean-weak-clues', 'spun-copy', 'spun-no-original'].map((f) => join(R, `${f}.txt`))];
    const { once, twice, close } = await twoWays(order, 11);
    try {
      const groups = await twice.corpus<{ original: string; copies: { doc: string; kind: string }[] }>('duplicates');
      expect(groups.map((g) => g.copies.map((c) => c.kind))).toEqual([['rewrite']]);
      // The copies and rewrites found are the same (events may merge differently: see the README).
      const copies = async (store: Store) => {
        const snap = await snapshot(store);
        return { groups: snap.corpus.duplicates, docs: snap.exported.documents.map((d) => [d.id, d.duplicateOf, d.flags, d.published]) };
      };
      expect(await copies(twice)).toEqual(await copies(once));
    } finally {
      await close();
    }
  }, 60_000);

  test('files a new report into its story and event, and a new story apart, changing nothing else', async () => {
    const store = await backend.open(await backend.freshDb());
    try {
      await ingest(FILES.slice(0, 8), store, ctx(0), { threads: 1 });
      const [storiesBefore, eventsBefore] = [await store.corpus<Story>('stories'), await store.corpus<Event>('events')];
      const text = 'Envoys of Varnholm and Ostrava met for a second round of talks in Kessel on Thursday, the Lorn Herald reported.';
      const later = annotate(makeDoc(text, { published: { date: '2031-04-11', source: 'metadata', confidence: 1, evidence: [] } }), ctx(0));
      const apart = annotate(makeDoc('A wildfire burned pine forests near the Dalmark border for a third day, firefighters said.'), ctx(0));
      await store.putBatch([
        { doc: later, raw: makeRaw('later.txt', later.text) },
        { doc: apart, raw: makeRaw('apart.txt', apart.text) },
      ]);
      expect(await resolveCorpus(store, ctx(0))).toBe('incremental');
      const stories = await store.corpus<Story>('stories');
      const events = await store.corpus<Event>('events');
      // The Varnholm–Ostrava story gained the report; the others are as they were.
      const grown = stories.find((s) => s.docs.includes(later.id))!;
      expect(storiesBefore.find((s) => s.id === grown.id)!.docs).toEqual(grown.docs.filter((d) => d !== later.id));
      expect(stories.filter((s) => s !== grown && s.id !== `story-${apart.id}`)).toEqual(storiesBefore.filter((s) => s.id !== grown.id));
      expect(stories.find((s) => s.docs.includes(apart.id))).toEqual({ id: `story-${apart.id}`, title: apart.text, docs: [apart.id] });
      // The second round now has one more source; no other event changed.
      const round = events.find((e) => e.ordinal === 2 && e.mentions.some((m) => m.doc === later.id))!;
      const before = eventsBefore.find((e) => e.ordinal === 2 && e.title.includes('Kessel'))!;
      expect(round.mentions.map((m) => m.doc)).toEqual([...before.mentions.map((m) => m.doc), later.id]);
      expect(round.date).toEqual(before.date);
      const others = events.filter((e) => e !== round && !e.mentions.some((m) => m.doc === apart.id));
      expect(others.map((e) => e.id)).toEqual(eventsBefore.filter((e) => e.id !== before.id).map((e) => e.id));
    } finally {
      await store.close();
    }
  }, 60_000);

  test('finds a figure disputed by a later report, and keeps it when a third agrees with one side', async () => {
    const store = await backend.open(await backend.freshDb());
    const add = async (text: string) => {
      const doc = annotate(makeDoc(text), ctx(0));
      await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, text) }]);
      return resolveCorpus(store, ctx(0));
    };
    try {
      await ingest(FILES.slice(0, 2), store, ctx(0), { threads: 1 });
      await add('At least 40 civilians were killed in the shelling of Dorrin on Monday, the Veltrian army said.');
      expect(await add('Ostravan officials said 12 civilians were killed in the shelling of Dorrin on Monday.')).toBe('incremental');
      const figures = () => store.corpus<{ kind: string; summary: string }>('contradictions').then((cs) => cs.filter((c) => c.kind === 'figures').map((c) => c.summary));
      expect(await figures()).toEqual(['civilians killed: 40 (the Veltrian army) vs 12 (Ostravan officials)']);
      await add('The Veltrian army said 40 civilians were killed in the shelling of Dorrin on Monday.');
      expect(await figures()).toEqual(['civilians killed: 40 (the Veltrian army) vs 12 (Ostravan officials)']);
    } finally {
      await store.close();
    }
  }, 60_000);

  test('dates an undated wire copy from a dated one, whichever arrives first', async () => {
    const lead = 'Delegations of Varnholm and Ostrava met in the port city of Kessel for talks';
    const dated = annotate(makeDoc(`${lead} on Thursday, officials said.`, { published: { date: '2031-04-10', source: 'metadata', confidence: 1, evidence: [] } }), ctx(0));
    const undated = [1, 2].map((n) => annotate(makeDoc(`${lead}, the agency reported in update ${n}.`), ctx(0)));
    const store = await backend.open(await backend.freshDb());
    const put = async (doc: NewsDoc) => {
      await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
      expect(await resolveCorpus(store, ctx(0))).toBe('incremental');
    };
    const published = async (doc: NewsDoc) => (await store.getDoc(doc.id))!.published;
    try {
      await ingest(FILES.slice(0, 2), store, ctx(0), { threads: 1 });
      await put(undated[0]);
      expect((await published(undated[0])).date).toBeNull();
      await put(dated);
      await put(undated[1]);
      const borrowed = { date: '2031-04-10', source: 'corpus', confidence: 0.6, evidence: [`same story as ${dated.id} dated 2031-04-10 (metadata)`, 'no dated anchor in the text'] };
      expect(await published(undated[0])).toEqual(borrowed);
      expect(await published(undated[1])).toEqual(borrowed);
    } finally {
      await store.close();
    }
  }, 60_000);

  test('finds a venue disputed by a late report of a widely reported round from the stored facts, as a full run does', async () => {
    const published = (day: string) => ({ published: { date: day, source: 'metadata' as const, confidence: 1, evidence: [] } });
    const reports = [
      ...['the Kessel Daily', 'the Lorn Herald', 'Radio Osmark', 'the Dorrin Post'].map((outlet, i) =>
        annotate(makeDoc(`Envoys of Varnholm and Ostrava met for a third round of talks in Dorrin on Friday, ${outlet} reported.`, published(`2031-05-0${3 + i}`)), ctx(0)),
      ),
      annotate(makeDoc('Envoys of Varnholm and Ostrava met for a third round of talks in Tarsk on Friday, an Ostravan aide said.', published('2031-05-08')), ctx(0)),
    ];
    const [once, steps] = [await backend.open(await backend.freshDb()), await backend.open(await backend.freshDb())];
    try {
      await ingest(FILES.slice(0, 2), once, ctx(0), { threads: 1 });
      await once.putBatch(reports.map((doc) => ({ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) })));
      expect(await resolveCorpus(once, ctx(0), undefined, { full: true })).toBe('full');
      await ingest(FILES.slice(0, 2), steps, ctx(0), { threads: 1 });
      for (const doc of reports) {
        await steps.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
        expect(await resolveCorpus(steps, ctx(0))).toBe('incremental');
      }
      const venues = (await steps.corpus<{ kind: string; statements: { doc: string }[] }>('contradictions')).filter((c) => c.kind === 'venue');
      expect(venues.map((c) => c.statements.map((st) => st.doc))).toContainEqual([reports[0].id, reports[4].id]);
      expect(await snapshot(steps)).toEqual(await snapshot(once));
    } finally {
      await Promise.all([once.close(), steps.close()]);
    }
  }, 60_000);

  test('resolves in full below the threshold, and after a crash that left documents unresolved', async () => {
    const store = await backend.open(await backend.freshDb());
    try {
      await ingest(FILES.slice(0, 4), store, ctx(100), { threads: 1 });
      const doc = annotate(makeDoc('Floods closed the Osmark rail line again on Friday.'), ctx(0));
      await store.putBatch([{ doc, raw: makeRaw('again.txt', doc.text) }]);
      expect(await store.unresolvedDocIds()).toEqual([doc.id]);
      expect(await resolveCorpus(store, ctx(100))).toBe('full');
      expect(await store.unresolvedDocIds()).toEqual([]);
      expect(await resolveCorpus(store, ctx(0))).toBe('incremental');
    } finally {
      await store.close();
    }
  }, 60_000);
});
