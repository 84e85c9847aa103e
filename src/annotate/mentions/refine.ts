/**
 * Phase two of the mentions stage, first half: refiners that turn candidate runs into name spans.
 * - split a leading title off a run ("Russian Foreign Minister Sergey Lavrov" → title + "Sergey Lavrov");
 * - drop leading honorifics ("Mr", "Dr") and trailing possessives and punctuation;
 * - split a place glued to a person ("Ukraine Volodymyr Zelskyy" → "Ukraine" + "Volodymyr Zelskyy");
 * - drop demonyms ("Russian"), which name no entity, and runs that are only title words.
 */
import type { Context } from '../../context.js';
import type { Candidate } from './candidates.js';
import { packIndex } from '../../packs/pack-index.js';
import { gazetteer } from './gazetteer.js';
import { foldName } from './key.js';
import { HONORIFICS, ORG_HEADS, PLACE_HEADS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.js';
import { isAcronym } from './candidates.js';
import type { TitleCue } from './layer.js';
import { readTitle, titleAfter, titleBefore, whose } from './titles.js';
import { isCurrency, isLegalForm, unitNumber } from './units.js';
import type { Token } from './tokens.js';
import { lowerWord } from './chars.js';

/** A name span over tokens `[first, last]`, with the title found next to it. */
export interface NameSpan {
  first: number;
  last: number;
  source: string;
  title: TitleCue | null;
}

const lower = (t: Token) => lowerWord(t.text);
const isTitleWord = (t: Token) => TITLE_HEADS.has(lower(t)) || TITLE_MODIFIERS.has(lower(t));

/** Refines candidate runs into name spans (several per run when a run is split). */
export function refine(tokens: readonly Token[], candidates: Candidate[], ctx: Context): NameSpan[] {
  const out: NameSpan[] = [];
  const g = gazetteer();
  for (const c of candidates) {
    let { first, last } = c;
    const run = tokens.slice(first, last + 1);
    if (run.length === 1 && isTitleWord(run[0]) && !isAcronym(run[0].text)) continue; // "State" of "Secretary of State"
    if (run.some((t) => TITLE_HEADS.has(lower(t))) && run.every((t) => isTitleWord(t) || whose(t.text, ctx) !== null)) continue; // a bare title (the cheap test first)
    // a trailing title word belongs to the next name or to no one: "Los Angeles Sheriff", "State Department Spokesperson"
    const untrimmed = last;
    while (last > first && TITLE_HEADS.has(lower(tokens[last])) && !HONORIFICS.has(lower(tokens[last]))) last--;
    // and the rank words of that title: "Robert Pangborn Vice President" → "Robert Pangborn"
    if (last < untrimmed) while (last > first && TITLE_RANKS.has(lower(tokens[last]))) last--;
    let title: TitleCue | null = null;
    // a title inside the run: the last title head followed by a name, unless the run is an organisation;
    // words before the title that are not title words name its owner ("NASA Administrator Charles Bolden")
    if (!ORG_HEADS.has(lower(tokens[last]))) {
      for (let k = last - 1; k >= first; k--) {
        if (TITLE_HEADS.has(lower(tokens[k])) && !HONORIFICS.has(lower(tokens[k]))) {
          title = readTitle(tokens, k, ctx);
          let owner = k - 1;
          while (owner >= first && (isTitleWord(tokens[owner]) || whose(tokens[owner].text, ctx) !== null)) owner--;
          if (owner >= first) out.push({ first, last: owner, source: c.source, title: null });
          else if (ownerPlace(tokens, first, k - 1, ctx) >= 0) out.push({ first, last: ownerPlace(tokens, first, k - 1, ctx), source: c.source, title: null });
          first = k + 1;
          break;
        }
      }
    }
    // a capitalised descriptor before a given name and surname: "Scientologist Tom Cruise"
    // (a word shaped like a descriptor — "-ist", "-ian", "-crat", a demonym — not an unknown given name: "Farouk Ben Mustapha")
    if (last - first >= 2 && isDescriptor(tokens[first].text) && !g.firstNames.has(foldName(tokens[first].text)) && g.firstNames.has(foldName(tokens[first + 1].text)) &&
        !isKnownPlaceOrOrg(tokens, first, first, ctx) && /^\p{Lu}\p{Ll}+$/u.test(tokens[first + 2].text)) {
      first++;
    } else if (last - first >= 2 && HYPHEN_DESCRIPTOR.test(tokens[first].text) && /^\p{Lu}/u.test(tokens[first + 1].text)) {
      first++; // a hyphenated descriptor: "Pan-democrat Lam Cheuk-ting", "Anti-war Vera Holm"
    }
    while (first <= last && HONORIFICS.has(lower(tokens[first]))) first++;
    if (first > last) continue;
    title ??= titleBefore(tokens, first, ctx);
    // the number of a military unit is part of its name: "501st Legion", "3rd Assault Brigade"
    if (unitNumber(tokens, first, last)) first--;
    for (const part of splitPlaceFromPerson(tokens, first, last, ctx)) {
      if (isDemonymOnly(tokens, part.first, part.last, ctx) || isAdjective(tokens, part.first, part.last) || isCurrency(tokens, part.last)) continue;
      if (isLegalForm(tokens, part.first, part.last)) continue;
      const words = tokens.slice(part.first, part.last + 1);
      if (words.some((t) => TITLE_HEADS.has(lower(t))) && words.every((t) => isTitleWord(t) || whose(t.text, ctx) !== null)) continue; // a bare title
      const after = part.last === last ? titleAfter(tokens, last, ctx) : null;
      out.push({ first: part.first, last: part.last, source: c.source, title: part.last === last ? title ?? after : null });
    }
  }
  return out;
}

/**
 * Splits runs that glue two names: a country before a given name ("Ukraine Volodymyr Zelskyy"), a
 * place before its country ("Bucha Ukraine"), two countries joined by a hyphen ("Belarus-Poland").
 */
function splitPlaceFromPerson(tokens: readonly Token[], first: number, last: number, ctx: Context): { first: number; last: number }[] {
  const g = gazetteer();
  const isPlace = (a: number, b: number) => {
    const key = foldName(tokens.slice(a, b + 1).map((t) => t.text).join(' '));
    const pack = ctx.pack.entities ? packIndex(ctx.pack).byAlias.get(key) : undefined;
    return g.places.has(key) || pack?.some((e) => e.type === 'place') === true;
  };
  const isCountry = (i: number) => whose(tokens[i].text, ctx) !== null && isPlace(i, i);
  // a place or organisation directly before a given name and surname: "United States Hamdullah Mohib"
  for (let k = first + 1; k < last; k++) {
    if (!g.firstNames.has(foldName(tokens[k].text)) || !/^\p{Lu}\p{Ll}/u.test(tokens[k + 1].text)) continue;
    const prefix = foldName(tokens.slice(first, k).map((t) => t.text).join(' '));
    const known = isPlace(first, k - 1) || g.organizations.has(prefix) || (k - first === 1 && isAcronym(tokens[first].text));
    if (known || ORG_HEADS.has(lower(tokens[k - 1])) || PLACE_HEADS.has(lower(tokens[k - 1]))) {
      return [{ first, last: k - 1 }, { first: k, last }];
    }
  }
  // a country or place of two or more words before a name of two or more: "United States Hamdullah Mohib"
  for (let k = last - 2; k > first; k--) {
    if (isPlace(first, k) && g.countries.has(foldName(tokens.slice(first, k + 1).map((t) => t.text).join(' ')))) {
      const rest = lower(tokens[last]);
      if (!ORG_HEADS.has(rest) && !PLACE_HEADS.has(rest)) return [{ first, last: k }, { first: k + 1, last }];
    }
  }
  if (last > first && isCountry(last) && tokens[last - 1].text !== '-' && isPlace(first, last - 1) && !isPlace(first, last)) {
    return [{ first, last: last - 1 }, { first: last, last }];
  }
  if (last - first === 2 && tokens[first + 1].text === '-' && isCountry(first) && isCountry(last)) {
    return [{ first, last: first }, { first: last, last }];
  }
  return [{ first, last }];
}

/** True for a run that is only a demonym or adjective of a country ("Russian", "Russian-Ukrainian"). */
export function isDemonymOnly(tokens: readonly Token[], first: number, last: number, ctx: Context): boolean {
  const words = tokens.slice(first, last + 1).filter((t) => t.text !== '-');
  const g = gazetteer();
  const pack = ctx.pack.entities ? packIndex(ctx.pack) : null;
  return words.every((t) => {
    const key = foldName(t.text).replace(/s$/, '');
    return (g.demonyms.has(key) || pack?.demonyms.has(key) === true) && !g.countries.has(key);
  });
}

/** A single word shaped like a nationality adjective and used as one ("Belarussian region"). */
function isAdjective(tokens: readonly Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  return (
    first === last &&
    /(?:ian|ean|ese|ish|ic)$/.test(tokens[first].text) &&
    next !== undefined &&
    /^\p{Ll}/u.test(next.text) &&
    (next.pos === 'NOUN' || next.pos === 'ADJ')
  );
}

/** Whether tokens [a, b] are a gazetteer place or organisation, or a pack entity of those types. */
function isKnownPlaceOrOrg(tokens: readonly Token[], a: number, b: number, ctx: Context): boolean {
  const key = foldName(tokens.slice(a, b + 1).map((t) => t.text).join(' '));
  const g = gazetteer();
  const pack = ctx.pack.entities ? packIndex(ctx.pack).byAlias.get(key) : undefined;
  return g.places.has(key) || g.organizations.has(key) || pack?.some((e) => e.type !== 'person') === true;
}

/**
 * The last token of a country or place named as a title's owner at tokens `[first, end]` ("US" of "US
 * President Barack Obama", "Texas" of "Texas Governor …"): a name of its own (GUM: the place), where a
 * demonym ("Russian President") is none. -1 when there is none.
 */
function ownerPlace(tokens: readonly Token[], first: number, end: number, ctx: Context): number {
  let last = first;
  while (last < end && !isTitleWord(tokens[last + 1])) last++;
  if (isTitleWord(tokens[first]) || isDemonymOnly(tokens, first, last, ctx) || !isKnownPlaceOrOrg(tokens, first, last, ctx)) return -1;
  return last;
}

/** Whether a capitalised word is shaped like a descriptor of a person: "Scientologist", "Pan-democrat", "Texan", a demonym. */
function isDescriptor(word: string): boolean {
  return DESCRIPTOR_ENDINGS.test(word) || gazetteer().demonyms.has(foldName(word));
}
const DESCRIPTOR_ENDINGS = /(?:ists?|ians?|eses?|ites?|crats?|ers)$/;
/** Rank words that open a title ("Vice President", "Deputy Minister"); never the end of a name before one. */
const TITLE_RANKS = new Set(['vice', 'deputy', 'prime', 'acting', 'former', 'interim', 'assistant']);
/** One token of a capitalised word hyphened to a lower-case one ("Pan-democrat", "Anti-war"): a descriptor, never a name's part. */
const HYPHEN_DESCRIPTOR = /^\p{Lu}\p{Ll}*-\p{Ll}+$/u;
