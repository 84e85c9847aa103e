/**
 * The event resolver: merges every document's event mentions into corpus events (corpus kind
 * `events`). Reads `entities` when an earlier resolver built them, so that spellings of one actor
 * or place agree; works on folded text without them.
 */
import type { Resolver } from '../resolve.js';
import { buildEvent, type Event } from './build.js';
import { mergeEventNodes } from './merge.js';
import { eventNodes, type EntityLike } from './nodes.js';

/** Dated events first, by date, then undated ones, each group in first-mention order. */
function byDate(a: Event, b: Event): number {
  if (a.date.start && b.date.start) return a.date.start.localeCompare(b.date.start);
  return a.date.start ? -1 : b.date.start ? 1 : 0;
}

export const eventsResolver: Resolver = {
  name: 'events',
  requires: [],
  run(docs, corpus) {
    const entities = (corpus.entities ?? []).map((e) => e.data as EntityLike);
    const nodes = eventNodes(docs, entities);
    const events = mergeEventNodes(nodes)
      .map((group) => buildEvent(group.map((i) => nodes[i])))
      .sort(byDate);
    return { items: { events: events.map((e) => ({ id: e.id, data: e })) } };
  },
};
