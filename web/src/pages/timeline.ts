/**
 * The timeline: a zoomable vis-timeline of dated events (coloured by type; planned, happened and
 * denied drawn differently; contradicted events marked), filters by story, type, status, actor and
 * dates, and the same events as a keyboard- and screen-reader-friendly list. Choosing an event shows
 * its mentions in their sentences with links to each source.
 */
import type { Timeline } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import { api, type EntitySummary, type EventSummary, type Page, type Story } from '../api.js';
import { empty, h, replace } from '../dom.js';
import { badges, dateText, heading, pager, route, STATUS_ICON, whenAttached } from '../ui.js';
import { eventDetail } from './event.js';

const TYPES = ['talks', 'meeting', 'statement', 'demand', 'proposal', 'agreement', 'ceasefire', 'military', 'casualties', 'sanctions', 'aid', 'other'];
const STATUSES = ['happened', 'planned', 'denied', 'unknown'];
const FILTERS = ['story', 'type', 'status', 'actor', 'from', 'to'] as const;
/**
 * Events drawn at once; more are reached with the pager or by filtering. vis-timeline's stacking
 * grows faster than linearly: 500 boxes took about a second to draw on a busy 2-core machine, 200
 * about a third of that.
 */
const PAGE = 200;

function select(id: string, label: string, value: string, options: [string, string][]): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name: id.replace('f-', '') }, h('option', { value: '' }, 'All'), options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))),
  );
}

function dateInput(id: string, label: string, value: string): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name: id.replace('f-', ''), type: 'date', value }));
}

/** The window that shows every dated event, with a margin on each side (at least a day). */
function span(events: EventSummary[]): { start: Date; end: Date } {
  const days = events.flatMap((e) => [e.date.start!, e.date.end ?? e.date.start!]).map((d) => Date.parse(`${d}T00:00:00Z`));
  const [lo, hi] = [Math.min(...days), Math.max(...days) + 86_400_000];
  const pad = Math.max((hi - lo) * 0.05, 86_400_000);
  return { start: new Date(lo - pad), end: new Date(hi + pad) };
}

/** Renders the timeline page for the filters in `q`. */
export async function timelinePage(main: HTMLElement, _arg: string, q: URLSearchParams): Promise<void> {
  const params = Object.fromEntries(FILTERS.map((k) => [k, q.get(k) ?? '']));
  const offset = Number(q.get('offset') ?? 0) || 0;
  const [events, stories, actors] = await Promise.all([
    api<Page<EventSummary>>('timeline', { ...params, limit: PAGE, offset }),
    api<Page<Story>>('stories', { limit: 200 }),
    api<Page<EntitySummary>>('entities', { limit: 200 }),
  ]);
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter events' },
    select('f-story', 'Story', params.story, stories.items.map((s) => [s.id, `${s.title} (${s.docs})`])),
    select('f-type', 'Type', params.type, TYPES.map((t) => [t, t])),
    select('f-status', 'Status', params.status, STATUSES.map((s) => [s, s])),
    select('f-actor', 'Actor', params.actor, actors.items.map((e) => [e.id, e.name])),
    dateInput('f-from', 'From', params.from),
    dateInput('f-to', 'To', params.to),
    h('a', { href: route('timeline'), class: 'clear' }, 'Clear filters'),
  );
  form.addEventListener('change', () => {
    const data = new FormData(form);
    location.hash = route('timeline', Object.fromEntries(FILTERS.map((k) => [k, String(data.get(k) ?? '')])));
  });
  form.addEventListener('submit', (ev) => ev.preventDefault());

  const detail = h('section', { id: 'event-detail', class: 'detail', 'aria-live': 'polite', 'aria-label': 'Selected event' });
  const dated = events.items.filter((e) => e.date.start);
  const show = async (id: string, from: 'list' | 'chart') => {
    history.replaceState(null, '', route('timeline', { ...params, event: id }));
    for (const b of main.querySelectorAll('.event-list button')) b.setAttribute('aria-pressed', String(b.getAttribute('data-id') === id));
    if (from === 'list' && chart) {
      chart.setSelection([id]);
      const start = dated.find((e) => e.id === id)?.date.start;
      const w = chart.getWindow();
      if (start && (new Date(start) < w.start || new Date(start) > w.end)) chart.moveTo(start, { animation: false });
    }
    await eventDetail(detail, id);
  };

  let chart: Timeline | null = null;
  const chartBox = h('div', { class: 'chart', 'aria-hidden': 'true' }, h('p', { class: 'sub chart-wait' }, 'Drawing the timeline…'));
  const controls = h(
    'div',
    { class: 'chart-controls' },
    h('button', { type: 'button', onclick: () => chart?.zoomIn(0.5) }, 'Zoom in'),
    h('button', { type: 'button', onclick: () => chart?.zoomOut(0.5) }, 'Zoom out'),
    h('button', { type: 'button', onclick: () => chart?.fit() }, 'Fit all'),
  );
  const list = h(
    'ol',
    { class: 'event-list' },
    events.items.map((e) =>
      h(
        'li',
        { class: `ev status-${e.status}` },
        h(
          'button',
          { type: 'button', 'data-id': e.id, 'aria-pressed': 'false', onclick: () => void show(e.id, 'list') },
          h('span', { class: 'when' }, dateText(e.date)),
          h('span', { class: 'what' }, e.title),
          badges(e.type, e.status),
          e.contradictions.length ? h('span', { class: 'badge contradicted' }, '⚠ contradicted') : '',
          h('span', { class: 'count' }, `${e.sources} source${e.sources === 1 ? '' : 's'}`),
        ),
      ),
    ),
  );
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    TYPES.map((t) => h('li', {}, h('span', { class: `swatch type-${t}`, 'aria-hidden': 'true' }), t)),
    STATUSES.map((s) => h('li', { class: `status-${s}` }, h('span', { class: 'status-icon', 'aria-hidden': 'true' }, STATUS_ICON[s]), s)),
    h('li', {}, '⚠ contradicted'),
  );

  replace(
    main,
    ...heading('Timeline', `${events.total} event${events.total === 1 ? '' : 's'}${dated.length < events.items.length ? `, ${events.items.length - dated.length} undated on this page` : ''}`),
    form,
    events.total === 0
      ? empty('No events yet. Events appear here once articles have been ingested and the event resolver has found dated events in them; try clearing the filters.')
      : [
          dated.length ? [controls, chartBox, legend] : empty('None of these events has a date yet, so they are listed below but not drawn.'),
          h('div', { class: 'split' }, h('section', { 'aria-label': 'Events' }, h('h2', {}, 'Events'), list, pager(events, (o) => route('timeline', { ...params, offset: o }))), detail),
        ],
  );
  if (dated.length) {
    const data = dated.map((e) => ({
      id: e.id,
      start: e.date.start!,
      ...(e.date.end && e.date.end !== e.date.start ? { end: e.date.end, type: 'range' } : { type: 'box' }),
      content: h('span', { class: 'ev-label' }, `${STATUS_ICON[e.status] ?? ''} ${e.title}`, e.contradictions.length ? ' ⚠' : ''),
      className: `ev type-${e.type} status-${e.status}${e.contradictions.length ? ' contradicted' : ''}`,
    }));
    // The chart measures itself, so it is drawn once the page is in the document; its library is
    // loaded separately so the list and filters paint without waiting for it.
    whenAttached(chartBox, async () => {
      const [{ DataSet }, vis] = await Promise.all([import('vis-data/peer'), import('vis-timeline/peer')]);
      if (!chartBox.isConnected) return;
      chartBox.replaceChildren();
      chart = new vis.Timeline(chartBox, new DataSet(data) as never, {
        zoomKey: 'ctrlKey', stack: true, minHeight: 180, maxHeight: 420, orientation: 'top', showCurrentTime: false, margin: { item: 6 },
        ...span(dated),
      } as never);
      chart.on('select', (p: { items: string[] }) => {
        if (p.items[0]) void show(String(p.items[0]), 'chart');
      });
      const selected = q.get('event');
      if (selected && dated.some((e) => e.id === selected)) chart.setSelection([selected]);
    });
  }
  const selected = q.get('event');
  if (selected) await show(selected, 'list');
}
