/**
 * Date hints: facts from the domain pack that bound when a text can have been written — a role held
 * only in some years ("Secretary of State Antony Blinken": 2021-01-26 … 2025-01-20) or a known dated
 * event ("the second round of talks in Belarus": 2022-03-03). Plain data, so a pack (or the entities
 * part, from its dated roles) can supply them; this file only matches them against a text.
 */
import type { Span } from '../../model/doc.js';

/** One fact usable as publication-date evidence. */
export interface DateHint {
  /** `role`: the text can only be from [from, to]; `event`: a dated happening the text may refer to. */
  kind: 'role' | 'event';
  /** What it is, for evidence lines, e.g. "Antony Blinken as Secretary of State". */
  what: string;
  /** Regular-expression source, matched case-insensitively on word boundaries. */
  pattern: string;
  /** A second pattern that must also occur somewhere in the text (e.g. the event's place). */
  with?: string;
  /** Lower-case strings one of which must occur in the text before the patterns are tried (a fast pre-filter). */
  cue?: string[];
  /** First day (`YYYY-MM-DD`); for an event, its date. */
  from: string;
  /** Last day (`YYYY-MM-DD`), null while still true; for an event, its last day (= `from` for one day). */
  to: string | null;
}

/** A hint found in a text. */
export interface HintMatch {
  hint: DateHint;
  span: Span;
  /** Later mentions of it (up to `MAX_MENTIONS` in all): a sentence naming it again may say when it was ("… found in Bucha earlier this month"). */
  also?: Span[];
}

/** Mentions of one hint kept per text; a story names an event a few times, more add nothing. */
const MAX_MENTIONS = 5;

declare module '../../context.js' {
  interface Pack {
    /** Publication-date hints (roles valid only in some years, dated events); absent = none. */
    dateHints?: DateHint[];
  }
}

const compiled = new WeakMap<DateHint, { main: RegExp; with: RegExp | null }>();

/** Throws, naming the hint, when a pattern does not compile or a date is malformed (checked at start-up). */
export function checkHints(hints: readonly DateHint[]): void {
  for (const h of hints) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h.from) || (h.to !== null && !/^\d{4}-\d{2}-\d{2}$/.test(h.to)))
      throw new Error(`date hint "${h.what}": from/to must be YYYY-MM-DD (to may be null)`);
    if (h.kind !== 'role' && h.kind !== 'event') throw new Error(`date hint "${h.what}": kind must be role or event`);
    regexOf(h);
  }
}

function regexOf(h: DateHint): { main: RegExp; with: RegExp | null } {
  let re = compiled.get(h);
  if (!re) {
    re = { main: new RegExp(`\\b(?:${h.pattern})\\b`, 'iu'), with: h.with ? new RegExp(`\\b(?:${h.with})\\b`, 'iu') : null };
    compiled.set(h, re);
  }
  return re;
}

/**
 * Bits of the trigram filter of `cueTest`: 2^16, so a text of a few thousand characters sets a few
 * percent of them, and a cue absent from the text almost always has a trigram whose bit is clear.
 */
const TRIGRAM_BITS = 1 << 16;
/** The trigram bits of the text being read (cleared again after each `findHints`). */
const trigramBits = new Uint8Array(TRIGRAM_BITS);
const trigramHash = (s: string, i: number) =>
  (Math.imul(s.charCodeAt(i) * 961 + s.charCodeAt(i + 1) * 31 + s.charCodeAt(i + 2), 0x9e3779b1) >>> 16) & (TRIGRAM_BITS - 1);

/**
 * Calls `f` with `cue => lower.includes(cue)` answered for the ~400 cues of a pack without ~400 scans
 * of the text: a cue with a trigram the text lacks (its bit clear in a set built once per text)
 * cannot occur in it, and only the others are looked for. Same answers as `includes`; measured on
 * the synthetic articles, the scans took 1.1 ms of the 1.3 ms `findHints` spent per article.
 */
function withCueTest<T>(lower: string, f: (has: (cue: string) => boolean) => T): T {
  const set: number[] = [];
  for (let i = 0; i + 2 < lower.length; i++) {
    const h = trigramHash(lower, i);
    if (trigramBits[h] === 0) {
      trigramBits[h] = 1;
      set.push(h);
    }
  }
  const known = new Map<string, boolean>();
  const has = (cue: string) => {
    let yes = known.get(cue);
    if (yes === undefined) {
      yes = true;
      for (let i = 0; yes && i + 2 < cue.length; i++) yes = trigramBits[trigramHash(cue, i)] === 1;
      yes &&= lower.includes(cue);
      known.set(cue, yes);
    }
    return yes;
  };
  try {
    return f(has);
  } finally {
    for (const h of set) trigramBits[h] = 0;
  }
}

/** Every hint of `hints` mentioned in `text` (first mention of each, the next ones in `also`). */
export function findHints(text: string, hints: readonly DateHint[]): HintMatch[] {
  return withCueTest(text.toLowerCase(), (has) => matchHints(text, hints, has));
}

function matchHints(text: string, hints: readonly DateHint[], has: (cue: string) => boolean): HintMatch[] {
  const found: HintMatch[] = [];
  for (const hint of hints) {
    if (hint.cue && !hint.cue.some(has)) continue;
    const re = regexOf(hint);
    if (re.with && !re.with.test(text)) continue;
    const all = new RegExp(re.main.source, 'giu');
    const spans: Span[] = [];
    for (let m = all.exec(text); m && spans.length < MAX_MENTIONS; m = all.exec(text)) {
      spans.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) all.lastIndex++;
    }
    if (spans.length > 0) found.push({ hint, span: spans[0], ...(spans.length > 1 ? { also: spans.slice(1) } : {}) });
  }
  return found;
}
