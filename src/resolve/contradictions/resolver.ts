/**
 * Contradictions between sources, each with the statements side by side (corpus kind
 * `contradictions`):
 * - `venue`: mentions of one event, from different documents, name different places;
 * - `date`: mentions of one event, from different documents, give days that cannot both be right;
 * - `denial`: one source denies what another reports of the same event ("… is not true");
 * - `figures`: different numbers for the same counted thing from different claimants.
 * Requires `events`: a full run reads each event's mentions back from the documents' `eventMentions`,
 * an incremental one from the events resolver's state.
 */
import { createHash } from 'node:crypto';
import type { NewsDoc } from '../../model/doc.js';
import type { DocLookup } from '../doc-set.js';
import type { Event } from '../events/build.js';
import { timexRange, overlaps } from '../events/date-range.js';
import { foldName, mentionFacts, type EntityLike, type MentionFacts } from '../events/nodes.js';
import type { SpanLookup } from '../entities/entity-at.js';
import { entityIndex } from '../entities/index-cache.js';
import { BoundedMemo } from '../../memo.js';
import type { Corpus, Resolver } from '../resolve.js';
import { figureContradictions } from './figures.js';
import { incremental } from './incremental.js';
import { append } from '../../append.js';

export interface Statement {
  doc: string;
  start: number;
  end: number;
  text: string;
  by: string | null;
}

export interface Contradiction {
  id: string;
  kind: 'venue' | 'date' | 'denial' | 'figures';
  about: string | null;
  summary: string;
  statements: Statement[];
}

/**
 * A stable id from what the contradiction is about and its statements: two events whose mentions
 * share sentences (a meeting and the talks it held) can disagree over the same pair of statements.
 */
export function contradictionId(kind: string, about: string, statements: Statement[]): string {
  return 'ct_' + createHash('sha1').update([kind, about, ...statements.map((s) => `${s.doc}:${s.start}:${s.end}`)].join('|')).digest('hex').slice(0, 12);
}

/** What finding a contradiction reads of one event mention (an event's `MentionFacts`). */
export type Said = Pick<MentionFacts, 'doc' | 'type' | 'span' | 'text' | 'place' | 'time' | 'status'>;

/** Who makes a statement: the entity speaking the quotation that overlaps it, when known. */
export type SpeakerOf = (doc: NewsDoc, span: { start: number; end: number }) => string | null;

/** A `SpeakerOf` that reads the `quotes` layer and finds speakers' entities through the lookup. */
export function quoteSpeakers(lookup: SpanLookup<EntityLike>): SpeakerOf {
  return (doc, span) => {
    const quote = doc.layers.quotes?.find((q) => q.span.start < span.end && span.start < q.span.end && (q.antecedentSpan ?? q.speakerSpan));
    return quote ? (lookup.at(doc.id, (quote.antecedentSpan ?? quote.speakerSpan)!)?.id ?? null) : null;
  };
}

const noSpeakers: SpeakerOf = () => null;

/** Two statements of one event that disagree, before their documents are read for speakers. */
export interface Disagreement {
  kind: 'venue' | 'date' | 'denial';
  pair: [Said, Said];
}

/**
 * The first pair of mentions (in the event's order) from different documents whose values differ.
 * Only two mentions of each value can be in that pair: its first, and its first from another
 * document than that one. (If the pair's first member were another mention of its value, the
 * value's first mention, or its first from another document, would make an earlier pair with the
 * same second member; likewise for the second member given the first.) So the scan is over those,
 * and an event reported a thousand times the same way costs one pass, not a million comparisons.
 */
function differing(said: Said[], value: (s: Said) => string | null, differ: (a: string, b: string) => boolean): [Said, Said] | null {
  const reps: Said[] = [];
  const seen = new Map<string, { doc: string; again: boolean }>();
  for (const s of said) {
    const v = value(s);
    if (!v) continue;
    const slot = seen.get(v);
    if (!slot) seen.set(v, { doc: s.doc, again: false });
    else if (slot.again || slot.doc === s.doc) continue;
    else slot.again = true;
    reps.push(s);
  }
  for (let i = 0; i < reps.length; i++)
    for (let j = i + 1; j < reps.length; j++) {
      const [a, b] = [value(reps[i])!, value(reps[j])!];
      if (reps[i].doc !== reps[j].doc && differ(a, b)) return [reps[i], reps[j]];
    }
  return null;
}

const dayValue = (time: string) => (timexRange(time)?.precision === 'day' ? time.slice(0, 10) : null);
/** The day a mention gives, when it gives one to the day. */
const dayOf = (s: Said) => (s.time ? dayValue(s.time) : null);
/** Distinct places or days remembered per event; more are folded again (bounds memory only). */
const MEMO_LIMIT = 4096;

/**
 * Places and days as compared, each folded once per event: a widely reported event repeats a few of
 * them many times (memos made per call, so nothing outlives the event).
 */
function comparedValues(): { placeOf: (s: Said) => string | null; dayOf: (s: Said) => string | null } {
  const [places, days] = [new BoundedMemo<string>(MEMO_LIMIT), new BoundedMemo<string | null>(MEMO_LIMIT)];
  return {
    placeOf: (s) => (s.place ? places.get(s.place.text, () => foldName(s.place!.text)) : null),
    dayOf: (s) => (s.time ? days.get(s.time, () => dayValue(s.time!)) : null),
  };
}

/** What one event's mentions disagree on: venue, day, and a denial set against what it denies. */
export function disagreements(said: Said[]): Disagreement[] {
  const { placeOf, dayOf } = comparedValues();
  const out: Disagreement[] = [];
  const venue = differing(said, placeOf, (a, b) => a !== b);
  if (venue) out.push({ kind: 'venue', pair: venue });
  const date = differing(said, dayOf, (a, b) => !overlaps(timexRange(a)!, timexRange(b)!));
  if (date) out.push({ kind: 'date', pair: date });
  // A denial is set against what it denies: a report naming the same place when there is one; one
  // speaker may contradict another inside one article, so only the sentence must differ.
  const denied = said.find((s) => s.status === 'denied');
  const asserted = said.filter((s) => (s.status === 'happened' || s.status === 'planned') && s.span.start !== denied?.span.start);
  const counterpart = denied && (asserted.find((s) => placeOf(s) !== null && placeOf(s) === placeOf(denied)) ?? asserted[0]);
  if (denied && counterpart) out.push({ kind: 'denial', pair: [counterpart, denied] });
  return out;
}

/**
 * The statements of an event that `disagreements` can ever pick, in order: per place and per day, its
 * first statement and its first from another document; the first denial; of the reports (happened or
 * planned), the first and the first from another sentence start, overall and per place. So
 * `disagreements(keptSaid(s)) = disagreements(s)`, and `keptSaid(keptSaid(a) ++ b) = keptSaid(a ++ b)`:
 * an incremental run keeps these for each event and grows them with its new mentions only.
 */
export function keptSaid<S extends Said>(said: Iterable<S>): S[] {
  const { placeOf, dayOf } = comparedValues();
  /** Per class: the first member's mark, and whether one with another mark was kept. */
  const firsts = new Map<string, { mark: string | number; again: boolean }>();
  const keep = (cls: string, mark: string | number): boolean => {
    const slot = firsts.get(cls);
    if (!slot) return firsts.set(cls, { mark, again: false }), true;
    if (slot.again || slot.mark === mark) return false;
    return (slot.again = true);
  };
  const out: S[] = [];
  for (const s of said) {
    const [place, day] = [placeOf(s), dayOf(s)];
    let kept = false;
    if (place !== null) kept = keep(`p:${place}`, s.doc) || kept;
    if (day !== null) kept = keep(`d:${day}`, s.doc) || kept;
    if (s.status === 'denied') kept = keep('denied', 0) || kept;
    if (s.status === 'happened' || s.status === 'planned') {
      kept = keep('asserted', s.span.start) || kept;
      if (place !== null) kept = keep(`a:${place}`, s.span.start) || kept;
    }
    if (kept) out.push(s);
  }
  return out;
}

/** The contradictions of one event from its disagreements; `docs` must hold the documents of their statements. */
export function eventContradictions(event: Event, found: Disagreement[], docs: DocLookup, speakerOf: SpeakerOf = noSpeakers): Contradiction[] {
  const statement = (s: Said): Statement => ({ doc: s.doc, start: s.span.start, end: s.span.end, text: s.text, by: speakerOf(docs.get(s.doc)!, s.span) });
  const summary = ({ kind, pair: [a, b] }: Disagreement) => {
    if (kind === 'venue') return `${event.title}: one source places it in ${a.place!.text}, another in ${b.place!.text}`;
    if (kind === 'date') return `${event.title}: dated ${dayOf(a)} by one source and ${dayOf(b)} by another`;
    const outlet = docs.get(b.doc)!.outlet;
    return `${event.title}: ${outlet ? 'a source in ' + outlet : 'a source'} denies ${b.place ? 'that it takes place in ' + b.place.text : 'what another reports'}`;
  };
  return found.map((d) => {
    const statements = d.pair.map(statement);
    return { id: contradictionId(d.kind, event.id, statements), kind: d.kind, about: event.id, summary: summary(d), statements };
  });
}

/** The facts of one event's mentions, read back from their documents' `eventMentions` (a full pass; the incremental pass keeps them in the event's summary: `events/incremental-state.ts` `saidOf`). */
export function eventStatements(event: Event, docs: DocLookup): Said[] {
  return event.mentions.flatMap((m) => {
    const doc = docs.get(m.doc);
    const facts = doc && mentionFacts(doc).find((f) => f.span.start === m.start && f.type === event.type);
    return facts ? [facts] : [];
  });
}

/** Who speaks at a span, through the corpus entities' shared look-up. */
export const speakersOf = (corpus: Corpus) => quoteSpeakers(entityIndex(corpus.entities).lookup);

export const contradictionsResolver: Resolver = {
  name: 'contradictions',
  requires: ['events'],
  run(docs, corpus) {
    const byId = new Map(docs.map((d) => [d.id, d]));
    const speakerOf = speakersOf(corpus);
    const out = (corpus.events ?? []).flatMap(({ data }) => eventContradictions(data as Event, disagreements(eventStatements(data as Event, byId)), byId, speakerOf));
    append(out, figureContradictions(docs));
    return { items: { contradictions: out.map((c) => ({ id: c.id, data: c })) } };
  },
  incremental,
};
