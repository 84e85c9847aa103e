/** The mentions stage run on a bare text, with its sentences split first, as the tests of this folder read it. */
import { findMentions } from '../../../src/annotate/mentions/stage.js';
import type { Mention } from '../../../src/annotate/mentions/layer.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { makeContext, type Context } from '../../../src/context.js';
import { makeDoc } from '../../helpers.js';

/** The mentions `findMentions` finds in `text` (a document of that text alone) under `ctx`. */
export function mentionsIn(text: string, ctx: Context = makeContext()): Mention[] {
  return findMentions({ ...makeDoc(text), layers: { sentences: splitSentences(text) } }, ctx);
}
