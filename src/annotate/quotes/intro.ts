/**
 * Attributions standing apart from a quote's own clause: a sentence ending in a colon that introduces
 * the quote ("Caddell continued:¶“…”", "Senator Ilse Varga: “…”", "The Velmar Post reports:"), and a
 * name on a dash line after it ("…” ― Carla Sanchez", "…”¶- Teodor Brin.").
 */
import type { Span } from '../../model/doc.js';
import type { Attribution, QuoteSite } from './attribute.js';
import { attributeBefore } from './before.js';
import { npAfter, npBefore } from './np.js';
import { subjectOf } from './subject.js';
import { tokenAt, type Tok } from './tokens.js';

/** A colon intro of at most this many tokens names its speaker without a cue ("Caddell continued:"). */
const MAX_ATTRIBUTION_SENTENCE = 6;

/** The attribution of a quote opening at `open` by the colon intro before it, in its sentence or the one before. */
export function colonAttribution({ text, toks, sentences, sentence, open, skip }: QuoteSite): Attribution | null {
  const inSentence = sentence && /:$/.test(text.slice(sentence.start, open).trimEnd()) ? { start: sentence.start, end: open } : undefined;
  const intro = inSentence ?? sentences.filter((x) => x.end <= open && /:$/.test(text.slice(x.start, open).trimEnd()) && text.slice(x.end, open).trim() === '').pop();
  if (!intro) return null;
  const [from, to] = [tokenAt(toks, intro.start), tokenAt(toks, intro.end)];
  const before = attributeBefore(toks, from, to, skip);
  const short = to - from <= MAX_ATTRIBUTION_SENTENCE;
  const relay = short || RELAY_INTRO.test(text.slice(intro.start, intro.end)) ? relaySubject(toks, intro) : null;
  const speaker = before?.speaker ?? relay ?? presented(toks, from, to) ?? nameBeforeColon(toks, from, to) ?? subjectOf(toks, from, to, true) ?? bareName(toks, from, to);
  return speaker ? { cue: before?.cue ?? null, speaker, via: null, rule: 'colon' } : null;
}

/**
 * "From the report:", "More from the report:", "Here is Vell in December 1992:", "Here's the memo:": an
 * intro that presents what follows names its source right after "from" or "here is".
 */
function presented(toks: readonly Tok[], from: number, to: number): Attribution['speaker'] {
  const colon = toks.slice(from, to).findIndex((t) => t.text === ':') + from;
  if (colon <= from) return null;
  let i = from + (toks[from].lower === 'more' ? 1 : 0);
  if (toks[i]?.lower === 'from') i++;
  else if (toks[i]?.lower === 'here' && ['is', "'s", '’s'].includes(toks[i + 1]?.lower ?? '')) i += 2;
  else if (/^here['’]s$/.test(toks[i]?.lower ?? '')) i++; // (the tagger keeps "Here's" whole)
  else return null;
  return i < colon ? npAfter(toks, i, colon) : null;
}

/** A hyphenated line after a quote names its speaker only when this short ("- Sen. Ilse Varga (D-Vel.)"). */
const MAX_DASH_LINE_WORDS = 6;

/** "…” ― Carla Sanchez": a name after a dash ending the paragraph is the speaker. */
export function dashAttribution(text: string, toks: readonly Tok[], at: number): Attribution | null {
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

/** "… surprise Velmar pollster Dana Shaw: “", "… for Velmar - Orin Dace: “": a name right before the colon. */
function nameBeforeColon(toks: readonly Tok[], from: number, to: number): Attribution['speaker'] {
  let colon = to - 1;
  while (colon > from && toks[colon].text !== ':') colon--;
  const np = colon > from ? npBefore(toks, colon, from) : null;
  return np && np[1] === colon && toks[colon - 1].pos === 'PROPN' && !toks.slice(np[0], np[1]).some((t) => t.pos === 'ADP') ? np : null;
}
