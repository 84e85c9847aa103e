/**
 * Incremental entities: the fixture corpora fed one document at a time, each resolution after the
 * first taking in only the new document (`incrementalFrom: 1`), give the entities a full pass gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { entityResolver } from '../../../src/resolve/entities/resolver.js';
import type { Entity } from '../../../src/resolve/entities/types.js';
import { resolveCorpus } from '../../../src/resolve/resolve.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { makeRaw, tempDir } from '../../helpers.js';
import { contextFor, corpusDocs, docWith, FIXTURES } from './helpers.js';
import type { MentionType } from '../../../src/annotate/mentions/layer.js';
import { eventsResolver } from '../../../src/resolve/events/resolver.js';
import { EntityView } from '../../../src/resolve/entities/entity-view.js';
import type { IncrementalInput } from '../../../src/resolve/resolve.js';
import type { Event } from '../../../src/resolve/events/build.js';
import { findEventMentions } from '../../../src/annotate/events/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';

const projected = (entities: Entity[]) =>
  entities
    .map((e) => ({ name: e.name, type: e.type, aliases: e.aliases.map((a) => a.text).sort(), implied: e.mentions.filter((m) => m.implied).map((m) => m.text) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));

/** Stores and resolves `docs` one at a time; returns the store and the mode of each resolution. */
async function oneByOne(docs: NewsDoc[], base: Context) {
  const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
  const ctx = { ...base, options: { ...base.options, incrementalFrom: 1 } };
  const modes: string[] = [];
  for (const doc of docs) {
    await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
    modes.push(await resolveCorpus(store, ctx, [entityResolver]));
  }
  return { store, modes };
}

describe('incremental entities', () => {
  for (const name of readdirSync(FIXTURES).filter((n) => !n.includes('.') && !n.startsWith('pack'))) {
    it(`${name}: one document at a time gives the full pass's entities`, async () => {
      const corpus = JSON.parse(readFileSync(join(FIXTURES, name, 'corpus.json'), 'utf8'));
      const ctx = contextFor(corpus.pack);
      const { store, modes } = await oneByOne(corpusDocs(corpus.docs, ctx), ctx);
      expect(modes.slice(1).every((m) => m === 'incremental')).toBe(true);
      expect(projected(await store.corpus<Entity>('entities'))).toEqual(JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')));
      await store.close();
    });
  }

  const ctx = contextFor('none');
  it('keeps a stored entity id when a later document adds a spelling, and says why it joined', async () => {
    const docs = [
      docWith('Tomas Vellik spoke in Arbor.', [['Tomas Vellik', 'person'], ['Arbor', 'place']], '2031-01-02'),
      docWith('Tomass Vellik met Vellik aides.', [['Tomass Vellik', 'person']], '2031-01-03'),
    ];
    const { store } = await oneByOne(docs, ctx);
    const before = (await oneByOne(docs.slice(0, 1), ctx)).store;
    const [first] = (await before.corpus<Entity>('entities')).filter((e) => e.type === 'person');
    const person = (await store.corpus<Entity>('entities')).find((e) => e.type === 'person')!;
    expect(person.id).toBe(first.id);
    expect(person.aliases.map((a) => a.text).sort()).toEqual(['Tomas Vellik', 'Tomass Vellik']);
    expect(person.merges).toEqual([{ reason: 'same name up to transliteration', a: 'Tomas Vellik', b: 'Tomass Vellik' }]);
    await Promise.all([store.close(), before.close()]);
  });

  it('folds a stored bare surname into the full name that arrives later, and redirects its id', async () => {
    const docs = [
      docWith('Brandt spoke in Arbor.', [['Brandt', 'person'], ['Arbor', 'place']], '2031-01-02'),
      docWith('Brandt answered again.', [['Brandt', 'person']], '2031-01-03'),
      docWith('Minister Ilse Brandt met Arbor officials.', [['Ilse Brandt', 'person'], ['Arbor', 'place']], '2031-01-04'),
    ];
    const { store } = await oneByOne(docs, ctx);
    const people = (await store.corpus<Entity>('entities')).filter((e) => e.type === 'person');
    expect(people.map((p) => [p.name, p.mentions.length])).toEqual([['Ilse Brandt', 3]]);
    expect(people[0].merges).toEqual([{ reason: 'the only person in the corpus with this surname', a: 'Brandt', b: 'Ilse Brandt' }]);
    // The bare surname's entity was the larger, so its id is kept, and the look-ups of all three documents name it.
    const state = await store.readState('entities', docs.map((d) => `d:${d.id}`));
    expect(docs.map((d) => (state.get(`d:${d.id}`) as [number, number, string][]).filter((e) => e[2] === people[0].id).length)).toEqual([1, 1, 1]);
    await store.close();
  });

  it('types a stored name no type fitted once a later document types its spelling', async () => {
    const docs = [
      docWith('Talks went on in Drenmouth.', [['Drenmouth', 'other']], '2031-01-02'),
      docWith('Shelling hit the port of Drenmouth.', [['Drenmouth', 'place']], '2031-01-03'),
    ];
    const { store } = await oneByOne(docs, ctx);
    const places = (await store.corpus<Entity>('entities')).filter((e) => e.name === 'Drenmouth');
    expect(places.map((p) => [p.type, p.mentions.map((m) => m.doc)])).toEqual([['place', [docs[0].id, docs[1].id].sort()]]);
    await store.close();
  });
});

describe('incremental events over incremental entities', () => {
  const ctx = contextFor('none');
  /** A document with the given names and the event mentions found in it, its "Monday" dated `day`. */
  const reportOf = (text: string, names: [string, MentionType][], day: string) => {
    const doc = docWith(text, names, day);
    const start = text.indexOf('Monday');
    const layers = { ...doc.layers, sentences: splitSentences(text), times: [{ span: { start, end: start + 6 }, type: 'DATE', value: day, recipe: { kind: 'fixed', value: day }, source: 'test' }] } as NewsDoc['layers'];
    return { ...doc, layers: { ...layers, eventMentions: findEventMentions({ ...doc, layers }) } };
  };
  it('keeps a stored event on the person once the bare surname it named is folded into the full name', async () => {
    const docs = [
      reportOf('Brandt held talks with Varnholm envoys in Kessel on Monday.', [['Brandt', 'person'], ['Varnholm', 'place'], ['Kessel', 'place']], '2031-01-06'),
      reportOf(
        'Minister Ilse Brandt held talks with Varnholm envoys in Kessel on Monday, and Ilse Brandt spoke after.',
        [['Ilse Brandt', 'person'], ['Varnholm', 'place'], ['Kessel', 'place'], ['Ilse Brandt', 'person']],
        '2031-01-06',
      ),
    ];
    const resolvers = [entityResolver, eventsResolver];
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    const at = { ...ctx, options: { ...ctx.options, incrementalFrom: 1 } };
    for (const doc of docs) {
      await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
      await resolveCorpus(store, at, resolvers);
    }
    const ids = new Map((await store.corpus<Entity>('entities')).map((e) => [e.id, e.name]));
    const events = await store.corpus<Event>('events');
    expect(events.map((e) => [e.actors.map((a) => ids.get(a)), e.mentions.length])).toEqual([[['Ilse Brandt', 'Varnholm'], 2]]);
    await store.close();
  });
});

describe('EntityView.stale', () => {
  const input = {
    added: [],
    stateOf: async () => new Map(),
    delta: { upsert: { entities: [{ id: 'ent-b', data: { id: 'ent-b', pack: null, mentions: [{ doc: 'd1', start: 0, end: 6 }] } }] }, remove: { entities: ['ent-a'] } },
  } as unknown as IncrementalInput;
  const view = new EntityView(input);
  const span = { start: 0, end: 6 };
  it('says a stored look-up may have moved when another changed entity covers the span, or its own entity was removed', () => {
    expect([view.stale('d1', span, 'ent-a'), view.stale('d1', span, '~brandt'), view.stale('d2', span, 'ent-a')]).toEqual([true, true, true]);
  });
  it('keeps a look-up the changed entity still covers, or no changed entity touches', () => {
    expect([view.stale('d1', span, 'ent-b'), view.stale('d2', span, 'ent-c'), view.stale('d2', span, '~brandt'), view.stale('d1', { start: 7, end: 9 }, 'ent-c')]).toEqual([false, false, false, false]);
  });
});
