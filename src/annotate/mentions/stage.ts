/**
 * The `mentions` stage: tokens (wink-nlp) → candidate runs → refined name spans → types → per-document
 * propagation (the rules); then the statistical tagger's spans combined with them (`combine.ts`), plus
 * bare titles standing for an office holder ("the Russian Foreign Minister").
 * Works from the clean text alone; boilerplate in `removed[]` is never read.
 */
import type { Context } from '../../context.js';
import type { NewsDoc } from '../../model/doc.js';
import type { Stage } from '../../pipeline.js';
import { findCandidates, opensSentence } from './candidates.js';
import { foldName } from './key.js';
import { coordinate, propagate } from './consistency.js';
import type { Mention } from './layer.js';
import { TITLE_HEADS, HONORIFICS } from './lexicon.js';
import { refine } from './refine.js';
import { readTitle } from './titles.js';
import { tokenize, type Token } from './tokens.js';
import { typeSpan } from './typing.js';
import { combine } from './combine.js';
import { affiliations } from './affiliations.js';
import { teams } from './teams.js';
import { shippedTagger, tagColumns } from './tagger.js';
import { segments, titleCase } from './stretches.js';
import { namedInside } from './openers.js';
import { featureColumns } from './tagger-features.js';
import { nestedNames } from './nested.js';
import { capitalTitles } from './capital-titles.js';

/** A rule-based mention with the token range it covers and the rule that typed it. */
export type RuleMention = Mention & { rule: string; first: number; last: number };

/** The rule-based phase: tokens, which of them open a sentence, and the typed names the rules find. */
export function ruleMentions(doc: NewsDoc, ctx: Context): { tokens: readonly Token[]; sentenceStart: boolean[]; mentions: RuleMention[] } {
  const text = doc.text;
  const tokens = tokenize(text);
  const starts = new Set((doc.layers.sentences ?? []).map((s) => s.start));
  if (starts.size === 0) starts.add(tokens[0]?.start ?? 0);
  const sentenceStart = tokens.map((t) => starts.has(t.start));
  const named = namedInside(tokens, (i) => sentenceStart[i] || opensSentence(text, tokens, i), titleCase(tokens, sentenceStart));
  const spans = refine(tokens, findCandidates(text, tokens, starts, named), ctx);
  const mentions: (RuleMention & { opener: boolean })[] = spans.map((s) => {
    const typed = typeSpan(text, tokens, s, ctx);
    const span = { start: tokens[s.first].start, end: tokens[s.last].end };
    return {
      span,
      type: typed.type,
      key: foldName(text.slice(span.start, span.end)),
      source: `${s.source}/${typed.rule}`,
      evidence: 'explicit' as const,
      rule: typed.rule,
      first: s.first,
      last: s.last,
      opener: s.first === s.last && opensSentence(text, tokens, s.first, starts),
      ...(s.title ? { title: s.title } : {}),
      ...(typed.pack ? { pack: typed.pack } : {}),
    };
  });
  propagate(mentions);
  coordinate(text, mentions);
  affiliations(tokens, mentions);
  teams(text, tokens, mentions);
  // a lone capitalised word opening a sentence, still without any cue, is an ordinary word ("Several"),
  // unless the document writes it capitalised inside a sentence too (`openers.ts`)
  const kept = mentions.filter((m) => !(m.opener && m.type === 'other' && m.rule === 'none' && m.source.endsWith('/none') && !named.has(tokens[m.first].text.toLowerCase())));
  return { tokens, sentenceStart, mentions: kept.map(({ opener: _opener, ...m }) => m) };
}

/** Finds and types every mention in `doc.text`: the rules, then the tagger where it is shipped, then bare titles. */
export function findMentions(doc: NewsDoc, ctx: Context): Mention[] {
  const { tokens, sentenceStart, mentions } = ruleMentions(doc, ctx);
  const tagger = shippedTagger();
  const segs = tagger ? segments(tokens, sentenceStart, mentions) : [];
  const names = tagger ? combine(doc.text, tokens, sentenceStart, mentions, tagColumns(tagger, featureColumns(tokens, sentenceStart, mentions, segs), segs), ctx) : mentions;
  nestedNames(doc.text, tokens, names, ctx);
  const out: Mention[] = names.map(({ rule: _rule, first: _first, last: _last, ...m }) => m);
  out.push(...bareTitles(tokens, out, ctx));
  out.push(...capitalTitles(tokens, sentenceStart, titleCase(tokens, sentenceStart), out));
  return out.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/** Office titles with an owner and no name ("the Russian Foreign Minister", "the Kremlin leader"). */
function bareTitles(tokens: readonly Token[], names: Mention[], ctx: Context): Mention[] {
  const covered = (t: Token) => names.some((m) => (t.start >= m.span.start && t.end <= m.span.end) || m.title && t.start >= m.title.span.start && t.end <= m.title.span.end);
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text.toLowerCase();
    if (!TITLE_HEADS.has(word) || HONORIFICS.has(word) || covered(tokens[i])) continue;
    const next = tokens[i + 1];
    if (next && /^\p{Lu}/u.test(next.text) && next.pos === 'PROPN') continue;
    const cue = readTitle(tokens, i, ctx);
    if (cue.of === null || cue.span.start === tokens[i].start) continue;
    out.push({
      span: cue.span,
      type: 'person',
      key: `title:${foldName(cue.title)}|${cue.of}`,
      source: 'title/bare',
      evidence: 'implied',
      title: cue,
    });
  }
  return out;
}

export const mentionsStage: Stage<'mentions'> = {
  name: 'mentions',
  requires: ['sentences'],
  produces: 'mentions',
  run: (doc, ctx) => findMentions(doc, ctx),
};
