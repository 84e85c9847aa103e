/** The document list, with flags, removed-line counts and copies. */
import { api, type DocSummary, type Page } from '../api.js';
import { empty, h, replace } from '../dom.js';
import { docHref, heading, pager, route } from '../ui.js';

/** Renders the document list. */
export async function documentsPage(main: HTMLElement, _arg: string, q: URLSearchParams): Promise<void> {
  const offset = Number(q.get('offset') ?? 0) || 0;
  const flag = q.get('flag') ?? '';
  const p = await api<Page<DocSummary>>('documents', { offset, flag });
  replace(
    main,
    ...heading('Documents', flag ? `Flagged "${flag}"` : 'Every stored article, in the order it was ingested.'),
    p.total === 0
      ? empty('No documents yet. Ingest articles with `parley ingest <files or URLs>`.')
      : [
          h(
            'table',
            { class: 'list' },
            h('caption', { class: 'visually-hidden' }, 'Documents'),
            h('thead', {}, h('tr', {}, ['Title', 'Outlet', 'Published', 'Flags', 'Removed lines'].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              p.items.map((d) =>
                h(
                  'tr',
                  {},
                  h('td', {}, h('a', { href: docHref(d.id) }, d.title ?? d.origin)),
                  h('td', {}, d.outlet ?? ''),
                  h('td', {}, d.published ?? ''),
                  h('td', {}, d.flags.map((f) => h('a', { class: 'badge flag', href: route('documents', { flag: f }) }, f)), d.copies ? h('span', { class: 'badge' }, `${d.copies} cop${d.copies === 1 ? 'y' : 'ies'}`) : ''),
                  h('td', { class: 'num' }, d.removed),
                ),
              ),
            ),
          ),
          pager(p, (o) => route('documents', { flag, offset: o })),
        ],
  );
}
