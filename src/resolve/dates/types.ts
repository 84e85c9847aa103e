/**
 * The `publication` layer: a document's publication date as inferred from its own content (used when
 * the input carried none), with the range it could be in, a confidence and the evidence. Corpus
 * resolution turns it into `doc.published` (source `content`), or dates the document from others of
 * the same story (source `corpus`).
 */
import type { Published } from '../../model/doc.js';

/** A publication-date inference: `Published` plus the earliest and latest day the evidence allows. */
export interface PublicationInference extends Published {
  /** Earliest and latest possible day (`YYYY-MM-DD`), when bounded; equal to `date` when exact. */
  range: { from: string; to: string } | null;
}

declare module '../../model/doc.js' {
  interface Layers {
    publication: PublicationInference;
  }
}
