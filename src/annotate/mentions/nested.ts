/**
 * Names nested inside a longer organisation, place or outlet name: "US" in "US State Department",
 * "Texas" in "University of Texas", "Volgograd" in "Volgograd Arena", "Andy Warhol" in "Andy Warhol
 * Foundation". The mention layer is flat (one span per name, so that one name is one mention for
 * resolution); the inner names ride on the outer mention as `inner` and resolution never reads them.
 * They answer "which places and people does this name contain", and GUM annotates them as names too.
 *
 * An inner name is read only where the outer name's structure shows it, never by a lexicon alone:
 * - the opening words (before the name's head): "Irving" of "Irving Police Department";
 * - the words after its "of" / "of the": "Livorno" of "Municipality of Livorno";
 * and only when those words are a country or city of the gazetteers (a place), or are written on their
 * own elsewhere in the document as a typed name (that name's type: "Andy Warhol", a person; after "of",
 * places only: "Scientology" of "Church of Scientology" is part of the church's name). Compass words,
 * a country's adjective ("Saudi") and a place before its abbreviation or number ("Washington D.C.")
 * are no inner names. Chosen on GUM train news and dev (never test).
 * Also a given name and a surname opening a body's name (a person: "Andy Warhol Foundation"), and the
 * words before "Station", "Stadium", "Arena", "Airport" (a place: "Shandao Station").
 * Person names never get inner names ("Mary" in "Mary Chaworth" is no place).
 */
import type { Context } from '../../context.js';
import { lowerWord } from './chars.js';
import { gazetteer } from './gazetteer.js';
import { foldName } from './key.js';
import type { InnerName, MentionType } from './layer.js';
import { ORG_HEADS, ORG_OPENERS, PLACE_HEADS, PLACE_OPENERS, OUTLET_HEADS, TITLE_HEADS } from './lexicon.js';
import type { Token } from './tokens.js';

/** A typed name over tokens `[first, last]`, as the stage holds them before output. */
export interface TokenName {
  first: number;
  last: number;
  type: MentionType;
  key: string;
  evidence: 'explicit' | 'implied';
  inner?: InnerName[];
}

/** Compass words, which open place names ("North Korea") and are no names alone. */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'new', 'upper', 'lower']);

/** Last words of places named after the place they serve ("Shandao Station", "Fisht Stadium"). */
const FACILITIES = new Set(['station', 'stadium', 'arena', 'airport']);

/** A capitalised word of letters ("Warhol", "O'Neill"), not an initial, number or punctuation. */
const isWord = (t: Token) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text);

/** Outer types that may hold inner names. */
const OUTER = new Set<MentionType>(['organization', 'place', 'outlet']);

/** Words that are the head or opener of a name, never a name on their own ("University", "Bay"). */
const isHeadWord = (w: string) => ORG_HEADS.has(w) || ORG_OPENERS.has(w) || PLACE_HEADS.has(w) || PLACE_OPENERS.has(w) || OUTLET_HEADS.has(w) || TITLE_HEADS.has(w);

/** Adds `inner` to the organisation, place and outlet names of `names` that contain another name. */
export function nestedNames(text: string, tokens: readonly Token[], names: TokenName[], _ctx: Context): void {
  const g = gazetteer();
  // the document's own typed names by key: evidence for an inner name written alone elsewhere
  const alone = new Map<string, MentionType>();
  for (const n of names) if (n.evidence === 'explicit' && n.type !== 'other' && !alone.has(n.key)) alone.set(n.key, n.type === 'outlet' ? 'organization' : n.type);
  const typeOf = (a: number, b: number, placeOnly: boolean): MentionType | null => {
    if (!/^\p{Lu}/u.test(tokens[a].text) || !/[\p{L}\p{N}]$|^(?:\p{Lu}\.)+$/u.test(tokens[b].text)) return null;
    if (a === b && isHeadWord(lowerWord(tokens[a].text))) return null;
    for (let i = a; i <= b; i++) if (lowerWord(tokens[i].text) === 'of' || tokens[i].text === ',') return null;
    const key = foldName(text.slice(tokens[a].start, tokens[b].end));
    // the first word of a country's own longer name is its adjective here ("Saudi Interior Ministry")
    if (COMPASS.has(key) || g.countryNames.get(key)?.startsWith(`${key} `)) return null;
    if (g.countries.has(key) || g.countryNames.has(key) || g.places.has(key)) return 'place';
    // a compass word before a place is a part of it: "Southern Indiana" of "University of Southern Indiana"
    if (a < b && COMPASS.has(lowerWord(tokens[a].text)) && isWord(tokens[a]) && g.places.has(foldName(text.slice(tokens[a + 1].start, tokens[b].end)))) return 'place';
    const type = alone.get(key) ?? null;
    // a person only with a person's opening word: not an acronym ("CC BY") nor an adjective ("Social Security")
    if (type === 'person' && (!isWord(tokens[a]) || tokens[a].pos === 'ADJ')) return null;
    if (type) return type === 'place' || !placeOnly ? type : null;
    // a given name and a surname opening a body's name: "Andy Warhol" of "Andy Warhol Foundation"
    if (!placeOnly && b === a + 1 && g.firstNames.has(foldName(tokens[a].text)) && isWord(tokens[a]) && isWord(tokens[b]) && !isHeadWord(lowerWord(tokens[b].text))) return 'person';
    return null;
  };
  // the longest run opening at `a` and ending before `limit` that is a name
  const longestFrom = (a: number, limit: number, placeOnly: boolean): InnerName | null => {
    for (let b = limit; b >= a; b--) {
      const type = typeOf(a, b, placeOnly);
      if (type) return innerName(text, tokens, a, b, type);
    }
    return null;
  };
  for (const n of names) {
    if (!OUTER.has(n.type) || n.evidence !== 'explicit' || n.last === n.first) continue;
    const found: InnerName[] = [];
    // "Washington D.C.", "Tab 3": a place and its abbreviation or number are one name
    const rest = tokens[n.last].text;
    const opening = /^(?:\p{Lu}\.)+$|^\d/u.test(rest) ? null : longestFrom(n.first, n.last - 1, false);
    if (opening) found.push(opening);
    // a station, stadium or airport is named after the place it serves: "Shandao" of "Shandao Station"
    else if (n.type === 'place' && FACILITIES.has(lowerWord(rest)) && COMPASS.has(lowerWord(tokens[n.first].text)) === false) {
      const words = tokens.slice(n.first, n.last);
      if (words.every((w) => isWord(w) && !isHeadWord(lowerWord(w.text)) && !COMPASS.has(lowerWord(w.text)))) found.push(innerName(text, tokens, n.first, n.last - 1, 'place'));
    }
    for (let i = n.first + 1; i < n.last; i++) {
      if (lowerWord(tokens[i].text) !== 'of') continue;
      const a = lowerWord(tokens[i + 1].text) === 'the' ? i + 2 : i + 1;
      const tail = a <= n.last ? longestFrom(a, n.last, true) : null;
      if (tail && !found.some((f) => f.span.start < tail.span.end && tail.span.start < f.span.end)) found.push(tail);
    }
    if (found.length) n.inner = found;
  }
}

function innerName(text: string, tokens: readonly Token[], a: number, b: number, type: MentionType): InnerName {
  const span = { start: tokens[a].start, end: tokens[b].end };
  return { span, type, key: foldName(text.slice(span.start, span.end)) };
}
