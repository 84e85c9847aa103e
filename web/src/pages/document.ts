/**
 * One document: clean text with highlighted mentions, times, quotes, claims and event mentions
 * (each layer can be switched off), removed boilerplate collapsed with reasons, flags with their
 * evidence, and a side-by-side word diff against the document it copies, when one is known.
 */
import { diffWords } from 'diff';
import { api, type DocDetail } from '../api.js';
import { empty, h, replace, sourceLink } from '../dom.js';
import { highlighted, type Annotation, type Kind } from '../highlight.js';
import { docHref, entityHref, eventHref, heading, sourceLine } from '../ui.js';

const KIND_LABEL: Record<Kind, string> = { mention: 'Entities', time: 'Times', quote: 'Quotes', claim: 'Claims', event: 'Events' };

function annotations(d: DocDetail): Annotation[] {
  const a = d.annotations;
  return [
    ...a.mentions.map((m) => ({ ...m, kind: 'mention' as const, label: `${m.type ?? 'entity'}: ${m.name ?? m.text}` })),
    ...a.times.map((t) => ({ ...t, kind: 'time' as const, label: `${t.type}: ${t.value}` })),
    ...a.quotes.map((q) => ({ ...q, kind: 'quote' as const, label: `quote by ${q.speakerName ?? q.speakerText ?? 'unknown'}` })),
    ...a.claims.map((c) => ({ ...c, kind: 'claim' as const, label: `claim: ${c.value}${c.unit ? ` ${c.unit}` : ''} ${c.what}` })),
    ...a.events.map((e) => ({ ...e, kind: 'event' as const, label: `${e.type} (${e.status}): ${e.title}` })),
  ];
}

function toggles(text: HTMLElement, anns: Annotation[]): HTMLElement {
  const kinds = (Object.keys(KIND_LABEL) as Kind[]).filter((k) => anns.some((a) => a.kind === k));
  if (kinds.length === 0) return h('p', { class: 'sub' }, 'No annotations on this document yet.');
  return h(
    'fieldset',
    { class: 'toggles' },
    h('legend', {}, 'Highlight'),
    kinds.map((k) => {
      const box = h('input', { type: 'checkbox', id: `show-${k}`, checked: true });
      box.addEventListener('change', () => text.classList.toggle(`hide-${k}`, !(box as HTMLInputElement).checked));
      const n = anns.filter((a) => a.kind === k).length;
      return h('label', { for: `show-${k}`, class: `toggle hl-${k}` }, box, ` ${KIND_LABEL[k]} (${n})`);
    }),
  );
}

/** Two columns: the original with what the copy dropped struck out, and the copy with what it added marked. */
function diffView(original: string, copy: string): HTMLElement {
  const left = h('div', { class: 'diff-col' });
  const right = h('div', { class: 'diff-col' });
  for (const part of diffWords(original, copy)) {
    if (part.added) right.append(h('ins', {}, part.value));
    else if (part.removed) left.append(h('del', {}, part.value));
    else {
      left.append(part.value);
      right.append(part.value);
    }
  }
  return h('div', { class: 'side-by-side diff' }, h('figure', {}, h('figcaption', {}, 'Original'), left), h('figure', {}, h('figcaption', {}, 'This document'), right));
}

/** Renders one document's page. */
export async function documentPage(main: HTMLElement, id: string): Promise<void> {
  const d = await api<DocDetail>(`documents/${encodeURIComponent(id)}`);
  const anns = annotations(d);
  const text = h('div', { class: 'doc-text', id: 'doc-text' }, highlighted(d.text, anns));
  const compare = d.duplicateOfRef
    ? (() => {
        const box = h('details', { class: 'compare' }, h('summary', {}, 'Compare side by side with the document this copies'));
        let loaded = false;
        box.addEventListener('toggle', async () => {
          if (!box.open || loaded) return;
          loaded = true;
          const other = await api<DocDetail>(`documents/${encodeURIComponent(d.duplicateOfRef!.id)}`);
          box.append(diffView(other.text, d.text));
        });
        return box;
      })()
    : '';
  const layerCounts = Object.entries(d.layers).map(([k, v]) => `${k} ${Array.isArray(v) ? v.length : ''}`.trim());
  replace(
    main,
    ...heading(d.title ?? `Document ${d.id.slice(0, 8)}`),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Outlet'), h('dd', {}, d.outlet ?? 'unknown'),
      h('dt', {}, 'Published'), h('dd', {}, d.published.date ?? 'unknown', d.published.date ? h('span', { class: 'sub' }, ` (from ${d.published.source}, confidence ${d.published.confidence})`) : ''),
      d.url ? [h('dt', {}, 'Web address'), h('dd', {}, sourceLink(d.url, d.url))] : '',
      h('dt', {}, 'Read from'), h('dd', {}, h('ul', { class: 'plain' }, d.origins.map((o) => h('li', {}, /^https?:\/\//i.test(o.origin) ? sourceLink(o.origin, o.origin) : o.origin, h('span', { class: 'sub' }, ` · ${o.contentType}, ${o.encoding}, ${o.bytes} bytes`))))),
      d.stories.length ? [h('dt', {}, 'Stories'), h('dd', {}, d.stories.map((s) => s.title).join('; '))] : '',
      h('dt', {}, 'Layers'), h('dd', {}, layerCounts.join(', ') || 'none'),
      h('dt', {}, 'Id'), h('dd', {}, h('code', {}, d.id)),
    ),
    d.flags.length
      ? h(
          'section',
          { class: 'flags', 'aria-label': 'Flags' },
          d.flags.map((f) => h('div', { class: 'card flag' }, h('h2', {}, h('span', { class: 'badge flag' }, f.kind), ` score ${f.score}`), h('ul', {}, f.evidence.map((e) => h('li', {}, e))))),
        )
      : '',
    d.duplicateOfRef ? h('p', { class: 'note' }, 'Copies ', sourceLine(d.duplicateOfRef), '.') : '',
    d.copies.length ? h('div', { class: 'note' }, `Copied by ${d.copies.length} document${d.copies.length === 1 ? '' : 's'}: `, h('ul', { class: 'plain' }, d.copies.map((c) => h('li', {}, sourceLine(c))))) : '',
    compare,
    d.contradictions.length ? h('p', { class: 'note' }, '⚠ Involved in contradictions: ', d.contradictions.flatMap((c, i) => [i ? '; ' : '', h('a', { href: '#/contradictions' }, c.summary)])) : '',
    toggles(text, anns),
    h('article', { 'aria-label': 'Article text' }, text),
    h(
      'details',
      { class: 'removed' },
      h('summary', {}, `Removed by cleaning (${d.removed.length} line${d.removed.length === 1 ? '' : 's'})`),
      d.removed.length ? h('ul', {}, d.removed.map((r) => h('li', {}, h('span', { class: 'badge' }, r.reason), ' ', h('span', { class: 'removed-text' }, r.text)))) : empty('Nothing was removed.'),
    ),
    d.diagnostics.length ? h('details', {}, h('summary', {}, `Diagnostics (${d.diagnostics.length})`), h('ul', {}, d.diagnostics.map((x) => h('li', {}, `${x.stage}: ${x.message}`)))) : '',
    anns.length
      ? h(
          'section',
          { class: 'in-doc' },
          h('h2', {}, 'In this document'),
          d.annotations.events.length ? [h('h3', {}, 'Events'), h('ul', { class: 'plain' }, d.annotations.events.map((e) => h('li', {}, h('a', { href: eventHref(e.event) }, e.title), ` — ${e.status}`)))] : '',
          d.annotations.mentions.length
            ? [h('h3', {}, 'Entities'), h('ul', { class: 'plain inline' }, [...new Map(d.annotations.mentions.map((m) => [m.entity, m])).values()].map((m) => h('li', {}, h('a', { href: entityHref(m.entity) }, m.name ?? m.text))))]
            : '',
          d.annotations.quotes.length ? [h('h3', {}, 'Quotes'), h('ul', { class: 'plain' }, d.annotations.quotes.map((q) => h('li', {}, q.text, ` — ${q.speakerName ?? q.speakerText ?? 'unattributed'}`)))] : '',
          d.annotations.claims.length ? [h('h3', {}, 'Claims'), h('ul', { class: 'plain' }, d.annotations.claims.map((c) => h('li', {}, `${c.value}${c.unit ? ` ${c.unit}` : ''} — ${c.what}`)))] : '',
        )
      : '',
    h('p', {}, h('a', { href: docHref(d.id) }, 'Permalink')),
  );
}
