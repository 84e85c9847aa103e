/**
 * Canonical keys under which two spellings of a non-person name are the same name: no leading
 * "the", no possessive, transliteration-neutral; organisations without their legal-form suffix
 * ("Apple Inc." → "apple", "Chrysler LLC" → "chrysler"); countries by the gazetteer's common name
 * ("U.S.", "United States of America", "America" → "united states").
 */
import { gazetteer } from '../../annotate/mentions/gazetteer.js';
import { foldName, translitKey } from '../../annotate/mentions/key.js';
import type { MentionType } from '../../annotate/mentions/layer.js';

/** Legal-form and generic corporate suffixes that do not distinguish one organisation from another. */
const LEGAL_SUFFIX = /(?: (?:inc|incorporated|corp|corporation|co|company|llc|ltd|limited|plc|group|sa|spa|ag|nv|n v|gmbh|holdings))+$/;

/** The key of a name of `type` (persons: their transliteration key). */
export function canonicalKey(type: MentionType, name: string): string {
  const folded = foldName(name).replace(/^the /, '');
  if (type === 'place') {
    const g = gazetteer();
    const country = g.countryNames.get(folded) ?? g.demonyms.get(folded.replace(/s$/, ''));
    if (country) return `country:${country}`;
  }
  if (type === 'organization' || type === 'outlet') return translitKey(folded.replace(LEGAL_SUFFIX, '') || folded);
  return translitKey(folded);
}

/** Initials of a multi-word name ("United States Air Force" → "usaf"), ignoring "of", "the", "and", "for". */
export function initials(name: string): string {
  const words = foldName(name).split(' ').filter((w) => w && !['of', 'the', 'and', 'for', 'de'].includes(w));
  return words.length > 1 ? words.map((w) => w[0]).join('') : '';
}
