/**
 * The shape of a domain pack's data (`packs/<name>/*.json`), validated with zod when loaded, and its
 * addition to the context's `Pack` by interface merging.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const packRole = z.object({
  title: z.string().min(1),
  /** Pack id of the country or body the office belongs to. */
  of: z.string().nullable(),
  from: day.nullable(),
  to: day.nullable(),
});

export const packEntity = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  type: z.enum(['person', 'organization', 'place', 'outlet']),
  kb: z.string().regex(/^Q\d+$/).nullable(),
  aliases: z.array(z.string().min(1)),
  roles: z.array(packRole),
  domains: z.array(z.string()).optional(),
  credits: z.array(z.string()).optional(),
  kind: z.string().optional(),
  within: z.string().nullable().optional(),
  demonyms: z.array(z.string()).optional(),
});

export const packTitle = z.object({ phrase: z.string().min(1), title: z.string().min(1), of: z.string().nullable() });

export const packEvent = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  date: day,
  end: day.optional(),
  place: z.string().nullable(),
  parties: z.array(z.string()),
  /** Its number in a series of rounds ("the second round"), when the sources number it. */
  ordinal: z.number().int().positive().optional(),
});

export type PackRole = z.infer<typeof packRole>;
export type PackEntity = z.infer<typeof packEntity>;
export type PackTitle = z.infer<typeof packTitle>;
export type PackEvent = z.infer<typeof packEvent>;

declare module '../context.js' {
  interface Pack {
    /** Known people, organisations, outlets and places with aliases and dated roles. */
    entities?: PackEntity[];
    /** Phrases that stand for an office ("Kremlin leader"). */
    titles?: PackTitle[];
    /** Dated known events (negotiation rounds, summits). */
    events?: PackEvent[];
  }
}
