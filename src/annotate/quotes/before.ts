/**
 * Attribution by a cue before a quotation, in the same sentence: `Lavrov stated that “…”`, `said,” We
 * are…”`, `…, saying that it was “very disappointing.”` (a participle takes the clause's subject),
 * `according to the official, “…”`. When several cues precede the quote, the last one close to the
 * mark introduces it; otherwise the quote sits inside what the sentence's first speaker reports
 * (PolNeAR's outermost source): `Clinton says she … what she calls “…”`.
 */
import { relayAfter, speakerOf, type Attribution } from './attribute.js';
import { cueAt, RELAY_VERBS, type Cue } from './cues.js';
import { RELATIVE_PRONOUN, type Range } from './np.js';
import { subjectOf } from './subject.js';
import type { Tok } from './tokens.js';

/** Attribution by the last cue in the tokens `[from, to)` before an opening mark; `skip` marks quoted tokens. */
export function attributeBefore(toks: readonly Tok[], from: number, to: number, skip: (i: number) => boolean): Attribution | null {
  let found: Cue | null = null;
  let earlier: Range | null = null;
  let first: { cue: Cue; speaker: Range } | null = null;
  let relay: Cue | null = null;
  // "When Vell announced his bid, he called them “…”": a cue in an opening subordinate clause is not the quote's
  if (SUBORDINATOR.has(toks[from]?.lower ?? '') || (toks[from]?.lower === 'ever' && toks[from + 1]?.lower === 'since')) {
    const comma = toks.slice(from, to).findIndex((t) => t.text === ',');
    if (comma > 0) from += comma + 1;
  }
  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    const cue = cueAt(toks, i);
    if (cue && RELAY_VERBS.has(cue.base)) relay ??= cue;
    if (!cue || RELAY_VERBS.has(cue.base)) continue;
    // coordinated cues ("said … but said") share the sentence's first speaker, not a nested one ("she thinks")
    const outer = first as { speaker: Range } | null;
    if (found) {
      const said: Range | null = outer?.speaker ?? speakerOf(toks, found, from, to, earlier);
      // (a restrictive relative's cue, "an architect who said …", lends no subject to a later participle)
      if (said && !(relativeWord(toks, said) && toks[said[0] - 1]?.text !== ',')) earlier = said;
    }
    // (a cue in a relative clause of the subject, "Vell, who says …, tweeted", is nested, not the sentence's first)
    if (found && earlier && !first && !relativeWord(toks, earlier)) first = { cue: found, speaker: earlier };
    found = cue;
  }
  // "The Velmar Post reports that Vell's team avoided “…”": with no other cue, the outlet reporting is the source
  if (!found && relay && relay.from > from) found = relay;
  if (!found) return null;
  let speaker = speakerOf(toks, found, from, to, earlier) ?? earlier;
  if (speaker && skip(speaker[0])) {
    // a subject is never inside an earlier quote ("“Promise you’ll keep…,” Blige sings before asking her, “…”")
    let clauseFrom = from;
    for (let i = from; i < found.from; i++) if (skip(i)) clauseFrom = i + 1;
    speaker = speakerOf(toks, found, clauseFrom, to, null);
  }
  // "Vell condemned what he called a “…”": a naming clause with a pronoun subject quotes for the sentence's subject
  // (a name there is the speaker itself: "Dace welcomed what Lina Voss called “…”")
  if (speaker && speaker[1] - speaker[0] === 1 && NAMING_PRONOUN.has(toks[speaker[0]].lower) && toks[speaker[0] - 1]?.lower === 'what' && speaker[0] - 1 > from) {
    const outer = subjectOf(toks, from, speaker[0] - 1);
    if (outer) return { cue: [found.from, found.to], speaker: outer, via: relayAfter(toks, found.to, to), rule: 'before-what' };
  }
  // a cue right before the mark ("said: “", "stated that “") introduces the quote; otherwise the quote
  // sits inside what the first speaker of the sentence reports ("Clinton says she … what she calls “…”")
  const adjacent = to - found.to <= MAX_CUE_TO_MARK;
  // "Vell told reporters he thought Orsay had “…”": a thought reported by a pronoun inside someone's report is that report
  const pronoun = speaker !== null && speaker[1] - speaker[0] === 1 ? toks[speaker[0]].lower : '';
  // (and "Vell said it would tell a story “…”": a thing does not speak inside a person's report)
  // (and a pronoun opening the clause another cue reports is that reporter's: "Vell said he'd asked his “people”")
  const opensReport = first !== null && speaker !== null && (speaker[0] === first.cue.to || (toks[first.cue.to]?.lower === 'that' && speaker[0] === first.cue.to + 1));
  // (and a parenthetical attribution is the outer source of the clause it interrupts: "CNN, Vell said, called it “…”")
  const parenthetical = first !== null && toks[first.speaker[0] - 1]?.text === ',' && toks[first.cue.to]?.text === ',' && first.speaker[1] === first.cue.from;
  const thought = (THOUGHT.has(found.base) && NAMING_PRONOUN.has(pronoun)) || pronoun === 'it' || (NAMING_PRONOUN.has(pronoun) && opensReport) || parenthetical;
  // ("said Vell, who noted that … had “…”": the relative pronoun is the quote's own source; but a restrictive
  // one inside an earlier speaker's report is not: "Saul tweeted at a candidate who promised: “…”")
  const restrictive = relativeWord(toks, speaker) && toks[speaker![0] - 1]?.text !== ',';
  if (first && (!adjacent || thought || restrictive) && (!relativeWord(toks, speaker) || restrictive)) return { cue: [first.cue.from, first.cue.to], speaker: first.speaker, via: relayAfter(toks, first.cue.to, to), rule: 'before-outer' };
  return { cue: [found.from, found.to], speaker, via: relayAfter(toks, found.to, to), rule: 'before' };
}

/** True for a speaker that is a relative pronoun alone ("who"): a relative clause of an earlier phrase. */
const relativeWord = (toks: readonly Tok[], r: Range | null) => r !== null && r[1] - r[0] === 1 && RELATIVE_PRONOUN.has(toks[r[0]].lower);

/** Verbs of thinking: nested in a report ("said he thinks"), their pronoun subject is the reporter (PolNeAR's outer source). */
const THOUGHT = new Set('think believe feel hope know expect fear worry suspect realize realise wonder'.split(' '));

/** Pronouns that, as the subject of "what he called", stand for the sentence's subject. */
const NAMING_PRONOUN = new Set(['he', 'she', 'they']);

/** Words opening a subordinate clause before the main one. */
const SUBORDINATOR = new Set(['when', 'after', 'since', 'while', 'before', 'although', 'though', 'because', 'once', 'until']);

/** A cue this close to an opening mark (in tokens: "said that “") introduces that quote itself. */
const MAX_CUE_TO_MARK = 3;
