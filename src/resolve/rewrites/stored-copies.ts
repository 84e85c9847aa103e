/**
 * Reworded copies in an incremental run: each new document is filed in the content-word LSH (its
 * buckets read from the state) and compared with the documents sharing its buckets, best-ranked
 * first, as a full run compares them (`findRewordedCopies`). A candidate pair is first tested on the
 * two documents' sentence sketches (`sketch.ts`, kept in the state): only a pair that may link in
 * some direction is loaded, ordered (`precedes`) and aligned. On the synthetic benchmark that is
 * none of the ~10 candidates a new document has, which spared loading ~3 stored documents, building
 * their sentences and scoring their clues (for the order) per new document.
 *
 * State: `b:<bucket>` (`StoredLsh`), `s:<doc>` the content-word signature, `a:<doc>` the sketch (a
 * stored document without one, from older state, gets it when first a candidate).
 */
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import { bandKeys, signature } from '../duplicates/minhash.js';
import { packSig, StoredLsh, unpackSig } from '../duplicates/stored-lsh.js';
import { DUPLICATE_FLAG } from '../duplicates/resolver.js';
import { CONTENT_MIN_BANDS, CONTENT_ROWS, contentWordsOf, plausible, tryLink } from './reworded-copies.js';
import { rewordedLink, type Link } from './resolver.js';
import { mayLink, packSketch, sketchOf, unpackSketch, type Sketch } from './sketch.js';

/** A near-duplicate the `duplicates` resolver marked (never examined as a reworded copy). */
export const isCopy = (d: NewsDoc) => d.flags.some((f) => f.kind === DUPLICATE_FLAG);

type State = IncrementalInput['state'];

/** The new reworded copies (by copy) and the state entries filing the new documents (`wordsOf`: a document's `contentSet`). */
export async function rewordedCopies(
  input: IncrementalInput,
  precedes: (a: NewsDoc, b: NewsDoc) => Promise<boolean>,
  wordsOf: (d: NewsDoc) => ReadonlySet<string>,
) {
  const sigs = new Map<string, Uint32Array>();
  for (const doc of input.added) {
    const words = contentWordsOf(wordsOf(doc));
    if (words) sigs.set(doc.id, signature(words));
  }
  const filed = [...sigs];
  const lsh = new StoredLsh(await prefetched(input.state, filed.flatMap(([, sig]) => bandKeys(sig, CONTENT_ROWS).map((k) => `b:${k}`))), CONTENT_ROWS);
  const ranked: [string, [string, number][]][] = [];
  for (const [id, sig] of filed) ranked.push([id, await lsh.addRanked(id, sig, CONTENT_MIN_BANDS)]);
  // The best-ranked, ties to the most recently ingested, as a full run ranks them; then only those close enough.
  const order = ranked.some(([, r]) => r.length > 1) ? await input.order() : null;
  const stored = [...new Set(ranked.flatMap(([, r]) => r.map(([id]) => id)))].filter((id) => !sigs.has(id));
  for (const [k, v] of await read(input.state, stored.map((id) => `s:${id}`))) sigs.set(k.slice(2), unpackSig(v as string));
  const candidates = new Map<string, string[]>();
  for (const [id, r] of ranked) {
    if (order && r.length > 1) r.sort((a, b) => b[1] - a[1] || (order.get(b[0]) ?? 0) - (order.get(a[0]) ?? 0));
    candidates.set(id, plausible(r.map(([other]) => other), sigs.get(id)!, (other) => sigs.get(other)));
  }
  const sketches = await sketchesOf(input, filed.map(([id]) => id), [...new Set([...candidates.values()].flat())]);

  const links = new Map<string, Link>();
  for (const doc of input.added) {
    if (isCopy(doc)) continue;
    for (const id of candidates.get(doc.id) ?? []) {
      const [a, b] = [sketches.get(doc.id), sketches.get(id)];
      const may = a && b ? mayLink(a, b) : { forward: true, backward: true };
      if (!may.forward && !may.backward) continue;
      await input.docs.load([id]);
      const other = input.docs.get(id)!;
      if (isCopy(other)) continue;
      const [orig, copy] = (await precedes(other, doc)) ? [other, doc] : [doc, other];
      // A stored document already linked keeps its link, as the first link found wins in a full run.
      if (links.has(copy.id) || (copy !== doc && copy.duplicateOf)) continue;
      if (!(copy === doc ? may.forward : may.backward)) continue;
      const l = tryLink(copy, orig);
      if (l) links.set(copy.id, rewordedLink(l, copy, orig));
    }
  }
  const state: [string, unknown][] = [...lsh.entries(), ...input.added.flatMap((d): [string, unknown][] => (sigs.has(d.id) ? [[`s:${d.id}`, packSig(sigs.get(d.id)!)]] : []))];
  for (const [id, sketch] of sketches.written) state.push([`a:${id}`, sketch]);
  return { links, state };
}

/**
 * The sketches of the new documents `filed` and of the stored `candidates` (null: unknown, never
 * ruled out); `written` holds those to store: the new documents', and any a stored document lacked.
 */
async function sketchesOf(input: IncrementalInput, filed: string[], candidates: string[]) {
  const sketches = new Map<string, Sketch | null>();
  const written: [string, string][] = [];
  const keep = (id: string, doc: NewsDoc | undefined) => {
    const sketch = doc ? sketchOf(doc) : null;
    const packed = sketch && packSketch(sketch);
    if (packed) written.push([id, packed]);
    sketches.set(id, sketch);
  };
  for (const id of filed) keep(id, input.docs.get(id));
  const need = candidates.filter((id) => !sketches.has(id));
  const got = await read(input.state, need.map((id) => `a:${id}`));
  const missing = need.filter((id) => !got.has(`a:${id}`));
  await input.docs.load(missing);
  for (const id of missing) keep(id, input.docs.get(id));
  for (const [k, v] of got) sketches.set(k.slice(2), unpackSketch(v as string));
  return Object.assign(sketches, { written });
}

/** Reads `keys` (none: no read). */
const read = async (state: State, keys: string[]) => (keys.length > 0 ? state(keys) : new Map<string, unknown>());

/** A state reader that has `keys` read already (in one read), and reads any other key when asked. */
async function prefetched(state: State, keys: string[]): Promise<State> {
  const asked = new Set(keys);
  const got = await read(state, [...asked]);
  return async (wanted) => {
    const more = await read(state, wanted.filter((k) => !asked.has(k)));
    return new Map(wanted.flatMap((k): [string, unknown][] => (got.has(k) ? [[k, got.get(k)]] : more.has(k) ? [[k, more.get(k)]] : [])));
  };
}
