/**
 * The `sentences` layer: paragraphs are split at line breaks, then into sentences by ICU's sentence
 * segmenter (`Intl.Segmenter`, built into Node). Node's ICU ignores the `ss=standard` abbreviation
 * suppressions, so a refiner re-joins breaks after titles, initials and month abbreviations
 * ("Mr.", "U.S.", "Jan.") and before a lower-case or numeric continuation.
 * Spans exclude surrounding white space.
 */
import type { Span } from '../../model/doc.js';
import type { Stage } from '../../pipeline.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words that end in a full stop without ending the sentence. */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr|No|Vol|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|(?:[A-Z]\.)+[A-Z])\.$/;

/** Splits `text` into trimmed sentence spans, never crossing a line break. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const paragraph = /[^\n]+/g;
  for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
    let open: Span | null = null;
    for (const seg of segmenter.segment(p[0])) {
      const trimmed = seg.segment.trim();
      if (trimmed.length === 0) continue;
      const start = p.index + seg.index + (seg.segment.length - seg.segment.trimStart().length);
      const span = { start, end: start + trimmed.length };
      if (open && (endsWithAbbreviation(text, open) || /^[a-z0-9]/.test(trimmed))) {
        open.end = span.end;
      } else {
        if (open) spans.push(open);
        open = span;
      }
    }
    if (open) spans.push(open);
  }
  return spans;
}

/**
 * `ABBREVIATION` tested on the last word of `span` only: a match is a white space or "(" (or the
 * start) followed by letters and dots up to the end, so it can only start at the last such character.
 * Testing the whole span scanned it from every position, for every break: quadratic in a long line.
 */
function endsWithAbbreviation(text: string, span: Span): boolean {
  let from = span.end - 1;
  while (from > span.start && !SPACE_OR_PAREN.test(text[from])) from--;
  return ABBREVIATION.test(text.slice(from, span.end));
}
const SPACE_OR_PAREN = /[\s(]/;

export const sentencesStage: Stage<'sentences'> = {
  name: 'sentences',
  requires: [],
  produces: 'sentences',
  run: (doc) => splitSentences(doc.text),
};
