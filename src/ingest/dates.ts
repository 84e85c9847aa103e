/**
 * Publication dates as inputs state them (ISO 8601, RFC 822 feed dates, "3 March 2022", a timestamp
 * in a file name or a `/2022/03/03/` URL path), normalised to ISO `YYYY-MM-DD` or a full ISO
 * date-time that keeps the source's UTC offset (so the local calendar date is not shifted). A date
 * that cannot be read, or that is not a real calendar day, yields `undefined`: a bad date is left out,
 * never a reason to reject the article.
 */
import * as chrono from 'chrono-node';

/** Years outside this range are typos or placeholders (0001-01-01, 9999-12-31), not publication dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Fixed reference for chrono: only dates that state their year are accepted, so "now" never matters. */
const CHRONO_REF = new Date(Date.UTC(2000, 0, 1));

const ZONES: Record<string, string> = {
  Z: 'Z', GMT: 'Z', UT: 'Z', UTC: 'Z',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number | string) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when y/m/d is a real calendar day in range, else null. */
function ymd(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function withTime(date: string | null, h?: string, min?: string, s?: string, zone?: string): string | undefined {
  if (!date) return undefined;
  if (h === undefined) return date;
  if (Number(h) > 23 || Number(min) > 59 || Number(s ?? 0) > 59) return date;
  return `${date}T${pad(h)}:${pad(min!)}:${pad(s ?? 0)}${zone ?? ''}`;
}

function zoneOf(z: string | undefined): string | undefined {
  if (!z) return undefined;
  if (ZONES[z.toUpperCase()]) return ZONES[z.toUpperCase()];
  const m = z.match(/^([+-])(\d{2}):?(\d{2})$/);
  return m ? `${m[1]}${m[2]}:${m[3]}` : undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z)?$/i;
const RFC822 = /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,3}|[+-]\d{4})?)?$/;

const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;

/**
 * `D.M.YYYY` is day-first (dots are a European convention); with `/` or `-` the order is taken only
 * when one part is over 12 or both are equal — `03/04/2022` is left out rather than guessed.
 */
function numericDate(a: number, sep: string, b: number, y: number): string | undefined {
  if (sep === '.' || a > 12 || a === b) return ymd(y, b, a) ?? undefined;
  if (b > 12) return ymd(y, a, b) ?? undefined;
  return undefined;
}

/** Normalises a stated publication date, or `undefined` when it is not one. */
export function normalisePublished(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (!s || s.length > 64) return undefined;
  let m = s.match(ISO) ?? s.match(COMPACT);
  if (m) return withTime(ymd(+m[1], +m[2], +m[3]), m[4], m[5], m[6], zoneOf(m[7]));
  m = s.match(RFC822);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    return withTime(ymd(+m[3], month, +m[1]), m[4], m[5], m[6], zoneOf(m[7]));
  }
  m = s.match(NUMERIC);
  if (m) return numericDate(+m[1], m[2], +m[3], +m[4]);
  const [hit] = chrono.strict.parse(s, CHRONO_REF);
  if (!hit || hit.text.length < s.length - 1) return undefined;
  const c = hit.start;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return undefined;
  return ymd(c.get('year')!, c.get('month')!, c.get('day')!) ?? undefined;
}

/**
 * A timestamp at a word boundary in a file name: `20220303T101500Z_…` (date-time), `2022-03-03_…`
 * or `20220303_…` (date).
 */
export function dateFromName(name: string): string | undefined {
  let m = name.match(/(?:^|[^0-9A-Za-z])(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)(?![0-9A-Za-z])/i);
  if (m) return withTime(ymd(+m[1], +m[2], +m[3]), m[4], m[5], m[6], m[7] ? 'Z' : undefined);
  m = name.match(/(?:^|[^0-9A-Za-z])(\d{4})-(\d{2})-(\d{2})(?![0-9])/) ?? name.match(/(?:^|[^0-9A-Za-z])(\d{4})(\d{2})(\d{2})(?=[_.-]|$)/);
  return m ? (ymd(+m[1], +m[2], +m[3]) ?? undefined) : undefined;
}

/** A date in a URL's path: `/2022/03/03/…`, or a timestamp in one of its segments. */
export function dateFromUrlPath(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const m = path.match(/\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/);
  if (m) return ymd(+m[1], +m[2], +m[3]) ?? undefined;
  for (const segment of path.split('/')) {
    const d = dateFromName(segment);
    if (d) return d;
  }
  return undefined;
}
