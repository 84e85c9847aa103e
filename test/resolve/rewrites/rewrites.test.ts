import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { duplicatesResolver } from '../../../src/resolve/duplicates/resolver.js';
import { rewritesResolver } from '../../../src/resolve/rewrites/resolver.js';
import { loadFixture } from '../duplicates/load.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'duplicates', 'rewrites');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));

function resolve(ctx = makeContext()) {
  const docs = loadFixture(DIR);
  const dup = duplicatesResolver.run(docs, {}, ctx);
  const out = rewritesResolver.run(docs, dup.items!, ctx);
  return { docs, out, result: docs.map((d) => out.docs!.find((c) => c.id === d.id) ?? d) };
}

describe('rewrites resolver on the fixture corpus', () => {
  const { docs, out, result } = resolve();
  const origin = new Map(docs.map((d) => [d.id, d.origin]));

  it.each(Object.keys(expected))('%s gets exactly the expected flags and link', (file) => {
    const doc = result.find((d) => d.origin === file)!;
    expect({ duplicateOf: doc.duplicateOf ? origin.get(doc.duplicateOf) : null, flags: doc.flags }).toEqual(expected[file]);
  });

  it('stores the reworded copy in its original’s duplicates group as a rewrite', () => {
    const original = docs.find((d) => d.origin === 'original.txt')!;
    const copy = docs.find((d) => d.origin === 'spun-copy.txt')!;
    expect(out.items!.duplicates).toEqual([
      { id: original.id, data: { original: original.id, copies: [{ doc: copy.id, kind: 'rewrite', score: 0.78 }] } },
    ]);
  });

  it('is idempotent', () => {
    const dup = duplicatesResolver.run(result, {}, makeContext());
    expect(rewritesResolver.run(result, dup.items!, makeContext()).docs).toEqual([]);
  });

  it('a published date decides which of the two is the original', () => {
    const docs = loadFixture(DIR, (f) => ({
      published: { date: f === 'spun-copy.txt' ? '2031-01-01' : '2031-02-01', source: 'metadata', confidence: 1, evidence: [] },
    }));
    const out = rewritesResolver.run(docs, { duplicates: [] }, makeContext());
    const linked = out.docs!.filter((d) => d.duplicateOf !== null).map((d) => [d.origin, origin.get(d.duplicateOf!)]);
    expect(linked).toEqual([['original.txt', 'spun-copy.txt']]);
  });

  it('uses the pack’s entities for misspellings and role errors', () => {
    const pack = {
      name: 'test',
      entities: [
        { name: 'Ilse Brandvik', aliases: [], roles: [{ title: 'Foreign Minister of Osmark', from: null, to: null }] },
        { name: 'Oda Marrin', aliases: ['Oda Marrin-Sarn'] },
      ],
    };
    const docs = loadFixture(DIR).filter((d) => d.origin === 'clean-weak-clues.txt');
    const text = 'Ilse Brandvik, the Osmark senator, met Oda Marrim. Later they spoke to reporters about the harbour.';
    const doc = { ...docs[0], id: 'x', text };
    const [flagged] = rewritesResolver.run([doc], { duplicates: [] }, makeContext({ pack: pack as { name: string } })).docs!;
    expect(flagged.flags).toEqual([
      {
        kind: 'rewritten',
        score: 0.75,
        evidence: [
          'role error: "Ilse Brandvik, the Osmark senator": elsewhere foreign minister of osmark',
          'misspelled name: "Marrim" is close to the known name "marrin"',
        ],
      },
    ]);
  });
});
