/**
 * The stored name statistics of incremental rewrites (`name-state.ts`): documents taken in one run at
 * a time must leave the state a full build over all of them leaves, and must find the same close
 * names in the same order (misspelling detection takes the first match), also from state written
 * before neighbour lists existed.
 */
import { describe, expect, it } from 'vitest';
import type { NewsDoc } from '../../../src/model/doc.js';
import { nameState, StoredNames } from '../../../src/resolve/rewrites/name-state.js';
import { NameStats, namesIn } from '../../../src/resolve/rewrites/names.js';

/** Seeded texts of invented names from a small alphabet, so that many are one or two edits apart. */
function texts(n: number, seed: number): string[] {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const letters = 'aeiklmnors';
  const pool: string[] = [];
  const name = () => {
    if (pool.length > 0 && rand() < 0.4) return pool[Math.floor(rand() * pool.length)];
    const len = 5 + Math.floor(rand() * 4);
    let s = 'K';
    for (let i = 1; i < len; i++) s += letters[Math.floor(rand() * letters.length)];
    pool.push(s);
    return s;
  };
  return Array.from({ length: n }, (_, i) => `Talks resumed ${i} times. Envoy ${name()} met ${name()} and ${name()}, with ${name()} nearby.${i % 7 === 0 ? ` Later ${pool[0].toLowerCase()} was heard.` : ''}`);
}

const doc = (text: string, i: number) => ({ id: `d${i}`, text }) as NewsDoc;

/** A state held in a map, read as resolver state is, counting the keys read by prefix. */
function memoryState(entries: [string, unknown][]) {
  const map = new Map(entries);
  const reads = new Map<string, number>();
  return {
    map,
    reads,
    read: async (keys: string[]) => {
      for (const k of keys) reads.set(k.slice(0, k.indexOf(':')), (reads.get(k.slice(0, k.indexOf(':'))) ?? 0) + 1);
      return new Map(keys.filter((k) => map.has(k)).map((k) => [k, map.get(k)]));
    },
    write: (put: [string, unknown][]) => put.forEach(([k, v]) => map.set(k, v)),
  };
}

/** Takes `docs` in, `step` at a time, checking every step's neighbours against a full build. */
async function stepThrough(all: NewsDoc[], base: number, step: number, state: ReturnType<typeof memoryState>) {
  for (let i = base; i < all.length; i += step) {
    const batch = all.slice(i, i + step);
    const stored = new StoredNames(state.read);
    await stored.load(batch.flatMap((d) => [...namesIn(d.text).keys()]));
    state.write(await stored.addDocs(batch));
    const full = new NameStats();
    all.slice(0, i + step).forEach((d) => full.add(d));
    for (const key of new Set(batch.flatMap((d) => [...namesIn(d.text).keys()]))) {
      expect([key, stored.neighbours(key)]).toEqual([key, full.neighbours(key)]);
      expect(stored.docFreq.get(key)).toBe(full.docFreq.get(key));
    }
  }
}

describe('stored name statistics', () => {
  const all = texts(80, 7).map(doc);
  const fullState = () => {
    const full = new NameStats();
    all.forEach((d) => full.add(d));
    return new Map(nameState(full));
  };

  it.each([1, 9])('taken in %i document(s) a run, find the close names a full build finds, in its order, and leave its state', async (step) => {
    const first = new NameStats();
    all.slice(0, 20).forEach((d) => first.add(d));
    const state = memoryState(nameState(first));
    await stepThrough(all, 20, step, state);
    const names = (m: Map<string, unknown>) => new Map([...m].filter(([k]) => /^(n|x):/.test(k)));
    expect(names(state.map)).toEqual(names(fullState()));
  });

  it('state from before neighbour lists (`n:` rows without one) gives the same neighbours, and the names looked up get lists', async () => {
    const first = new NameStats();
    all.slice(0, 40).forEach((d) => first.add(d));
    const state = memoryState(nameState(first).map(([k, v]): [string, unknown] => (k.startsWith('n:') ? [k, (v as unknown[]).slice(0, 3)] : [k, v])));
    await stepThrough(all, 40, 5, state);
    const fresh = [...new Set(all.slice(40).flatMap((d) => [...namesIn(d.text).keys()]))].filter((n) => !first.docFreq.has(n));
    expect(fresh.length).toBeGreaterThan(5);
    for (const n of fresh) expect(state.map.get(`n:${n}`)).toEqual(fullState().get(`n:${n}`));
    // An older name looked up for a document taken in gets the list a full build gives it.
    const older = [...namesIn(all[79].text).keys()].filter((n) => first.docFreq.has(n));
    expect(older.length).toBeGreaterThan(0);
    for (const n of older) expect(state.map.get(`n:${n}`)).toEqual(fullState().get(`n:${n}`));
  });

  it('writes the rows of the names counted in, and no row of a word already known in lower case', async () => {
    const first = new NameStats();
    all.forEach((d) => first.add(d));
    const state = memoryState(nameState(first));
    const known = [...first.docFreq.keys()].find((n) => n.startsWith('k'))!;
    const text = `Talks resumed 3 times. Envoy ${known[0].toUpperCase()}${known.slice(1)} met nobody nearby.`;
    const stored = new StoredNames(state.read);
    await stored.load([...namesIn(text).keys()]);
    const written = (await stored.addDocs([doc(text, 99)])).map(([k]) => k);
    // "resumed", "times" and "nearby" are known in lower case; "nobody" is new in lower case.
    expect(written.sort()).toEqual([...[...namesIn(text).keys()].map((n) => `n:${n}`), 'n:nobody'].sort());
  });

  it('reads no deletion keys for a document whose names are all known', async () => {
    const full = new NameStats();
    all.forEach((d) => full.add(d));
    const state = memoryState(nameState(full));
    const names = [...namesIn(all[50].text).keys()];
    await new StoredNames(state.read).load(names);
    expect(state.reads.get('x')).toBeUndefined();
    expect(state.reads.get('n')).toBeGreaterThanOrEqual(names.length);
  });
});
