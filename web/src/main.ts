/**
 * The Parley web UI: a hash router over the pages. Each page renders into `<main>` with DOM APIs
 * only (see `dom.ts`); on navigation focus moves to the page heading for keyboard and
 * screen-reader users.
 */
import './style.css';
import { ApiError } from './api.js';
import { announce, h, replace } from './dom.js';
import { claimsPage, quotesPage } from './pages/claims.js';
import { contradictionsPage } from './pages/contradictions.js';
import { documentPage } from './pages/document.js';
import { documentsPage } from './pages/documents.js';
import { entitiesPage, entityPage } from './pages/entities.js';
import { searchPage } from './pages/search.js';
import { timelinePage } from './pages/timeline.js';

/** A page: renders into `main` for the path's argument and query. */
type PageFn = (main: HTMLElement, arg: string, q: URLSearchParams) => Promise<void>;

const PAGES: Record<string, PageFn> = {
  timeline: timelinePage,
  entities: entitiesPage,
  entity: entityPage,
  documents: documentsPage,
  doc: documentPage,
  claims: claimsPage,
  quotes: quotesPage,
  contradictions: contradictionsPage,
  search: searchPage,
};

let renderSeq = 0;

async function render(): Promise<void> {
  const seq = ++renderSeq;
  // A filter control that changed the route keeps focus when the page is rebuilt.
  const activeId = document.activeElement && document.getElementById('main')?.contains(document.activeElement) ? document.activeElement.id : '';
  const main = document.getElementById('main')!;
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/');
  const page = PAGES[name] ?? PAGES.timeline;
  const key = PAGES[name] ? name : 'timeline';
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    const on = a.dataset.route === key || (a.dataset.route === 'entities' && key === 'entity') || (a.dataset.route === 'documents' && key === 'doc');
    if (on) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const q = new URLSearchParams(query);
  if (key === 'search') (document.getElementById('search-q') as HTMLInputElement).value = q.get('q') ?? '';
  main.setAttribute('aria-busy', 'true');
  replace(main, h('p', { class: 'loading' }, 'Loading…'));
  try {
    const target = h('div', { class: `page page-${key}` });
    await page(target, decodeURIComponent(rest.join('/')), q);
    if (seq !== renderSeq) return;
    replace(main, target);
    document.title = `${main.querySelector('h1')?.textContent ?? 'Parley'} · Parley`;
  } catch (err) {
    if (seq !== renderSeq) return;
    const message = err instanceof ApiError ? err.message : `Something went wrong: ${(err as Error).message}`;
    replace(main, h('h1', {}, err instanceof ApiError && err.status === 404 ? 'Not found' : 'Error'), h('p', { class: 'error', role: 'alert' }, message));
  }
  main.removeAttribute('aria-busy');
  const again = activeId ? main.querySelector<HTMLElement>(`#${CSS.escape(activeId)}`) : null;
  const h1 = main.querySelector('h1');
  h1?.setAttribute('tabindex', '-1');
  (again ?? h1)?.focus();
  announce(document.title);
}

document.getElementById('search-form')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = (document.getElementById('search-q') as HTMLInputElement).value.trim();
  if (q) location.hash = `#/search?${new URLSearchParams({ q })}`;
});
window.addEventListener('hashchange', () => void render());
void render();
