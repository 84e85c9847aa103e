import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/clean/clean.js';
import { makeContext } from '../../../src/context.js';
import { isRejected } from '../../../src/ingest/types.js';
import { loadPack } from '../../../src/packs/load.js';
import { duplicatesResolver } from '../../../src/resolve/duplicates/resolver.js';
import { rewritesResolver } from '../../../src/resolve/rewrites/resolver.js';
import { clusterStories } from '../../../src/resolve/stories/resolver.js';
import { makeRaw, SHARED } from '../../helpers.js';

/**
 * The four real seed articles (read from ../shared, never copied here): the acceptance
 * property that the two machine-rewritten ones are flagged and the two others are not, with and
 * without the domain pack; no seed is another's copy. Properties only, no pasted text.
 */
const SEEDS = join(SHARED, 'seeds');
const REWRITTEN = ['001_3adaddde564ac20b.txt', '003_ab0c205e90f0970e.txt'];

describe.skipIf(!existsSync(SEEDS))('seeds (../shared/seeds): rewritten copies', () => {
  if (!existsSync(SEEDS)) it.skip(`skipped: ${SEEDS} is absent`, () => {});
  const docs = existsSync(SEEDS)
    ? readdirSync(SEEDS).sort().map((f) => {
        const doc = clean(makeRaw(f, readFileSync(join(SEEDS, f), 'utf8')));
        if (isRejected(doc)) throw new Error(doc.reason);
        return doc;
      })
    : [];

  it.each([['none'], ['russia-ukraine']])('with pack %s, exactly the two rewritten seeds are flagged', (pack) => {
    const ctx = makeContext({ pack: pack === 'none' ? { name: 'none' } : loadPack(pack) });
    const dup = duplicatesResolver.run(docs, {}, ctx);
    expect(dup.docs).toEqual([]);
    const out = rewritesResolver.run(docs, dup.items!, ctx);
    expect(out.docs!.map((d) => d.origin).sort()).toEqual(REWRITTEN);
    for (const d of out.docs!) {
      expect(d.flags.map((f) => f.kind)).toEqual(['rewritten']);
      expect(d.flags[0].score).toBeGreaterThanOrEqual(0.6);
      expect(d.duplicateOf).toBeNull();
    }
  });

  it('the two reports of the second round (same date) fall in one story', () => {
    const dated = docs.map((d) =>
      ['000_5291d0a6826b4d16.txt', '002_cf2d2b4a0aeeb42b.txt'].includes(d.origin)
        ? { ...d, published: { date: '2022-03-03', source: 'metadata' as const, confidence: 1, evidence: [] } }
        : d,
    );
    const story = clusterStories(dated).find((s) => s.docs.includes(dated[0].id))!;
    expect(story.docs).toContain(dated[2].id);
  });
});
