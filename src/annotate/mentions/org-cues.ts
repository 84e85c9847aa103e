/**
 * Business cues that make a bare name a company (or another body), where neither its words nor the
 * gazetteers say so: "automaker Chrysler", "Apple CEO Steve Jobs", "Apple 's shares", "shares of
 * Zentravia", "founder of Apple". A company's name alone is a single unfamiliar capitalised word,
 * which the speaker rule would make a person ("Apple said …"); these cues are what a business report
 * writes around it. Only words that describe or belong to a firm count, never a verb a person could
 * be the subject of. The rule (`org-cue`) is strong in `combine.ts`, and `propagate` gives its type to
 * the same name's weakly typed mentions elsewhere in the document ("Apple said" after "Apple CEO").
 */
import { lowerWord } from './chars.js';
import type { Token } from './tokens.js';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s*\|\s*/));

/**
 * Lower-case nouns that describe a firm written just before its name: "automaker Chrysler", "retailer Best Buy".
 * Left out: nouns that also describe a person ("publisher", "developer", "broadcaster", "giant", "maker").
 */
export const FIRM_DESCRIPTORS = words(`company|firm|automaker|carmaker|airline|carrier|retailer|manufacturer|chipmaker|
  conglomerate|startup|start-up|insurer|lender|bank|supermarket|chain|subsidiary|automakers|airlines|companies|firms|
  retailers|manufacturers|label|supplier|multinational`);

/**
 * Lower-case nouns that belong to a firm, written just after its name or after its possessive: "Apple CEO",
 * "Chrysler 's shares". Left out: what a person has too ("employees", "earnings", "stake", "brand", "bankruptcy").
 */
export const FIRM_PARTS = words(`ceo|cfo|coo|shares|stock|stocks|shareholders|stockholders|executives|headquarters|
  subsidiary|subsidiaries|plants|factories|dealerships|stores|logo|trademark|revenue|revenues|sales|products|restructuring|
  share|merger|takeover|engineers|devices|software|technology|technologies|processor|processors|customers|store|
  smartphone|smartphones|handsets|vehicles|cars|jets|aircraft`);

/** Lower-case nouns before "of" and a firm's name: "shares of Zentravia", "founder of Apple". */
export const FIRM_OWNERS = words(`shares|stock|founder|co-founder|cofounder|ceo|cfo|shareholders|stockholders|subsidiary|
  division|takeover|acquisition|headquarters|employees|executives`);

/** Part words that are verbs too ("shares his view", "plants trees"), and what may follow them where they are nouns. */
const VERB_TOO = new Set(['shares', 'share', 'stock', 'stocks', 'plants', 'stores']);
const VERB_NEXT = new Set(['VERB', 'AUX', 'PUNCT', 'ADV', 'CCONJ', 'ADP']);

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

/** Whether the name over tokens `[first, last]` has a business cue next to it (see the module comment). */
export function orgCue(tokens: readonly Token[], first: number, last: number): boolean {
  const at = (i: number) => (i >= 0 && i < tokens.length ? tokens[i].text : '');
  const lower = (i: number) => lowerWord(at(i));
  const isLower = (i: number) => /^\p{Ll}/u.test(at(i));
  if (isLower(first - 1) && FIRM_DESCRIPTORS.has(lower(first - 1))) return true;
  if (lower(first - 1) === 'of' && isLower(first - 2) && FIRM_OWNERS.has(lower(first - 2))) return true;
  let after = POSSESSIVE.has(at(last + 1)) ? last + 2 : last + 1;
  // after a possessive, up to two adjectives before the noun: "Apple 's latest mobile devices"
  if (after === last + 2) for (let k = 0; k < 2 && tokens[after]?.pos === 'ADJ' && isLower(after); k++) after++;
  // "Apple CEO" is written in capitals: the part word may be an acronym, else it must be lower case; and a noun
  // there, not a verb ("Apple shares fell", not "Stormtroopers share a high-five")
  const noun = tokens[after]?.pos === 'NOUN' || tokens[after]?.pos === 'PROPN';
  if (!FIRM_PARTS.has(lower(after)) || !noun || !(isLower(after) || /^C[EFO]O$/.test(at(after)))) return false;
  // a part word that is also a verb is a noun only before a verb or a clause's end ("Apple shares fell"), not before an object ("Ostrander shares his view")
  if (VERB_TOO.has(lower(after)) && !VERB_NEXT.has(tokens[after + 1]?.pos ?? 'PUNCT')) return false;
  // a single word opening a sentence that the document also writes in lower case is an ordinary word there: "Open technologies and open systems"
  if (first === last && (first === 0 || /^[.!?:;"“]$/.test(at(first - 1)))) {
    const word = at(first).toLowerCase();
    if (tokens.some((t) => t.text === word)) return false;
  }
  return true;
}
