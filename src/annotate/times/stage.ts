/**
 * The `times` stage: finds every time expression (see `find.ts`) and anchors it at the document's
 * publication date as known at annotate time — the metadata/file-name date, else the date the
 * `publication` stage inferred from the content. Runs after `publication`, which needs the same
 * anchor-free expressions as evidence; corpus resolution re-anchors when it dates a document later.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { Stage } from '../../pipeline.js';
import { findTimes } from './find.js';
import { anchorTimes } from './anchor.js';
import type { Time } from './types.js';

/** The date relative expressions of `doc` are resolved against: metadata first, then the inferred one. */
export function anchorDateOf(doc: NewsDoc): string | null {
  return doc.published.date ?? doc.layers.publication?.date ?? null;
}

/** The `times` layer of a document. */
export function timesOf(doc: NewsDoc): Time[] {
  return anchorTimes(findTimes(doc.text, doc.layers.sentences ?? []), anchorDateOf(doc));
}

/** The `times` stage: needs sentences (tense) and the publication inference (anchor). */
export const timesStage: Stage<'times'> = {
  name: 'times',
  requires: ['sentences', 'publication'],
  produces: 'times',
  run: (doc) => timesOf(doc),
};
