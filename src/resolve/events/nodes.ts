/**
 * Flattens every document's `eventMentions` into nodes for cross-document merging. A node is what
 * merging, building and contradiction finding read of one mention (`MentionFacts`, copied out of its
 * document, so a stored event can be rebuilt from its stored facts without loading its documents),
 * plus the keys merging compares: calendar range, place key and actor keys. Actor and place keys are
 * entity ids when corpus entities exist (so "Kiev" and "Kyiv" agree), else folded text.
 */
import type { NewsDoc, Span } from '../../model/doc.js';
import type { Arg, EventStatus, EventType } from '../../annotate/events/types.js';
import { timexRange, type DateRange } from './date-range.js';
import type { SpanLookup } from '../entities/entity-at.js';

import type { EntityLike } from '../entities/index-cache.js';
export type { EntityLike };

/** One event mention as merging and building read it: plain data, stored as it is. */
export interface MentionFacts {
  /** The document, and the mention's place in its `eventMentions` layer: the mention's identity. */
  doc: string;
  index: number;
  /** The document's publication date (`YYYY-MM-DD`), when known. */
  published: string | null;
  type: EventType;
  status: EventStatus;
  ordinal: number | null;
  /** The sentence (or clause) that states the event, and its text. */
  span: Span;
  text: string;
  /** The TIMEX3 value of the mention's time expression as the document's `times` layer has it now. */
  time: string | null;
  place: Arg | null;
  actors: Arg[];
}

export interface EventNode extends MentionFacts {
  range: DateRange | null;
  placeKey: string | null;
  actorKeys: string[];
  /** The text each actor key was first written as in this mention. */
  actorNames: Map<string, string>;
  /** The key of each argument, in `argsOf` order: what an incremental run stores with the facts. */
  argKeys: string[];
}

/** Folds a name for comparison when no entity id is known: case, diacritics, possessive, "the". */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .trim();
}

/**
 * The time's value as the document's `times` layer has it now: corpus resolution may re-anchor
 * relative times after annotation (once a publication date is inferred), so the copy taken when the
 * event was annotated may be stale.
 */
export function currentValue(doc: NewsDoc, time: { span: Span; value: string }): string {
  return doc.layers.times?.find((t) => t.span.start === time.span.start && t.span.end === time.span.end)?.value ?? time.value;
}

/** The facts of every event mention of `doc`. */
export function mentionFacts(doc: NewsDoc): MentionFacts[] {
  return (doc.layers.eventMentions ?? []).map((m, index) => ({
    doc: doc.id,
    index,
    published: doc.published.date,
    type: m.type,
    status: m.status,
    ordinal: m.ordinal,
    span: { start: m.span.start, end: m.span.end },
    text: doc.text.slice(m.span.start, m.span.end),
    time: m.time ? currentValue(doc, m.time) : null,
    place: m.place && { span: m.place.span, text: m.place.text },
    actors: m.actors.map((a) => ({ span: a.span, text: a.text })),
  }));
}

/** Only the facts of a node: what an incremental run stores of it, with its `argKeys`. */
export function factsOf({ doc, index, published, type, status, ordinal, span, text, time, place, actors }: EventNode): MentionFacts {
  return { doc, index, published, type, status, ordinal, span, text, time, place, actors };
}

/** A mention's arguments in a fixed order: the place (when there is one), then each actor. */
export const argsOf = (facts: MentionFacts): Arg[] => (facts.place ? [facts.place, ...facts.actors] : facts.actors);

/** Keys an argument through a span look-up: the entity's id, else its folded text. */
export const lookupKey = (lookup: SpanLookup<EntityLike>, doc: string) => (arg: Arg) => lookup.at(doc, arg.span)?.id ?? `~${foldName(arg.text)}`;

/** A node from a mention's facts, each argument keyed by `keyOf` (given its `argsOf` position). */
export function keyedNode(facts: MentionFacts, keyOf: (arg: Arg, i: number) => string): EventNode {
  const argKeys = argsOf(facts).map(keyOf);
  const actorKeys = argKeys.slice(facts.place ? 1 : 0);
  const actorNames = new Map<string, string>();
  facts.actors.forEach((a, i) => actorNames.has(actorKeys[i]) || actorNames.set(actorKeys[i], a.text));
  return {
    ...facts,
    range: facts.time !== null ? timexRange(facts.time) : null,
    placeKey: facts.place ? argKeys[0] : null,
    actorKeys: [...actorNames.keys()],
    actorNames,
    argKeys,
  };
}

/** The nodes of every event mention of `docs`; `lookup` finds the entity at a span (see `entityIndex`). */
export function eventNodes(docs: readonly NewsDoc[], lookup: SpanLookup<EntityLike>): EventNode[] {
  return docs.flatMap((doc) => mentionFacts(doc).map((f) => keyedNode(f, lookupKey(lookup, doc.id))));
}
