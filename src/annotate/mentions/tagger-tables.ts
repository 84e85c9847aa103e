/**
 * The compact tables of the tagger's weights (`tagger-weights.ts`): an open-addressing hash table of
 * integer keys in one typed array, for the templates with too many possible keys for a dense table,
 * and the weight vectors stored once each, as 16-bit codes into the model's few distinct weights.
 */

/** Slot of `key` in a hash table of `mask + 1` slots (multiplicative hashing; keys are < 2³¹). */
const slotOf = (key: number, mask: number) => (Math.imul(key, 0x9e3779b1) >>> 7) & mask;

/** An open-addressing table (linear probing) of `entries` (key, row + 1), at most half full; keys are never 0 (0 marks an empty slot). */
export function hashTable(entries: [number, number][]): Int32Array {
  let slots = 2;
  while (slots < entries.length * 2) slots *= 2;
  const table = new Int32Array(slots * 2);
  const mask = slots - 1;
  for (const [key, row] of entries) {
    let s = slotOf(key, mask);
    while (table[2 * s] !== 0) s = (s + 1) & mask;
    table[2 * s] = key;
    table[2 * s + 1] = row;
  }
  return table;
}

/** Row + 1 of `key` in a table made by `hashTable`, 0 when absent. */
export function lookup(table: Int32Array, key: number): number {
  const mask = (table.length >> 1) - 1;
  for (let s = slotOf(key, mask); ; s = (s + 1) & mask) {
    const k = table[2 * s];
    if (k === key) return table[2 * s + 1];
    if (k === 0) return 0;
  }
}

/**
 * The distinct weights, the distinct vectors as rows of codes into them, and the row of each vector
 * (in `vectors` order). Weights are told apart as `Object.is` does (-0 is not 0), so each code stands
 * for the very double it replaced.
 */
export function sharedRows(vectors: ArrayLike<number>[], labels: number): { rowOf: Int32Array; values: Float64Array; codes: Uint16Array | Uint32Array } {
  const codeOf = new Map<number, number>();
  const list: number[] = [];
  const code = (x: number) => {
    const k = Object.is(x, -0) ? NEG_ZERO_KEY : x; // a Map takes -0 for 0
    let c = codeOf.get(k);
    if (c === undefined) codeOf.set(k, (c = list.push(x) - 1));
    return c;
  };
  const rowKeys = new Map<string, number>();
  const rowCodes: number[] = [];
  const rowOf = new Int32Array(vectors.length);
  vectors.forEach((w, f) => {
    const cs: number[] = [];
    for (let y = 0; y < labels; y++) cs.push(code(w[y]));
    const key = cs.join(',');
    let r = rowKeys.get(key);
    if (r === undefined) {
      rowKeys.set(key, (r = rowKeys.size));
      rowCodes.push(...cs);
    }
    rowOf[f] = r;
  });
  const codes = list.length <= 0x10000 ? Uint16Array.from(rowCodes) : Uint32Array.from(rowCodes);
  return { rowOf, values: Float64Array.from(list), codes };
}
/** The key standing for -0 among the distinct weights (NaN: no weight is NaN, the model file being JSON). */
const NEG_ZERO_KEY = Number.NaN;
