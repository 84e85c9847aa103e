/**
 * Fixed phrases of news writing and the synonyms that article "spinners" (automatic rewriters that
 * swap words for thesaurus synonyms to dodge copy detection) put into them: "foreign minister" becomes
 * "international minister", "state television" becomes "country television", "round of talks"
 * becomes "spherical of talks". A human writer almost never breaks these collocations, so each such
 * variant is evidence of a machine rewrite.
 *
 * Plain data, not per-article answers: phrases are generic news collocations; `swaps` lists, per word,
 * the synonyms a thesaurus offers that make the phrase unidiomatic. `weak` marks variants a human might
 * still write ("face-to-face discussions"), which count for less. `variants` adds reorderings.
 */

/** One fixed phrase, lower-case, words separated by single spaces. */
export interface FixedPhrase {
  phrase: string;
  swaps: Record<string, string[]>;
  /** Whole-phrase variants that are not word-for-word swaps (reorderings). */
  variants?: string[];
  weak?: boolean;
}

const FOREIGN = ['international', 'overseas', 'external', 'worldwide', 'alien', 'global'];
const ROUND = ['spherical', 'circular'];
const TALKS = ['discussions', 'conversations', 'speaks', 'chats'];

/** The phrase list; a weak entry may repeat a phrase to add variants a human might also write. */
export const FIXED_PHRASES: FixedPhrase[] = [
  { phrase: 'foreign minister', swaps: { foreign: FOREIGN } },
  { phrase: 'foreign ministry', swaps: { foreign: FOREIGN } },
  { phrase: 'foreign affairs minister', swaps: { foreign: FOREIGN } },
  { phrase: 'foreign office', swaps: { foreign: FOREIGN } },
  { phrase: 'prime minister', swaps: { prime: ['primary', 'excellent', 'finest'] } },
  { phrase: 'defence minister', swaps: { defence: ['protection', 'safeguard'] } },
  { phrase: 'defense minister', swaps: { defense: ['protection', 'safeguard'] } },
  { phrase: 'defense ministry', swaps: { defense: ['protection', 'safeguard'] } },
  { phrase: 'interior minister', swaps: { interior: ['inside', 'inner', 'indoor'] } },
  { phrase: 'state television', swaps: { state: ['country', 'nation', 'condition', 'express'] } },
  { phrase: 'state media', swaps: { state: ['country', 'nation', 'condition', 'express'] } },
  { phrase: 'secretary of state', swaps: { state: ['country', 'nation', 'condition'] }, variants: ['us state secretary', 'american state secretary'] },
  { phrase: 'secretary of state', swaps: {}, variants: ['state secretary'], weak: true },
  { phrase: 'head of state', swaps: { state: ['country', 'condition', 'nation'] } },
  { phrase: 'white house', swaps: { house: ['home', 'residence', 'household'] } },
  { phrase: 'united nations', swaps: { united: ['joined', 'unified', 'combined'] } },
  { phrase: 'security council', swaps: { security: ['safety', 'protection', 'safeguard'] } },
  { phrase: 'human rights', swaps: { rights: ['liberties', 'privileges'] } },
  { phrase: 'armed forces', swaps: { armed: ['equipped'], forces: ['powers', 'pressures', 'causes'] } },
  { phrase: 'war crimes', swaps: { war: ['battle', 'combat', 'warfare'] } },
  { phrase: 'news agency', swaps: { news: ['headlines'] } },
  { phrase: 'press conference', swaps: { press: ['push'], conference: ['convention'] } },
  { phrase: 'prisoner exchange', swaps: { prisoner: ['captive'], exchange: ['alternate'] } },
  { phrase: 'humanitarian corridor', swaps: { corridor: ['hallway', 'passageway', 'hall'] } },
  { phrase: 'peace talks', swaps: { peace: ['calm', 'tranquility', 'serenity', 'harmony'], talks: ['speaks', 'chats'] } },
  { phrase: 'peace deal', swaps: { peace: ['calm', 'tranquility', 'serenity', 'harmony'], deal: ['bargain'] } },
  { phrase: 'peace talks', swaps: { talks: ['discussions', 'conversations'] }, weak: true },
  { phrase: 'face-to-face talks', swaps: { talks: ['discussions', 'conversations', 'speaks'] }, weak: true },
  { phrase: 'round of talks', swaps: { round: [...ROUND, 'square'], talks: ['speaks', 'chats'] } },
  { phrase: 'round of negotiations', swaps: { round: ROUND } },
  { phrase: 'first round', swaps: { round: ROUND } },
  { phrase: 'second round', swaps: { round: ROUND } },
  { phrase: 'third round', swaps: { round: ROUND } },
  { phrase: 'new round', swaps: { round: ROUND } },
  { phrase: 'next round', swaps: { round: ROUND } },
  { phrase: 'last round', swaps: { last: ['past'], round: [...ROUND, 'square'] } },
  { phrase: 'round of talks', swaps: { talks: TALKS.slice(0, 2) }, weak: true },
  { phrase: 'concrete agreements', swaps: { concrete: ['material', 'cement'] }, variants: ['material contracts'] },
  { phrase: 'russian side', swaps: { russian: ['soviet'] }, weak: true },
  { phrase: 'russian delegation', swaps: { russian: ['soviet'] }, weak: true },
];
