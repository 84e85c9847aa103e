/**
 * The default trigger lexicon: for each event type, the phrases that name such an event in news
 * English, and the PLOVER code it maps to. Order matters: the first type whose trigger matches a
 * span wins, so specific phrases ("round of talks", "phone conversation") come before general ones.
 * A domain pack may add triggers; these are the language, not the domain.
 */
import type { EventType } from './types.js';

export interface TriggerRule {
  type: EventType;
  plover: string | null;
  /** Matched case-insensitively on word boundaries. */
  pattern: RegExp;
}

const rule = (type: EventType, plover: string | null, words: string): TriggerRule => ({
  type,
  plover,
  pattern: new RegExp(`\\b(?:${words})\\b`, 'gi'),
});

export const TRIGGERS: TriggerRule[] = [
  rule('ceasefire', 'CEASEFIRE', 'cease-?fires?|truces?|armistice|suspension of (?:military )?operations|humanitarian pause'),
  rule('talks', 'CONSULT', "(?:round|session)s? of (?:\\w+ )?(?:peace )?(?:talks|negotiations|discussions)|peace talks|peace negotiations|negotiations|talks|negotiating round|face-to-face (?:talks|discussions)"),
  rule('meeting', 'CONSULT', "(?:phone|telephone) (?:call|conversation)s?|summits?|meetings?|met|meets|meet|visit(?:ed|s)?|conference|spoke by phone|called"),
  rule('agreement', 'AGREE', 'agreed|agrees|agreement|accords?|deal|signed|memorandum of understanding'),
  rule('proposal', 'PROPOSE', 'propos(?:e|ed|al|als|es|ing)|offer(?:ed|s)?|draft (?:peace )?(?:agreement|treaty|deal)|memorandum|peace plan'),
  rule('demand', 'DEMAND', 'demand(?:ed|s)?|ultimatums?|insisted|call(?:ed|s)? for'),
  rule('casualties', 'ASSAULT', 'killed|injured|wounded|casualties|dead|deaths|died'),
  rule('military', 'FIGHT', 'attacks?|attacked|strikes?|struck|shell(?:ing|ed)?|bomb(?:ing|ed|s)?|captur(?:ed|ing|e)|offensive|invasion|invaded|deployment|troop movements|shelled|missiles?|drones?'),
  rule('sanctions', 'COERCE', 'sanctions?|embargo'),
  rule('aid', 'AID', 'aid|supply of (?:\\w+ )?weapons|weapons deliver(?:y|ies)|humanitarian (?:corridor|assistance)|safe corridor'),
  rule('statement', null, 'announced|statement|declared|accused|dismissed|rejected|emphasi[sz]ed'),
];

/** Spelled ordinals up to "tenth" plus "first"/"next"/"last" markers. */
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
