/**
 * Split fields: lists inside corpus items that grow with the corpus (an entity's mentions and merges, an event's mentions),
 * stored as rows of their own apart from the item (`corpus_rows` in both schemas). Both stores use these
 * helpers to split an item when writing it and to put it back together when reading it whole.
 */
import type { CorpusKind } from './store.js';

/**
 * Corpus kinds whose items hold lists that grow with the corpus (an entity's mentions and merges, an event's mentions):
 * each element is stored as a row of its own, apart from the item, so a resolver appends to an item
 * (`ResolutionWrite.rows`) and reads it (`corpusItems(kind, ids, { rows: false })`) at a cost that
 * does not grow with what the item already holds. Readers of whole items (export, CLI, API) get the
 * fields back, in place, listed by each row's key (`null`: in the order appended), ties in the
 * order appended. Field order here is the order the fields come back in (after the item's others).
 */
export const SPLIT_FIELDS: Partial<Record<CorpusKind, Record<string, ((row: never) => string) | null>>> = {
  // The order of an entity's mentions (`mentionOrder` in resolve/entities/resolver.ts): by document,
  // then offset (document ids are hexadecimal digests, whose code-point order is their locale order).
  entities: { mentions: (m: { doc: string; start: number }) => `${m.doc}\u0001${String(m.start).padStart(10, '0')}`, merges: null },
  // An event's mentions, in the order the events resolver appends them (a full run writes them in its order).
  events: { mentions: null },
};

/** A split kind's item as stored: `data` without its split fields, and those fields' rows with their keys. */
export function splitItem(kind: CorpusKind, data: unknown): { data: unknown; rows: { field: string; sort: string; data: unknown }[] | null; fields: string[] } {
  const split = SPLIT_FIELDS[kind];
  if (!split || typeof data !== 'object' || data === null) return { data, rows: null, fields: [] };
  const rest: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  const rows: { field: string; sort: string; data: unknown }[] = [];
  const fields: string[] = [];
  for (const [field, key] of Object.entries(split)) {
    const list = rest[field];
    if (!Array.isArray(list)) continue;
    delete rest[field];
    fields.push(field);
    for (const row of list) rows.push({ field, sort: rowSort(key, row), data: row });
  }
  return { data: rest, rows, fields };
}

/** The sort key of a row of a split field. */
export function rowSort(key: ((row: never) => string) | null | undefined, row: unknown): string {
  return key ? key(row as never) : '';
}

/** Rows `[item, field, data]` (ordered by item, field, then place) grouped: item → field → parsed rows. */
export function groupRows(rows: Iterable<[string, string, string]>): Map<string, Map<string, unknown[]>> {
  const out = new Map<string, Map<string, unknown[]>>();
  for (const [item, field, data] of rows) {
    const fields = out.get(item) ?? out.set(item, new Map()).get(item)!;
    (fields.get(field) ?? fields.set(field, []).get(field)!).push(JSON.parse(data));
  }
  return out;
}

/**
 * A split kind's item read whole: each split field's rows put back (after any the item still holds
 * itself, as items written before the fields were split do), in `SPLIT_FIELDS` order.
 */
export function joinItem(kind: CorpusKind, data: unknown, rows: Map<string, unknown[]> | undefined): unknown {
  const split = SPLIT_FIELDS[kind];
  if (!split || typeof data !== 'object' || data === null) return data;
  const out = data as Record<string, unknown>;
  for (const field of Object.keys(split)) {
    const own = Array.isArray(out[field]) ? (out[field] as unknown[]) : [];
    const more = rows?.get(field) ?? [];
    out[field] = own.length === 0 ? more : more.length === 0 ? own : own.concat(more);
  }
  return out;
}
