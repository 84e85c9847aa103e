/**
 * Flattens every document's `eventMentions` into nodes for cross-document merging, each carrying
 * the keys merging compares: calendar range, ordinal, place key and actor keys. Actor and place keys
 * are entity ids when corpus entities exist (so "Kiev" and "Kyiv" agree), else folded text.
 */
import type { NewsDoc, Span } from '../../model/doc.js';
import type { EventMention } from '../../annotate/events/types.js';
import { timexRange, type DateRange } from './date-range.js';
import type { SpanLookup } from '../entities/entity-at.js';

import type { EntityLike } from '../entities/index-cache.js';
export type { EntityLike };

export interface EventNode {
  doc: NewsDoc;
  mention: EventMention;
  /** The mention's place in its document's `eventMentions` layer: with `doc`, the node's identity. */
  index: number;
  range: DateRange | null;
  placeKey: string | null;
  actorKeys: string[];
  /** The text each actor key was first written as in this mention. */
  actorNames: Map<string, string>;
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

/** The nodes of every event mention of `docs`; `lookup` finds the entity at a span (see `entityIndex`). */
export function eventNodes(docs: readonly NewsDoc[], lookup: SpanLookup<EntityLike>): EventNode[] {
  const key = (doc: NewsDoc, span: Span) => lookup.at(doc.id, span)?.id ?? `~${foldName(doc.text.slice(span.start, span.end))}`;
  return docs.flatMap((doc) =>
    (doc.layers.eventMentions ?? []).map((mention, index) => {
      const actorNames = new Map<string, string>();
      for (const a of mention.actors) {
        const k = key(doc, a.span);
        if (!actorNames.has(k)) actorNames.set(k, a.text);
      }
      return {
        doc,
        mention,
        index,
        range: mention.time ? timexRange(currentValue(doc, mention.time)) : null,
        placeKey: mention.place ? key(doc, mention.place.span) : null,
        actorKeys: [...actorNames.keys()],
        actorNames,
      };
    }),
  );
}
