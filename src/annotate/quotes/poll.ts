/**
 * Survey frames: "In a national Velmar Courier poll released Monday, 31% of voters said they were
 * “extremely enthusiastic”". The respondents are counted, not quoted one by one: PolNeAR (and a reader)
 * takes the poll as the source. Applies when a sentence opens with "In"/"From" and a phrase naming a
 * study up to its comma, and the cue's subject is a share of people ("31% of voters", "most").
 */
import { STUDY } from './cues.js';
import type { Range } from './phrase.js';
import type { Tok } from './tokens.js';

/** The longest opening survey phrase, in tokens ("In a September Velmar Courier-ABC News poll released Sunday"). */
const MAX_FRAME = 14;

/** Words that make a subject a share of respondents rather than a person. */
const SHARE = /^(?:\d[\d.,]*|%|percent|per|cent|most|many|some|half|majority|third|quarter|fifth|plurality|fraction|two-thirds|one-third|nine|eight|seven|six|five|four|three|two|one)$/;

/** The survey phrase that frames `speaker` (a share of people) in the sentence opening at `from`, or null. */
export function pollFrame(toks: readonly Tok[], from: number, speaker: Range | null): Range | null {
  if (!speaker || !['in', 'from'].includes(toks[from]?.lower ?? '')) return null;
  let comma = from + 1;
  while (comma < toks.length && comma - from <= MAX_FRAME && toks[comma].text !== ',') comma++;
  if (toks[comma]?.text !== ',' || speaker[0] <= comma) return null;
  if (!toks.slice(from + 1, comma).some((t) => STUDY.has(t.lower))) return null;
  // (the tagger may leave the share out of the phrase: "31% of ⟨voters⟩")
  const start = toks[speaker[0] - 1]?.lower === 'of' ? Math.max(comma + 1, speaker[0] - 3) : speaker[0];
  if (!toks.slice(start, speaker[1]).some((t) => SHARE.test(t.lower))) return null;
  return [from + 1, comma];
}
