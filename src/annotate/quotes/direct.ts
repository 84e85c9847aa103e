/**
 * Direct quotations: each quoted stretch from `marks.ts`, attributed by `attribute.ts` — first a cue
 * right after the closing mark, then the last cue before the opening mark in the same sentence, then
 * (for a quote that opens its sentence with no cue of its own) the speaker of the quote just before it
 * in the same or the previous paragraph. Short quoted stretches with no speaker are scare quotes or
 * titles ("a “buffer zone”") and are dropped.
 */
import type { Span } from '../../model/doc.js';
import { attributeAfterClause } from './after-clause.js';
import { previousSentenceAttribution, subjectAttribution } from './previous.js';
import { attributeAfter, attributeBefore, attributeLater, TIME_AFTER_CUE, type Attribution } from './attribute.js';
import { quotedStretches, type Quoted } from './marks.js';
import { npAfter, npBefore, subjectOf } from './np.js';
import { TURN } from './transcript.js';
import { tokenAt, type Tok } from './tokens.js';

/** A direct quote before speaker resolution: token ranges still to be turned into spans. */
export interface DirectCandidate {
  quoted: Quoted;
  att: Attribution | null;
  /** Index (in the returned list) of the quote this one continues. */
  continues: number | null;
}

/**
 * Quoted stretches of fewer words than this with no speaker are dropped as scare quotes or titles.
 * Chosen on PolNeAR's train split: below four words, unattributed quoted text was mostly not a quotation.
 */
export const MIN_UNATTRIBUTED_WORDS = 4;

/** A follow-on quote inherits its speaker only across this many characters (about one attribution clause). */
const MAX_FOLLOW_GAP = 120;
/** A colon intro of at most this many tokens names its speaker without a cue ("Caddell continued:"). */
const MAX_ATTRIBUTION_SENTENCE = 6;

const sentenceOf = (sentences: readonly Span[], at: number): Span | undefined => sentences.find((s) => s.start <= at && at < s.end);
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Attributes every quoted stretch of `text`; `inQuote(i)` tells whether token `i` is inside a quote. */
export function directQuotes(
  text: string,
  toks: readonly Tok[],
  sentences: readonly Span[],
  quoted: readonly Quoted[],
): DirectCandidate[] {
  const inside = quotedStretches(text, quoted);
  const skip = (i: number) => inside.some((r) => toks[i].start >= r.start && toks[i].start < r.end);
  const out: DirectCandidate[] = [];
  for (const q of quoted) {
    const closeAt = q.close ?? q.span.end;
    const sAfter = sentenceOf(sentences, closeAt) ?? sentenceOf(sentences, q.span.end - 1);
    const sBefore = sentenceOf(sentences, q.open);
    const nextOpen = quoted.find((o) => o.open > closeAt)?.open ?? text.length;
    let att: Attribution | null = null;
    let afterClause: number | null = null; // where a bare attribution clause after a "…,” quote may end
    if (q.close !== null && sAfter) {
      // a sentence may end at the closing mark ("…?” Clinton said."): then the attribution is the next one
      let next = sAfter.end <= q.close + 1 ? sentences.find((x) => x.start > sAfter.end && !text.slice(sAfter.end, x.start).includes('\n')) : undefined;
      const end = Math.min((next ?? sAfter).end, nextOpen);
      att = attributeAfter(toks, tokenAt(toks, q.close + 1), tokenAt(toks, end)) ?? dashAttribution(text, toks, q.close + 1);
      // in the next sentence, only a bare attribution counts ("Clinton said.", "Trump said, looking out…"),
      // not a new statement ("She says it underscores…")
      if (next && att?.cue && !/^\p{Ll}/u.test(text[next.start])) {
        const after = toks[Math.max(att.cue[1], att.speaker?.[1] ?? 0)];
        if (after && after.start < next.end && !/^[,.;!?]$/.test(after.text) && after.pos !== 'ADP' && !TIME_AFTER_CUE.test(after.text)) att = null;
      }
      // a "…,” quote opening its sentence: whatever short clause follows is its attribution (after-clause.ts)
      if (/[,?!]$/.test(text.slice(q.open + 1, q.close).trimEnd()) && sBefore && text.slice(sBefore.start, q.open).trim() === '') afterClause = end;
      if (!att?.speaker) att = attributeLater(toks, tokenAt(toks, q.close + 1), tokenAt(toks, Math.min(sAfter.end, nextOpen))) ?? att;
    }
    if (TURN.test(text.slice(q.span.start, q.span.start + 60))) continue; // a transcript: see transcript.ts
    if (!att?.speaker && sBefore) {
      const before = attributeBefore(toks, tokenAt(toks, sBefore.start), tokenAt(toks, q.open), skip);
      if (before?.speaker) att = { ...before, via: before.via ?? att?.via ?? null };
    }
    if (!att?.speaker && q.close !== null && afterClause) {
      // only when no cue before the quote names a speaker: "One message read “…,” a website linked…"
      att = attributeAfterClause(toks, tokenAt(toks, q.close + 1), tokenAt(toks, afterClause)) ?? att;
    }
    if (!att?.speaker) {
      // "Caddell continued:¶“…”": a sentence ending in a colon introduces the quote after it
      const inSentence = sBefore && /:$/.test(text.slice(sBefore.start, q.open).trimEnd()) ? { start: sBefore.start, end: q.open } : undefined;
      const intro = inSentence ?? sentences.filter((x) => x.end <= q.open && /:$/.test(text.slice(x.start, q.open).trimEnd()) && text.slice(x.end, q.open).trim() === '').pop();
      const [from, to] = intro ? [tokenAt(toks, intro.start), tokenAt(toks, intro.end)] : [0, 0];
      const before = intro ? attributeBefore(toks, from, to, skip) : null;
      const short = intro && to - from <= MAX_ATTRIBUTION_SENTENCE;
      const speaker = before?.speaker ?? (intro && (short || RELAY_INTRO.test(text.slice(intro.start, intro.end))) ? relaySubject(toks, intro) : null) ?? (intro ? subjectOf(toks, from, to) ?? bareName(toks, from, to) : null);
      if (speaker) att = { cue: before?.cue ?? null, speaker, via: null, rule: 'colon' };
    }
    if (!att?.speaker && att?.rule === 'relay') att = { ...att, speaker: att.via, via: null }; // the outlet is all we have
    let continues: number | null = null;
    const prev = out.length > 0 ? out[out.length - 1] : null;
    if (!att?.speaker && prev?.att?.speaker && followsOn(text, prev.quoted, q, sBefore)) {
      att = { ...prev.att, rule: 'follow-on' };
      continues = out.length - 1;
    } else if (!att?.speaker) {
      att = previousSentenceAttribution(text, toks, sentences, sBefore, q.open, skip) ?? subjectAttribution(toks, sBefore, q.open) ?? att;
    } else if (att?.speaker && prev?.att?.speaker && sBefore && prev.quoted.open >= sBefore.start && sameTokens(toks, prev.att.speaker, att.speaker)) {
      continues = out.length - 1; // split by its attribution: "“…,” Ms Truss said, “…”"
    }
    const quotedText = text.slice(q.span.start, q.span.end);
    if (titleLike(quotedText)) continue;
    if ((!att?.speaker || att.rule === 'subject') && (words(quotedText) < MIN_UNATTRIBUTED_WORDS || headlineLike(text, q.open))) continue;
    out.push({ quoted: q, att, continues });
  }
  return out;
}

/** A hyphenated line after a quote names its speaker only when this short ("- Sen. Ilse Varga (D-Vel.)"). */
const MAX_DASH_LINE_WORDS = 6;

/** "…” ― Carla Sanchez": a name after a dash ending the paragraph is the speaker. */
function dashAttribution(text: string, toks: readonly Tok[], at: number): Attribution | null {
  // a hyphen counts as the dash only at the start of the next line ("…”¶- Sanders.")
  const m = /^(?:\s*[―—–]|\s*\n\s*-)\s*([^\n]{2,60}?)\.?\s*(?:\n|$)/.exec(text.slice(at));
  if (!m || !/^\p{Lu}/u.test(m[1])) return null;
  if (!/^\s*[―—–]/.test(m[0]) && m[1].split(/\s+/).length > MAX_DASH_LINE_WORDS) return null; // a list item, not a name
  const start = at + m[0].indexOf(m[1]);
  const from = tokenAt(toks, start);
  let to = from;
  while (to < toks.length && toks[to].end <= start + m[1].length) to++;
  return to > from ? { cue: null, speaker: [from, to], via: null, rule: 'dash' } : null;
}

/** "Senator Ilse Varga: “…”": an intro that is only a name (ending in a proper noun) before the colon. */
function bareName(toks: readonly Tok[], from: number, to: number): Attribution['speaker'] {
  const colon = toks.slice(from, to).findIndex((t) => t.text === ':') + from;
  const np = colon > from ? npAfter(toks, from, colon) : null;
  return np && np[0] === from && np[1] === colon && toks[colon - 1].pos === 'PROPN' ? np : null;
}

/** A relay verb in an intro ("The New York Times reports:") names the speaker itself. */
const RELAY_INTRO = /\breport(?:s|ed)?\s*:\s*$/;
function relaySubject(toks: readonly Tok[], sentence: Span): Attribution['speaker'] {
  const from = tokenAt(toks, sentence.start);
  let verb = tokenAt(toks, sentence.end);
  while (verb > from && toks[verb - 1].pos === 'PUNCT') verb--;
  verb--;
  if (verb <= from || toks[verb].pos !== 'VERB') return null;
  const np = npBefore(toks, verb, from);
  return np && np[0] === from ? np : null;
}

/** True when `q` opens its sentence right after `prev`, in the same paragraph or the next one. */
function followsOn(text: string, prev: Quoted, q: Quoted, sentence: Span | undefined): boolean {
  if (!sentence || text.slice(sentence.start, q.open).trim() !== '') return false;
  const between = text.slice((prev.close ?? prev.span.end) + 1, q.open);
  return between.length <= MAX_FOLLOW_GAP && (between.match(/\n+/g)?.length ?? 0) <= 1 && !/[“”„«»"]/.test(between);
}

const sameTokens = (toks: readonly Tok[], a: [number, number], b: [number, number]) =>
  toks.slice(a[0], a[1]).map((t) => t.lower).join(' ') === toks.slice(b[0], b[1]).map((t) => t.lower).join(' ');

/** Titles of shows, books and events run to at most this many words ("Fox News Sunday", "Make Your Kid a Millionaire"). */
const MAX_TITLE_WORDS = 8;

/** Words a title leaves in lower case ("Special Report with Brett Baier"). */
const TITLE_SMALL_WORDS = new Set('a an the of and or but in on at to for with from by into over as vs nor'.split(' '));

/** True for a quoted title rather than a quotation: short, with every longer word capitalised. */
export function titleLike(quoted: string): boolean {
  const all = quoted.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const content = all.filter((w) => !TITLE_SMALL_WORDS.has(w.replace(/\P{L}/gu, '').toLowerCase()));
  return all.length <= MAX_TITLE_WORDS && content.length > 0 && content.every((w) => /^\P{L}*\p{Lu}/u.test(w));
}

/** True when the paragraph at `at` is a list item or a headline (no sentence-final punctuation): never a quote's home. */
function headlineLike(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  const endAt = text.indexOf('\n', at);
  const para = text.slice(start, endAt < 0 ? text.length : endAt).trim();
  return /^[-•*–—]\s/.test(para) || !/[.!?…]["”’»]?$/.test(para);
}
