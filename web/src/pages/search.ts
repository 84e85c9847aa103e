/** Search results in context, noting the other spellings searched when the query names an entity. */
import { api, type SearchResults } from '../api.js';
import { empty, h, marked, replace } from '../dom.js';
import { entityLink, heading, pager, route, sourceLine } from '../ui.js';

/** Renders search results for `q`. */
export async function searchPage(main: HTMLElement, _arg: string, q: URLSearchParams): Promise<void> {
  const query = q.get('q') ?? '';
  if (!query) {
    replace(main, ...heading('Search'), empty('Type words in the search box above.'));
    return;
  }
  const offset = Number(q.get('offset') ?? 0) || 0;
  const r = await api<SearchResults>('search', { q: query, offset });
  replace(
    main,
    ...heading(`Search: ${query}`, `${r.total} document${r.total === 1 ? '' : 's'}`),
    r.expanded.length
      ? h('p', { class: 'note' }, 'Also searched for other spellings of ', r.expanded.flatMap((e, i) => [i ? '; ' : '', entityLink(e.entity, e.name), `: ${e.spellings.join(', ')}`]), '.')
      : '',
    r.total === 0
      ? empty('No documents match.')
      : [
          h(
            'ol',
            { class: 'results', start: offset + 1 },
            r.items.map((d) => h('li', { class: 'card' }, h('p', {}, sourceLine(d)), d.contexts.map((c) => h('p', { class: 'context' }, c.start > 0 ? '… ' : '', marked(c.text, c.marks), ' …')))),
          ),
          pager(r, (o) => route('search', { q: query, offset: o })),
        ],
  );
}
