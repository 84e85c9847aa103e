/**
 * Capitalised office titles standing alone for their holder: "the Secretary signed", "Madam Speaker",
 * "Mr. President", "Malaysia 's Prime Minister, Najib Razak", "Cres Eastman, Director of the study".
 * Written with a capital and without a name after them, they are used as the holder's name (GUM
 * annotates them as person names, with a proper-noun head). They become `implied` person mentions
 * (like the owned bare titles of `stage.ts`) spanning the capitalised title words only; they carry no
 * `title` cue, so entity resolution never links them to a holder on the strength of the word alone
 * (an owner-less "President" says nothing about which president). Lower-case titles ("the president")
 * are left out: GUM does not count them, and nothing marks them as standing for one person.
 */
import { startsLower, startsUpper, lowerWord } from './chars.js';
import { foldName } from './key.js';
import type { Mention } from './layer.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.js';
import type { Token } from './tokens.js';

/** Words of address before a title, not part of it: "Madam Speaker". */
const FORMS_OF_ADDRESS = new Set(['madam', 'madame']);

const POSSESSIVE = new Set(["'s", '’s']);

/** Function words among the title modifiers, which a capital at a sentence start does not make title words ("The Prince"). */
const FUNCTION_WORDS = new Set(['the', 'of', 'for', 'and', 'in']);

/** A capitalised word of a title: a title head or modifier other than an honorific ("Mr.") or a function word. */
function titleWord(t: Token): boolean {
  if (!startsUpper(t.text)) return false;
  const w = lowerWord(t.text);
  return (TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w)) && !HONORIFICS.has(w) && !FORMS_OF_ADDRESS.has(w) && !FUNCTION_WORDS.has(w);
}

/**
 * The capitalised bare titles of a document, outside the names (and their title cues) already found,
 * never opening a sentence (where the capital says nothing) nor in a title-case headline or caption
 * (a title-case sentence with no lower-case word of four letters or more),
 * never followed by a capitalised word (the title of the name after it: "President Obama") nor right
 * after a person's name (its rank: "Olga Brandt Deputy Minister").
 */
export function capitalTitles(tokens: readonly Token[], sentenceStart: readonly boolean[], headline: readonly boolean[], names: readonly Mention[]): Mention[] {
  // most documents hold no capitalised title word off a sentence start: nothing to build then
  let any = false;
  for (let i = 0; i < tokens.length && !any; i++) any = !sentenceStart[i] && titleWord(tokens[i]);
  if (!any) return [];
  const taken = new Uint8Array(tokens.length);
  let k = 0;
  // a title written right before its name is that name's ("President Obama"); one set off by a comma or
  // written after the name is an apposition, a mention of its own ("Norton I, Emperor of the United States")
  const spans = names.flatMap((m) => (m.title && m.title.span.end <= m.span.start && m.span.start - m.title.span.end <= 1 ? [m.span, m.title.span] : [m.span])).sort((a, b) => a.start - b.start);
  for (let i = 0; i < tokens.length; i++) {
    while (k < spans.length && spans[k].end <= tokens[i].start) k++;
    for (let j = k; j < spans.length && spans[j].start < tokens[i].end; j++) if (tokens[i].start >= spans[j].start && tokens[i].end <= spans[j].end) taken[i] = 1;
  }
  // a sentence of names and titles with some lower-case words is still prose ("… proclaimed himself Norton I, Emperor of …"),
  // unlike a headline in title case ("President Signs New Order"): `headline` alone would drop both
  const prose = (i: number) => {
    let a = i;
    while (a > 0 && !sentenceStart[a]) a--;
    for (let j = a; j < tokens.length && (j === a || !sentenceStart[j]); j++) if (tokens[j].text.length > 3 && startsLower(tokens[j].text)) return true;
    return false;
  };
  const personEnds = new Set(names.filter((m) => m.type === 'person' && m.evidence === 'explicit').map((m) => m.span.end));
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!titleWord(tokens[i]) || taken[i]) continue;
    let last = i;
    while (last + 1 < tokens.length && titleWord(tokens[last + 1]) && !taken[last + 1] && !sentenceStart[last + 1] && tokens[last + 1].start - tokens[last].end <= 1) last++;
    const first = i;
    i = last;
    const words = tokens.slice(first, last + 1);
    if (!words.some((t) => TITLE_HEADS.has(lowerWord(t.text)))) continue;
    if (sentenceStart[first] || (headline[first] && !prose(first))) continue;
    // the rank of the name just before it, written without a comma ("Olga Brandt Deputy Minister": `refine.ts` trims it)
    if (first > 0 && personEnds.has(tokens[first - 1].end)) continue;
    // part of a hyphenated word: "Command-in-Chief"
    const glued = (a: Token | undefined, b: Token | undefined) => a !== undefined && b !== undefined && a.end === b.start;
    if ((tokens[first - 1]?.text === '-' && glued(tokens[first - 1], tokens[first])) || (tokens[last + 1]?.text === '-' && glued(tokens[last], tokens[last + 1]))) continue;
    const next = tokens[last + 1];
    if (next && startsUpper(next.text) && next.start - tokens[last].end <= 1) continue;
    // a possessive opening a name ("King 's College"), an abbreviation in capitals ("CEO of …": no name in GUM either)
    if (POSSESSIVE.has(next?.text ?? '') && startsUpper(tokens[last + 2]?.text ?? '')) continue;
    if (words.length === 1 && /^\p{Lu}+$/u.test(words[0].text)) continue;
    const span = { start: tokens[first].start, end: tokens[last].end };
    out.push({ span, type: 'person', key: `title:${foldName(words.map((t) => t.text).join(' '))}|`, source: 'title/capital', evidence: 'implied' });
  }
  return out;
}
