/** Contradictions, each with its statements side by side and their sources. */
import { api, type Contradiction, type Page } from '../api.js';
import { empty, h, replace } from '../dom.js';
import { entityLink, eventHref, heading, pager, route, sourceLine } from '../ui.js';

/** One contradiction as a card: summary, then the statements in columns. */
export function contradictionCard(c: Contradiction): HTMLElement {
  return h(
    'article',
    { class: 'card contradiction' },
    h('h3', {}, h('span', { class: 'badge' }, c.kind), ' ', c.summary),
    c.aboutEvent ? h('p', { class: 'sub' }, 'About ', h('a', { href: eventHref(c.aboutEvent.id) }, c.aboutEvent.title)) : '',
    h(
      'div',
      { class: 'side-by-side' },
      c.statements.map((s) =>
        h('figure', {}, h('blockquote', {}, s.text), h('figcaption', {}, s.by ? [entityLink(s.by, s.byName), ' in '] : '', sourceLine(s.source))),
      ),
    ),
  );
}

/** Renders the contradictions page. */
export async function contradictionsPage(main: HTMLElement, _arg: string, q: URLSearchParams): Promise<void> {
  const offset = Number(q.get('offset') ?? 0) || 0;
  const p = await api<Page<Contradiction>>('contradictions', { offset });
  replace(
    main,
    ...heading('Contradictions', 'Statements in the sources that cannot all be true, side by side.'),
    p.total === 0 ? empty('No contradictions found yet. They appear once the resolvers compare events and claims across sources.') : [p.items.map(contradictionCard), pager(p, (o) => route('contradictions', { offset: o }))],
  );
}
