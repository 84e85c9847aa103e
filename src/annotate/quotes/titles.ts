/**
 * Quoted stretches that are not quotations: titles of shows, books and events ("“Fox News Sunday”"),
 * and anything in a headline or list item (a paragraph without sentence-final punctuation).
 */

/** Titles of shows, books and events run to at most this many words ("Fox News Sunday", "Make Your Kid a Millionaire"). */
const MAX_TITLE_WORDS = 8;

/** Words a title leaves in lower case ("Special Report with Brett Baier"). */
const TITLE_SMALL_WORDS = new Set('a an the of and or but in on at to for with from by into over as vs nor'.split(' '));

/** True for a quoted title rather than a quotation: short, with every longer word capitalised. */
export function titleLike(quoted: string): boolean {
  const all = quoted.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const content = all.filter((w) => !TITLE_SMALL_WORDS.has(w.replace(/\P{L}/gu, '').toLowerCase()));
  return all.length <= MAX_TITLE_WORDS && content.length > 0 && content.every((w) => /^\P{L}*\p{Lu}/u.test(w));
}

/** True when the paragraph at `at` is a list item or a headline (no sentence-final punctuation): never a quote's home. */
export function headlineLike(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  const endAt = text.indexOf('\n', at);
  const para = text.slice(start, endAt < 0 ? text.length : endAt).trim();
  return /^[-•*–—]\s/.test(para) || !/[.!?…]["”’»]?$/.test(para);
}
