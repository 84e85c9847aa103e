/**
 * The text-level boilerplate filter: decides, line by line, what is not part of the story and why.
 * Runs on plain-text input and on what slipped through HTML extraction.
 */
import type { Removed } from '../model/doc.js';
import { LINE_RULES } from './line-rules.js';
import { isBylineOrStamp, isDateLine } from './byline.js';
import { relatedListLines } from './related.js';
import { knownOutlet } from './outlet.js';

/**
 * A short line seen this many times in one document is page furniture ("Advert", share bars). Longer
 * repeated lines are left alone: on the benchmark they were mostly story lines (interview questions,
 * per-player stat lines).
 */
export const REPEATS_IN_PAGE = 3;
/** "Short" for in-page repeats and navigation: at most this many words (menu entries, labels). */
export const SHORT_LINE_WORDS = 4;
/** …and at most this many characters (scripts without spaces, e.g. Japanese, have one "word" per sentence). */
export const SHORT_LINE_CHARS = 40;
/** This many short lines in a row at the top or bottom of a text form a navigation menu. */
export const NAV_MIN_RUN = 4;

const URL_ONLY = /^(https?:\/\/|www\.)\S+$/i;
/** A bare URL among the first this-many lines is the page's own address shown above the story (elsewhere it may be a cited source). */
export const TOP_LINES = 3;

/** The top region where date stamps stand: kicker, headline, byline, date and a photo line fit in six. */
export const EDGE_TOP_LINES = 6;
/** The bottom region where sign-offs, bios and dates stand (before any share bar, already removed). */
export const EDGE_BOTTOM_LINES = 4;
/** Author bios are one or two sentences. */
export const MAX_BIO_CHARS = 300;
const AUTHOR_BIO = /^[\p{Lu}][\p{L}'.-]+( [\p{Lu}][\p{L}'.-]+){0,3} (is|was|has been|joined) (a|an|the|\p{Lu}\S*) .{0,120}\b(reporter|writer|editor|correspondent|journalist|columnist|contributor|author|producer|curator)\b/u;

/** The outcome: the lines kept, and each removed line with its reason, in text order. */
export interface Filtered {
  kept: string[];
  removed: Removed[];
}

const words = (l: string) => l.split(' ').length;
/** A menu entry or label: few words, no sentence punctuation at the end. */
export const isShort = (l: string) => l.length <= SHORT_LINE_CHARS && words(l) <= SHORT_LINE_WORDS && !/[.!?:;,"”’。！？]$/.test(l);

/** Reason for a line that one of the line rules matches, or null. */
export function lineReason(line: string): string | null {
  for (const rule of LINE_RULES) {
    if (line.length > rule.maxChars) continue;
    if (rule.patterns.some((p) => p.test(line))) return rule.reason;
  }
  if (knownOutlet(line)) return 'credit'; // an agency's name alone on a line ("Associated Press")
  return isBylineOrStamp(line) ? 'byline' : null;
}

/** Classifies every line; the reasons map holds the removed ones. */
export function boilerplateReasons(lines: readonly string[]): Map<number, string> {
  const reasons = new Map<number, string>();
  const counts = new Map<string, number>();
  for (const l of lines) if (isShort(l)) counts.set(l.toLowerCase(), (counts.get(l.toLowerCase()) ?? 0) + 1);
  lines.forEach((l, i) => {
    const r = lineReason(l) ?? ((counts.get(l.toLowerCase()) ?? 0) >= REPEATS_IN_PAGE ? 'ui-label' : null);
    if (r) reasons.set(i, r);
  });
  for (const i of relatedListLines(lines, new Set(reasons.keys()))) reasons.set(i, 'related-list');
  markEdges(lines, reasons);
  markNavigationRuns(lines, reasons);
  for (let i = 0; i < Math.min(TOP_LINES, lines.length); i++) if (URL_ONLY.test(lines[i])) reasons.set(i, 'ui-label');
  markSectionLabel(lines, reasons);
  return reasons;
}

/**
 * Lines that are furniture only at the edges of the text: date-only lines (inside a story they head
 * timeline entries) and author bios ("Phil Lind is a reporter for …"; inside a story such a line is
 * about a person in the news).
 */
function markEdges(lines: readonly string[], reasons: Map<number, string>): void {
  lines.forEach((l, i) => {
    if (reasons.has(i)) return;
    const top = i < EDGE_TOP_LINES;
    const bottom = i >= lines.length - EDGE_BOTTOM_LINES;
    if ((top || bottom) && isDateLine(l)) reasons.set(i, 'byline');
    else if (bottom && l.length <= MAX_BIO_CHARS && AUTHOR_BIO.test(l)) reasons.set(i, 'credit');
  });
}

/** Runs of at least `NAV_MIN_RUN` short lines before the first or after the last story line. */
function markNavigationRuns(lines: readonly string[], reasons: Map<number, string>): void {
  const edge = (from: number, step: number) => {
    const run: number[] = [];
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const short = isShort(lines[i]) && !/\d/.test(lines[i]);
      if (reasons.has(i) && !short) continue; // other boilerplate inside the menu area
      if (!short) break;
      run.push(i);
    }
    if (run.length >= NAV_MIN_RUN) for (const i of run) if (!reasons.has(i)) reasons.set(i, 'navigation');
  };
  edge(0, 1);
  edge(lines.length - 1, -1);
}

/**
 * A lone short line ("World", "Politics", "Opinion Columnist") at the top, directly above a
 * headline-like line that is itself followed by the story, is the section the article was filed under.
 */
function markSectionLabel(lines: readonly string[], reasons: Map<number, string>): void {
  const open = lines.map((_, i) => i).filter((i) => !reasons.has(i));
  const [a, b, c] = open;
  if (a === undefined || b === undefined || c === undefined) return;
  const label = words(lines[a]) <= 3 && lines[a].length <= 30 && !/[\d.!?:;,]$/.test(lines[a]) && !/\d/.test(lines[a]);
  const headline = !/[.:;,]$/.test(lines[b]) && words(lines[b]) <= 30;
  if (label && headline && !isShort(lines[c])) reasons.set(a, 'section-label');
}

/** Splits lines into kept and removed (with reasons), preserving order. */
export function filterBoilerplate(lines: readonly string[]): Filtered {
  const reasons = boilerplateReasons(lines);
  const kept: string[] = [];
  const removed: Removed[] = [];
  lines.forEach((text, i) => {
    const reason = reasons.get(i);
    if (reason) removed.push({ text, reason });
    else kept.push(text);
  });
  return { kept, removed };
}
