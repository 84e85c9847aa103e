/**
 * The event resolver: merges every document's event mentions into corpus events (corpus kind
 * `events`). Reads `entities` when an earlier resolver built them, so that spellings of one actor
 * or place agree; works on folded text without them. Incremental form: `incremental.ts`.
 */
import type { Context } from '../../context.js';
import type { Resolver } from '../resolve.js';
import { RunMemo } from '../run-memo.js';
import { eventFrom, mentionsOf, type Event } from './build.js';
import { joinSummaries, summaryOf, type EventSummary } from './summary.js';
import { mergeEventNodes } from './merge.js';
import { eventNodes, type EventNode } from './nodes.js';
import { entityIndex, type EntityIndex } from '../entities/index-cache.js';
import { matchKnownEvents, packView } from './known.js';
import type { PackEvent } from '../../packs/schema.js';
import { addEvents, eventState } from './incremental.js';
import { append } from '../../append.js';

/** One event with the mentions it was built from and the known event it is, if any. */
export interface ResolvedEvent {
  event: Event;
  group: EventNode[];
  known: PackEvent | null;
}

/** Dated events first, by date, then undated ones, each group in first-mention order. */
function byDate(a: Event, b: Event): number {
  if (a.date.start && b.date.start) return a.date.start.localeCompare(b.date.start);
  return a.date.start ? -1 : b.date.start ? 1 : 0;
}

/**
 * An event in the making: the summary of its mentions and their list (and what else its maker
 * keeps); an incremental run lists the mentions when it writes the event (`mentions` absent).
 */
export interface Draft {
  sum: EventSummary;
  mentions?: Event['mentions'];
}

/**
 * Drafts → events: drafts the pack ties to one known event become one event (`join`ed in the order
 * given), dated by the pack when no source dates it.
 */
export function knownEvents<D extends Draft>(drafts: D[], join: (a: D, b: D) => D, entities: Pick<EntityIndex, 'packOf'>, ctx: Context): { event: Event; draft: D; known: PackEvent | null }[] {
  const provisional = drafts.map((d) => eventFrom(d.sum, d.mentions ?? []));
  // The earliest report of each event (in its summary) is all that linking reads of publication dates.
  const reported = new Map(provisional.map((e, i) => [e, drafts[i].sum.firstReport?.[1] ?? null]));
  const known = matchKnownEvents(provisional, ctx, { ...packView(ctx, (id) => entities.packOf(id)), firstReport: (e) => reported.get(e) ?? null });
  // `built`: the provisional event, while the slot holds one draft only.
  const byKnown = new Map<string, { draft: D; known: PackEvent | null; built: Event | null }>();
  drafts.forEach((draft, i) => {
    const k = known.get(provisional[i].id) ?? null;
    const key = k ? `known:${k.id}` : `draft:${i}`;
    const slot = byKnown.get(key);
    if (slot) {
      slot.draft = join(slot.draft, draft);
      slot.built = null;
    } else byKnown.set(key, { draft, known: k, built: provisional[i] });
  });
  return [...byKnown.values()].map(({ draft, known, built }) => ({ event: withKnown(built ?? eventFrom(draft.sum, draft.mentions ?? []), known), draft, known }));
}

/** A group of mentions as a draft. */
const groupDraft = (group: EventNode[]) => ({ sum: summaryOf(group), mentions: mentionsOf(group), group });
const joinGroups = (a: ReturnType<typeof groupDraft>, b: ReturnType<typeof groupDraft>) => {
  const group = [...a.group];
  append(group, b.group);
  return { sum: joinSummaries(a.sum, b.sum), mentions: a.mentions.concat(b.mentions), group };
};

/** Groups of mentions → events (`knownEvents`), each with the mentions it was built from. */
export function eventsOf(groups: EventNode[][], entities: Pick<EntityIndex, 'packOf'>, ctx: Context): ResolvedEvent[] {
  return knownEvents(groups.map(groupDraft), joinGroups, entities, ctx).map(({ event, draft, known }) => ({ event, group: draft.group, known }));
}

/** Dated events by date, then undated ones: the order events are listed in (`order` breaks ties). */
export function eventSortKey(event: Event, order: number): string {
  const n = String(order).padStart(10, '0');
  return event.date.start ? `0|${event.date.start}|${n}` : `1|${n}`;
}

const resolvedRuns = new RunMemo<ResolvedEvent[]>('events');

export const eventsResolver: Resolver = {
  name: 'events',
  requires: [],
  run(docs, corpus, ctx) {
    const entities = entityIndex(corpus.entities);
    const nodes = eventNodes(docs, entities.lookup);
    const groups = mergeEventNodes(nodes).map((g) => g.map((i) => nodes[i]));
    const resolved = eventsOf(groups, entities, ctx);
    const sorted = resolved.map((r, i) => ({ r, i })).sort((a, b) => byDate(a.r.event, b.r.event) || a.i - b.i).map(({ r }) => r);
    return { items: resolvedRuns.keep({ events: sorted.map((r, i) => ({ id: r.event.id, data: r.event, sortKey: eventSortKey(r.event, i) })) }, sorted) };
  },
  incremental: {
    state: (docs, items) => eventState(resolvedRuns.get(items), docs),
    add: (input, _corpus, ctx) => addEvents(input, ctx),
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
