/**
 * The `claims` layer: numeric claims — a quantity, what it counts, its qualifier and unit, who claims
 * it and as of when. In conflict coverage the figures (casualties, damage, troops) are disputed, so each
 * keeps its claimant: the speaker of the quotation (direct or reported) that contains the figure.
 */
import type { Span } from '../../model/doc.js';

/** One numeric claim; `span` covers qualifier, number, unit and what is counted. */
export interface Claim {
  span: Span;
  /** The number as stated; for vague multiples ("tens of thousands") the magnitude (10000) with `qualifier`. */
  value: number;
  /** "around", "at least", "more than", "up to", "tens of", … or null for an exact figure. */
  qualifier: string | null;
  /** "percent", "USD", "km", "fraction", … or null when the figure counts things. */
  unit: string | null;
  /** What is counted, as written, with the participle that says what happened to it ("Russian servicemen killed"). */
  what: string;
  /** The speaker mention of the quote containing the figure (see the `quotes` layer). */
  claimantSpan: Span | null;
  /** The claimant's name (a pronoun or title resolved by the quotes layer). */
  claimantText: string | null;
  /** Index in the `quotes` layer of the quote containing the figure. */
  quote: number | null;
  /** `YYYY-MM-DD`: a date in the same sentence (times layer) or the publication date. */
  asOf: string | null;
  source: string;
}

declare module '../../model/doc.js' {
  interface Layers {
    claims: Claim[];
  }
}
