/** The selected event: what, when, who, contradictions, and every mention in its sentence with its source. */
import { api, type EventDetail } from '../api.js';
import { h, marked, replace } from '../dom.js';
import { badges, dateText, entityLink, sourceLine } from '../ui.js';
import { contradictionCard } from './contradictions.js';

/** Fills `box` with one event's details and evidence. */
export async function eventDetail(box: HTMLElement, id: string): Promise<void> {
  replace(box, h('p', { class: 'loading' }, 'Loading event…'));
  const e = await api<EventDetail>(`events/${encodeURIComponent(id)}`);
  replace(
    box,
    h('h2', { id: 'event-title' }, e.title),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'When'), h('dd', {}, dateText(e.date)),
      h('dt', {}, 'Kind'), h('dd', {}, badges(e.type, e.status)),
      e.place ? [h('dt', {}, 'Where'), h('dd', {}, entityLink(e.place.id, e.place.name))] : '',
      e.actors.length ? [h('dt', {}, 'Actors'), h('dd', {}, e.actors.flatMap((a, i) => [i ? ', ' : '', entityLink(a.id, a.name)]))] : '',
    ),
    e.contradictionDetails.length ? [h('h3', {}, 'Contradictions'), e.contradictionDetails.map(contradictionCard)] : '',
    h('h3', {}, `Evidence (${e.evidenceTotal} mention${e.evidenceTotal === 1 ? '' : 's'})`),
    h(
      'ul',
      { class: 'evidence' },
      e.evidence.map((m) =>
        h(
          'li',
          {},
          h('blockquote', {}, marked(m.sentence.text, [{ start: m.start - m.sentence.start, end: m.end - m.sentence.start }])),
          sourceLine(m.source),
        ),
      ),
    ),
    e.evidence.length < e.evidenceTotal ? h('p', { class: 'sub' }, `Showing ${e.evidence.length} of ${e.evidenceTotal} mentions.`) : '',
  );
}
