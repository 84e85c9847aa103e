/**
 * Which stretches of a document the name tagger reads, and which sentences are title case. Shared by
 * tagging (`tagger-features.ts`, `combine.ts`) and training (`scripts/train-tagger.ts`).
 */
import type { RuleSpan } from './tagger-features.js';
import type { Token } from './tokens.js';
import { hasUpper, startsUpper, startsWithLetter } from './chars.js';

/**
 * The stretches of a document the tagger reads: runs of tokens with a capital letter or inside a rule
 * name, widened by one token each side ("University of Texas", "de Tocqueville"), never crossing a
 * sentence start. Everything else is outside any name: the tagger skips it, which makes it ~3× cheaper
 * (names without a capital are rare: 71 name tokens of GUM's training documents fall outside). Half-open token ranges `[start, end)`.
 */
export function segments(tokens: readonly Token[], sentenceStart: boolean[], rules: RuleSpan[]): [number, number][] {
  const n = tokens.length;
  const core = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (hasUpper(tokens[i].text)) core[i] = 1;
  for (const r of rules) core.fill(1, r.first, r.last + 1);
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (core[i] || (i > 0 && core[i - 1] && !sentenceStart[i]) || (i + 1 < n && core[i + 1] && !sentenceStart[i + 1])) active[i] = 1;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (!active[i]) continue;
    let j = i + 1;
    while (j < n && active[j] && !sentenceStart[j]) j++;
    out.push([i, j]);
    i = j - 1;
  }
  return out;
}

/**
 * Tokens of title-case sentences (headlines, captions, lists of names), where capitals say little:
 * at least `HEADLINE_SHARE` of the sentence's words (and at least 3) are capitalised.
 */
export function titleCase(tokens: readonly Token[], sentenceStart: boolean[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let a = 0;
  let words = 0;
  let caps = 0;
  const close = (end: number) => {
    if (words >= 3 && caps / words >= HEADLINE_SHARE) out.fill(true, a, end);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && sentenceStart[i]) {
      close(i);
      [a, words, caps] = [i, 0, 0];
    }
    const t = tokens[i].text;
    if (t.length > 3 && startsWithLetter(t)) {
      words++;
      if (startsUpper(t)) caps++;
    }
  }
  close(tokens.length);
  return out;
}

/** Share of capitalised words (longer than 3 letters, so "of", "the", "and" do not count) that makes a sentence title case. */
export const HEADLINE_SHARE = 0.75;
