/**
 * Candidate finder for durations ("three days" → `P3D`, "the past two years" → `P2Y`, "a four-week
 * truce" → `P4W`, "for weeks" → `PXW`, "3:07:35" → `PT3H7M35S`) and sets ("every morning",
 * "weekly", "each year"). A count of time units is a duration, never a date: "four days after talks"
 * is `P4D`, not the reference day plus four.
 */
import type { Candidate } from './types.js';
import { COUNT, countValue, DURATION_UNITS, WEEKDAYS, WEEKDAY_NAMES, DAY_PARTS } from './lexicon.js';

const UNIT = '(seconds|minutes?|hours?|days?|nights?|weeks?|months?|years?|quarters?|decades?|centuries|century)';
/** Words before a count that belong to a duration ("the past two years"); "last" only after "the" (else it is the verb: "to last three days"). */
const LEAD = '(?:(?:the\\s+last|the|a|an|another)\\s+)?(?:(?:past|next|previous|coming|following|first|final|mere|full|further|additional|recent)\\s+)*';

/** TIMEX3 duration value for a count (null = vague) of a unit word. */
export function durationValue(count: number | null, unitWord: string): string {
  const singular = unitWord.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  const unit = DURATION_UNITS[singular];
  if (!unit) throw new Error(`durationValue: unknown unit "${unitWord}"; valid: ${Object.keys(DURATION_UNITS).join(', ')}`);
  const n = count === null ? 'X' : String(count * (unit.factor ?? 1));
  const code = unit.code === 'Q' ? 'Q' : unit.code;
  return `P${unit.clock ? 'T' : ''}${n}${code}`;
}

/** The counted-duration and set patterns, built once (their sources are long); each run resets `lastIndex`. */
const COUNTED = new RegExp(`\\b(${LEAD})(${COUNT})(?:\\s+(?:more|additional|straight|consecutive|full|long))?[\\s-]+${UNIT}\\b(?!\\s+(?:ago|from now|hence)\\b)`, 'gi');
const SETS = new RegExp(`\\b(?:(every|each)\\s+(other\\s+)?(day|week|month|year|quarter|morning|afternoon|evening|night|${WEEKDAY_NAMES})|(daily|weekly|monthly|annually|yearly|hourly|nightly))\\b`, 'gi');

/** Finds durations and sets in `text`. */
export function findDurations(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (start: number, end: number, type: 'DURATION' | 'SET', value: string, source: string, mod?: string) =>
    found.push({ span: { start, end }, type, recipe: { kind: 'fixed', value }, source, ...(mod ? { mod } : {}) });

  const counted = COUNTED;
  counted.lastIndex = 0;
  for (let m = counted.exec(text); m; m = counted.exec(text)) {
    const unit = m[3];
    if (/^second$/i.test(unit)) continue;
    if (/^quarters?$/i.test(unit) && /^\s+of\s+(?!(?:19|20)\d\d|this|last|next|the year)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    if (/^\d/.test(m[2]) && /^-/.test(m[0].slice(m[0].indexOf(m[2]) + m[2].length))) continue;
    if (/^-?\s*old\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))) continue;
    if (/^(a|an|another)$/i.test(m[2].trim()) && /s$/i.test(unit) && !/centuries/i.test(unit)) continue;
    const n = countValue(m[2]);
    const leadEnd = m.index + m[0].indexOf(m[2], m[1].length);
    const adjective = /^-/.test(m[0].slice(m[0].indexOf(m[2], m[1].length) + m[2].length));
    const start = adjective || /^(a|an|another)\b/i.test(m[1]) ? leadEnd : m.index;
    add(start, m.index + m[0].length, 'DURATION', durationValue(n, unit), 'duration:count');
  }

  const vague = /\b(?:(recent|the past|the last|the next|the coming)\s+|(?<=\b(?:for|in|within|over|after|took|take|lasted|last)\s+)|(?=the\s+\w+\s+ahead\b)the\s+)(seconds|minutes|hours|days|weeks|months|years|decades)(?:\s+ahead)?\b/gi;
  for (let m = vague.exec(text); m; m = vague.exec(text)) add(m.index, m.index + m[0].length, 'DURATION', durationValue(null, m[2]), 'duration:vague');

  const clock = /\b(\d{1,2}):(\d{2}):(\d{2})\b/g;
  for (let m = clock.exec(text); m; m = clock.exec(text))
    add(m.index, m.index + m[0].length, 'DURATION', `PT${+m[1]}H${+m[2]}M${+m[3]}S`, 'duration:clock');

  const sets = SETS;
  sets.lastIndex = 0;
  for (let m = sets.exec(text); m; m = sets.exec(text)) add(m.index, m.index + m[0].length, 'SET', setValue(m[3] ?? m[4], !!m[2]), 'set');
  return found;
}

const ADVERB_UNITS: Record<string, string> = {
  daily: 'day', weekly: 'week', monthly: 'month', annually: 'year', yearly: 'year', quarterly: 'quarter', hourly: 'hour', nightly: 'night',
};

function setValue(word: string, other: boolean): string {
  const w = word.toLowerCase();
  const unit = ADVERB_UNITS[w] ?? w;
  if (unit in WEEKDAYS) return `XXXX-WXX-${WEEKDAYS[unit]}`;
  if (unit in DAY_PARTS && unit !== 'night') return `XXXX-XX-XXT${DAY_PARTS[unit]}`;
  return durationValue(other ? 2 : 1, unit);
}
