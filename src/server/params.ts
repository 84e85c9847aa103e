/**
 * Request parameters: zod schemas for every query and path parameter, and the one function that
 * turns a failed parse into a 400 naming each bad parameter and what was expected. The same schemas
 * feed `/api/openapi.json`, so the documentation cannot drift from what is enforced.
 */
import { z } from 'zod';

/** Items per page when the client does not ask. */
export const DEFAULT_LIMIT = 50;
/** Largest page a client may ask for: big enough for a whole timeline screen, small enough to stay fast. */
export const MAX_LIMIT = 500;
/** Largest offset accepted; deeper paging is better served by the export. */
export const MAX_OFFSET = 1_000_000;

/** Event types (DESIGN.md); also the `type` filter's valid values. */
export const EVENT_TYPES = [
  'talks', 'meeting', 'statement', 'demand', 'proposal', 'agreement', 'ceasefire',
  'military', 'casualties', 'sanctions', 'aid', 'other',
] as const;
/** Event statuses; the `status` filter's valid values. */
export const EVENT_STATUSES = ['happened', 'planned', 'denied', 'unknown'] as const;

/** A whole number in [min, max] given as a query string, with a default. */
export function intParam(min: number, max: number, def: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .optional()
    .transform((v) => v ?? def);
}

/** `limit` and `offset`. */
export const paging = { limit: intParam(1, MAX_LIMIT, DEFAULT_LIMIT), offset: intParam(0, MAX_OFFSET, 0) };

/** An id as used in paths and filters: letters, digits and `_ . : ~ + -`, up to 200 characters. */
export const idParam = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\p{L}\p{N}_.:~+-]+$/u, 'expected an id (letters, digits and _ . : ~ + -)');

/** A calendar date `YYYY-MM-DD` that exists. */
export const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date');

/** A comma-separated list of values from `choices`. */
export function listParam<T extends string>(choices: readonly T[]) {
  return z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(choices as unknown as [T, ...T[]], { error: () => `expected one or more of ${choices.join(', ')} (comma-separated)` })).min(1, 'must not be empty'));
}

/** A free-text query: 1 to 200 characters. */
export const textParam = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** A 400 response body: which parameters are wrong and why. */
export interface BadRequest {
  error: 'bad_request';
  message: string;
  issues: { parameter: string; message: string }[];
}

/** Thrown by `parse`; the error handler turns it into a 400. */
export class ParamError extends Error {
  constructor(readonly body: BadRequest) {
    super(body.message);
  }
}

/** Parses `input` (query or path parameters) with `schema`, throwing a `ParamError` that names every problem. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where: 'query' | 'path' | 'body'): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const issues = r.error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') {
      const valid = shape.length ? `valid: ${shape.join(', ')}` : `this endpoint takes no ${where} parameters`;
      return i.keys.map((k) => ({ parameter: k, message: `unknown ${where} parameter; ${valid}` }));
    }
    const parameter = i.path.map(String).join('.') || where;
    const message = i.code === 'invalid_type' && i.input === undefined ? 'is required' : i.message;
    return [{ parameter, message: Array.isArray((input as Record<string, unknown>)?.[parameter]) ? 'given more than once' : message }];
  });
  throw new ParamError({
    error: 'bad_request',
    message: issues.map((i) => `${i.parameter}: ${i.message}`).join('; '),
    issues,
  });
}
