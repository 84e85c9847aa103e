/**
 * An in-memory, indexed view of the store for the API, built from the version-1 export
 * (`buildExport`), so the API shows exactly what `parley export` would and lights up as resolvers
 * fill the store. Read queries never touch SQLite except for per-document extras; the snapshot is
 * rebuilt when the document count changes or after `POST /api/ingest`, and swapped in atomically.
 */
import type { ExportV1 } from '../model/export.js';
import { fold, tokens } from './text.js';

/** Items of the export, by kind (see `model/export.ts`). */
export type Doc = ExportV1['documents'][number];
export type Entity = ExportV1['entities'][number];
export type Event = ExportV1['events'][number];
export type Quote = ExportV1['quotes'][number];
export type Claim = ExportV1['claims'][number];
export type Time = ExportV1['times'][number];
export type Story = ExportV1['stories'][number];
export type Contradiction = ExportV1['contradictions'][number];

/** An entity mention, with the entity it belongs to. */
export interface EntityMention {
  doc: string;
  start: number;
  end: number;
  text: string;
  entity: string;
}

/** An event mention, with the event it belongs to. */
export interface EventMention {
  doc: string;
  start: number;
  end: number;
  text: string;
  event: string;
}

function group<T>(items: Iterable<T>, key: (t: T) => string | null | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k == null) continue;
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}

/** The export with the lookups the routes need. Immutable once built. */
export class Snapshot {
  readonly docs = new Map<string, Doc>();
  readonly entities = new Map<string, Entity>();
  readonly events = new Map<string, Event>();
  readonly stories = new Map<string, Story>();
  /** Events sorted by start date (undated last), then title. */
  readonly timeline: Event[];
  readonly mentionsByDoc: Map<string, EntityMention[]>;
  readonly eventMentionsByDoc: Map<string, EventMention[]>;
  readonly timesByDoc: Map<string, Time[]>;
  readonly quotesByDoc: Map<string, Quote[]>;
  readonly claimsByDoc: Map<string, Claim[]>;
  readonly storiesByDoc: Map<string, Story[]>;
  /** Documents that copy a document (their `duplicateOf`), by the document they copy. */
  readonly copiesOf: Map<string, Doc[]>;
  /** Contradictions by the event or claim they are about, and by each document they cite. */
  readonly contradictionsByAbout: Map<string, Contradiction[]>;
  readonly contradictionsByDoc: Map<string, Contradiction[]>;
  /** Entity ids by each folded token of their name and aliases (for entity-aware search). */
  readonly entitiesByToken: Map<string, Set<string>>;

  constructor(readonly data: ExportV1, readonly builtAt: number) {
    for (const d of data.documents) this.docs.set(d.id, d);
    for (const e of data.entities) this.entities.set(e.id, e);
    for (const e of data.events) this.events.set(e.id, e);
    for (const s of data.stories) this.stories.set(s.id, s);
    this.timeline = [...data.events].sort(compareEvents);
    this.mentionsByDoc = group(
      data.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, entity: e.id }))),
      (m) => m.doc,
    );
    this.eventMentionsByDoc = group(
      data.events.flatMap((e) => e.mentions.map((m) => ({ ...m, event: e.id }))),
      (m) => m.doc,
    );
    this.timesByDoc = group(data.times, (t) => t.doc);
    this.quotesByDoc = group(data.quotes, (q) => q.doc);
    this.claimsByDoc = group(data.claims, (c) => c.doc);
    this.storiesByDoc = new Map();
    for (const s of data.stories) for (const d of s.docs) this.storiesByDoc.set(d, [...(this.storiesByDoc.get(d) ?? []), s]);
    this.copiesOf = group(data.documents, (d) => d.duplicateOf);
    this.contradictionsByAbout = group(data.contradictions, (c) => c.about);
    this.contradictionsByDoc = new Map();
    for (const c of data.contradictions) {
      for (const doc of new Set(c.statements.map((s) => s.doc))) {
        this.contradictionsByDoc.set(doc, [...(this.contradictionsByDoc.get(doc) ?? []), c]);
      }
    }
    this.entitiesByToken = new Map();
    for (const e of data.entities) {
      for (const name of [e.name, ...e.aliases]) {
        for (const t of tokens(fold(name))) {
          let set = this.entitiesByToken.get(t);
          if (!set) this.entitiesByToken.set(t, (set = new Set()));
          set.add(e.id);
        }
      }
    }
  }

  /** The display name of an entity id, or null when unknown. */
  entityName(id: string | null): string | null {
    return id ? (this.entities.get(id)?.name ?? null) : null;
  }

  /** A short description of a document for lists and links. */
  docRef(id: string): { id: string; title: string | null; outlet: string | null; origin: string | null; published: string | null } {
    const d = this.docs.get(id);
    return { id, title: d?.title ?? null, outlet: d?.outlet ?? null, origin: d?.origin ?? null, published: d?.published.date ?? null };
  }
}

function compareEvents(a: Event, b: Event): number {
  const sa = a.date.start ?? '9999';
  const sb = b.date.start ?? '9999';
  return sa < sb ? -1 : sa > sb ? 1 : a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}
