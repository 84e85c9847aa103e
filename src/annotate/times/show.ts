/**
 * Plain-text lines for `parley show`: the publication-date evidence (one line each, with the range
 * the content allows) and every time expression with its TIMEX3 value, anchor and direction, so an
 * analyst can see why "Thursday" became a given day — or that it could not be placed.
 */
import type { NewsDoc } from '../../model/doc.js';

/** Lines describing how the publication date was found (empty when there is nothing to add). */
export function publicationLines(doc: NewsDoc): string[] {
  const inferred = doc.layers.publication;
  const lines = doc.published.evidence.map((e) => `  evidence: ${e}`);
  if (inferred?.range && doc.published.source !== 'metadata') lines.push(`  possible: ${inferred.range.from} … ${inferred.range.to}`);
  return lines;
}

/** One line per time expression: offsets, text, type, value, and what it was anchored on. */
export function timesLines(doc: NewsDoc): string[] {
  const times = doc.layers.times ?? [];
  return [
    `times (${times.length}):`,
    ...times.map((t) => {
      const how = [t.anchor ? `from ${t.anchor.by} ${t.anchor.date}` : null, t.direction ?? null, t.source].filter(Boolean).join(', ');
      return `  ${t.span.start}-${t.span.end}  "${doc.text.slice(t.span.start, t.span.end)}"  ${t.type} ${t.value}  (${how})`;
    }),
  ];
}
