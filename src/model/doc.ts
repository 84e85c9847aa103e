/**
 * The one data model that flows through the pipeline: a `RawArticle` as read from an input, and the
 * `NewsDoc` built from it. A `NewsDoc`'s `text` never changes after cleaning; every later stage adds a
 * layer of stand-off annotations (offsets into `text`) under `layers`.
 */

/** A half-open range `[start, end)` of UTF-16 code units in `NewsDoc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Whether an annotation is stated in the text or inferred by Parley. */
export type Evidence = 'explicit' | 'implied';

/** Metadata an input may carry about its article; every field optional. */
export interface ArticleMeta {
  id?: string;
  title?: string;
  /** ISO 8601 date or date-time as found in the input (normalised to `YYYY-MM-DD…`). */
  published?: string;
  /** Where `published` came from, e.g. `html:article:published_time`, `filename`, `manifest`. */
  publishedFrom?: string;
  outlet?: string;
  url?: string;
  author?: string;
  language?: string;
}

/** Content kinds the cleaner understands. */
export type ContentType = 'text/plain' | 'text/html';

/** One article as read from an input, before cleaning. */
export interface RawArticle {
  /** Where it came from: a path, `path#id`, `path#line`, a URL, or `feedUrl#itemGuid`. */
  origin: string;
  /** The body decoded to a JavaScript string. */
  body: string;
  contentType: ContentType;
  meta: ArticleMeta;
  /** The bytes exactly as read (for an article inside a JSON/CSV/feed, the record's own bytes). */
  bytes: Uint8Array;
  /** The character encoding the bytes were decoded from, e.g. `UTF-8`, `windows-1251`. */
  encoding: string;
}

/** An input that could not be turned into an article, with the reason. Never a silent null. */
export interface Rejected {
  skipped: string;
  reason: string;
}

/** A line or block taken out of the article by cleaning, with why. */
export interface Removed {
  text: string;
  reason: string;
}

/** A property of a whole document (rewritten copy, duplicate, …) with a score and its evidence. */
export interface Flag {
  kind: string;
  score: number;
  evidence: string[];
}

/** A problem found in a document's content; recorded on the document, never thrown. */
export interface Diagnostic {
  stage: string;
  message: string;
}

/** The publication date of a document and how Parley knows it. */
export interface Published {
  date: string | null;
  source: 'metadata' | 'content' | 'corpus' | 'none';
  confidence: number;
  evidence: string[];
}

/**
 * The annotation layers. Each annotate stage adds its own layer by interface merging
 * (`declare module '…/model/doc.js' { interface Layers { times: Time[] } }`), so the core never
 * needs editing when a stage is added.
 */
export interface Layers {
  sentences: Span[];
}

/** A layer's name. */
export type LayerName = keyof Layers;

/** A cleaned article with its stand-off annotation layers. */
export interface NewsDoc {
  /** Hash of the normalised text (see `docId`): the same text always gets the same id. */
  readonly id: string;
  readonly origin: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: Published;
  readonly text: string;
  readonly removed: readonly Removed[];
  readonly flags: readonly Flag[];
  readonly diagnostics: readonly Diagnostic[];
  readonly meta: ArticleMeta;
  readonly layers: Readonly<Partial<Layers>>;
  /** The near-duplicate this document copies, once corpus resolution has found one. */
  readonly duplicateOf: string | null;
}
