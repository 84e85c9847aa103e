/** Small shared pieces of the pages: links to items, source lines, pagers, labels. */
import type { Page, Ref } from './api.js';
import { h, sourceLink } from './dom.js';

/** A hash route with query parameters (empty ones left out). */
export function route(path: string, params: Record<string, string | number | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  return `#/${path}${qs.size ? `?${qs}` : ''}`;
}

/** Hash routes to a document, an entity, and an event on the timeline. */
export const docHref = (id: string) => route(`doc/${encodeURIComponent(id)}`);
export const entityHref = (id: string) => route(`entity/${encodeURIComponent(id)}`);
export const eventHref = (id: string) => route('timeline', { event: id });

/** The article's web address: its URL, or its origin when that is one. */
export function webAddress(ref: Ref): string | null {
  if (ref.url) return ref.url;
  return ref.origin && /^https?:\/\//i.test(ref.origin) ? ref.origin : null;
}

/** "Title — Outlet, 2031-03-04 · origin" with a link to the document and, for URLs, to the source. */
export function sourceLine(ref: Ref): HTMLElement {
  return h(
    'span',
    { class: 'source' },
    h('a', { href: docHref(ref.id) }, ref.title ?? `Document ${ref.id.slice(0, 8)}`),
    ref.outlet ? ` — ${ref.outlet}` : '',
    ref.published ? `, ${ref.published}` : '',
    webAddress(ref) ? [' · ', sourceLink(webAddress(ref)!, 'original')] : '',
  );
}

/** A link to an entity, or plain text when it has no id. */
export function entityLink(id: string | null, name: string | null): Node {
  if (!id) return document.createTextNode(name ?? 'unknown');
  return h('a', { href: entityHref(id) }, name ?? id);
}

/** How each event status is named and drawn (the icon is also in the text, so colour is never the only cue). */
export const STATUS_LABEL: Record<string, string> = { happened: 'happened', planned: 'planned', denied: 'denied', unknown: 'status unknown' };
export const STATUS_ICON: Record<string, string> = { happened: '●', planned: '○', denied: '✕', unknown: '?' };

/** A type and status badge pair. */
export function badges(type: string, status: string): HTMLElement {
  return h(
    'span',
    { class: 'badges' },
    h('span', { class: `badge type type-${type}` }, type),
    h('span', { class: `badge status status-${status}` }, h('span', { 'aria-hidden': 'true' }, STATUS_ICON[status] ?? '?'), ` ${STATUS_LABEL[status] ?? status}`),
  );
}

/** A date (or range) as text. */
export function dateText(d: { start: string | null; end: string | null; precision: string }): string {
  if (!d.start) return 'undated';
  const shown = (s: string) => (d.precision === 'year' ? s.slice(0, 4) : d.precision === 'month' ? s.slice(0, 7) : s);
  return d.end && d.end !== d.start ? `${shown(d.start)} – ${shown(d.end)}` : shown(d.start);
}

/** "Showing 1–50 of 120" with previous/next links to `make(offset)`. */
export function pager<T>(p: Page<T>, make: (offset: number) => string): HTMLElement {
  const first = p.total === 0 ? 0 : p.offset + 1;
  const last = Math.min(p.offset + p.items.length, p.total);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    h('span', {}, `Showing ${first}–${last} of ${p.total}`),
    p.offset > 0 ? h('a', { href: make(Math.max(0, p.offset - p.limit)), rel: 'prev' }, '← Previous') : '',
    last < p.total ? h('a', { href: make(p.offset + p.limit), rel: 'next' }, 'Next →') : '',
  );
}

/** A page heading with an optional line under it. */
export function heading(title: string, sub?: string | Node): HTMLElement[] {
  return [h('h1', {}, title), sub ? h('p', { class: 'sub' }, sub) : ''].filter(Boolean) as HTMLElement[];
}

/**
 * Runs `fn` once `el` is in the document (pages are built detached, then swapped in) and the page
 * has painted, so heavy drawing (the chart) never delays the first paint of the rest.
 */
export function whenAttached(el: Element, fn: () => unknown, tries = 300): void {
  if (el.isConnected) requestAnimationFrame(() => setTimeout(fn, 0));
  else if (tries > 0) requestAnimationFrame(() => whenAttached(el, fn, tries - 1));
}
