/**
 * Candidate finder for quantities: digits ("498", "1,502", "50 000", "3.5 million"), number words
 * ("twenty", "hundreds", "tens of thousands", "dozens"), fractions ("a fifth") and percentages, with a
 * qualifier ("around", "at least", "more than"). Dates, years, ages, clock times, durations and ordinals
 * are refused here, since they are not claims.
 */
import type { Span } from '../../model/doc.js';

/** A quantity as found. */
export interface Quantity {
  span: Span;
  value: number;
  qualifier: string | null;
  unit: string | null;
}

const QUALIFIER = '(?:(around|about|approximately|nearly|almost|roughly|some|at least|more than|over|fewer than|less than|up to|at most|as many as)\\s+)?';
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
const WORD: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundreds: 100, thousands: 1e3, millions: 1e6, dozens: 12, dozen: 12,
};
const FRACTION: Record<string, number> = { half: 0.5, third: 1 / 3, quarter: 0.25, fifth: 0.2, sixth: 1 / 6, tenth: 0.1 };
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';

const DIGITS = new RegExp(
  `${QUALIFIER}(\\$|€|£)?(\\d{1,3}(?:[,\\u202f\\u00a0 ]\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(hundred|thousand|million|billion))?(\\s*%|\\s+percent|\\s+per cent)?(\\s+(?:square kilomet(?:re|er)s|square miles|sq km|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|tonnes?|tons?|dollars|euros|pounds|roubles|rubles|hryvnias?)\\b)?`,
  'gi',
);
const WORDS = new RegExp(`${QUALIFIER}(tens of thousands|hundreds of thousands|(?:a|one|two|three) (?:half|third|quarter|fifth|sixth|tenth)s?|${Object.keys(WORD).join('|')})\\b`, 'gi');

/** Contexts that make a number a date, an age, a time, a duration or a label rather than a quantity. */
const NOT_BEFORE = new RegExp(`(?:${MONTH}\\s*|\\b(?:aged|age|No\\.|number|Article|Resolution|round|of the)\\s+|[-/:.]|\\w)$`, 'i');
const NOT_AFTER = new RegExp(`^(?:\\s*${MONTH}|-year|\\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)\\b|\\s*(?:st|nd|rd|th)\\b|[-/:]\\d|\\.\\d)`, 'i');

/** A measure word as a short unit name ("kilometres" → "km", "roubles" → "RUB"). */
function unitName(word: string): string {
  const w = word.trim().toLowerCase();
  const table: [RegExp, string][] = [
    [/^(square kilomet|sq km)/, 'km2'], [/^square miles/, 'mi2'], [/^(km|kilomet)/, 'km'], [/^mile/, 'mi'], [/^met/, 'm'],
    [/^(tonne|ton)/, 't'], [/^dollars/, 'USD'], [/^euros/, 'EUR'], [/^pounds/, 'GBP'], [/^r[ou]+bles/, 'RUB'], [/^hryvnia/, 'UAH'],
  ];
  return table.find(([re]) => re.test(w))?.[1] ?? w;
}

function digitsValue(digits: string, scale: string | undefined): number {
  return Number(digits.replace(/[,\u202f\u00a0 ]/g, '')) * (scale ? SCALE[scale.toLowerCase()] : 1);
}

/** Every quantity in `text`. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const numStart = m.index + m[0].indexOf(m[3]) - (m[2]?.length ?? 0);
    const end = m.index + m[0].length;
    if (NOT_BEFORE.test(text.slice(Math.max(0, numStart - 12), numStart)) || NOT_AFTER.test(text.slice(end, end + 12))) continue;
    const plain = /^\d{4}$/.test(m[3]) && Number(m[3]) >= 1800 && Number(m[3]) <= 2100 && !m[4] && !m[5];
    if (plain) continue; // a year
    const unit = m[5] ? 'percent' : m[2] ? { $: 'USD', '€': 'EUR', '£': 'GBP' }[m[2]]! : m[6] ? unitName(m[6]) : null;
    out.push({ span: { start: m.index, end }, value: digitsValue(m[3], m[4]), qualifier: m[1]?.toLowerCase() ?? null, unit });
  }
  for (const m of text.matchAll(WORDS)) {
    const w = m[2].toLowerCase();
    const end = m.index + m[0].length;
    if (NOT_AFTER.test(text.slice(end, end + 12)) || /\w$/.test(text.slice(0, m.index))) continue;
    const frac = /(half|third|quarter|fifth|sixth|tenth)s?$/.exec(w);
    if (frac) {
      const n = { a: 1, one: 1, two: 2, three: 3 }[w.split(' ')[0]] ?? 1;
      out.push({ span: { start: m.index, end }, value: n * FRACTION[frac[1]], qualifier: m[1]?.toLowerCase() ?? null, unit: 'fraction' });
      continue;
    }
    const vague = /^(tens|hundreds) of (thousands)$/.exec(w);
    const value = vague ? (vague[1] === 'tens' ? 10 : 100) * 1e3 : WORD[w];
    const qualifier = vague ? `${vague[1]} of` : /s$/.test(w) ? w : (m[1]?.toLowerCase() ?? null);
    out.push({ span: { start: m.index, end }, value, qualifier: vague || /s$/.test(w) ? qualifier : qualifier, unit: null });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
