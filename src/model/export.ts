/**
 * The export contract, version 1 (`parley export --format json`), as zod schemas. Other tools read
 * this format: change it only by adding optional fields, and bump `version` for anything else.
 */
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const offsets = { doc: z.string(), start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() };

export const mentionRef = z.object(offsets);

export const exportDocument = z.object({
  id: z.string(),
  origin: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.object({
    date: date.nullable(),
    source: z.enum(['metadata', 'content', 'corpus', 'none']),
    confidence: z.number().min(0).max(1),
    evidence: z.array(z.string()),
  }),
  text: z.string(),
  removed: z.array(z.object({ text: z.string(), reason: z.string() })),
  flags: z.array(z.object({ kind: z.string(), score: z.number().min(0).max(1), evidence: z.array(z.string()) })),
  duplicateOf: z.string().nullable(),
});

export const exportEntity = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['person', 'organization', 'place', 'outlet', 'other']),
  aliases: z.array(z.string()),
  kb: z.string().nullable(),
  roles: z.array(z.object({ title: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  mentions: z.array(mentionRef),
});

export const exportTime = z.object({
  ...offsets,
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  value: z.string(),
});

export const exportQuote = z.object({
  id: z.string(),
  ...offsets,
  speaker: z.string().nullable(),
  speakerText: z.string().nullable(),
  via: z.string().nullable(),
  direct: z.boolean(),
});

export const exportClaim = z.object({
  id: z.string(),
  ...offsets,
  value: z.number(),
  unit: z.string().nullable(),
  what: z.string(),
  claimant: z.string().nullable(),
  asOf: date.nullable(),
});

export const exportEvent = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  status: z.enum(['happened', 'planned', 'denied', 'unknown']),
  date: z.object({
    start: date.nullable(),
    end: date.nullable(),
    precision: z.enum(['day', 'month', 'year', 'unknown']),
  }),
  place: z.string().nullable(),
  actors: z.array(z.string()),
  mentions: z.array(mentionRef),
});

export const exportStory = z.object({ id: z.string(), title: z.string(), docs: z.array(z.string()) });

export const exportContradiction = z.object({
  id: z.string(),
  kind: z.string(),
  about: z.string().nullable(),
  summary: z.string(),
  statements: z.array(z.object({ ...offsets, by: z.string().nullable() })),
});

/** The whole export file. */
export const exportV1 = z.object({
  version: z.literal(1),
  documents: z.array(exportDocument),
  entities: z.array(exportEntity),
  times: z.array(exportTime),
  quotes: z.array(exportQuote),
  claims: z.array(exportClaim),
  events: z.array(exportEvent),
  stories: z.array(exportStory),
  contradictions: z.array(exportContradiction),
});

export type ExportV1 = z.infer<typeof exportV1>;
export type ExportDocument = z.infer<typeof exportDocument>;
