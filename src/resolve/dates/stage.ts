/**
 * The `publication` stage: a document's publication date with its evidence, in order of trust —
 * metadata the input carried (HTML/JSON-LD, feed, JSON field, manifest: already in `doc.published`),
 * a timestamp in the file name or URL (`doc.meta.publishedFrom` = `filename` / `url-path`, also
 * already there), then the content (`infer.ts`). It runs before `times`, which resolves relative
 * expressions against the date found here; corpus resolution may still date it from other documents.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { Context } from '../../context.js';
import type { Stage } from '../../pipeline.js';
import { findTimes } from '../../annotate/times/find.js';
import { findHints } from './hints.js';
import { dateHintsOf } from './pack-hints.js';
import { inferPublication } from './infer.js';
import type { PublicationInference } from './types.js';

/** The publication inference for one document. */
export function publicationOf(doc: NewsDoc, ctx: Context): PublicationInference {
  const p = doc.published;
  if (p.source !== 'none' && p.date) return { ...p, evidence: [...p.evidence], range: { from: p.date, to: p.date } };
  const sentences = doc.layers.sentences ?? [];
  const found = findTimes(doc.text, sentences);
  return inferPublication(doc.text, found, findHints(doc.text, dateHintsOf(ctx.pack)), ctx.referenceDate, sentences);
}

/** The `publication` stage: needs sentences (tense of each date mention). */
export const publicationStage: Stage<'publication'> = {
  name: 'publication',
  requires: ['sentences'],
  produces: 'publication',
  run: (doc, ctx) => publicationOf(doc, ctx),
};
