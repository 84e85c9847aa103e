/**
 * Corpus statistics of names for spotting misspelled names: which capitalised words are names (never
 * written in lower case anywhere in the corpus), in how many documents each occurs, and a SymSpell
 * deletion index so the names within edit distance 2 of a name are found without scanning them all.
 * Incremental: `add` one document at a time.
 */
import { BoundedMemo } from '../../memo.js';
import type { NewsDoc } from '../../model/doc.js';
import { sentenceInitial, tokens } from '../duplicates/tokens.js';
import { deletions, osaDistance } from './edit-distance.js';

/** Shorter names are skipped: "Iran"/"Iraq", "Kyiv"/"Kiev" are one or two edits apart by nature. */
export const MIN_NAME_LENGTH = 5;

/**
 * Texts whose names are remembered: an incremental run reads each new document's names to load their
 * statistics, to count them in and to score them (three passes over a batch of up to 1,000).
 */
const memo = new BoundedMemo<ReadonlyMap<string, NameUse>>(2048);

/** How a name is used in one text. */
export interface NameUse {
  count: number;
  first: number;
  surface: string;
  midSentence: boolean;
}

/** The names of one text (case-folded, possessive `'s` stripped) with how often each occurs. Shared: do not mutate. */
export function namesIn(text: string): ReadonlyMap<string, NameUse> {
  return memo.get(text, () => findNames(text));
}

/** Texts whose lower-case words are remembered (counted in, then written to the state). */
const lowerMemo = new BoundedMemo<readonly string[]>(2048);

/** The distinct words of `text` written in lower case (case-folded, possessive `'s` stripped). Shared: do not mutate. */
export function lowerWords(text: string): readonly string[] {
  return lowerMemo.get(text, () => {
    const out = new Set<string>();
    for (const t of tokens(text)) {
      const c = text.charCodeAt(t.start);
      if (c >= 0x61 && c <= 0x7a ? true : c >= 0x80 && /^\p{Ll}/u.test(text[t.start])) out.add(t.norm.endsWith("'s") ? t.norm.slice(0, -2) : t.norm);
    }
    return [...out];
  });
}

function findNames(text: string): Map<string, NameUse> {
  const out = new Map<string, NameUse>();
  for (const t of tokens(text)) {
    // Too short, or opening with an ASCII character other than a capital: no name (the test below fails).
    const c = text.charCodeAt(t.start);
    if (t.end - t.start < MIN_NAME_LENGTH || (c < 0x80 && (c < 0x41 || c > 0x5a))) continue;
    const surface = text.slice(t.start, t.end).replace(/['’]s$/, '');
    if (!/^\p{Lu}\p{Ll}/u.test(surface) || surface.length < MIN_NAME_LENGTH) continue;
    const key = surface.toLowerCase();
    const mid = !sentenceInitial(text, t.start);
    const seen = out.get(key);
    if (seen) {
      seen.count++;
      seen.midSentence ||= mid;
    } else out.set(key, { count: 1, first: t.start, surface, midSentence: mid });
  }
  return out;
}

/** Corpus-wide name statistics. */
export class NameStats {
  /** Documents containing each capitalised word. */
  readonly docFreq = new Map<string, number>();
  /** Words of `MIN_NAME_LENGTH` or more seen in lower case somewhere (an incremental run holds only those it loaded). */
  readonly lower = new Set<string>();
  /** Names seen capitalised in mid-sentence somewhere, where a capital really marks a name. */
  readonly mid = new Set<string>();
  /** SymSpell deletion → the names it comes from. */
  readonly index = new Map<string, Set<string>>();
  /**
   * `close` lists computed since the deletion index last changed: a full run counts every document in
   * before scoring any, so each name's list is found once instead of once per document naming it (and
   * once more for the state). Null in a subclass that changes `index` itself (`StoredNames`).
   */
  protected closeMemo: Map<string, string[]> | null = new Map();

  add(doc: Pick<NewsDoc, 'text'>): void {
    // Only words as long as a name can be are ever looked up here.
    for (const w of lowerWords(doc.text)) if (w.length >= MIN_NAME_LENGTH) this.lower.add(w);
    for (const [key, v] of namesIn(doc.text)) {
      if (v.midSentence) this.mid.add(key);
      const n = this.docFreq.get(key) ?? 0;
      this.docFreq.set(key, n + 1);
      if (n === 0) this.file(key);
    }
  }

  /** Files a name counted for the first time where `close` finds it (here: under its deletions in `index`). */
  protected file(key: string): void {
    for (const d of this.deletionsOf(key)) (this.index.get(d) ?? this.index.set(d, new Set()).get(d)!).add(key);
    this.closeMemo?.clear();
  }

  /** `deletions(key)` (a subclass may remember them). */
  protected deletionsOf(key: string): Set<string> {
    return deletions(key);
  }

  /** A capitalised word that the corpus never writes in lower case. */
  isName(key: string): boolean {
    return this.docFreq.has(key) && !this.lower.has(key);
  }

  /** A name seen capitalised mid-sentence ("Speaking", "Former" open sentences and are not names). */
  isMidSentenceName(key: string): boolean {
    return this.isName(key) && this.mid.has(key);
  }

  /** Names within edit distance 2 (1 for names under 7 letters… see `maxEdits`) of `key`, excluding it. */
  neighbours(key: string): string[] {
    return this.close(key).filter((o) => this.isName(o));
  }

  /**
   * Every capitalised word within `maxEdits` of `key` (names or not), excluding it, in the order the
   * deletion index finds them: by the first of `deletions(key)` they share, then in the order they
   * were first counted. `neighbours` and `findMisspelledNames` depend on that order (first match wins).
   * Shared while the index does not change: do not mutate.
   */
  close(key: string): readonly string[] {
    const known = this.closeMemo?.get(key);
    if (known) return known;
    const found = new Set<string>();
    for (const d of this.deletionsOf(key)) for (const other of this.index.get(d) ?? []) found.add(other);
    found.delete(key);
    const list = [...found].filter((o) => osaDistance(key, o) <= maxEdits(key, o));
    this.closeMemo?.set(key, list);
    return list;
  }
}

/** Edits allowed between two spellings: 2, but never more than a third of the longer one. */
export function maxEdits(a: string, b: string): number {
  return Math.min(2, Math.floor(Math.max(a.length, b.length) / 3));
}
