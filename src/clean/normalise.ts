/**
 * Text normalisation for cleaned articles: one paragraph per line, no invisible characters, single
 * spaces. Every later offset points into text produced here, so it must be deterministic.
 */

/** Characters that render as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Space characters other than U+0020: tab, no-break, en/em/thin spaces, narrow no-break, ideographic. */
const ODD_SPACE = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Normalises one line: invisible characters removed, every kind of space made one plain space, trimmed. */
export function normaliseLine(line: string): string {
  return line.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Splits text into normalised, non-empty lines. CRLF, CR, and the Unicode line/paragraph separators
 * all count as line breaks; blank lines disappear (paragraphs end up separated by a single `\n`).
 */
export function toLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r\n?|[\n\u2028\u2029\u0085]/)) {
    const line = normaliseLine(raw);
    if (line.length > 0) out.push(line);
  }
  return out;
}
