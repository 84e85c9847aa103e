/**
 * Direct quotations: each quoted stretch from `marks.ts`, attributed by `attribute.ts` — first a cue
 * right after the closing mark (or later in its sentence), then the last cue before the opening mark
 * in the same sentence, then a short clause after a sentence-opening "…,” quote whatever its verb
 * (`after-clause.ts`), a colon intro or dash line (`intro.ts`); for a quote that opens its sentence
 * with no cue of its own, a sentence of its own just before it (`previous.ts`) or else the speaker of
 * the quote just before it in the same or the previous paragraph; and last, for a quote inside a
 * sentence without a cue, the sentence's subject. Short quoted stretches with no speaker (or only that
 * subject) are scare quotes or titles ("a “buffer zone”") and are dropped.
 */
import type { Span } from '../../model/doc.js';
import { attributeAfterClause, attributeClauseBefore } from './after-clause.js';
import { colonAttribution, dashAttribution } from './intro.js';
import { paragraphIntroAttribution, possessorAttribution, previousSentenceAttribution, previousSubjectAttribution, subjectAttribution } from './previous.js';
import { attributeAfter, type Attribution, type QuoteSite } from './attribute.js';
import { attributeBefore } from './before.js';
import { attributeFirstSubject, attributeLater, openingParticiple, TIME_AFTER_CUE } from './later.js';
import { ADDRESSEE_VERBS, VERB_FORMS } from './cues.js';
import { quotedStretches, type Quoted } from './marks.js';
import { sentenceRelay } from './relay.js';
import { npAfter } from './np.js';
import { subjectOf } from './subject.js';
import { TURN } from './transcript.js';
import { headlineLike, titleLike } from './titles.js';
import { blankBefore, tokenAt, type Tok } from './tokens.js';

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

/** A cue this close (in tokens) to an opening mark introduces the quote ("said, “", "said that “"). */
const MAX_CUE_TO_MARK = 3;
/** True for a speaker that is "he" or "she" alone. */
const personPronoun = (toks: readonly Tok[], r: [number, number]) => r[1] - r[0] === 1 && ['he', 'she'].includes(toks[r[0]].lower);

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
    const site: QuoteSite = { text, toks, sentences, sentence: sBefore, open: q.open, skip };
    const nextOpen = quoted.find((o) => o.open > closeAt)?.open ?? text.length;
    let att: Attribution | null = null;
    let afterClause: number | null = null; // where a bare attribution clause after a "…,” quote may end
    let sentenceEnd = 0; // where the sentence after such a quote ends (past any quote nested in it)
    if (q.close !== null && sAfter) {
      // a sentence may end at the closing mark ("…?” Clinton said."): then the attribution is the next one
      // (a doubled-apostrophe mark, ''…'', is two characters wide)
      const closeEnd = q.close + (text.startsWith("''", q.close) ? 2 : 1);
      // (only for a quote opening its sentence: "Vell said it was “…” But, Orsay said, “…”" is not Orsay's)
      const opensSentence = sBefore !== undefined && blankBefore(text, sBefore.start, q.open);
      let next = sAfter.end <= closeEnd && opensSentence ? sentences.find((x) => x.start > sAfter.end && !text.slice(sAfter.end, x.start).includes('\n')) : undefined;
      const end = Math.min((next ?? sAfter).end, nextOpen);
      att = attributeAfter(toks, tokenAt(toks, q.close + 1), tokenAt(toks, end)) ?? dashAttribution(text, toks, q.close + 1);
      // in the next sentence, only a bare attribution counts ("Clinton said.", "Trump said, looking out…"),
      // not a new statement ("She says it underscores…")
      if (next && att?.cue && !/^\p{Ll}/u.test(text[next.start])) {
        let at = Math.max(att.cue[1], att.speaker?.[1] ?? 0);
        if (ADDRESSEE_VERBS.has(VERB_FORMS.get(toks[att.cue[0]].lower) ?? '')) at = npAfter(toks, at, toks.length)?.[1] ?? at; // "Vell told Velmar Radio."
        const after = toks[at];
        const reports = toks.slice(at, at + 4).some((t) => t.lower === 'that' && t.start < next!.end); // "said Tuesday that …": a new report
        if (after && after.start < next.end && ((!/^[,.;!?]$/.test(after.text) && after.pos !== 'ADP' && after.lower !== 'to' && !TIME_AFTER_CUE.test(after.text)) || reports)) att = null;
      }
      // a "…,” quote opening its sentence: whatever short clause follows is its attribution (after-clause.ts)
      if (/[,?!]$/.test(text.slice(q.open + 1, q.close).trimEnd()) && opensSentence) [afterClause, sentenceEnd] = [end, (next ?? sAfter).end];
      if (!att?.speaker) att = attributeLater(toks, tokenAt(toks, q.close + 1), tokenAt(toks, Math.min(sAfter.end, nextOpen))) ?? att;
    }
    if (TURN.test(text.slice(q.span.start, q.span.start + 60))) continue; // a transcript: see transcript.ts
    // "Dace said he was “…,” according to the Star": the source after the quote relays the speaker before it
    const according = att?.speaker && att.cue && toks[att.cue[0]].lower === 'according' ? att.speaker : null;
    if (sBefore && (!att?.speaker || personPronoun(toks, att.speaker) || according)) {
      const before = attributeBefore(toks, tokenAt(toks, sBefore.start), tokenAt(toks, q.open), skip);
      // "Feinstein said “…,” she said": the name of a cue right before the mark beats the pronoun after it
      const named = before?.speaker && before.cue && tokenAt(toks, q.open) - before.cue[1] <= MAX_CUE_TO_MARK && toks[before.speaker[1] - 1].pos === 'PROPN';
      if (before?.speaker && (!att?.speaker || named || according)) att = { ...before, via: before.via ?? according ?? att?.via ?? null };
    }
    // "Vell has hailed the vote as “fantastic,” telling reporters …" / "Vell, citing “…,” said the deal could …": the
    // verb after the quote takes the subject before it
    if (!att?.speaker && att?.rule === 'after-participle' && sBefore) {
      // (or, with no verb before the quote, the phrase opening the sentence: "Vell, citing “…,” said the deal …")
      const from = tokenAt(toks, sBefore.start);
      const opening = npAfter(toks, from, tokenAt(toks, q.open));
      const speaker = subjectOf(toks, from, tokenAt(toks, q.open)) ?? (opening && opening[0] === from && toks[opening[1]]?.text === ',' ? opening : null);
      att = speaker ? { ...att, speaker } : null;
    }
    if (!att?.speaker && sBefore && sAfter && q.close !== null) att = openingParticiple(toks, tokenAt(toks, sBefore.start), tokenAt(toks, q.close + 1), tokenAt(toks, sAfter.end)) ?? att;
    if (!att?.speaker && sBefore) att = attributeClauseBefore(toks, tokenAt(toks, sBefore.start), tokenAt(toks, q.open)) ?? att;
    if (!att?.speaker && q.close !== null && afterClause) {
      // only when no cue before the quote names a speaker: "One message read “…,” a website linked…"
      att = attributeAfterClause(toks, tokenAt(toks, q.close + 1), tokenAt(toks, afterClause)) ?? attributeFirstSubject(toks, tokenAt(toks, q.close + 1), tokenAt(toks, sentenceEnd), skip) ?? att;
    }
    if (!att?.speaker) att = colonAttribution(site) ?? att;
    if (!att?.speaker && att?.rule === 'relay') att = { ...att, speaker: att.via, via: null }; // the outlet is all we have
    if (att?.speaker && !att.via && sBefore && !(att.cue && toks[att.cue[0]].lower === 'according')) {
      const via = sentenceRelay(toks, tokenAt(toks, sBefore.start), tokenAt(toks, (sAfter ?? sBefore).end), att, skip, tokenAt(toks, q.open));
      if (via) att = { ...att, via };
    }
    let continues: number | null = null;
    const prev = out.length > 0 ? out[out.length - 1] : null;
    // a sentence of its own between the previous quote and this one introduces this one ("Dace agreed. “…”")
    const sentenceBefore = sBefore ? sentences[sentences.indexOf(sBefore) - 1] : undefined;
    // (not the previous quote's own sentence, nor the one holding its attribution: "“…?” Fenn said. “…”")
    const prevEnd = Math.max(prev?.quoted.open ?? -1, prev?.att?.speaker ? toks[prev.att.speaker[0]].start : -1);
    const quoteless = sentenceBefore !== undefined && prevEnd < sentenceBefore.start;
    const introduced = !att?.speaker && quoteless ? previousSentenceAttribution(site) : null;
    if (introduced) att = introduced;
    else if (!att?.speaker && prev?.att?.speaker && followsOn(text, prev.quoted, q, sBefore)) {
      att = { ...prev.att, rule: 'follow-on' };
      continues = out.length - 1;
    } else if (!att?.speaker) {
      att = previousSentenceAttribution(site) ?? possessorAttribution(site) ?? subjectAttribution(site) ?? att;
    } else if (att?.speaker && prev?.att?.speaker && sBefore && prev.quoted.open >= sBefore.start && sameTokens(toks, prev.att.speaker, att.speaker)) {
      continues = out.length - 1; // split by its attribution: "“…,” Ms Truss said, “…”"
    }
    if (!att?.speaker && prev?.att?.speaker && splitBy(text, toks, prev, q)) {
      att = { ...prev.att, rule: 'follow-on' }; // "“The way I see it,” she elaborated, “no one…”"
      continues = out.length - 1;
    }
    if (!att?.speaker && prev?.att?.speaker && opensParagraphAfter(text, prev.quoted, q)) {
      att = { ...prev.att, rule: 'follow-on' }; // "“…,” Vell notes.¶“…”": the next quoted paragraph is still Vell's
      continues = out.length - 1;
    }
    if (!att?.speaker) att = paragraphIntroAttribution(site) ?? previousSubjectAttribution(site) ?? att;
    const quotedText = text.slice(q.span.start, q.span.end);
    if (titleLike(quotedText)) continue;
    if ((!att?.speaker || ['subject', 'paragraph-intro', 'previous-subject', 'possessor'].includes(att.rule)) && (words(quotedText) < MIN_UNATTRIBUTED_WORDS || headlineLike(text, q.open))) continue;
    out.push({ quoted: q, att, continues });
  }
  return out;
}

/** True when `q` opens its sentence right after `prev`, in the same paragraph or the next one. */
function followsOn(text: string, prev: Quoted, q: Quoted, sentence: Span | undefined): boolean {
  if (!sentence || !blankBefore(text, sentence.start, q.open)) return false;
  const between = text.slice((prev.close ?? prev.span.end) + 1, q.open);
  return between.length <= MAX_FOLLOW_GAP && (between.match(/\n+/g)?.length ?? 0) <= 1 && !/[“”„«»"]/.test(between);
}

/** True when only `prev`'s attribution stands between `prev` and `q` in one sentence ("“…,” she elaborated, “…”"). */
function splitBy(text: string, toks: readonly Tok[], prev: DirectCandidate, q: Quoted): boolean {
  const close = prev.quoted.close;
  const speaker = prev.att?.speaker;
  if (close === null || !speaker || toks[speaker[0]].start < close) return false;
  const between = text.slice(close + 1, q.open);
  return /[,:]\s*$/.test(between) && !/[.!?;\n]/.test(between) && toks[speaker[1] - 1].end <= q.open;
}

/** True when `q` opens the paragraph right after the one where `prev` ends, with no other quote between. */
function opensParagraphAfter(text: string, prev: Quoted, q: Quoted): boolean {
  const lineStart = text.lastIndexOf('\n', q.open - 1) + 1;
  const between = text.slice((prev.close ?? prev.span.end) + 1, lineStart);
  return blankBefore(text, lineStart, q.open) && (between.match(/\n+/g)?.length ?? 0) === 1 && !/[“”„«»"]|''/.test(between);
}

const sameTokens = (toks: readonly Tok[], a: [number, number], b: [number, number]) =>
  toks.slice(a[0], a[1]).map((t) => t.lower).join(' ') === toks.slice(b[0], b[1]).map((t) => t.lower).join(' ');
