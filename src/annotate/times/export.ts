/**
 * The `times` of one document as export contract v1 lists them: offsets, the covered text (always
 * `doc.text.slice(start, end)`), TIMEX3 type and value.
 */
import type { NewsDoc } from '../../model/doc.js';

/** One exported time expression. */
export interface ExportedTime {
  doc: string;
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
}

/** The exported times of `doc`, in text order (empty when the layer was not built). */
export function exportTimes(doc: NewsDoc): ExportedTime[] {
  return (doc.layers.times ?? []).map((t) => ({
    doc: doc.id,
    start: t.span.start,
    end: t.span.end,
    text: doc.text.slice(t.span.start, t.span.end),
    type: t.type,
    value: t.value,
  }));
}
