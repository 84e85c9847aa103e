/**
 * Candidate finder for expressions chrono-node gets wrong or misses on news, each kept at its own
 * granularity: "last week" (a week), "earlier this month" (a month), "three weeks ago", "yesterday
 * evening", "last summer", "the third quarter", "the 1990s", "in 2014", "now" (PRESENT_REF).
 * Each rule is a regular expression and a function building the anchor-free `Recipe`.
 */
import type { Candidate, Recipe } from './types.js';
import { runRules, type Rule } from './rules.js';
import { COUNT, countValue, DAY_PARTS, MODS, MONTHS, MONTH_NAMES, SEASONS, SHIFT_UNITS } from './lexicon.js';


const MOD = `(?:(?:early|earlier|late|later|mid-?|the end of|the beginning of|the start of|the middle of)\\s*)?`;
const modOf = (s: string | undefined) => (s ? MODS[s.trim().toLowerCase().replace(/-$/, '')] : undefined);
const ORD: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: 4 };
const PART = `(?:\\s+(morning|afternoon|evening|night))?`;
const partOf = (s: string | undefined) => (s ? DAY_PARTS[s.toLowerCase()] : undefined);

const RULES: Rule[] = [
  {
    name: 'ref',
    re: /\b(right now|now|currently|at present|presently|nowadays|current|recently|recent years|the past(?!\s+(?!(?:and|or|but|when|as|to|for|of|in|on|at|with|is|was|were|has|have|had|we|they|he|she|it|i|you|there|this|that)\b)[a-z])|the future|the near future|at the time|these days)\b/gi,
    make: (m) => {
      const w = m[1].toLowerCase();
      const value = /now|current|present|these days/.test(w) ? 'PRESENT_REF' : /future|soon/.test(w) ? 'FUTURE_REF' : 'PAST_REF';
      return { type: 'DATE', recipe: { kind: 'fixed', value } };
    },
  },
  {
    name: 'day',
    re: new RegExp(`\\b${MOD}(yesterday|today|tomorrow|tonight)${PART}\\b`, 'gi'),
    make: (m) => {
      const w = m[1].toLowerCase();
      const n = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      const part = w === 'tonight' ? 'NI' : partOf(m[2]);
      return { type: part ? 'TIME' : 'DATE', recipe: { kind: 'shift', unit: 'D', n, part } };
    },
  },
  {
    name: 'this-part',
    re: /\b(this|last|yesterday|tomorrow)\s+(morning|afternoon|evening|night)\b/gi,
    make: (m) => {
      const w = m[1].toLowerCase();
      const n = w === 'this' ? 0 : w === 'tomorrow' ? 1 : -1;
      if (w === 'last' && m[2].toLowerCase() !== 'night') return null;
      return { type: 'TIME', recipe: { kind: 'shift', unit: 'D', n, part: partOf(m[2]) } };
    },
  },
  {
    name: 'shift',
    re: new RegExp(`\\b(${MOD})(this|last|next|the last|the previous|the coming|the following|the current|the same|the latest|the past)\\s+(?:fiscal\\s+)?(week|month|quarter|year|decade|century)\\b`, 'gi'),
    make: (m) => {
      const w = m[2].toLowerCase();
      if (w === 'the same') return null;
      const unit = SHIFT_UNITS[m[3].toLowerCase()];
      if (w === 'the past' && unit !== 'Q') return { type: 'DURATION', recipe: { kind: 'fixed', value: unit === 'DE' ? 'P10Y' : unit === 'CE' ? 'P100Y' : `P1${unit}` } };
      const n = /last|previous|past/.test(w) || (w === 'the latest' && unit === 'Q') ? -1 : /next|coming|following/.test(w) ? 1 : 0;
      return { type: 'DATE', recipe: { kind: 'shift', unit, n }, mod: modOf(m[1]) };
    },
  },
  {
    name: 'ago',
    re: new RegExp(`\\b(?:about |nearly |almost |some |more than )?(${COUNT})[\\s-]+(day|week|month|year|decade)s?\\s+(ago|earlier|before|later|from now|hence)\\b`, 'gi'),
    make: (m) => {
      const n = countValue(m[1]);
      if (n === null || /before/i.test(m[3])) return null;
      const sign = /ago|earlier/i.test(m[3]) ? -1 : 1;
      return { type: 'DATE', recipe: { kind: 'shift', unit: SHIFT_UNITS[m[2].toLowerCase()], n: sign * n } };
    },
  },
  {
    name: 'month',
    group: 2,
    re: new RegExp(`\\b(?:(since|in|until|by|from|through|during|of|before|after|and|or|between)\\s+)?(${MOD}(?:(last|next|this)\\s+)?(${MONTH_NAMES}))\\b(?![\\s.,]*\\d)`, 'g'),
    make: (m) => {
      if (!m[1] && !m[3] && m[2] === m[4] && m[4] === 'May') return null;
      const rel = m[3]?.toLowerCase();
      const shift = rel === 'last' ? -1 : rel === 'next' ? 1 : rel === 'this' ? 0 : undefined;
      const mod = modOf(/^(early|late|mid-?)\s*/i.exec(m[2])?.[1]);
      return { type: 'DATE', recipe: { kind: 'date', m: MONTHS[m[4].toLowerCase()], rel: shift }, mod };
    },
  },
  {
    name: 'season',
    re: new RegExp(`\\b(${MOD})(?:(this|last|next)\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?((?:19|20)\\d\\d))?\\b`, 'gi'),
    make: (m) => {
      const rel = m[2]?.toLowerCase();
      if (!rel && !m[4] && !m[1] && m[3].toLowerCase() === 'fall') return null;
      const shift = rel === 'last' ? -1 : rel === 'next' ? 1 : rel === 'this' ? 0 : null;
      const recipe: Recipe = m[4]
        ? { kind: 'fixed', value: `${m[4]}-${SEASONS[m[3].toLowerCase()]}` }
        : { kind: 'season', season: SEASONS[m[3].toLowerCase()], yearShift: shift };
      return { type: 'DATE', recipe, mod: modOf(m[1]) };
    },
  },
  {
    name: 'quarter',
    re: /\b(?:the\s+(?=\w+\s))?(first|second|third|fourth|last)[\s-]+quarter(?:\s+of\s+((?:19|20)\d\d))?\b/gi,
    make: (m) => {
      const q = ORD[m[1].toLowerCase()];
      const recipe: Recipe = m[2] ? { kind: 'fixed', value: `${m[2]}-Q${q}` } : { kind: 'quarter', q, yearShift: null };
      return { type: 'DATE', recipe };
    },
  },
  {
    name: 'decade',
    re: /\b(?:the\s+)?(?:(early|late|mid-?)\s*)?((?:1[5-9]|20)\d)0'?s\b/gi,
    make: (m) => ({ type: 'DATE', recipe: { kind: 'fixed', value: m[2] }, mod: modOf(m[1]) }),
  },
  {
    name: 'century',
    re: /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b/gi,
    make: (m) => ({ type: 'DATE', recipe: { kind: 'fixed', value: String(Number(m[1]) - 1).padStart(2, '0') } }),
  },
  {
    name: 'year',
    re: /(?<![\d$€£.,:/-])\b((?:early|late|mid-?|the end of|the beginning of|the start of|the middle of)\s*)?((?:fiscal\s+)?)(1[89]\d\d|20\d\d)\b(?![\d,.:/-]\d|\s*(?:%|percent|people|troops|soldiers|km|kilometres|miles|tons|tonnes|dollars|euros|pounds|feet|metres|meters|points|votes)\b)/gi,
    make: (m) => ({ type: 'DATE', recipe: { kind: 'date', y: Number(m[3]) }, mod: modOf(m[1]) }),
  },
];

/** Finds the relative, vague and granular expressions of `text`. */
export function findRelative(text: string): Candidate[] {
  return runRules(text, RULES, 'relative');
}
