/**
 * Whether a lower-case word is an ordinary English word: one in the vocabulary of wink-nlp's English
 * lite model (`wink-eng-lite-web-model`, ~87k entries, bundled with the package): "successful",
 * "civic", "chrome" are; "kuleba", "quistad", "putin" are not.
 *
 * wink numbers the words it reads: words of its vocabulary keep their fixed index, every other word
 * gets the next free index past the vocabulary. So the first word this module's own wink instance
 * ever reads, a string no vocabulary holds, tells where the vocabulary ends.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
const model = require('wink-eng-lite-web-model') as import('wink-nlp').Model;

/** A string that is in no vocabulary, read first to find where wink's vocabulary ends. */
const NOT_A_WORD = 'qzxqjvkwq';

let reader: { read(word: string): number; size: number } | null = null;
const memo = new Map<string, boolean>();
/** Memo size bound (cleared when reached): a few MB at most. */
const MEMO_LIMIT = 100_000;

/** True when the lower-case word `lower` is in wink's English vocabulary. Memoised. */
export function isCommonWord(lower: string): boolean {
  let known = memo.get(lower);
  if (known !== undefined) return known;
  if (!reader) {
    // a private instance without a pipeline: reading a word only tokenises it
    const nlp = winkNLP(model, []);
    const read = (word: string) => (nlp.readDoc(word).tokens().out(nlp.its.uniqueId) as number[])[0] ?? Infinity;
    reader = { read, size: read(NOT_A_WORD) };
  }
  known = lower.length > 0 && !/\s/.test(lower) && reader.read(lower) < reader.size;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(lower, known);
  return known;
}
