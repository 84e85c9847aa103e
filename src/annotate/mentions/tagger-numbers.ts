/**
 * The numbers `emissionScores` (`tagger-weights.ts`) reads: each feature column's value at each token
 * as the number the weight index gave it (`WeightIndex.ids`), 0 for a value the model never saw.
 * Looking the numbers up was half of the tagger's time, so a token's text-derived numbers are
 * remembered per text, and the other columns reuse the last value's number along runs.
 */
import type { Column, FeatureColumns } from './tagger-features.js';
import type { WeightIndex } from './tagger-weights.js';

/** Tokens a feature may read beyond either end of the document (template offsets are at most 2). */
export const PAD = 2;

/**
 * The columns that are functions of a token's text alone, given whether the token is inside a stretch
 * (`featureColumns` derives them so: the word, its lower case, shape and classes; its affixes only
 * inside a stretch, `''` elsewhere). Their numbers are remembered per text (`wordIds`), so a token costs
 * one lookup instead of one per column: those lookups were half of the tagger's time.
 */
const WORD_COLUMNS: readonly Column[] = ['low', 'text', 'shape', 'cls', 'p3', 's3', 's2', 's4'];

/**
 * Per weight index, token text → its `WORD_COLUMNS` numbers: the first `WORD_COLUMNS.length` for a
 * token near a stretch but outside it, the next as many for one inside (-1 until first seen so).
 */
const wordIds = new WeakMap<WeightIndex, Map<string, Int32Array>>();
/** Texts remembered per index before the memo is emptied (a few MB at most; a corpus's vocabulary mostly fits). */
const WORD_IDS_LIMIT = 50_000;

/**
 * Each column's numbers, laid out with the sentence-boundary markers in `PAD` cells either side;
 * only tokens near a stretch are numbered (the others are never read). Columns outside
 * `WORD_COLUMNS` take few distinct values in a document, mostly in runs, so the last value's number is
 * reused without a lookup.
 */
export function columnNumbers(index: WeightIndex, f: FeatureColumns): Map<Column, Int32Array> {
  const n = f.n;
  const numbers = new Map<Column, Int32Array>();
  for (const [c, vocab] of index.ids) {
    const at = new Int32Array(n + 2 * PAD);
    const before = vocab.get('<s>') ?? 0;
    const after = vocab.get('</s>') ?? 0;
    for (let j = 0; j < PAD; j++) {
      at[j] = before;
      at[n + PAD + j] = after;
    }
    numbers.set(c, at);
    if (WORD_COLUMNS.includes(c)) continue;
    const values = f.cols[c];
    let last: string | null = null;
    let id = 0;
    for (let j = 0; j < n; j++) {
      if (!f.near[j]) continue;
      if (values[j] !== last) {
        last = values[j];
        id = vocab.get(last) ?? 0;
      }
      at[j + PAD] = id;
    }
  }
  const cols = WORD_COLUMNS.filter((c) => index.ids.has(c));
  if (cols.length === 0) return numbers;
  const width = cols.length;
  const vocabs = cols.map((c) => index.ids.get(c)!);
  const values = cols.map((c) => f.cols[c]);
  const ats = cols.map((c) => numbers.get(c)!);
  let memo = wordIds.get(index);
  if (!memo) wordIds.set(index, (memo = new Map()));
  const texts = f.cols.text;
  for (let j = 0; j < n; j++) {
    if (!f.near[j]) continue;
    let ids = memo.get(texts[j]);
    if (ids === undefined) {
      if (memo.size >= WORD_IDS_LIMIT) memo.clear();
      ids = new Int32Array(2 * width).fill(-1);
      memo.set(texts[j], ids);
    }
    const from = f.inside[j] ? width : 0;
    if (ids[from] === -1) for (let k = 0; k < width; k++) ids[from + k] = vocabs[k].get(values[k][j]) ?? 0;
    for (let k = 0; k < width; k++) ats[k][j + PAD] = ids[from + k];
  }
  return numbers;
}
