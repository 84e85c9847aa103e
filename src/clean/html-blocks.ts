/**
 * Text of an HTML element as lines, one per block (paragraph, heading, list item, blockquote, table
 * cell, div…), instead of `textContent`, which glues neighbouring blocks into one run-on line.
 */
import { normaliseLine } from './normalise.js';

/** Elements that start a new line of text (HTML block and table elements). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'option', 'legend',
]);

/** Elements whose content is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'select', 'head', 'title', 'canvas', 'video', 'audio']);

/** Minimal DOM shape used here, so both linkedom and other DOMs fit. */
export interface DomNode {
  nodeType: number;
  localName?: string;
  data?: string;
  childNodes: ArrayLike<DomNode>;
}

/** The element's text, one normalised non-empty line per block. */
export function blockLines(root: DomNode): string[] {
  const lines: string[] = [];
  let buf = '';
  const flush = () => {
    if (buf.length === 0) return;
    const line = normaliseLine(buf.replace(/[\s\u00a0]+/g, ' ')); // HTML collapses newlines in inline text to spaces
    if (line.length > 0) lines.push(line);
    buf = '';
  };
  const walk = (node: DomNode) => {
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const n = kids[i];
      if (n.nodeType === 3) buf += n.data;
      else if (n.nodeType === 1) {
        const tag = n.localName ?? '';
        if (SKIP.has(tag)) continue;
        if (BLOCK.has(tag)) {
          flush();
          walk(n);
          flush();
        } else walk(n);
      }
    }
  };
  walk(root);
  flush();
  return lines;
}
