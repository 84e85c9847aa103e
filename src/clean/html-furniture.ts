/**
 * Furniture inside the extracted article element that Readability keeps: figures and their captions,
 * and lists whose items are nothing but links (related-article lists). Taken out of the DOM before
 * the text is built, and recorded.
 */
import type { Removed } from '../model/doc.js';
import { blockLines, type DomNode } from './html-blocks.js';

/**
 * A list item is "a link" when links cover at least this share of its text. 0.9 leaves lists of
 * points that merely contain a link, while catching "headline (link) + date" items.
 */
export const LINK_ITEM_SHARE = 0.9;
/** A figure holding more text than this is a layout wrapper around the story, not a picture. */
export const MAX_FIGURE_CHARS = 400;

/** The element operations used here (linkedom's `Element` has them all). */
export interface El extends DomNode {
  localName: string;
  textContent: string | null;
  parentNode: El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  closest(sel: string): El | null;
  remove(): void;
}

const textLength = (el: El) => (el.textContent ?? '').replace(/\s+/g, '').length;

function linkShare(li: El): number {
  const all = textLength(li);
  if (all === 0) return 0;
  let linked = 0;
  const links = li.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) linked += textLength(links[i]);
  return linked / all;
}

function isLinkList(list: El): boolean {
  const items = Array.from(list.querySelectorAll('li')).filter((li) => li.parentNode === list);
  return items.length > 0 && items.every((li) => linkShare(li) >= LINK_ITEM_SHARE);
}

/** Removes captions/figures and link-only lists from `root`, returning their text lines with reasons. */
export function stripFurniture(root: El): Removed[] {
  const removed: Removed[] = [];
  const take = (el: El, reason: string) => {
    for (const text of blockLines(el)) removed.push({ text, reason });
    el.remove();
  };
  for (const el of Array.from(root.querySelectorAll('figure, figcaption'))) {
    if (el.localName === 'figcaption' && el.closest('figure')) continue;
    if (textLength(el) <= MAX_FIGURE_CHARS) take(el, 'caption');
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (list.closest('li')) continue; // nested lists go with their parent list
    if (isLinkList(list)) take(list, 'related-list');
  }
  return removed;
}
