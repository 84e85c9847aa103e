/**
 * Which events a timeline shows: one predicate for the `parley timeline` command and the
 * `/api/timeline` route, so both answer the same question the same way.
 */
import type { ExportV1 } from '../../model/export.js';

/** What the filter reads of an event: the export contract's fields (a stored event has them all). */
type Filterable = Pick<ExportV1['events'][number], 'mentions' | 'date' | 'type' | 'status' | 'actors' | 'place'>;

/** What a timeline may be narrowed to; every field left out lets every event through. */
export interface EventFilter {
  /** Only events with a mention in one of these documents (a story's). */
  docs?: ReadonlySet<string> | null;
  /** Only events that end (a single-day event: start) on or after this `YYYY-MM-DD` (undated ones never do). */
  from?: string;
  /** Only events that start on or before this `YYYY-MM-DD` (undated events never do). */
  to?: string;
  types?: readonly string[];
  statuses?: readonly string[];
  /** Only events with this entity id among their actors or as their place. */
  actor?: string;
}

/** True when `e` passes every part of `f`. */
export function matchesEvent(e: Filterable, f: EventFilter): boolean {
  return (
    (!f.docs || e.mentions.some((m) => f.docs!.has(m.doc))) &&
    (!f.from || ((e.date.end ?? e.date.start) !== null && (e.date.end ?? e.date.start)! >= f.from)) &&
    (!f.to || (e.date.start !== null && e.date.start <= f.to)) &&
    (!f.types || f.types.includes(e.type)) &&
    (!f.statuses || f.statuses.includes(e.status)) &&
    (!f.actor || e.actors.includes(f.actor) || e.place === f.actor)
  );
}
