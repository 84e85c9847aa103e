/**
 * The event resolver: merges every document's event mentions into corpus events (corpus kind
 * `events`). Reads `entities` when an earlier resolver built them, so that spellings of one actor
 * or place agree; works on folded text without them.
 */
import type { Resolver } from '../resolve.js';
import { buildEvent, type Event } from './build.js';
import { mergeEventNodes } from './merge.js';
import { eventNodes, type EntityLike, type EventNode } from './nodes.js';
import { matchKnownEvents, packView } from './known.js';
import type { PackEvent } from '../../packs/schema.js';

/** Dated events first, by date, then undated ones, each group in first-mention order. */
function byDate(a: Event, b: Event): number {
  if (a.date.start && b.date.start) return a.date.start.localeCompare(b.date.start);
  return a.date.start ? -1 : b.date.start ? 1 : 0;
}

export const eventsResolver: Resolver = {
  name: 'events',
  requires: [],
  run(docs, corpus, ctx) {
    const entities = (corpus.entities ?? []).map((e) => e.data as EntityLike & { pack?: string | null });
    const nodes = eventNodes(docs, entities);
    const groups = mergeEventNodes(nodes).map((g) => g.map((i) => nodes[i]));
    // Reports the pack ties to one known event become one event, dated by the pack when no source dates it.
    const provisional = groups.map(buildEvent);
    const published = new Map(docs.map((d) => [d.id, d.published.date]));
    const known = matchKnownEvents(provisional, ctx, packView(ctx, entities, (id) => published.get(id) ?? null));
    const byKnown = new Map<string, { group: EventNode[]; known: PackEvent | null }>();
    groups.forEach((group, i) => {
      const k = known.get(provisional[i].id) ?? null;
      const key = k ? `known:${k.id}` : `group:${i}`;
      const slot = byKnown.get(key);
      if (slot) slot.group.push(...group);
      else byKnown.set(key, { group: [...group], known: k });
    });
    const events = [...byKnown.values()].map(({ group, known }) => withKnown(buildEvent(group), known)).sort(byDate);
    return { items: { events: events.map((e) => ({ id: e.id, data: e })) } };
  },
};

/** Records the known event and its name, and takes its date when no source gave one. */
function withKnown(event: Event, known: PackEvent | null): Event {
  if (!known) return event;
  const dated = event.date.start !== null;
  return {
    ...event,
    known: known.id,
    title: known.title,
    date: dated ? event.date : { start: known.date, end: known.end ?? known.date, precision: 'day' },
    dateFrom: dated ? event.dateFrom : 'pack',
  };
}
