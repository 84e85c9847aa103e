/**
 * The `claims` stage: each quantity (`numbers.ts`) with what it counts, its claimant and its as-of date.
 * Requires `sentences` and `quotes`: the claimant is the speaker of the innermost quotation (direct or
 * reported) containing the figure, which the quotes layer has already attributed and resolved. A figure
 * with nothing counted after it ("in 2,000", "498.") is not a claim. The as-of date is a day-precise
 * date of the `times` layer in the same sentence when the document has that layer, else the
 * publication date.
 */
import type { NewsDoc, Span } from '../../model/doc.js';
import type { Stage } from '../../pipeline.js';
import { tokenAt, tokenize, type Tok } from '../quotes/tokens.js';
import { findQuantities } from './numbers.js';
import type { Claim } from './types.js';

/** Words for what happened to what is counted ("have been killed"), appended to `what`. */
const OUTCOME = /^(?:killed|injured|wounded|dead|destroyed|damaged|captured|detained|arrested|evacuated|displaced|missing|lost|taken|shot|deployed|stationed|found|died)$/i;
/** The longest counted phrase, in tokens. */
const MAX_WHAT = 6;
/** How far after the counted phrase its outcome may be ("have been killed"), in tokens. */
const MAX_OUTCOME_GAP = 3;

/** What the quantity ending at token `i` counts: a noun phrase, plus its outcome participle. */
function counted(toks: readonly Tok[], i: number): { text: string; end: number } | null {
  if (toks[i]?.lower === 'of') i++; // "tens of thousands of lives", "a fifth of Ukraine's territory"
  const parts: Tok[] = [];
  let j = i;
  while (j < toks.length && j - i < MAX_WHAT && (['ADJ', 'NOUN', 'PROPN', 'DET'].includes(toks[j].pos) || /^['’]s$/.test(toks[j].lower))) parts.push(toks[j++]);
  while (parts.length > 0 && parts[parts.length - 1].pos === 'DET') parts.pop();
  if (!parts.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  let end = parts[parts.length - 1].end;
  let text = parts.map((t, k) => (k > 0 && !/^['’]s$/.test(t.lower) ? ' ' : '') + t.text).join('');
  for (let k = j; k < toks.length && k - j <= MAX_OUTCOME_GAP; k++) {
    if (OUTCOME.test(toks[k].text)) {
      text += ` ${toks[k].lower}`;
      end = toks[k].end;
      break;
    }
    if (!['AUX', 'ADV', 'PART'].includes(toks[k].pos)) break;
  }
  return { text, end };
}

interface TimeLike {
  span: Span;
  value: string;
}

/** A day-precise date of the `times` layer inside `sentence`, read without requiring that layer. */
function dateIn(doc: NewsDoc, sentence: Span | undefined): string | null {
  const times = (doc.layers as Record<string, unknown>).times;
  if (!sentence || !Array.isArray(times)) return null;
  const hit = (times as TimeLike[]).find((t) => t?.span && t.span.start >= sentence.start && t.span.end <= sentence.end && /^\d{4}-\d{2}-\d{2}$/.test(t.value));
  return hit?.value ?? null;
}

/** Finds the claims of one document. */
export function findClaims(doc: NewsDoc): Claim[] {
  const toks = tokenize(doc.text);
  const quotes = doc.layers.quotes ?? [];
  const sentences = doc.layers.sentences ?? [];
  const out: Claim[] = [];
  for (const q of findQuantities(doc.text)) {
    let what = counted(toks, tokenAt(toks, q.span.end));
    const verb = toks[tokenAt(toks, q.span.start) - 1];
    if (what && verb && OUTCOME.test(verb.text) && !OUTCOME.test(what.text.split(' ').pop()!)) what = { ...what, text: `${what.text} ${verb.lower}` }; // "killed at least 50 people"
    if (!what && q.unit === null) continue;
    const span = { start: q.span.start, end: what?.end ?? q.span.end };
    // the innermost quote containing the figure
    let quote: number | null = null;
    quotes.forEach((x, k) => {
      if (x.speakerSpan && x.span.start <= q.span.start && q.span.end <= x.span.end && (quote === null || x.span.end - x.span.start < quotes[quote].span.end - quotes[quote].span.start)) quote = k;
    });
    const by = quote === null ? null : quotes[quote];
    const sentence = sentences.find((s) => s.start <= q.span.start && q.span.start < s.end);
    out.push({
      span,
      value: q.value,
      qualifier: q.qualifier,
      unit: q.unit,
      what: what?.text ?? '',
      claimantSpan: by?.speakerSpan ?? null,
      claimantText: by?.speakerText ?? null,
      quote,
      asOf: dateIn(doc, sentence) ?? doc.published.date,
      source: by ? `quantity+quote:${by.source}` : 'quantity',
    });
  }
  return out;
}

/** The `claims` stage. */
export const claimsStage: Stage<'claims'> = {
  name: 'claims',
  requires: ['sentences', 'quotes'],
  produces: 'claims',
  run: (doc) => findClaims(doc),
};
