/**
 * Contradictions between sources, each with the statements side by side (corpus kind
 * `contradictions`):
 * - `venue`: mentions of one event, from different documents, name different places;
 * - `date`: mentions of one event, from different documents, give days that cannot both be right;
 * - `denial`: one source denies what another reports of the same event ("… is not true");
 * - `figures`: different numbers for the same counted thing from different claimants.
 * Requires `events`: it reads each event's mentions back from the documents' `eventMentions`.
 */
import { createHash } from 'node:crypto';
import type { NewsDoc } from '../../model/doc.js';
import type { DocLookup } from '../doc-set.js';
import type { EventMention } from '../../annotate/events/types.js';
import type { Event } from '../events/build.js';
import { timexRange, overlaps } from '../events/date-range.js';
import { currentValue, foldName, type EntityLike } from '../events/nodes.js';
import type { SpanLookup } from '../entities/entity-at.js';
import { entityIndex } from '../entities/index-cache.js';
import type { Corpus, Resolver } from '../resolve.js';
import { figureContradictions } from './figures.js';
import { incremental } from './incremental.js';

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

interface Found {
  doc: NewsDoc;
  mention: EventMention;
}

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

/**
 * The first pair of mentions whose values differ, if any: from different documents, or (for a
 * denial, where one speaker contradicts another inside one article) from different sentences.
 */
function differing(
  found: Found[],
  value: (f: Found) => string | null,
  differ: (a: string, b: string) => boolean,
  sameDocument = false,
): [Found, Found] | null {
  for (let i = 0; i < found.length; i++)
    for (let j = i + 1; j < found.length; j++) {
      const [a, b] = [value(found[i]), value(found[j])];
      const apart = found[i].doc.id !== found[j].doc.id || (sameDocument && found[i].mention.span.start !== found[j].mention.span.start);
      if (a && b && apart && differ(a, b)) return [found[i], found[j]];
    }
  return null;
}

export function eventContradictions(event: Event, found: Found[], speakerOf: SpeakerOf = noSpeakers): Contradiction[] {
  const out: Contradiction[] = [];
  const statement = ({ doc, mention }: Found): Statement => ({
    doc: doc.id,
    start: mention.span.start,
    end: mention.span.end,
    text: doc.text.slice(mention.span.start, mention.span.end),
    by: speakerOf(doc, mention.span),
  });
  const add = (kind: Contradiction['kind'], pair: [Found, Found] | null, summary: (a: Found, b: Found) => string) => {
    if (!pair) return;
    const statements = pair.map(statement);
    out.push({ id: contradictionId(kind, event.id, statements), kind, about: event.id, summary: summary(...pair), statements });
  };
  const place = (f: Found) => (f.mention.place ? foldName(f.mention.place.text) : null);
  add('venue', differing(found, place, (a, b) => a !== b), (a, b) =>
    `${event.title}: one source places it in ${a.mention.place!.text}, another in ${b.mention.place!.text}`);
  const day = (f: Found) => {
    const value = f.mention.time ? currentValue(f.doc, f.mention.time) : null;
    return value && timexRange(value)?.precision === 'day' ? value.slice(0, 10) : null;
  };
  add('date', differing(found, day, (a, b) => !overlaps(timexRange(a)!, timexRange(b)!)), (a, b) =>
    `${event.title}: dated ${day(a)} by one source and ${day(b)} by another`);
  // A denial is set against what it denies: a report naming the same place when there is one.
  const denied = found.find((f) => f.mention.status === 'denied');
  const asserted = found.filter((f) => (f.mention.status === 'happened' || f.mention.status === 'planned') && f.mention.span.start !== denied?.mention.span.start);
  const counterpart = denied && (asserted.find((f) => place(f) !== null && place(f) === place(denied)) ?? asserted[0]);
  add('denial', denied && counterpart ? [counterpart, denied] : null, (a, b) =>
    `${event.title}: ${b.doc.outlet ? 'a source in ' + b.doc.outlet : 'a source'} denies ${b.mention.place ? 'that it takes place in ' + b.mention.place.text : 'what another reports'}`);
  return out;
}

/** The contradictions of one event: its mentions read back from their documents' `eventMentions`. */
export function contradictionsOf(event: Event, docs: DocLookup, speakerOf: SpeakerOf): Contradiction[] {
  const found: Found[] = event.mentions.flatMap((m) => {
    const doc = docs.get(m.doc);
    const mention = doc?.layers.eventMentions?.find((e) => e.span.start === m.start && e.type === event.type);
    return doc && mention ? [{ doc, mention }] : [];
  });
  return eventContradictions(event, found, speakerOf);
}

/** Who speaks at a span, through the corpus entities' shared look-up. */
export const speakersOf = (corpus: Corpus) => quoteSpeakers(entityIndex(corpus.entities).lookup);

export const contradictionsResolver: Resolver = {
  name: 'contradictions',
  requires: ['events'],
  run(docs, corpus) {
    const byId = new Map(docs.map((d) => [d.id, d]));
    const speakerOf = speakersOf(corpus);
    const out = (corpus.events ?? []).flatMap(({ data }) => contradictionsOf(data as Event, byId, speakerOf));
    out.push(...figureContradictions(docs));
    return { items: { contradictions: out.map((c) => ({ id: c.id, data: c })) } };
  },
  incremental,
};
