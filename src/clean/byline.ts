/**
 * Byline and date lines ("By Jane Doe", "Published 7:07 PM EST Nov 19, 2019", "November 18, 2019 |
 * 4:10pm", "05/10/2018"): page furniture around the story, not part of it. A date alone on a line is
 * furniture only at the top or bottom of the text; inside it, it heads a timeline entry.
 */

/** A byline is a short line; longer lines starting with "By" are sentences ("By Monday the talks…"). */
export const MAX_BYLINE_CHARS = 100;
/** A line that is only a date and time is short; a longer one is a sentence that mentions a date. */
export const MAX_DATE_LINE_CHARS = 90;

/** Month and weekday names (English, and the Romance/German ones common on the web) and their abbreviations. */
const DATE_WORDS = new Set(
  ('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro enero febrero marzo mayo junio julio septiembre octubre noviembre diciembre ' +
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen ago set ott dic janvier février mars avril mai juin juillet août septembre octobre novembre décembre ' +
    'januar februar märz juni juli oktober dezember ' +
    'segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo ' +
    'am pm a.m p.m at on of de às um the published updated posted original originally last first today yesterday')
    .split(' '),
);

/** "Tom Kris, AP Auto Writer", "Meg Kinn and Erin Hale, Associated Press": names, then an agency or a staff title. */
const CREDITED_NAME = /^[\p{Lu}][^,.!?]{2,60}, ((the )?associated press|ap|reuters|afp|bloomberg|[\p{L} ]{0,30}\b(writer|correspondent|reporter|editor|staff))$/iu;

/** True for "By Jane Doe", "By Stefan Becket, Kathryn Watson", a lone "By", or a name with its agency. */
function isByline(line: string): boolean {
  if (line.length > MAX_BYLINE_CHARS) return false;
  if (/^by$/i.test(line)) return true;
  if (/^[Bb][Yy]:?\s+\p{Lu}/u.test(line) && !/[.!?]$/.test(line.replace(/(\b\p{Lu}|\b[ap]\.m)\.$/u, ''))) return true;
  return CREDITED_NAME.test(line);
}

/** "Published 7:07 PM EST Nov 19, 2019", "Updated: …": a stamp, wherever it stands. */
function isStamp(line: string): boolean {
  return line.length <= MAX_DATE_LINE_CHARS && /^\(?(published|updated|posted|first published|last updated|originally published)\b[^.]*\d/i.test(line);
}

/** True for a line that is only a date and/or time ("November 18, 2019 | 4:10pm", "05/10/2018"). */
export function isDateOnly(line: string): boolean {
  if (line.length > MAX_DATE_LINE_CHARS) return false;
  const tokens = line.toLowerCase().split(/[\s,|/.:;–—()-]+/).filter(Boolean);
  let digits = 0;
  let months = 0;
  for (const t of tokens) {
    if (/^\d{1,4}(st|nd|rd|th|am|pm|h)?$/.test(t)) digits++;
    else if (DATE_WORDS.has(t)) months++;
    else if (!/^[a-z]{2,4}t$/.test(t) && t !== 'utc') return false; // time zones: EST, PT, GMT, AMT…
  }
  return digits >= 3 || (digits >= 1 && months >= 1);
}

/** A date-only line, also when followed by " / Outlet" or " | Outlet" ("November 20, 2019 / 1:07 AM / CBS News"). */
export function isDateLine(line: string): boolean {
  return isDateOnly(line) || isDateOnly(line.replace(/\s[|/]\s[^|/\d]{1,40}$/, ''));
}

/** True when the line is a byline or a publication stamp (date-only lines depend on where they stand: see `boilerplate.ts`). */
export function isBylineOrStamp(line: string): boolean {
  return isByline(line) || isStamp(line);
}
