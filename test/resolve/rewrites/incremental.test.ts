/**
 * The incremental `rewrites` step on the fixture corpus: a spun copy arriving after its original is
 * linked as a full run links it, candidates ruled out by their sketches are never loaded, and state
 * written before sketches existed (no `a:` keys) gives the same result, the missing sketches written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { DocSet } from '../../../src/resolve/doc-set.js';
import { duplicatesResolver } from '../../../src/resolve/duplicates/resolver.js';
import { addDuplicates } from '../../../src/resolve/duplicates/incremental.js';
import { addRewrites } from '../../../src/resolve/rewrites/incremental.js';
import { rewritesResolver } from '../../../src/resolve/rewrites/resolver.js';
import type { IncrementalInput } from '../../../src/resolve/resolve.js';
import { loadFixture } from '../duplicates/load.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'duplicates', 'rewrites');
/** A report and a digest of the same facts, rearranged: one content vocabulary, no two sentences alike. */
const REARRANGED = join(import.meta.dirname, '..', '..', 'fixtures', 'rewrites', 'rearranged');
const noSketches = (state: Map<string, unknown>) => {
  for (const k of [...state.keys()]) if (k.startsWith('a:')) state.delete(k);
};
const ctx = makeContext();

/**
 * The fixture resolved in full without `late`, then `late` taken in by `addDuplicates` and
 * `addRewrites` over their states (that of rewrites edited by `edit`), as `resolveCorpus` runs them;
 * `counts: false`: the state of duplicates left out (it did not run).
 */
async function addLate(late: string, edit: (state: Map<string, unknown>) => void = () => {}, dir = DIR, { counts = true } = {}) {
  const all = loadFixture(dir);
  const stored = all.filter((d) => d.origin !== late);
  const dup = duplicatesResolver.run(stored, {}, ctx);
  const after = stored.map((d) => dup.docs?.find((c) => c.id === d.id) ?? d);
  const full = rewritesResolver.run(after, dup.items!, ctx);
  const resolved = after.map((d) => full.docs?.find((c) => c.id === d.id) ?? d);
  const state = new Map(rewritesResolver.incremental!.state(resolved, full.items!, ctx));
  edit(state);
  const byId = new Map<string, NewsDoc>(resolved.map((d) => [d.id, d]));
  const fetched: string[] = [];
  const docs = new DocSet(async (ids) => {
    fetched.push(...ids);
    return new Map(ids.flatMap((id): [string, NewsDoc][] => (byId.has(id) ? [[id, byId.get(id)!]] : [])));
  });
  const added = all.filter((d) => d.origin === late);
  docs.hold(added);
  const order = new Map([...resolved, ...added].map((d, i) => [d.id, i]));
  const input: IncrementalInput = {
    docs,
    added,
    changed: [],
    order: async () => order,
    state: async (keys) => new Map(keys.filter((k) => state.has(k)).map((k) => [k, state.get(k)])),
    stateOf: async () => new Map(),
    items: async () => new Map(),
    delta: { upsert: {}, remove: {} },
  };
  // The duplicates step first: rewrites reads the word counts it leaves (`stateOf`).
  const dupState = new Map(counts ? duplicatesResolver.incremental!.state(after, dup.items!, ctx) : []);
  const read = (m: Map<string, unknown>) => async (keys: string[]) => new Map(keys.filter((k) => m.has(k)).map((k) => [k, m.get(k)]));
  if (counts) for (const [k, v] of (await addDuplicates({ ...input, state: read(dupState) })).state) dupState.set(k, v);
  input.stateOf = async (ns, keys) => (ns === 'duplicates' ? read(dupState)(keys) : new Map());
  const out = await addRewrites(input, ctx);
  const origin = (id: string | null | undefined) => (id ? [...byId.values(), ...added].find((d) => d.id === id)!.origin : null);
  return { out, fetched: fetched.map(origin), origin, resolved };
}

describe('incremental rewrites with sentence sketches', () => {
  it('links a spun copy arriving after its original, as the full run over all of them does', async () => {
    const { out, origin } = await addLate('spun-copy.txt');
    const copy = out.docs!.find((d) => origin(d.id) === 'spun-copy.txt')!;
    expect(origin(copy.duplicateOf)).toBe('original.txt');
    const all = loadFixture(DIR);
    const dup = duplicatesResolver.run(all, {}, ctx);
    const full = rewritesResolver.run(all.map((d) => dup.docs?.find((c) => c.id === d.id) ?? d), dup.items!, ctx);
    expect(copy.flags).toEqual(full.docs!.find((d) => d.origin === 'spun-copy.txt')!.flags);
    expect(out.state.filter(([k]) => k.startsWith('a:')).map(([k]) => origin(k.slice(2)))).toEqual(['spun-copy.txt']);
  });

  it('loads no stored document for a rearranged report whose sentences the sketches rule out', async () => {
    const { out, fetched } = await addLate('digest.txt', undefined, REARRANGED);
    expect(out.docs!.map((d) => [d.duplicateOf, d.flags])).toEqual([]);
    expect(fetched).toEqual([]);
    // The report is its candidate: without sketches it is loaded, and found no original of it.
    const without = await addLate('digest.txt', noSketches, REARRANGED);
    expect(without.fetched).toEqual(['report.txt']);
    expect(without.out.docs).toEqual([]);
  });

  it('gives the same result from state without sketches, and writes the sketches of the candidates it loaded', async () => {
    const withSketches = await addLate('spun-copy.txt');
    const without = await addLate('spun-copy.txt', noSketches);
    expect(without.out.docs).toEqual(withSketches.out.docs);
    expect(without.fetched).toContain('original.txt');
    const sketches = (o: typeof without) => o.out.state.filter(([k]) => k.startsWith('a:'));
    expect(sketches(without).map(([k]) => without.origin(k.slice(2))).sort()).toEqual([...new Set(['spun-copy.txt', ...without.fetched])].sort());
    const rest = (o: typeof without) => o.out.state.filter(([k]) => !k.startsWith('a:'));
    expect(rest(without)).toEqual(rest(withSketches));
  });

  it('keeps no word counts of its own, and refuses to run without those of duplicates', async () => {
    const { out } = await addLate('spun-copy.txt');
    expect(out.state.filter(([k]) => k.startsWith('w:'))).toEqual([]);
    await expect(addLate('spun-copy.txt', undefined, DIR, { counts: false })).rejects.toThrow(/word counts of the duplicates resolver/);
  });
});
