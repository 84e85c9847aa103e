/**
 * Misspelled names, a trace of machine rewriting and careless copying ("Lavor" for "Lavrov",
 * "Zelskyy" for "Zelenskyy"): a name within a couple of edits of another name that is not an accepted
 * transliteration (same skeleton) nor an inflection (Russia/Russian, France/French).
 */
import type { NewsDoc } from '../../model/doc.js';
import { deletions, osaDistance, skeleton } from './edit-distance.js';
import { COMMON_PROPER } from './common-proper.js';
import { maxEdits, namesIn, type NameStats, type NameUse } from './names.js';
import type { PackFacts } from './pack-facts.js';
import { BoundedMemo } from '../../memo.js';

/**
 * Two spellings of one name in one text: a writer is consistent, a spinner or a typo is not. The
 * rarer spelling must be rarer (or both used once): two names used equally often are two people.
 */
export const SAME_TEXT_WEIGHT = 0.5;
/** A spelling close to a name the pack knows. */
export const PACK_WEIGHT = 0.5;
/** A spelling found in no other document, close to a name found in several. */
export const CORPUS_WEIGHT = 0.35;
/** Documents a spelling must appear in to count as the established one (3: one outlet's habit is not enough). */
export const ESTABLISHED_DF = 3;

/** One misspelled name with why it is taken as one. */
export interface Misspelling {
  start: number;
  end: number;
  text: string;
  /** The established spelling. */
  likely: string;
  weight: number;
  reason: string;
}

/**
 * Edits allowed against a spelling from other documents: one. Distinct long names two edits apart
 * are common enough across a corpus (Marit / Marrin; on the synthetic benchmark two edits gave a
 * third of all false flags), while a one-off typo is usually one edit (a swap or a dropped letter).
 */
export const CORPUS_EDITS = 1;

/** Word endings of inflections and demonyms (Russia/Russian/Russians, Osmark/Osmarkis). */
const TAILS = new Set(['', 'a', 'an', 'ans', 'e', 'es', 's', 'n', 'ns', 'i', 'is', 'ian', 'ians', 'ese', 'ish']);

/** True when the two spellings differ only by an inflection or demonym ending after a shared stem. */
function inflection(a: string, b: string): boolean {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const [ta, tb] = [a.slice(p), b.slice(p)];
  // One spelling extending the other is a derived form or another name (Vikzar / Vikzarsa), not a typo.
  return ta === '' || tb === '' || (TAILS.has(ta) && TAILS.has(tb));
}

/**
 * The misspelled names of `doc`, given corpus statistics (which include `doc`) and pack facts. A
 * close name is vetted (`distinct`) only when it would decide: it is used more in the text, or it is
 * the established spelling of a name used once.
 */
export function findMisspelledNames(doc: Pick<NewsDoc, 'text'>, stats: NameStats, pack: PackFacts): Misspelling[] {
  const names = namesIn(doc.text);
  const out: Misspelling[] = [];
  for (const [key, v] of names) {
    if (!stats.isName(key) || pack.spellings.has(key) || COMMON_PROPER.has(key)) continue;
    // The close names (`stats.neighbours`, in order) are `close` ones that are names, tested as met.
    const near = stats.close(key);
    // The spelling used most in the text (the first of those), when used more than this one.
    let inText: NameUse | undefined;
    for (const o of near) {
      const w = names.get(o);
      if (!w || !(w.count > v.count || (w.count === 1 && v.count === 1 && w.first < v.first)) || !stats.isName(o)) continue;
      if ((inText === undefined || w.count > inText.count) && distinct(key, o)) inText = w;
    }
    if (inText) {
      out.push(hit(v, inText.surface, SAME_TEXT_WEIGHT, `"${v.surface}" beside "${inText.surface}" (×${inText.count}) in the same text`));
      continue;
    }
    if (!stats.isMidSentenceName(key)) continue;
    const known = nearKnown(key, pack);
    if (known) {
      out.push(hit(v, known, PACK_WEIGHT, `"${v.surface}" is close to the known name "${known}"`));
      continue;
    }
    if (stats.docFreq.get(key) !== 1) continue;
    const common = near.find((o) => (stats.docFreq.get(o) ?? 0) >= ESTABLISHED_DF && stats.isName(o) && osaDistance(key, o) <= CORPUS_EDITS && distinct(key, o));
    if (common) out.push(hit(v, common, CORPUS_WEIGHT, `"${v.surface}" appears nowhere else; "${common}" in ${stats.docFreq.get(common)} documents`));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A close name that is neither a common proper word, an inflection nor a transliteration of `key`. */
function distinct(key: string, o: string): boolean {
  return !COMMON_PROPER.has(o) && !inflection(key, o) && skeleton(key) !== skeleton(o);
}

/** The misspelling found at the name's first use. */
function hit(v: NameUse, likely: string, weight: number, reason: string): Misspelling {
  return { start: v.first, end: v.first + v.surface.length, text: v.surface, likely, weight, reason };
}

/** Per pack, the answers of `nearKnown` (null for none), for names that recur in many documents. */
const known = new WeakMap<PackFacts, BoundedMemo<string | null>>();

/** A spelling the pack knows within edit distance of `key` (not an inflection or transliteration). */
function nearKnown(key: string, pack: PackFacts): string | undefined {
  if (pack.deletes.size === 0) return undefined;
  const memo = known.get(pack) ?? known.set(pack, new BoundedMemo(16384)).get(pack)!;
  return memo.get(key, () => findKnown(key, pack) ?? null) ?? undefined;
}

function findKnown(key: string, pack: PackFacts): string | undefined {
  const found = new Set<string>();
  for (const d of deletions(key)) for (const w of pack.deletes.get(d) ?? []) found.add(w);
  return [...found].sort().find((o) => o !== key && osaDistance(key, o) <= maxEdits(key, o) && !inflection(key, o) && skeleton(key) !== skeleton(o));
}
