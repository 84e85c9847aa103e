/**
 * The API's route table type: each route declares its parameters as zod schemas, a summary for
 * `/api/openapi.json`, and a handler that gets parsed parameters and the current snapshot. Handlers
 * return the JSON body or throw `HttpError`; they never see raw, unvalidated input.
 */
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { Snapshot } from './snapshot.js';

/** An error with an HTTP status and a machine-readable code, sent as `{error, message}`. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** A 404 naming what was looked for. */
export function notFound(what: string, id: string): HttpError {
  return new HttpError(404, 'not_found', `no ${what} with id "${id}"`);
}

/** What every handler gets. */
export interface RouteInput<Q, P> {
  query: Q;
  params: P;
  snap: Snapshot;
  store: Store;
}

/** One GET route of the read API. */
export interface ApiRoute<Q extends z.ZodObject = z.ZodObject, P extends z.ZodObject = z.ZodObject> {
  url: string;
  summary: string;
  /** What the 200 response holds, for the OpenAPI document. */
  returns: string;
  query: Q;
  params?: P;
  handler(input: RouteInput<z.output<Q>, z.output<P>>): Promise<unknown> | unknown;
}

/** Declares a route with its types inferred from its schemas. */
export function route<Q extends z.ZodObject, P extends z.ZodObject>(r: ApiRoute<Q, P>): ApiRoute {
  return r as unknown as ApiRoute;
}

/** A page of a list: the items asked for and how many there are in all. */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** Cuts one page out of a full list. */
export function page<T, U = T>(all: readonly T[], q: { limit: number; offset: number }, map?: (t: T) => U): Page<U> {
  const items = all.slice(q.offset, q.offset + q.limit);
  return { total: all.length, limit: q.limit, offset: q.offset, items: map ? items.map(map) : (items as unknown as U[]) };
}
