/**
 * What stands between a speaker and its cue without being the speaker: a relative clause (", who …,"
 * or a restrictive "who …"), and comma-set modifiers (an age, a home town, a prepositional or
 * participial phrase). `np.ts` steps over them to the speaker phrase.
 */
import { collectBack, type Range } from './phrase.js';
import type { Tok } from './tokens.js';

/** How long a modifier set off by commas between a speaker and its cue may be, in tokens ("dedicating the new museum of history on Saturday"). */
const MAX_MODIFIER = 14;

/** How far back (in tokens) the ", who" opening a relative clause before a cue may stand. */
const MAX_RELATIVE_CLAUSE = 40;

/**
 * "Lina Voss, whose firm, Paradata, sells data, said" / "Orin Dace, meanwhile, who lost the vote,
 * said" / "The port authority, which runs the docks, said": with a relative clause ending at the comma
 * `j` before the cue, the subject is the phrase before the clause's ", who" (", whose", ", which"),
 * past any adverb set off by commas. Null when there is none.
 */
export function beforeRelative(toks: readonly Tok[], j: number, floor: number): Range | null {
  for (let k = j - 1; k > floor && k >= j - MAX_RELATIVE_CLAUSE; k--) {
    if (/^(?:[.;:!?“”"«»]|'')$/.test(toks[k].text)) return null;
    if (!(['who', 'whose', 'which'].includes(toks[k].lower) && toks[k - 1]?.text === ',')) continue;
    let e = k - 2;
    while (e > floor && (toks[e].pos === 'ADV' || toks[e].text === ',')) e--;
    return collectBack(toks, e, floor);
  }
  return null;
}

/**
 * "A Velmar official who spoke on condition of anonymity said": the phrase before a relative "who"
 * (with no comma: a restrictive clause) whose clause runs up to the cue's subject position at `at`.
 */
export function restrictiveRelative(toks: readonly Tok[], at: number, floor: number): Range | null {
  for (let k = at - 1; k > floor && k >= at - MAX_RELATIVE_CLAUSE; k--) {
    if (toks[k].pos === 'PUNCT') return null;
    if (toks[k].lower !== 'who') continue;
    const np = collectBack(toks, k - 1, floor);
    return np && toks[np[1] - 1].pos !== 'PROPN' ? np : null;
  }
  return null;
}

/** The longest region name after a place, in tokens ("New South Wales"). */
const MAX_REGION = 3;

/** True when the comma-set segment ending at the comma `k` is a prepositional phrase ending in a name ("in Port Avel", "of Flint"). */
function placeBefore(toks: readonly Tok[], k: number, floor: number): boolean {
  let i = k - 1;
  while (i > floor && toks[i].text !== ',' && k - i <= MAX_MODIFIER) i--;
  const seg = toks.slice(i + 1, k);
  return seg.length > 1 && seg[0].pos === 'ADP' && seg[seg.length - 1].pos === 'PROPN';
}

/**
 * Steps back from the comma at `j` over comma-separated modifiers that are never the speaker: an age
 * ("22"), a home town ("of Port Avel") and a state abbreviation ("Velm."), as in "Cory Jaspen, 22, of
 * Port Avel, Velm., said"; a prepositional or participial phrase ("Vell, during a rally in Port Avel,
 * said", "Vell, also campaigning in Dorn, said"). Returns the comma before the first one.
 */
export function pastModifiers(toks: readonly Tok[], j: number, floor: number): number {
  for (;;) {
    let k = j - 1;
    while (k > floor && toks[k].text !== ',' && j - k <= MAX_MODIFIER) k--;
    if (k <= floor || toks[k].text !== ',') return j;
    const seg = toks.slice(k + 1, j);
    const age = seg.length === 1 && seg[0].pos === 'NUM';
    const place = seg.length > 0 && ['of', 'from'].includes(seg[0].lower);
    const abbreviation = seg.length === 2 && seg[0].pos === 'PROPN' && seg[1].text === '.';
    // "during a town hall in Velmar", "also campaigning in Dornwall"
    const phrase = seg.length > 0 && seg[0].pos === 'ADP';
    const first = seg.find((t) => t.pos !== 'ADV');
    const participle = first !== undefined && first.pos === 'VERB' && first.lower.endsWith('ing');
    // "during a town hall in Port Avel, Dornwall,": a region closing a place phrase before it
    const region = seg.length > 0 && seg.length <= MAX_REGION && seg.every((t) => t.pos === 'PROPN') && placeBefore(toks, k, floor);
    if (!age && !place && !abbreviation && !phrase && !participle && !region) return j;
    j = k;
  }
}
