/** Fetches from the Parley API; errors carry the server's message so pages can show it. */

/** An API error response: its status and the server's message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** GETs `/api/<path>` with query parameters (empty values left out) and parses the JSON. */
export async function api<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const url = `/api/${path}${qs.size ? `?${qs}` : ''}`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/* Response shapes of the API (see src/server/routes/). */

/** A page of a list. */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface Ref {
  id: string;
  title: string | null;
  outlet: string | null;
  origin: string | null;
  published: string | null;
  /** The article's web address, where the input gave one. */
  url?: string | null;
}

export interface Named {
  id: string;
  name: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface EventDate {
  start: string | null;
  end: string | null;
  precision: string;
}

export interface EventSummary {
  id: string;
  type: string;
  title: string;
  status: 'happened' | 'planned' | 'denied' | 'unknown';
  date: EventDate;
  place: Named | null;
  actors: Named[];
  mentions: number;
  sources: number;
  contradictions: string[];
}

export interface Statement extends Span {
  doc: string;
  by: string | null;
  byName: string | null;
  source: Ref;
}

export interface Contradiction {
  id: string;
  kind: string;
  about: string | null;
  aboutEvent: { id: string; title: string } | null;
  summary: string;
  statements: Statement[];
}

export interface EventDetail extends EventSummary {
  evidence: (Span & { doc: string; sentence: { start: number; end: number; text: string }; source: Ref })[];
  evidenceTotal: number;
  contradictionDetails: Contradiction[];
}

export interface Story {
  id: string;
  title: string;
  docs: number;
  events: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface EntitySummary {
  id: string;
  name: string;
  type: string;
  kb: string | null;
  aliases: string[];
  mentions: number;
  documents: number;
}

export interface Quote extends Span {
  id: string;
  doc: string;
  speaker: string | null;
  speakerText: string | null;
  speakerName?: string | null;
  via: string | null;
  direct: boolean;
  source?: Ref;
}

export interface Claim extends Span {
  id: string;
  doc: string;
  value: number;
  unit: string | null;
  what: string;
  claimant: string | null;
  claimantName?: string | null;
  asOf: string | null;
  source?: Ref;
}

export interface EntityDetail extends EntitySummary {
  roles: { title: string; from: string | null; to: string | null }[];
  spellings: { text: string; count: number }[];
  sources: (Ref & { count: number })[];
  quotes: Quote[];
  claims: Claim[];
  events: Pick<EventSummary, 'id' | 'type' | 'title' | 'status' | 'date'>[];
  sourcesTotal: number;
  quotesTotal: number;
  claimsTotal: number;
  eventsTotal: number;
}

export interface DocSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  origin: string;
  published: string | null;
  chars: number;
  removed: number;
  flags: string[];
  duplicateOf: string | null;
  copies: number;
}

export interface DocDetail {
  id: string;
  origin: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: { date: string | null; source: string; confidence: number; evidence: string[] };
  text: string;
  removed: { text: string; reason: string }[];
  flags: { kind: string; score: number; evidence: string[] }[];
  duplicateOf: string | null;
  layers: Record<string, unknown[]>;
  diagnostics: { stage: string; message: string }[];
  annotations: {
    mentions: (Span & { entity: string; name: string | null; type: string | null })[];
    times: (Span & { type: string; value: string })[];
    quotes: (Omit<Quote, 'doc'>)[];
    claims: (Omit<Claim, 'doc'>)[];
    events: (Span & { event: string; title: string; type: string; status: string })[];
  };
  origins: { origin: string; encoding: string; contentType: string; bytes: number }[];
  duplicateOfRef: Ref | null;
  copies: Ref[];
  stories: { id: string; title: string }[];
  contradictions: { id: string; kind: string; summary: string }[];
}

export interface SearchResults extends Page<Ref & { contexts: { start: number; end: number; text: string; marks: { start: number; end: number }[] }[] }> {
  query: string;
  expanded: { entity: string; name: string; spellings: string[] }[];
}
