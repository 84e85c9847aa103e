/**
 * Clean text with stand-off annotations drawn over it: the text is cut at every annotation edge
 * and each piece becomes a text node, wrapped in a span carrying the kinds that cover it. Overlaps
 * (a mention inside a quote) simply give a piece several classes.
 */
import { h } from './dom.js';

/** The kinds of annotation the document view draws. */
export type Kind = 'mention' | 'time' | 'quote' | 'claim' | 'event';

/** One highlighted range of the text. */
export interface Annotation {
  start: number;
  end: number;
  kind: Kind;
  /** Shown as the piece's tooltip, e.g. "person: Ilse Varga". */
  label: string;
}

/** The text as a fragment of text nodes and highlight spans. */
export function highlighted(text: string, anns: Annotation[]): DocumentFragment {
  const valid = anns.filter((a) => a.start >= 0 && a.end <= text.length && a.start < a.end).sort((a, b) => a.start - b.start);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((a) => [a.start, a.end])])].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  let active: Annotation[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    active = active.filter((a) => a.end > from);
    while (next < valid.length && valid[next].start <= from) active.push(valid[next++]);
    const piece = text.slice(from, to);
    const on = active.filter((a) => a.end >= to);
    if (on.length === 0) {
      frag.append(piece);
      continue;
    }
    const kinds = [...new Set(on.map((a) => a.kind))];
    frag.append(h('span', { class: ['hl', ...kinds.map((k) => `hl-${k}`)].join(' '), title: on.map((a) => a.label).join('\n') }, piece));
  }
  return frag;
}
