/**
 * Transcript turns: a paragraph opening with a speaker's name in capitals and a colon
 * ("WALLACE: If I may, sir…", "PENCE: Well, look…") reports that speaker's words. Inside quotation
 * marks or not, a turn is reported as an indirect quote: transcripts put a mark before every paragraph
 * of many speakers' turns, so the marks do not delimit one speaker's words (`direct.ts` skips them).
 */
import type { Span } from '../../model/doc.js';
import type { Attribution } from './attribute.js';
import type { IndirectCandidate } from './indirect.js';
import { tokenRange, type Tok } from './tokens.js';

/** A name in capitals (1–4 words) and a colon at the start of a paragraph or quotation. */
export const TURN = /^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s+(?=\S)/;

/** The speaker's token range when `at` starts a transcript turn ("WALLACE: …"), else null. */
export function turnSpeaker(text: string, toks: readonly Tok[], at: number): Attribution | null {
  const eol = text.indexOf('\n', at);
  const m = TURN.exec(text.slice(at, Math.min(at + 60, eol < 0 ? text.length : eol)));
  if (!m) return null;
  const [from, to] = tokenRange(toks, { start: at, end: at + m[1].length });
  return to > from ? { cue: null, speaker: [from, to], via: null, rule: 'transcript' } : null;
}

/** The opening quotation mark some transcripts put before every paragraph. */
const LEAD_MARK = /^["“]/;

/**
 * Transcript turns of `text`: the rest of each turn paragraph, reported by the name, and the
 * paragraphs that continue a turn (opening with a quotation mark but no new name) by the same name.
 */
export function transcriptTurns(text: string, toks: readonly Tok[]): IndirectCandidate[] {
  const out: IndirectCandidate[] = [];
  let current: Attribution | null = null;
  for (const p of text.matchAll(/^[^\n]+/gm)) {
    const lead = LEAD_MARK.test(p[0]) ? 1 : 0;
    const att = turnSpeaker(text, toks, p.index + lead);
    if (!att && !(lead && current)) {
      current = null;
      continue;
    }
    current = att ?? current;
    const skip = lead + (att ? (TURN.exec(p[0].slice(lead))?.[0].length ?? 0) : 0);
    const content: Span = { start: p.index + skip, end: p.index + p[0].trimEnd().length };
    const range = tokenRange(toks, content);
    if (range[1] > range[0]) out.push({ content: range, att: current! });
  }
  return out;
}
