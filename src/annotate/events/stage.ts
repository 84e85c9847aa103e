/**
 * The `eventMentions` stage: triggers (candidate finder) refined with status, ordinal, time, place
 * and actors (refiners), sentence by sentence.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { Stage } from '../../pipeline.js';
import { findActors, findOrdinal, findPlace, findTime } from './args.js';
import { eventStatus } from './status.js';
import { findTriggers } from './triggers.js';
import type { EventMention } from './types.js';

/** Every event mention of the document, in text order. */
export function findEventMentions(doc: NewsDoc): EventMention[] {
  const out: EventMention[] = [];
  for (const sentence of doc.layers.sentences ?? []) {
    for (const hit of findTriggers(doc.text, sentence)) {
      const place = findPlace(doc, sentence, hit.span);
      out.push({
        span: sentence,
        trigger: hit.span,
        type: hit.rule.type,
        plover: hit.rule.plover,
        status: eventStatus(doc.text, sentence, hit.span),
        ordinal: findOrdinal(doc, hit.span),
        time: findTime(doc, sentence, hit.span),
        place,
        actors: findActors(doc, sentence, place),
        source: `events/lexicon:${hit.rule.type}`,
      });
    }
  }
  return out;
}

export const eventMentionsStage: Stage<'eventMentions'> = {
  name: 'eventMentions',
  requires: ['sentences', 'mentions', 'times'],
  produces: 'eventMentions',
  run: findEventMentions,
};
