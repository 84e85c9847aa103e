/** Numeric claims grouped by what they count, so differing figures sit side by side; and quotations. */
import { api, type Claim, type Page, type Quote } from '../api.js';
import { empty, h, replace } from '../dom.js';
import { entityLink, heading, pager, route, sourceLine } from '../ui.js';

function filterForm(id: string, label: string, value: string, go: (v: string) => string): HTMLElement {
  const input = h('input', { id, type: 'search', value, maxlength: 200 });
  const form = h('form', { class: 'filters', role: 'search' }, h('div', { class: 'field' }, h('label', { for: id }, label), input), h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = go(input.value.trim());
  });
  return form;
}

/** Renders the claims page, grouped by what is counted. */
export async function claimsPage(main: HTMLElement, _arg: string, q: URLSearchParams): Promise<void> {
  const what = q.get('what') ?? '';
  const offset = Number(q.get('offset') ?? 0) || 0;
  const p = await api<Page<Claim>>('claims', { what, offset, limit: 200 });
  const groups = new Map<string, Claim[]>();
  for (const c of p.items) groups.set(c.what, [...(groups.get(c.what) ?? []), c]);
  replace(
    main,
    ...heading('Claims', 'Figures stated in the sources, grouped by what they count.'),
    filterForm('claims-what', 'What is counted', what, (v) => route('claims', { what: v })),
    p.total === 0
      ? empty(what ? 'No claims match.' : 'No claims found yet. They appear once the claims layer has been built for ingested articles.')
      : [
          [...groups].map(([label, claims]) => {
            const values = new Set(claims.map((c) => `${c.value} ${c.unit ?? ''}`));
            return h(
              'article',
              { class: `card claims${values.size > 1 ? ' differ' : ''}` },
              h('h2', {}, label, values.size > 1 ? h('span', { class: 'badge contradicted' }, `${values.size} different figures`) : ''),
              h(
                'div',
                { class: 'side-by-side' },
                claims.map((c) =>
                  h(
                    'figure',
                    {},
                    h('p', { class: 'figure' }, String(c.value), c.unit ? ` ${c.unit}` : '', c.asOf ? h('span', { class: 'sub' }, ` as of ${c.asOf}`) : ''),
                    h('blockquote', {}, c.text),
                    h('figcaption', {}, c.claimant ? [entityLink(c.claimant, c.claimantName ?? null), ' in '] : '', c.source ? sourceLine(c.source) : ''),
                  ),
                ),
              ),
            );
          }),
          pager(p, (o) => route('claims', { what, offset: o })),
        ],
  );
}

/** Renders the quotes page. */
export async function quotesPage(main: HTMLElement, _arg: string, q: URLSearchParams): Promise<void> {
  const words = q.get('q') ?? '';
  const offset = Number(q.get('offset') ?? 0) || 0;
  const p = await api<Page<Quote>>('quotes', { q: words, offset });
  replace(
    main,
    ...heading('Quotes', 'Who said what, with the source of each quotation.'),
    filterForm('quotes-q', 'Words in the quote', words, (v) => route('quotes', { q: v })),
    p.total === 0
      ? empty(words ? 'No quotes match.' : 'No quotes found yet. They appear once the quotes layer has been built for ingested articles.')
      : [
          h(
            'ul',
            { class: 'quotes' },
            p.items.map((x) =>
              h(
                'li',
                { class: 'card' },
                h('blockquote', { class: x.direct ? 'direct' : 'reported' }, x.text),
                h('p', { class: 'sub' }, x.speaker ? entityLink(x.speaker, x.speakerName ?? x.speakerText) : (x.speakerText ?? 'Unattributed'), x.direct ? '' : ' (reported)', ' — ', x.source ? sourceLine(x.source) : ''),
              ),
            ),
          ),
          pager(p, (o) => route('quotes', { q: words, offset: o })),
        ],
  );
}
