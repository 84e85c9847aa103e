/**
 * Indirect speech (`direct: false`): a clause reported through a cue, in three shapes —
 * - `X said (that) CLAUSE`, `X told reporters CLAUSE`, `X accused Kyiv of …` (content after the cue,
 *   up to the end of the sentence or the next coordinated cue: "… but said …");
 * - `CLAUSE, X said.` / `CLAUSE, said X.` (content before the cue, which ends the sentence);
 * - `According to X, CLAUSE.` / `CLAUSE, according to X.`
 * A clause that is itself a direct quotation is left to `direct.ts`.
 */
import type { Span } from '../../model/doc.js';
import { speakerOf, type Attribution } from './attribute.js';
import { ADDRESSEE_VERBS, cueAt, type Cue } from './cues.js';
import { npAfter, npBefore, type Range } from './np.js';
import { POSSESSIVE } from './phrase.js';
import { tokenRange, type Tok } from './tokens.js';

/** An indirect quote: its content as a token range, with its attribution. */
export interface IndirectCandidate {
  content: Range;
  att: Attribution;
  /** True when this clause continues the candidate before it, around a mid-sentence attribution. */
  continues?: boolean;
}

/** How many tokens (a time or place phrase) may stand between a cue and its "that". */
const MAX_BEFORE_THAT = 8;
/** A reported clause shorter than this (in tokens) is an object, not speech ("said nothing"). */
const MIN_CONTENT = 3;

/** Time words that may follow a cue before its clause ("announced Wednesday that"). */
const TIME_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|later|previously|recently)$/i;

/** Words opening an elliptic clause between a cue and a colon ("told them when asked: “…”"). */
const ELLIPTIC_OPENER = new Set(['when', 'if', 'while', 'once']);

const isMark = (t: Tok | undefined) => t !== undefined && /^(?:[“”„«»"‘’']|''|``)$/.test(t.text);
const isEnd = (t: Tok) => t.pos === 'PUNCT' && /^[.!?;]$/.test(t.text);

/** Where a clause after a cue starts: past an addressee ("told reporters"), a time phrase and "that". */
function contentStart(toks: readonly Tok[], cue: Cue, to: number): number {
  let i = cue.to;
  // (a possessed addressee stays in the content, as PolNeAR's spans mostly keep it: "urged ⟦his backers to …")
  if (ADDRESSEE_VERBS.has(cue.base) && !POSSESSIVE.has(toks[i]?.lower ?? '')) i = npAfter(toks, i, to)?.[1] ?? i;
  for (let j = i; j < to && j - i <= MAX_BEFORE_THAT; j++) {
    if (toks[j].lower === 'that') return j + 1;
    if (toks[j].text === ',' && toks[j + 1]?.lower === 'that') continue; // "told Fox News, that …"
    if ((toks[j].pos === 'PUNCT' && !isMark(toks[j])) || toks[j].pos === 'VERB') break;
  }
  // "said on Wednesday they intended…", "announced Wednesday 498 …": step over time and place phrases
  for (;;) {
    if (i < to && TIME_WORD.test(toks[i].text)) i++;
    else if (i < to && toks[i].pos === 'ADP' && toks[i].lower !== 'of') {
      const np = npAfter(toks, i + 1, to);
      if (!np) break;
      i = np[1];
    } else break;
  }
  return i;
}

/** Where a clause started at `from` ends: the sentence end or before a following cue/relay. */
function contentEnd(toks: readonly Tok[], from: number, to: number): number {
  for (let j = from; j < to; j++) {
    if (isEnd(toks[j]) && !isMark(toks[j + 1])) return j;
    // (a closing mark after a comma joins too: "the count was “nearly finished,” according to …")
    const joiner = toks[j].text === ',' || toks[j].pos === 'CCONJ' || (isMark(toks[j]) && toks[j - 1]?.text === ',');
    if (!joiner) continue;
    let k = j + 1;
    while (k < to && (toks[k].pos === 'CCONJ' || toks[k].pos === 'ADV')) k++;
    const cue = k < to ? cueAt(toks, k) : null;
    if (cue) return isMark(toks[j]) ? j + 1 : j;
    const np = k < to ? npBefore(toks, Math.min(to, k + 6), k) : null;
    if (toks[j].text === ',' && np && np[0] === k && cueAt(toks, np[1]) && (np[1] + 1 >= to || isEnd(toks[np[1] + 1]) || toks[np[1] + 1].text === ',')) return j;
  }
  return to;
}

/** Indirect quotes of one sentence (tokens `[from, to)`); `skip(i)` marks tokens inside direct quotes. */
export function indirectInSentence(toks: readonly Tok[], from: number, to: number, skip: (i: number) => boolean): IndirectCandidate[] {
  const out: IndirectCandidate[] = [];
  let earlier: Range | null = null;
  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    const cue = cueAt(toks, i);
    if (!cue) continue;
    const speaker = speakerOf(toks, cue, from, to, earlier);
    if (!speaker || skip(speaker[0])) continue; // a speaker inside a direct quote is a word of the quote
    earlier = speaker;
    // the attribution of a direct quote ("“…,” said Rep. Jan Dorn (D-Vel.), head of …", "“…,” Dorn said Saturday night at …")
    const opening = Math.min(cue.from, speaker[0]);
    // (a quote ending its own sentence, "“We won.” Dorn said the count…", leaves Dorn's words indirect)
    // (a quote ending its own sentence, "“We won.” Dorn said the count…", or a that-clause leaves Dorn's words indirect)
    const mark = [opening - 1, opening - 2].find((k) => k >= from && skip(k));
    const adjacent = speaker[1] === cue.from || speaker[0] === cue.to;
    if (mark !== undefined && adjacent && !/^[.!?]$/.test(toks[mark - 1]?.text ?? '') && !toks.slice(cue.to, cue.to + 4).some((t) => t.lower === 'that')) continue;
    const att: Attribution = { cue: [cue.from, cue.to], speaker, via: null, rule: '' };
    const inverted = speaker[0] >= cue.to; // "…, said Batchelder."
    let after = cue.base === 'according to' || inverted ? speaker[1] : contentStart(toks, cue, to);
    // "…, according to the conservative-leaning Tax Foundation." closes the sentence
    if (cue.base === 'according to' && toks[after]?.text !== ',' && !toks.slice(after, to).some((t) => t.text === ',')) after = to;
    // "CLAUSE, according to an analysis by Crowdpac, a website.": the source closes the sentence
    if (cue.base === 'according to' && cue.from - 1 > from && toks[cue.from - 1].text === ',') after = to;
    const endsSentence = after >= to || isEnd(toks[after]) || (toks[after].text === ',' && cue.base !== 'according to');
    // "On Tuesday, Gov. Ilse Varga (D-Vel.), said, “…”": the cue introduces the direct quote, not a clause before it
    if (endsSentence && after < to && toks[after].text === ',' && isMark(toks[after + 1])) continue;
    if (endsSentence) {
      // CLAUSE, X said. — the content runs from the sentence start to the comma before the attribution
      const first = Math.min(cue.from, speaker[0]);
      let end = first - 1;
      if (end <= from || toks[end].text !== ',' || skip(end - 1) || isMark(toks[from])) continue;
      while (end > from && isMark(toks[end - 1])) end--;
      // "The museum, Mr. Obama said, would make visitors face …": the clause goes on after the attribution
      const rest = after < to && toks[after].text === ',' ? [after + 1, contentEnd(toks, after + 1, to)] : null;
      const parts = rest && rest[1] - rest[0] >= MIN_CONTENT ? 2 : 1;
      if (end - from >= MIN_CONTENT || parts === 2) out.push({ content: [from, end], att: { ...att, rule: 'indirect:before-cue' } });
      if (parts === 2) out.push({ content: rest as Range, att: { ...att, rule: 'indirect:around-cue' }, continues: true });
      continue;
    }
    let start = cue.base === 'according to' ? after + 1 : after;
    // "added: the talks…" and "said that, if elected, he…": past the punctuation, unless a direct quote follows
    if ((toks[start]?.text === ':' || toks[start]?.text === ',') && !isMark(toks[start + 1]) && (toks[start].text === ':' || toks[start - 1]?.lower === 'that')) start++;
    if (isMark(toks[start]) || toks[start]?.text === ':' || toks[start]?.text === ',') continue; // a direct quote follows
    // not a clause ("said to them"), unless after "that" ("said that despite the rise, …")
    if (start >= to || ((toks[start].pos === 'ADP' || toks[start].lower === 'to') && toks[start - 1]?.lower !== 'that') || isEnd(toks[start])) continue;
    const end = contentEnd(toks, start, to);
    // "told the council when asked about it: “…”": a colon before a mark hands over to the direct quote
    // (only after such an elliptic clause: "said she has one quality: “…”" reports a clause)
    if (ELLIPTIC_OPENER.has(toks[start].lower) && toks[start - 1]?.lower !== 'that' && toks.slice(start, end).some((t, k) => t.text === ':' && isMark(toks[start + k + 1]))) continue;
    if (end - start >= MIN_CONTENT) out.push({ content: [start, end], att: { ...att, rule: cue.base === 'according to' ? 'indirect:according-to' : 'indirect:after-cue' } });
  }
  return out;
}

/** Indirect quotes of a document, sentence by sentence. */
export function indirectQuotes(text: string, toks: readonly Tok[], sentences: readonly Span[], skip: (i: number) => boolean): IndirectCandidate[] {
  return sentences.flatMap((s, k) => {
    const [from, to] = tokenRange(toks, s);
    const found = indirectInSentence(toks, from, to, skip);
    const colon = colonIntro(text, toks, from, to, sentences[k + 1], skip);
    return colon ? [...found, colon] : found;
  });
}

/** "He added:¶The talks will go on." — a cue ending its paragraph with a colon reports the next, unquoted paragraph. */
function colonIntro(text: string, toks: readonly Tok[], from: number, to: number, next: Span | undefined, skip: (i: number) => boolean): IndirectCandidate | null {
  if (!next || to - from < 2 || toks[to - 1].text !== ':' || !text.slice(toks[to - 1].end, next.start).includes('\n')) return null;
  if (/^["“„«']/.test(text[next.start])) return null; // a direct quote: see direct.ts
  for (let i = to - 2; i >= from && i >= to - 4; i--) {
    const cue = cueAt(toks, i);
    if (!cue || skip(i)) continue;
    const speaker = speakerOf(toks, cue, from, to, null);
    const paraEnd = text.indexOf('\n', next.start);
    const content = tokenRange(toks, { start: next.start, end: paraEnd < 0 ? text.length : paraEnd });
    return speaker && content[1] > content[0] ? { content, att: { cue: [cue.from, cue.to], speaker, via: null, rule: 'indirect:colon' } } : null;
  }
  return null;
}
