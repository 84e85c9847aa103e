/**
 * Candidate finder for days named without a date: weekdays ("Thursday", "last Wednesday", "Friday
 * afternoon"), weekends, holidays with a fixed date ("Christmas", "Victory Day") and anaphoric days
 * ("the same day", "earlier in the day", "the next day") that take the date of the last expression
 * before them; "the first day" (of something unnamed) is a day whose date the text does not give.
 */
import type { Candidate } from './types.js';
import { runRules, type Rule } from './rules.js';
import { DAY_PARTS, WEEKDAYS, WEEKDAY_NAMES } from './lexicon.js';

const partOf = (s: string | undefined) => (s ? DAY_PARTS[s.toLowerCase()] : undefined);

/** Holidays on a fixed day of the year (month, day). Movable feasts are left out rather than guessed. */
const HOLIDAYS: Record<string, [number, number]> = {
  'christmas eve': [12, 24], 'christmas day': [12, 25], christmas: [12, 25], "new year's eve": [12, 31], "new year's day": [1, 1],
  'orthodox christmas': [1, 7], 'victory day': [5, 9], "valentine's day": [2, 14], halloween: [10, 31],
};

const RULES: Rule[] = [
  {
    name: 'weekday',
    re: new RegExp(`\\b(?:(last|next|this coming|this|the previous|the following|the next|this past|the coming)\\s+)?(${WEEKDAY_NAMES})(?:\\s+(morning|afternoon|evening|night))?\\b`, 'gi'),
    make: (m) => {
      if (!/^[A-Z]/.test(m[2])) return null;
      const part = partOf(m[3]);
      const rel = m[1]?.toLowerCase();
      const strict = rel === undefined || rel === 'this' ? undefined : /last|previous|past/.test(rel) ? -1 : 1;
      return { type: part ? 'TIME' : 'DATE', recipe: { kind: 'weekday', wd: WEEKDAYS[m[2].toLowerCase()], part, strict } };
    },
  },
  {
    name: 'weekend',
    re: /\b(this|last|next|the|that)\s+weekend\b/gi,
    make: (m) => {
      const w = m[1].toLowerCase();
      return { type: 'DATE', recipe: { kind: 'shift', unit: 'WE', n: w === 'last' ? -1 : w === 'next' ? 1 : 0 } };
    },
  },
  {
    name: 'same-day',
    re: /\b(the same day|that day|earlier in the day|later in the day|later that day|earlier that day|the same evening)\b/gi,
    make: () => ({ type: 'DATE', recipe: { kind: 'same', unit: 'D' } }),
  },
  {
    name: 'nth-day',
    re: /\b(?:the|that)\s+(next|following|previous|first|second|third|last|final)\s+(day|morning|evening|night)\b/gi,
    make: (m) => {
      const w = m[1].toLowerCase();
      const offset = w === 'next' || w === 'following' ? 1 : w === 'previous' ? -1 : null;
      const part = partOf(m[2]);
      if (offset === null) return { type: 'DATE', recipe: { kind: 'fixed', value: 'XXXX-XX-XX' } };
      return { type: part ? 'TIME' : 'DATE', recipe: { kind: 'same', unit: 'D', offset, part } };
    },
  },
  {
    name: 'holiday',
    re: new RegExp(`\\b(${Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi'),
    make: (m) => {
      const [month, day] = HOLIDAYS[m[1].toLowerCase().replace(/’/g, "'")];
      return { type: 'DATE', recipe: { kind: 'date', m: month, d: day } };
    },
  },
];

/** Finds weekdays, weekends, holidays and anaphoric days in `text`. */
export function findDays(text: string): Candidate[] {
  return runRules(text, RULES, 'relative');
}
