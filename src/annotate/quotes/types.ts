/**
 * The `quotes` layer: direct quotations (the words between quotation marks) and indirect speech
 * (a clause introduced by a reporting verb), each with its cue and speaker.
 *
 * Design decisions:
 * - The speaker is kept as the span of its in-text mention (`speakerSpan`, which may be a pronoun or a
 *   title such as "he" or "the president") plus `speakerText`, the name it stands for: the mention
 *   itself when it is a name, else the antecedent found by `antecedent.ts` (`antecedentSpan`).
 *   Linking to a corpus entity happens at export (`link.ts`), through the entity whose mention covers
 *   the antecedent or the speaker span.
 * - A quotation split by its attribution (`"We will keep going," Ms Truss said, "to push…"`) is two
 *   quotes; the second has `continues` = the index of the first in this layer, and the same speaker.
 *   A follow-on quote without a cue of its own ("“…,” he added. “I assure you…”") is linked the same
 *   way and inherits the speaker (`evidence: 'implied'`).
 * - A quote over several paragraphs is one quote whose span includes the paragraph breaks.
 * - Partial quotes inside reported speech are direct quotes of their own; the reported clause around
 *   them is an indirect quote that contains them.
 */
import type { Evidence, Span } from '../../model/doc.js';

/** One quotation. All spans are offsets into the document text. */
export interface Quote {
  /** Direct: the words inside the marks (without a trailing comma). Indirect: the reported clause. */
  span: Span;
  direct: boolean;
  /** The reporting verb or phrase ("said", "according to"), when there is one. */
  cue: Span | null;
  /** The in-text mention of the speaker (a name, a pronoun, a title, or an unnamed source). */
  speakerSpan: Span | null;
  /** The speaker as written: the antecedent's text for a pronoun/title, else the mention's text. */
  speakerText: string | null;
  /** For a pronoun or title speaker, the name it was resolved to. */
  antecedentSpan: Span | null;
  /** Who passed the words on ("according to the Associated Press", "reported Reuters"). */
  via: Span | null;
  /** Index in this layer of the quote this one continues, or null. */
  continues: number | null;
  evidence: Evidence;
  /** The finder and rule that made it, e.g. `marks:pair+after`, `indirect:that-clause`. */
  source: string;
}

declare module '../../model/doc.js' {
  interface Layers {
    quotes: Quote[];
  }
}
