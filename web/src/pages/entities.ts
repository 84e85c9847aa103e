/** Entities: the list (filter by name or type) and one entity with spellings, roles, quotes, claims and events. */
import { api, type EntityDetail, type EntitySummary, type Page } from '../api.js';
import { empty, h, replace } from '../dom.js';
import { badges, dateText, entityHref, eventHref, heading, pager, route, sourceLine } from '../ui.js';

const TYPES = ['person', 'organization', 'place', 'outlet', 'other'];

/** Renders the entity list. */
export async function entitiesPage(main: HTMLElement, _arg: string, q: URLSearchParams): Promise<void> {
  const name = q.get('q') ?? '';
  const type = q.get('type') ?? '';
  const offset = Number(q.get('offset') ?? 0) || 0;
  const p = await api<Page<EntitySummary>>('entities', { q: name, type, offset });
  const input = h('input', { id: 'ent-q', type: 'search', value: name, maxlength: 200 });
  const kind = h('select', { id: 'ent-type' }, h('option', { value: '' }, 'All'), TYPES.map((t) => h('option', { value: t, selected: t === type }, t)));
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'ent-q' }, 'Name or spelling'), input),
    h('div', { class: 'field' }, h('label', { for: 'ent-type' }, 'Type'), kind),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = route('entities', { q: input.value.trim(), type: kind.value });
  });
  replace(
    main,
    ...heading('Entities', 'People, organisations and places, with every spelling the sources use.'),
    form,
    p.total === 0
      ? empty(name || type ? 'No entities match.' : 'No entities yet. They appear once mentions have been resolved into entities.')
      : [
          h(
            'table',
            { class: 'list' },
            h('caption', { class: 'visually-hidden' }, 'Entities'),
            h('thead', {}, h('tr', {}, ['Name', 'Type', 'Also written', 'Mentions', 'Documents'].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              p.items.map((e) =>
                h('tr', {}, h('td', {}, h('a', { href: entityHref(e.id) }, e.name)), h('td', {}, e.type), h('td', {}, e.aliases.join(', ')), h('td', { class: 'num' }, e.mentions), h('td', { class: 'num' }, e.documents)),
              ),
            ),
          ),
          pager(p, (o) => route('entities', { q: name, type, offset: o })),
        ],
  );
}

/** Renders one entity's page. */
export async function entityPage(main: HTMLElement, id: string): Promise<void> {
  const e = await api<EntityDetail>(`entities/${encodeURIComponent(id)}`);
  const section = (title: string, body: Node | Node[] | string, n: number, none: string, total = n, more?: string) =>
    h('section', {}, h('h2', {}, `${title} (${total})`), n ? body : empty(none), total > n ? h('p', { class: 'sub' }, `Showing ${n} of ${total}. `, more ? h('a', { href: more }, 'See all') : '') : '');
  replace(
    main,
    ...heading(e.name, `${e.type}${e.kb ? ` · ${e.kb}` : ''} · ${e.mentions} mentions in ${e.documents} documents`),
    h(
      'div',
      { class: 'grid' },
      section(
        'Spellings',
        h('table', { class: 'list' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Written as'), h('th', { scope: 'col' }, 'Times'))), h('tbody', {}, e.spellings.map((s) => h('tr', {}, h('td', {}, s.text), h('td', { class: 'num' }, s.count))))),
        e.spellings.length,
        'No mentions.',
      ),
      section(
        'Roles',
        h('ul', {}, e.roles.map((r) => h('li', {}, r.title, r.from || r.to ? h('span', { class: 'sub' }, ` (${r.from ?? '…'} – ${r.to ?? 'now'})`) : ''))),
        e.roles.length,
        'No roles known.',
      ),
    ),
    section(
      'Events',
      h('ul', { class: 'plain' }, e.events.map((x) => h('li', {}, h('span', { class: 'when' }, dateText(x.date)), ' ', h('a', { href: eventHref(x.id) }, x.title), ' ', badges(x.type, x.status)))),
      e.events.length,
      'No events involve this entity yet.',
      e.eventsTotal,
      route('timeline', { actor: e.id }),
    ),
    section('Quotes', h('ul', { class: 'quotes' }, e.quotes.map((x) => h('li', { class: 'card' }, h('blockquote', {}, x.text), x.source ? sourceLine(x.source) : ''))), e.quotes.length, 'No quotes by this entity yet.', e.quotesTotal),
    section(
      'Claims',
      h('ul', { class: 'quotes' }, e.claims.map((x) => h('li', { class: 'card' }, h('p', { class: 'figure' }, `${x.value}${x.unit ? ` ${x.unit}` : ''} — ${x.what}`), h('blockquote', {}, x.text), x.source ? sourceLine(x.source) : ''))),
      e.claims.length,
      'No claims by this entity yet.',
      e.claimsTotal,
    ),
    section('Sources', h('ul', { class: 'plain' }, e.sources.map((s) => h('li', {}, sourceLine(s), h('span', { class: 'sub' }, ` · ${s.count}×`)))), e.sources.length, 'No sources.', e.sourcesTotal),
  );
}
