/**
 * The stored spellings of incremental entities (`incremental-blocks.ts`): kept once per filing with
 * the use counts a full pass gives, written only when they change, and read only where a new name
 * may fit them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewsDoc } from '../../../src/model/doc.js';
import { entityResolver } from '../../../src/resolve/entities/resolver.js';
import { resolveCorpus, type Resolver } from '../../../src/resolve/resolve.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { makeRaw, tempDir } from '../../helpers.js';
import { contextFor, docWith } from './helpers.js';

const ctx = contextFor('none');

/** Resolves `docs` one at a time (the first in full); returns the state each resolution wrote, and the keys each read. */
async function steps(docs: NewsDoc[]) {
  const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
  const c = { ...ctx, options: { ...ctx.options, incrementalFrom: 1 } };
  const written: [string, unknown][][] = [];
  const read: string[][] = [];
  const recorded: Resolver = {
    ...entityResolver,
    incremental: {
      state: (d, items, x) => {
        const out = entityResolver.incremental!.state(d, items, x);
        written.push(out);
        return out;
      },
      add: async (input, corpus, x) => {
        const keys: string[] = [];
        read.push(keys);
        const out = await entityResolver.incremental!.add({ ...input, state: (k) => (keys.push(...k), input.state(k)) }, corpus, x);
        written.push(out.state);
        return out;
      },
    },
  };
  for (const doc of docs) {
    await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
    await resolveCorpus(store, c, [recorded]);
  }
  await store.close();
  return { written, read: [[], ...read] };
}

/** The spellings' state (`g:` filings, `b:` block lists) as the writes leave it. */
const spellingState = (writes: [string, unknown][][]) => new Map(writes.flat().filter(([k]) => k.startsWith('g:') || k.startsWith('b:')));

describe('stored spellings', () => {
  const report = (day: string, person = 'Tomas Vellik') => docWith(`${person} visited Kessland Railways on ${day}.`, [[person, 'person'], ['Kessland Railways', 'organization']], day);
  const docs = [report('2031-01-02'), report('2031-01-03'), report('2031-01-04')];

  it('are kept as a full pass keeps them, use counts included, after steps that each add a document', async () => {
    const state = spellingState((await steps(docs)).written);
    expect(state).toEqual(spellingState((await stepsAtOnce(docs)).written));
    const org = [...state].find(([k]) => k.startsWith('g:organization'))!;
    expect((org[1] as { s: unknown[][] }).s.map((s) => [s[2], s[5]])).toEqual([['Kessland Railways', 3]]);
  });

  it('writes nothing for a person spelt as stored, and only the use count of another name', async () => {
    const { written } = await steps(docs);
    for (const step of written.slice(1)) expect(step.filter(([k]) => k.startsWith('g:') || k.startsWith('b:')).map(([k]) => k)).toEqual(['g:organization||kesland railvai']);
  });

  it('reads, of the persons sharing a block with a new name, only those whose surname may be the same', async () => {
    // "Velmora" shares the skeleton block "~velr" with "Velturo" and is another name; "Veltura" may be "Velturo" misspelt.
    const people = [report('2031-01-02', 'Mara Velmora'), report('2031-01-03', 'Ilse Veltura'), report('2031-01-04', 'Tomas Velturo')];
    const { read } = await steps(people);
    expect(read[2].filter((k) => k.startsWith('g:person'))).toEqual(['g:person||veltura|full']); // (the new name's own filing is not listed yet: nothing to read)
  });
});

/** Resolves `docs` at once (a full pass): the state it wrote. */
async function stepsAtOnce(docs: NewsDoc[]) {
  const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
  const written: [string, unknown][][] = [];
  const recorded: Resolver = { ...entityResolver, incremental: { ...entityResolver.incremental!, state: (d, items, x) => (written.push(entityResolver.incremental!.state(d, items, x)), written.at(-1)!) } };
  await store.putBatch(docs.map((doc) => ({ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) })));
  await resolveCorpus(store, ctx, [recorded]);
  await store.close();
  return { written };
}
