/**
 * The terms a story is recognised by: names (capitalised words and runs of them, weighted double),
 * other content words, and — when the `mentions` layer exists — the normalised names of its mentions.
 * Function words and sentence-initial capitals of ordinary words are left out.
 */
import type { NewsDoc } from '../../model/doc.js';
import { sentenceInitial } from '../duplicates/tokens.js';
import { contentTokens } from '../rewrites/content-words.js';

/** Weight of a name relative to an ordinary content word: names carry most of a story's identity. */
export const NAME_WEIGHT = 2;
/** Content words shorter than this are too generic to tell stories apart ("said", "war" stay out). */
export const MIN_WORD_LENGTH = 4;

const UPPER = /^\p{Lu}/u;

/** A loose view of the `mentions` layer (read only when present; owned by the mentions stage). */
type LooseMentions = { key?: unknown }[] | undefined;

/** Weighted term counts of `doc`: `name:` terms, plain words (crudely singular), `ent:` mention keys. */
export function termCounts(doc: Pick<NewsDoc, 'text' | 'layers'>): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (t: string, w: number) => counts.set(t, (counts.get(t) ?? 0) + w);
  const toks = contentTokens(doc.text);
  // each token's capital and sentence position, worked out once (both are read twice below)
  const upper = toks.map((t) => UPPER.test(doc.text[t.start]));
  const initial = toks.map((t, i) => upper[i] && sentenceInitial(doc.text, t.start));
  const lowerSeen = new Set(toks.filter((_, i) => !upper[i]).map((t) => t.norm));
  const midCapital = new Set(toks.filter((_, i) => upper[i] && !initial[i]).map((t) => t.norm));
  let run: string[] = [];
  let runEnd = -1;
  const flush = () => {
    if (run.length > 1) bump(`name:${run.join(' ')}`, NAME_WEIGHT);
    run = [];
  };
  toks.forEach((t, i) => {
    const norm = t.norm.replace(/'s$/, '');
    const capital = upper[i] && !lowerSeen.has(norm) && (midCapital.has(t.norm) || !initial[i]);
    if (capital) {
      if (runEnd >= 0 && doc.text.slice(runEnd, t.start) !== ' ') flush();
      bump(`name:${norm}`, NAME_WEIGHT);
      run.push(norm);
      runEnd = t.end;
      return;
    }
    flush();
    runEnd = -1;
    if (norm.length >= MIN_WORD_LENGTH && !/^\d/.test(norm)) bump(norm.length > 4 ? norm.replace(/s$/, '') : norm, 1);
  });
  flush();
  const mentions = (doc.layers as { mentions?: LooseMentions }).mentions;
  for (const m of mentions ?? []) if (typeof m.key === 'string' && m.key.length > 0) bump(`ent:${m.key}`, NAME_WEIGHT);
  return counts;
}
