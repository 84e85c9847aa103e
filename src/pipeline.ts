/**
 * The pipeline: the one ordered list of annotate stages, and the runner that checks at start-up that
 * every layer a stage requires is produced by an earlier stage (spaCy's requires/assigns).
 *
 * Ordering constraints (each stage names what it needs):
 * - sentences first: every later finder works sentence by sentence.
 * - mentions after sentences: a capitalised word opening a sentence is not taken for a name, and
 *   before quotes, claims and eventMentions, which read speakers, claimants and actors from it.
 * - publication before times: relative expressions ("Thursday", "last week") are resolved against the
 *   publication date, which for an undated input is inferred from the content (explicit dates,
 *   weekday–date agreement, tense, pack hints); corpus resolution re-anchors `times` if it dates the
 *   document later from other documents of its story.
 * - times after publication (and sentences: the tense of each expression is read in its sentence).
 * - quotes after sentences (and after mentions/times when present): cues are looked for within a
 *   quotation's sentence; person names come from `mentions` when that layer exists (optional read).
 * - claims after quotes: a figure's claimant is the speaker of the quotation containing it.
 * - eventMentions last: it reads the time, place and actors of each event from the `times` and
 *   `mentions` layers of the same sentence (falling back to capitalised names without them).
 */
import type { LayerName, Layers, NewsDoc } from './model/doc.js';
import type { Context } from './context.js';
import { sentencesStage } from './annotate/sentences/stage.js';
import { mentionsStage } from './annotate/mentions/stage.js';
import { publicationStage } from './resolve/dates/stage.js';
import { timesStage } from './annotate/times/stage.js';
import { eventMentionsStage } from './annotate/events/stage.js';
import { quotesStage } from './annotate/quotes/stage.js';
import { claimsStage } from './annotate/claims/stage.js';

/** A per-document stage: a pure function from a document to one new layer. */
export interface Stage<K extends LayerName = LayerName> {
  name: string;
  requires: LayerName[];
  produces: K;
  run(doc: NewsDoc, ctx: Context): Layers[K];
}

/** The annotate stages, in order. */
export const STAGES: Stage[] = [sentencesStage as Stage, mentionsStage as Stage, publicationStage as Stage, timesStage as Stage, quotesStage as Stage, claimsStage as Stage, eventMentionsStage as Stage];

/**
 * Throws, listing what is missing, if a stage requires a layer no earlier stage produces or if two
 * stages produce the same layer. Called once at start-up.
 */
export function checkStages(stages: Stage[]): void {
  const produced = new Set<LayerName>();
  for (const stage of stages) {
    const missing = stage.requires.filter((layer) => !produced.has(layer));
    if (missing.length > 0) {
      throw new Error(
        `stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage produces ` +
          `(earlier stages produce: ${[...produced].join(', ') || 'nothing'})`,
      );
    }
    if (produced.has(stage.produces)) throw new Error(`layer "${stage.produces}" is produced twice (stage "${stage.name}")`);
    produced.add(stage.produces);
  }
}

/** Runs the stages over a document and returns a new document with their layers; the input is untouched. */
export function annotate(doc: NewsDoc, ctx: Context, stages: Stage[] = STAGES): NewsDoc {
  let layers: Partial<Layers> = { ...doc.layers };
  let diagnostics = doc.diagnostics;
  for (const stage of stages) {
    try {
      const view: NewsDoc = { ...doc, layers };
      layers = { ...layers, [stage.produces]: stage.run(view, ctx) };
    } catch (err) {
      diagnostics = [...diagnostics, { stage: stage.name, message: (err as Error).message }];
    }
  }
  return { ...doc, layers, diagnostics };
}
