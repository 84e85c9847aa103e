/**
 * Phase one of the mentions stage: candidate finders. Each returns runs of tokens that may be a
 * name; the refiners (`refine.ts`) then trim, split and type them.
 * - proper-noun runs: wink's PROPN tags, joined across name particles ("von der", "bin") and hyphens;
 * - capitalised sequences: capitalised words wink did not tag PROPN (unfamiliar surnames often get
 *   NOUN or ADJ), except sentence openers and words that are capitalised without being names;
 * - acronyms: all-capital words of 2–6 letters ("NATO", "U.S.").
 * Tokens inside all-capitals promotional lines ("CLICK HERE TO READ MORE") are never candidates.
 */
import type { Span } from '../../model/doc.js';
import type { Token } from './tokens.js';
import { startsUpper, lowerWord } from './chars.js';
import { NAME_JOINERS, NOT_NAMES, TIME_WORDS, ORG_HEADS, ORG_OPENERS, PLACE_HEADS } from './lexicon.js';

/** A run of tokens `[first, last]` (inclusive) that may be a name, and the finder that found it. */
export interface Candidate {
  first: number;
  last: number;
  source: 'propn-run' | 'capitalised' | 'acronym';
}

/** A line is promotional shouting when at least this share of its letters are capitals (and it has ≥ 3 words). */
export const SHOUTING_SHARE = 0.8;

const CLOSED_CLASS = new Set(['PRON', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'NUM', 'SYM', 'SPACE']);

/** True for "NATO", "U.S.", "EU" — 2 to 6 capitals, optionally dotted. */
export function isAcronym(word: string): boolean {
  return /^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$/.test(word);
}

/** Starts with a capital letter (which is a letter: `/\p{L}/` needs no second test). */
const capitalised = startsUpper;

/**
 * Whether the token can be part of a name, given whether it opens its sentence; an opener wink does
 * not tag PROPN only when the document writes it capitalised inside a sentence too (`named`, see `openers.ts`).
 */
function nameLike(t: Token, sentenceStart: boolean, named?: ReadonlySet<string>): boolean {
  if (!capitalised(t.text) || /^\p{Lu}['’]\p{Ll}/u.test(t.text)) return false;
  if (isAcronym(t.text)) return true;
  const lower = lowerWord(t.text);
  if (t.pos === 'PROPN') return !(sentenceStart && NOT_NAMES.has(lower));
  if ((sentenceStart && !named?.has(t.text.toLowerCase())) || NOT_NAMES.has(lower) || CLOSED_CLASS.has(t.pos)) return false;
  return true;
}

/** The last text's shouting lines: the candidate finder and `combine` both ask, one after the other. */
let lastShouting: { text: string; spans: readonly Span[] } | null = null;

/** Spans of lines that are promotional shouting (remembered for the last text asked). */
export function shoutingLines(text: string): readonly Span[] {
  if (lastShouting?.text === text) return lastShouting.spans;
  const spans = findShoutingLines(text);
  lastShouting = { text, spans };
  return spans;
}

function findShoutingLines(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const [letters, upper] = letterCounts(m[0]);
    if (letters > 0 && upper / letters >= SHOUTING_SHARE && m[0].trim().split(/\s+/).length >= 3) {
      out.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/**
 * Letters and capital letters in `line`. A plain loop over ASCII lines (most of them): the Unicode
 * regular expressions it stands for cost a fifth of the candidate finder; lines with other characters
 * take that exact path.
 */
function letterCounts(line: string): [number, number] {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 128) {
      const all = line.replace(/[^\p{L}]/gu, '');
      return [all.length, all.replace(/[^\p{Lu}]/gu, '').length];
    }
    if (c >= 65 && c <= 90) upper++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  return [letters, upper];
}

/** Whether "of"/"the" after token `i` continues an organisation or place name ("Ministry of Defence"). */
function ofContinues(tokens: readonly Token[], runFirst: number, i: number): boolean {
  const words = tokens.slice(runFirst, i + 1).map((t) => t.text.toLowerCase());
  return words.some((w) => ORG_HEADS.has(w) || ORG_OPENERS.has(w) || PLACE_HEADS.has(w));
}

/**
 * Finds candidate runs in `tokens`; `sentenceStarts` holds the offsets where sentences begin, `named`
 * the words the document writes capitalised inside sentences (`namedInside`), names even as openers.
 */
export function findCandidates(text: string, tokens: readonly Token[], sentenceStarts: ReadonlySet<number>, named?: ReadonlySet<string>): Candidate[] {
  const shouting = shoutingLines(text);
  const blocked = (t: Token) => shouting.some((s) => t.start >= s.start && t.end <= s.end);
  const out: Candidate[] = [];
  const opens = (i: number) => sentenceStarts.has(tokens[i].start) || opensSentence(text, tokens, i);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    // `capitalised` first: most tokens fail it, and whether a token opens a sentence costs more to find
    if (blocked(t) || !capitalised(t.text) || !nameLike(t, opens(i), named) || isTimeWord(tokens, i) || letterCompound(tokens, i)) {
      i++;
      continue;
    }
    let last = i;
    let allPropn = t.pos === 'PROPN';
    for (let j = i + 1; j < tokens.length; j++) {
      const next = tokens[j];
      if (blocked(next)) break;
      const glued = next.start === tokens[j - 1].end;
      if (nameLike(next, false) && !isTimeWord(tokens, j) && !letterCompound(tokens, j) && (glued || /^[ \u00a0]$/.test(text.slice(tokens[j - 1].end, next.start)))) {
        last = j;
        allPropn &&= next.pos === 'PROPN';
        continue;
      }
      // a joiner ("of", "von", "-") inside a name, when a name-like word follows it
      const lower = next.text.toLowerCase();
      const after = tokens[j + 1];
      // a hyphenated name part: "Udvar-Hazy", and lower-case syllables of romanised names ("Chung-tai")
      if (next.text === '-' && glued && after && after.start === next.end && !blocked(after) && hyphenPart(tokens, i, j, after)) {
        last = j + 1;
        j++;
        continue;
      }
      const joiner = NAME_JOINERS.has(lower) && next.text === lower && text.slice(tokens[j - 1].end, next.start) === ' ';
      if (!joiner) break;
      if ((lower === 'of' || lower === 'the' || lower === 'for') && !ofContinues(tokens, i, last)) break;
      let k = j + 1;
      while (k < tokens.length && NAME_JOINERS.has(tokens[k].text) && k - j < 3) k++; // "van der", "of the"
      // a particle hyphened to the name it opens: "Suleiman al-Amr", "Abdel Fattah el-Sisi"
      if (k === j + 1 && tokens[k]?.text === '-' && tokens[k].start === next.end && tokens[k + 1]?.start === tokens[k].end && !/^(?:of|the|for|&)$/.test(lower)) k++;
      if (k < tokens.length && nameLike(tokens[k], false) && !blocked(tokens[k])) {
        j = k - 1; // the loop's j++ lands on tokens[k]
        continue;
      }
      break;
    }
    const source = i === last && isAcronym(t.text) ? 'acronym' : allPropn ? 'propn-run' : 'capitalised';
    out.push({ first: i, last, source });
    i = last + 1;
  }
  return out;
}

/** A token opens a sentence when it starts one of `starts`, or only quotes or brackets stand between it and ". ! ? :" or a line start. */
export function opensSentence(text: string, tokens: readonly Token[], i: number, starts?: ReadonlySet<number>): boolean {
  if (starts?.has(tokens[i].start)) return true;
  let j = i - 1;
  while (j >= 0 && /^["“”‘’'(\[«»—–-]$/.test(tokens[j].text)) j--;
  if (j < 0) return true;
  return /^[.!?:]$/.test(tokens[j].text) || text.slice(tokens[j].end, tokens[i].start).includes('\n');
}

/** Short lower-case words that follow a hyphen without being part of a name ("NASA T-shirt", "Kremlin-backed"). */
const HYPHEN_WORDS = new Set(['led', 'run', 'era', 'born', 'wide', 'like', 'free', 'based', 'owned', 'made', 'style', 'shirt', 'bound', 'linked', 'backed', 'held', 'type', 'class', 'level', 'year', 'old']);

/** Whether the word after a hyphen continues the name: capitalised, or a short syllable of a romanised name. */
function hyphenPart(tokens: readonly Token[], first: number, hyphen: number, after: Token): boolean {
  if (/^\p{Lu}\p{Ll}*$/u.test(after.text)) return true;
  const before = tokens[hyphen - 1].text;
  return hyphen - 1 > first && /^\p{Lu}\p{Ll}+$/u.test(before) && /^\p{Ll}{2,6}$/u.test(after.text) && !HYPHEN_WORDS.has(after.text);
}

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * Days are never names; a month (or its abbreviation) is a date unless a capitalised word follows it
 * and no number does ("Jan van der Berg", "May Jones" are names; "Jan 5", "in May" are dates).
 */
function isTimeWord(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i].text.toLowerCase().replace(/\.$/, '');
  if (/^\p{L}+-\d/u.test(word) && TIME_WORDS.has(word.slice(0, word.indexOf('-')))) return true; // "May-2006" of "8-May-2006"
  if (!TIME_WORDS.has(word)) return false;
  if (WEEKDAY.test(word)) return true;
  const next = tokens[i + 1]?.text ?? '';
  return /^\d/.test(next) || !/^\p{L}/u.test(next) || /^\p{Ll}/u.test(next) && !NAME_JOINERS.has(next);
}

/** A capital letter hyphenated to a lower-case word is a common noun: "T-shirt", "U-turn", "X-ray". */
function letterCompound(tokens: readonly Token[], i: number): boolean {
  return /^\p{Lu}$/u.test(tokens[i].text) && tokens[i + 1]?.text === '-' && /^\p{Ll}/u.test(tokens[i + 2]?.text ?? '');
}
