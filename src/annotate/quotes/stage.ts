/**
 * The `quotes` stage: direct quotations (`direct.ts`) and indirect speech (`indirect.ts`), with
 * pronoun and title speakers resolved to names (`antecedent.ts`). Requires `sentences`, because cues
 * are looked for within a quotation's sentence. Reads the `mentions` layer when a document has one
 * (for person names); does not require it.
 */
import type { NewsDoc, Span } from '../../model/doc.js';
import type { Stage } from '../../pipeline.js';
import { Antecedents } from './antecedent.js';
import type { Attribution } from './attribute.js';
import { directQuotes } from './direct.js';
import { indirectQuotes } from './indirect.js';
import { findQuoted, quotedStretches } from './marks.js';
import { transcriptTurns } from './transcript.js';
import type { Range } from './np.js';
import { tokenize, type Tok } from './tokens.js';
import type { Quote } from './types.js';

const toSpan = (toks: readonly Tok[], r: Range | null): Span | null => (r ? { start: toks[r[0]].start, end: toks[r[1] - 1].end } : null);

/** Finds the quotes of one document. */
export function findQuotes(doc: NewsDoc): Quote[] {
  const text = doc.text;
  const sentences = doc.layers.sentences ?? [];
  const toks = tokenize(text);
  const antecedents = new Antecedents(doc, toks);
  const quoted = findQuoted(text);

  const build = (span: Span, direct: boolean, att: Attribution | null, continues: number | null, source: string): Quote => {
    const speaker = att?.speaker ?? null;
    const speakerSpan = toSpan(toks, speaker);
    const antecedent = speaker && antecedents.needsResolving(speaker) ? antecedents.resolve(speaker, sentences) : null;
    // Only the span: the antecedent found is a name object with the words it was matched by.
    const antecedentSpan = antecedent && { start: antecedent.start, end: antecedent.end };
    const named = antecedentSpan ?? speakerSpan;
    return {
      span,
      direct,
      cue: toSpan(toks, att?.cue ?? null),
      speakerSpan,
      speakerText: named ? text.slice(named.start, named.end) : null,
      antecedentSpan,
      via: toSpan(toks, att?.via ?? null),
      continues,
      evidence: att?.rule === 'follow-on' ? 'implied' : 'explicit',
      source,
    };
  };

  const directs = directQuotes(text, toks, sentences, quoted);
  const quotes = directs.map((d) => build(d.quoted.span, true, d.att, d.continues, `marks:${d.quoted.rule}+${d.att?.rule ?? 'none'}`));
  const inside = quotedStretches(text, quoted);
  const skip = (i: number) => inside.some((r) => toks[i].start >= r.start && toks[i].start < r.end);
  for (const c of [...indirectQuotes(text, toks, sentences, skip), ...transcriptTurns(text, toks)]) {
    const span = toSpan(toks, c.content)!;
    quotes.push(build(span, false, c.att, c.continues ? quotes.length - 1 : null, c.att.rule));
  }
  // indirect quotes sort among the direct ones; `continues` indices are remapped to the new order
  const order = quotes.map((q, i) => ({ q, i })).sort((a, b) => a.q.span.start - b.q.span.start || a.q.span.end - b.q.span.end);
  const newIndex = new Map(order.map((o, k) => [o.i, k]));
  return order.map(({ q }) => ({ ...q, continues: q.continues === null ? null : newIndex.get(q.continues)! }));
}

/** The `quotes` stage. */
export const quotesStage: Stage<'quotes'> = {
  name: 'quotes',
  requires: ['sentences'],
  produces: 'quotes',
  run: (doc) => findQuotes(doc),
};
