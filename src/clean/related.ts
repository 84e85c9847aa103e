/**
 * Trending / related / most-read headline lists: a label line ("Trending", "You may also like",
 * "More from UK", "DON'T MISS") followed by headline lines or bullet lines.
 */

/** Labels that introduce a list of other articles (whole line, optional trailing colon or ellipsis). */
const LABEL =
  /^(trending( now| stories| news)?|related( stories| articles| posts| news| coverage| content| links)?( from .{1,40})?|most (read|popular|viewed|shared|commented)|popular( now| this week| stories| posts)?|recommended( for you| stories| articles)?|more (stories|news|articles|videos|from .{1,40}|on this( story| topic)?|great .{1,30} stories|in .{1,30}|[\p{L} ]{1,30} (news|stories|articles|videos))|you (may|might) also (like|be interested in|enjoy)|don'?t miss|see also|also read|read (more|next|also)|recent (articles|posts|stories|news)|latest( news| stories| articles)?|top stories|editor'?s picks|what to read next|in (other|case you missed it) news|more)\s*(:|\.\.\.|…)?$/iu;

/** One-word labels that need at least one list item after them to count. */
const GENERIC_LABEL = /^(latest|more|popular|trending|recommended)\s*(:|\.\.\.|…)?$/i;

/** A one-line teaser for another article: "Related: …", "[Related: …]", "Also on rt.com", "More articles from …". */
const TEASER = /^\[?(related( post| posts| article| articles| coverage| content| stories| story| reading)?( from [^:]{1,40})?|see also|also( on \S+)?|more articles from .{1,40}|more from .{1,40}|on [\w.-]+\.(com|org|net|co\.uk))\s*(:|$)|^also on [\w.-]+\.\w+\s/i;

/** True when the line is a single related-article teaser. */
export function isTeaser(line: string): boolean {
  return line.length <= 200 && TEASER.test(line);
}

/** A bullet at the start of a list line. */
const BULLET = /^[-•*·▪►›»–]\s+/;
/** List items are headlines: at most this many words (the longest related headline removed on the benchmark pages has 18). */
export const MAX_ITEM_WORDS = 25;
/** Lists are rarely longer; the cap stops a false label from eating the rest of a story. */
export const MAX_ITEMS = 15;

/** True when the line labels a list of other articles. */
export function isListLabel(line: string): boolean {
  return LABEL.test(line);
}

/** True when the line could be an item of such a list: a bullet line, or a headline (no final full stop, short). */
export function isListItem(line: string): boolean {
  if (BULLET.test(line)) return true;
  const words = line.split(' ').length;
  return words <= MAX_ITEM_WORDS && !/[.:;,]$/.test(line) && !/[.!?]["”’]?\s+\p{Lu}/u.test(line);
}

/** Indexes of the lines that form related lists: each label, and the item lines that follow it. */
export function relatedListLines(lines: readonly string[], taken: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i)) continue;
    if (isTeaser(lines[i]) && !isListLabel(lines[i])) {
      out.push(i);
      continue;
    }
    if (!isListLabel(lines[i])) continue;
    const generic = GENERIC_LABEL.test(lines[i]);
    const items: number[] = [];
    for (let j = i + 1; j < lines.length && items.length < MAX_ITEMS; j++) {
      if (taken.has(j)) continue;
      if (!isListItem(lines[j]) || isListLabel(lines[j])) break;
      items.push(j);
    }
    const last = !lines.some((_, j) => j > i && !taken.has(j));
    if (generic && items.length === 0 && !last) continue; // a lone "Latest" inside a story may be its own line
    out.push(i, ...items);
    i = items.length > 0 ? items[items.length - 1] : i;
  }
  return out;
}
