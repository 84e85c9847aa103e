/**
 * Person blocking (`surnameKeys`): the spellings one typo or transliteration apart share a key, a key
 * holds only close spellings, and so what adding a document reads does not grow with the number of
 * unrelated people whose surnames merely start alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compatibleNames, nameParts, surnameKeys } from '../../../src/resolve/entities/names.js';
import { entityResolver } from '../../../src/resolve/entities/resolver.js';
import type { Entity } from '../../../src/resolve/entities/types.js';
import { resolveCorpus, type Resolver } from '../../../src/resolve/resolve.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { makeRaw, tempDir } from '../../helpers.js';
import { contextFor, docWith } from './helpers.js';

const shared = (a: string, b: string) => surnameKeys(nameParts(a).surname).filter((k) => surnameKeys(nameParts(b).surname).includes(k));

describe('surname keys', () => {
  it('are the folded surname, its one-letter deletions, its consonant skeleton and the skeleton\'s one-consonant deletions', () => {
    expect(surnameKeys('lavrov')).toEqual(['=lavrov', '=lvrov', '=larov', '=lavov', '=lavrv', '=lavro', '~lavrv', '~larv', '~lavv', '~lavr']);
    expect(surnameKeys('brandt')).toEqual(['=brandt', '=bandt', '=brndt', '=bradt', '=brant', '=brand', '~brndt', '~bndt', '~brdt', '~brnt', '~brnd']);
    expect(surnameKeys('selenski')).toContain('=zelenski'); // s/z folded at the start
    expect(surnameKeys('patrushev')).toContain('~patrSv'); // "sh" one consonant
    expect(surnameKeys('ali')).toEqual(['=ali']); // under four letters: exact only
  });

  it('meet for every typo and transliteration pair of the issue, which then merge', () => {
    const zelenski = surnameKeys('zelenski'); // Zelenskyy, Selenskyj and Zelensky have one transliteration key
    const pairs: [string, string, string[]][] = [
      ['Sergey Lavrov', 'Sergei Lavrov', surnameKeys('lavrov')],
      ['Sergey Lavrov', 'Sergey Lavor', ['~lavr']],
      ['Volodymyr Zelenskyy', 'Volodymyr Zelskyy', ['~zelsk']],
      ['Volodymyr Zelenskyy', 'Wolodymyr Selenskyj', zelenski],
      ['Volodymyr Zelenskyy', 'Volodymyr Zelensky', zelenski],
      ['David Arakhamia', 'David Arachhamia', ['=arahamia', '~arm']],
    ];
    expect(zelenski).toHaveLength(13);
    for (const [a, b, keys] of pairs) {
      expect(shared(a, b)).toEqual(keys);
      expect(compatibleNames(nameParts(a), nameParts(b))).toBe(true);
    }
  });

  it('keep apart names that only start alike (negative cases)', () => {
    for (const [a, b] of [['Vladimir Putin', 'Alexander Pushkin'], ['Vladimir Putin', 'Vladimir Medinsky'], ['Tomas Vellik', 'Mara Velkovic'], ['Ivan Petrov', 'Ivan Pavlov']]) {
      expect(shared(a, b)).toEqual([]);
    }
  });
});

describe('blocking at scale', () => {
  const surnames = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'entities-scale', 'surnames.json'), 'utf8')) as string[];
  const ctx = contextFor('none');

  /** Resolves `n` unrelated people one document each, then a typo of the first: the stored spellings that last step read, and the entities. */
  async function addTypo(n: number) {
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    const c = { ...ctx, options: { ...ctx.options, incrementalFrom: 1 } };
    let read = 0;
    const counted: Resolver = {
      ...entityResolver,
      incremental: {
        state: entityResolver.incremental!.state,
        add: (input, corpus, x) =>
          entityResolver.incremental!.add(
            {
              ...input,
              state: async (keys) => {
                const got = await input.state(keys);
                for (const [k, v] of got) if (k.startsWith('g:person')) read += (v as { s: unknown[] }).s.length;
                return got;
              },
            },
            corpus,
            x,
          ),
      },
    };
    const docs = [
      docWith('Tomas Vellik spoke in Arbor.', [['Tomas Vellik', 'person']], '2031-01-02'),
      ...surnames.slice(0, n).map((s, i) => docWith(`Mara ${s} met officials.`, [[`Mara ${s}`, 'person']], `2031-01-${String(3 + (i % 20)).padStart(2, '0')}`)),
    ];
    for (const doc of docs) {
      await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
      await resolveCorpus(store, c, [entityResolver]);
    }
    const typo = docWith('Tomas Vellick answered.', [['Tomas Vellick', 'person']], '2031-02-01');
    await store.putBatch([{ doc: typo, raw: makeRaw(`${typo.id}.txt`, typo.text) }]);
    read = 0;
    await resolveCorpus(store, c, [counted]);
    const people = (await store.corpus<Entity>('entities')).filter((e) => e.aliases.some((a) => a.text.startsWith('Tomas')));
    await store.close();
    return { read, people: people.map((p) => p.aliases.map((a) => a.text).sort()) };
  }

  it('reads the same stored spellings for a new name with 5 or 40 people of the old surname block', async () => {
    const few = await addTypo(5);
    const many = await addTypo(40);
    expect(few.people).toEqual([['Tomas Vellick', 'Tomas Vellik']]);
    expect(many.people).toEqual(few.people);
    expect(many.read).toBe(few.read);
    expect(few.read).toBe(1); // "Tomas Vellik", read once though filed under the two keys it shares with "Vellick" ("=velik", "~velk")
  });

  it('matches a stored bare surname again against every full name sharing any of its keys, not only the new name\'s', async () => {
    // "Velik" joined the only fit of its time, Tomas Velin (keys "=veli", "~vel"); Tomas Vlik shares
    // another key with "Velik" ("=vlik") and none with Velin, and also fits "Velik": two fits, no join.
    const docs = [
      docWith('Velik spoke in Arbor.', [['Velik', 'person']], '2031-01-02'),
      docWith('Tomas Velin met officials.', [['Tomas Velin', 'person']], '2031-01-03'),
      docWith('Tomas Vlik answered.', [['Tomas Vlik', 'person']], '2031-01-04'),
    ];
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    const c = { ...ctx, options: { ...ctx.options, incrementalFrom: 1 } };
    for (const doc of docs) {
      await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
      await resolveCorpus(store, c, [entityResolver]);
    }
    const people = (await store.corpus<Entity>('entities')).map((e) => e.aliases.map((a) => a.text).sort()).sort();
    expect(people).toEqual([['Tomas Velin', 'Velik'], ['Tomas Vlik']]);
    await store.close();
  });
});
