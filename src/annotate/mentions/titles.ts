/**
 * Titles around names and titles standing alone. `titleBefore` reads "Russian Foreign Minister" in
 * "Russian Foreign Minister Sergey Lavrov" (also with a comma: "presidential aide, Vladimir
 * Medinsky"); `titleAfter` reads "the head of negotiations" in "Rustem Umerov, the head of
 * negotiations"; `whose` resolves "Russian"/"Ukraine"/"Kremlin" to the country or body.
 */
import type { Context } from '../../context.js';
import { packIndex } from '../../packs/pack-index.js';
import type { TitleCue } from './layer.js';
import { gazetteer } from './gazetteer.js';
import { foldName } from './key.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.js';
import { canonicalTitle } from './title-canon.js';
import type { Token } from './tokens.js';
import { lowerWord } from './chars.js';

/** At most this many words in a title, so a title never swallows a clause. Longest seen: "Russian Defense Ministry spokesman" (4). */
export const MAX_TITLE_WORDS = 6;

/** The country or body a word such as "Russian", "Ukraine", "U.S." or "Kremlin" stands for, or null. */
export function whose(word: string, ctx: Context): string | null {
  const key = foldName(word);
  if (!key) return null;
  const index = ctx.pack.entities ? packIndex(ctx.pack) : null;
  const byDemonym = index?.demonyms.get(key);
  if (byDemonym) return byDemonym;
  const hit = index?.byAlias.get(key);
  if (hit?.length === 1 && (hit[0].type === 'place' || hit[0].type === 'organization')) return hit[0].id;
  const g = gazetteer();
  const country = g.demonyms.get(key) ?? (g.countries.has(key) ? key : null);
  return country ? country.replace(/ /g, '-') : null;
}

const lower = (t: Token) => lowerWord(t.text);

/** The title written just before token `at` (the first token of a name), if any. */
export function titleBefore(tokens: readonly Token[], at: number, ctx: Context): TitleCue | null {
  let i = at - 1;
  if (i >= 0 && tokens[i].text === ',') i--;
  if (i >= 2 && tokens[i - 1].text === 'of' && TITLE_HEADS.has(lower(tokens[i - 2])) && /^\p{Lu}/u.test(tokens[i].text)) {
    return readTitle(tokens, i - 2, ctx, i); // "Secretary of State", "Minister of Defence"
  }
  if (i < 0 || !TITLE_HEADS.has(lower(tokens[i]))) return null;
  return readTitle(tokens, i, ctx);
}

/** Reads a title whose head is token `head` (ending at token `end`), walking left over modifiers and an owner word. */
export function readTitle(tokens: readonly Token[], head: number, ctx: Context, end = head): TitleCue {
  let first = head;
  let of: string | null = null;
  for (let j = head - 1; j >= 0 && head - j < MAX_TITLE_WORDS; j--) {
    const w = lower(tokens[j]);
    if (tokens[j + 1].start - tokens[j].end > 1) break;
    if ((TITLE_MODIFIERS.has(w) || TITLE_HEADS.has(w)) && !HONORIFICS.has(w) && w !== 'the') {
      first = j;
      continue;
    }
    const owner = whose(tokens[j].text, ctx);
    if (owner && !of) {
      of = owner;
      first = j;
    }
    break;
  }
  const words = tokens
    .slice(first, end + 1)
    .filter((t) => whose(t.text, ctx) === null || TITLE_MODIFIERS.has(lower(t)))
    .map((t) => t.text);
  const span = { start: tokens[first].start, end: tokens[end].end };
  const phrase = packTitle(tokens, first, end, ctx);
  if (phrase) return { ...phrase, span: { start: phrase.span.start, end: span.end } };
  const kremlin = words.length > 0 && /^kremlin$/i.test(words[0]) ? 'kremlin' : null;
  return {
    title: canonicalTitle((kremlin ? words.slice(1) : words).join(' ') || tokens[head].text),
    of: of ?? (kremlin ? whose('Kremlin', ctx) ?? 'russia' : null),
    span: { start: tokens[first].start, end: tokens[end].end },
  };
}

/** The apposition after a name ending at token `last`: ", the head of …", ", a spokesman for …". */
export function titleAfter(tokens: readonly Token[], last: number, ctx: Context): TitleCue | null {
  let i = last + 1;
  if (tokens[i]?.text !== ',') return null;
  i++;
  if (/^(?:the|a|an)$/i.test(tokens[i]?.text ?? '')) i++;
  const start = i;
  let head = -1;
  let of: string | null = null;
  for (; i < tokens.length && i - start < MAX_TITLE_WORDS; i++) {
    const w = lower(tokens[i]);
    if (TITLE_HEADS.has(w)) head = i;
    else if (!TITLE_MODIFIERS.has(w) && !(of === null && (of = whose(tokens[i].text, ctx)))) break;
  }
  if (head < 0 || HONORIFICS.has(lower(tokens[head]))) return null;
  if (/^\p{Lu}/u.test(tokens[head + 1]?.text ?? '') && tokens[head + 1].pos === 'PROPN') return null; // the title of the next name
  const words = tokens.slice(start, head + 1).filter((t) => whose(t.text, ctx) === null).map((t) => t.text);
  return { title: canonicalTitle(words.join(' ')), of, span: { start: tokens[start].start, end: tokens[head].end } };
}

/** The pack's reading of a title phrase ending at token `end` ("Kremlin leader" → President of Russia), if any. */
function packTitle(tokens: readonly Token[], first: number, end: number, ctx: Context): TitleCue | null {
  if (!ctx.pack.titles?.length) return null;
  const titles = packIndex(ctx.pack).titles;
  for (let f = first; f <= end; f++) {
    const hit = titles.get(foldName(tokens.slice(f, end + 1).map((t) => t.text).join(' ')));
    if (hit) return { title: canonicalTitle(hit.title), of: hit.of, span: { start: tokens[f].start, end: tokens[end].end } };
  }
  return null;
}
