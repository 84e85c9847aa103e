/**
 * A readable report of one story (or of everything): timeline, contradictions, key quotes, claims
 * and sources, as Markdown or as a self-contained HTML page. Built from the v1 export so it shows
 * exactly what the contract carries. All article text is escaped: it is untrusted.
 */
import { shownPrecision } from './precision.js';
import type { ExportV1 } from '../model/export.js';

export interface Report {
  title: string;
  events: ExportV1['events'];
  contradictions: ExportV1['contradictions'];
  quotes: ExportV1['quotes'];
  claims: ExportV1['claims'];
  documents: ExportV1['documents'];
}

/** Narrows the export to one story's documents (all documents when `storyId` is undefined). */
export function selectReport(data: ExportV1, storyId?: string): Report {
  const story = storyId ? data.stories.find((s) => s.id === storyId) : undefined;
  if (storyId && !story) throw new Error(`no story with id "${storyId}"; see parley stories`);
  const docs = new Set(story ? story.docs : data.documents.map((d) => d.id));
  const inStory = (doc: string) => docs.has(doc);
  return {
    title: story?.title ?? 'All documents',
    events: data.events.filter((e) => e.mentions.some((m) => inStory(m.doc))),
    contradictions: data.contradictions.filter((c) => c.statements.some((s) => inStory(s.doc))),
    quotes: data.quotes.filter((q) => inStory(q.doc)),
    claims: data.claims.filter((c) => inStory(c.doc)),
    documents: data.documents.filter((d) => inStory(d.id)),
  };
}

/** One line of text: newlines and table pipes folded so Markdown structure survives. */
const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const when = (e: ExportV1['events'][number]) =>
  e.date.start ? (e.date.start === e.date.end ? e.date.start : `${e.date.start} – ${e.date.end}`) : 'undated';
const sourceName = (r: Report, id: string) => {
  const d = r.documents.find((x) => x.id === id);
  return d ? `${d.outlet ?? d.origin}` : id;
};

/** The report as Markdown. */
export function reportMarkdown(r: Report): string {
  const disputed = new Set(r.contradictions.map((c) => c.about));
  const out = [`# ${flat(r.title)}`, '', `## Timeline`, '', '| date | precision | status | event | sources |', '|---|---|---|---|---|'];
  for (const e of r.events)
    out.push(`| ${when(e)} | ${shownPrecision(e.date)} | ${e.status} | ${flat(e.title)}${disputed.has(e.id) ? ' ⚠' : ''} | ${new Set(e.mentions.map((m) => m.doc)).size} |`);
  out.push('', '## Where sources disagree', '');
  for (const c of r.contradictions) {
    out.push(`- **${c.kind}**: ${flat(c.summary)}`);
    for (const s of c.statements) out.push(`  - ${sourceName(r, s.doc)}: “${flat(s.text)}”`);
  }
  out.push('', '## Key quotes', '');
  for (const q of r.quotes.filter((x) => x.direct)) out.push(`- ${flat(q.speakerText ?? 'unattributed')}: “${flat(q.text)}” (${sourceName(r, q.doc)})`);
  out.push('', '## Claims', '');
  for (const c of r.claims) out.push(`- ${c.value}${c.unit ? ' ' + c.unit : ''} ${flat(c.what)} — ${sourceName(r, c.doc)}${c.asOf ? ', as of ' + c.asOf : ''}`);
  out.push('', '## Sources', '');
  for (const d of r.documents) out.push(`- ${flat(d.title ?? '(untitled)')} — ${flat(d.outlet ?? 'unknown outlet')}, ${d.published.date ?? 'date unknown'} (${flat(d.origin)})`);
  return out.join('\n') + '\n';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The report as one HTML page with no script, every text escaped. */
export function reportHtml(r: Report): string {
  const md = reportMarkdown(r).split('\n');
  const body: string[] = [];
  let inTable = false;
  let inList = false;
  for (const line of md) {
    const cells = line.startsWith('|') ? line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|')) : null;
    if (cells && cells.every((c) => /^-+$/.test(c))) continue;
    if (cells) {
      if (!inTable) body.push('<table>');
      body.push('<tr>' + cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('') + '</tr>');
      inTable = true;
      continue;
    }
    if (inTable) body.push('</table>');
    inTable = false;
    const item = /^(\s*)- (.*)$/.exec(line);
    if (item) {
      if (!inList) body.push('<ul>');
      inList = true;
      body.push(`<li${item[1] ? ' class="sub"' : ''}>${escapeHtml(item[2].replace(/\*\*/g, '').replace(/\\\|/g, '|'))}</li>`);
      continue;
    }
    if (inList) body.push('</ul>');
    inList = false;
    const heading = /^(#+) (.*)$/.exec(line);
    if (heading) body.push(`<h${heading[1].length}>${escapeHtml(heading[2])}</h${heading[1].length}>`);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(r.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}tr:first-child td{font-weight:600;background:#f3f3f3}li.sub{margin-left:1.5rem;list-style:circle}</style>
</head><body>
${body.join('\n')}
</body></html>
`;
}
