/**
 * Canonical keys under which two spellings of a non-person name are the same name: no leading
 * "the", no possessive, transliteration-neutral; organisations without their legal-form suffix
 * ("Apple Inc." → "apple", "Chrysler LLC" → "chrysler"); countries by the gazetteer's common name
 * ("U.S.", "United States of America", "America" → "united states").
 */
import { gazetteer } from '../../annotate/mentions/gazetteer.js';
import { foldName, translitKey } from '../../annotate/mentions/key.js';
import type { MentionType } from '../../annotate/mentions/layer.js';
import { BoundedMemo } from '../../memo.js';

/** Legal-form and generic corporate suffixes that do not distinguish one organisation from another. */
const LEGAL_SUFFIX = /(?: (?:inc|incorporated|corp|corporation|co|company|llc|ltd|limited|plc|group|sa|spa|ag|nv|n v|gmbh|holdings))+$/;

/** Canonical keys computed so far, by type and name (names repeat across a corpus). */
const keys = new BoundedMemo<string>(50_000);

/** The key of a name of `type` (persons: their transliteration key). Memoised. */
export function canonicalKey(type: MentionType, name: string): string {
  return keys.get(`${type}|${name}`, () => computeKey(type, name));
}

function computeKey(type: MentionType, name: string): string {
  const folded = foldName(name).replace(/^the /, '');
  if (type === 'place') {
    const g = gazetteer();
    const country = g.countryNames.get(folded) ?? g.demonyms.get(folded.replace(/s$/, ''));
    if (country) return `country:${country}`;
  }
  if (type === 'organization' || type === 'outlet') return translitKey(orgCore(folded));
  return translitKey(folded);
}

/** Heads of government bodies, which English names both ways ("Ministry of Defence", "Defence Ministry"). */
const GOVERNMENT_HEADS = new Set(['ministry', 'department', 'office', 'bureau', 'agency', 'directorate', 'service', 'commission']);

/**
 * An organisation name without its legal form, with its country spelt one way and put first ("U.S.
 * Air Force", "US Air Force" → "united states air force"; "Russian Defence Ministry", "Russia's
 * Defence Ministry", "Ministry of Defence of Russia" → "russia defence ministry"), a government body
 * named head last ("Department of Labor" → "labor department", "Ministry of Foreign Affairs" →
 * "foreign ministry") and plural words made singular ("Ford Motors Co." and "Ford Motor Company" →
 * "ford motor").
 */
function orgCore(folded: string): string {
  const core = folded.replace(LEGAL_SUFFIX, '') || folded;
  let words = core.split(' ');
  const g = gazetteer();
  const government = words.some((w) => GOVERNMENT_HEADS.has(w));
  let country = '';
  // "… of (the) Russia" at the end of a government body's name
  for (let n = Math.min(4, words.length - 2); government && n >= 1 && !country; n--) {
    const at = words.length - n - 1;
    const of = words[at] === 'of' ? at : words[at] === 'the' && words[at - 1] === 'of' ? at - 1 : -1;
    country = of > 0 ? g.countryNames.get(words.slice(-n).join(' ')) ?? '' : '';
    if (country) words = words.slice(0, of);
  }
  for (let n = Math.min(4, words.length - 1); n >= 1 && !country; n--) {
    country = g.countryNames.get(words.slice(0, n).join(' ')) ?? (n === 1 ? g.demonyms.get(words[0]) : undefined) ?? '';
    if (country) words.splice(0, n);
  }
  if (words.length > 2 && GOVERNMENT_HEADS.has(words[0]) && words[1] === 'of') {
    words = [...words.slice(2).filter((w, i, all) => w !== 'the' && !(w === 'affairs' && i === all.length - 1)), words[0]];
  }
  const rest = words.map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return [country, ...rest].filter(Boolean).join(' ');
}

/** Whether a name carries a legal form ("Apple Inc.", "Chrysler LLC"): it is then a full name, never a short form. */
export function hasLegalSuffix(name: string): boolean {
  return LEGAL_SUFFIX.test(foldName(name).replace(/^the /, ''));
}

/** Extra keys under which an organisation may be named without its last, generic word ("China Eastern Airlines" → "china eastern"). */
export function shortKeys(type: MentionType, key: string): string[] {
  if (type !== 'organization' && type !== 'outlet') return [];
  const words = key.split(' ');
  return words.length >= 3 && GENERIC_LAST.has(words[words.length - 1]) ? [words.slice(0, -1).join(' ')] : [];
}

/** Last words an organisation is often named without (singular, as `orgCore` leaves them). */
const GENERIC_LAST = new Set(['airline', 'airway', 'motor', 'bank', 'agency', 'automotive', 'aircraft', 'industrie', 'energy', 'telecom', 'railway', 'media', 'record']);

/** Initials of a multi-word name ("United States Air Force" → "usaf"), ignoring "of", "the", "and", "for". */
export function initials(name: string): string {
  const words = foldName(name).split(' ').filter((w) => w && !['of', 'the', 'and', 'for', 'de'].includes(w));
  return words.length > 1 ? words.map((w) => w[0]).join('') : '';
}

/** Parts of the world that name a company's regional branch as countries do ("GM Europe"). Folded. */
const WORLD_REGIONS = new Set(['europe', 'asia', 'africa', 'america', 'americas', 'north america', 'south america', 'latin america',
  'central america', 'middle east', 'asia pacific', 'oceania', 'scandinavia', 'caribbean', 'emea', 'apac']);

/**
 * Whether `long` is `short` followed by a place, a regional branch of it ("ford australia" after
 * "ford", "eads north america" after "eads", "gm europe ltd" after "gm"): a short form then names
 * the parent, not the branch. Both are `foldName` forms.
 */
export function regionalBranch(short: string, long: string): boolean {
  if (!long.startsWith(`${short} `)) return false;
  const rest = long.slice(short.length + 1).replace(LEGAL_SUFFIX, '');
  const g = gazetteer();
  return WORLD_REGIONS.has(rest) || g.countryNames.has(rest) || g.places.has(rest);
}

let countryKeys: Set<string> | null = null;

/**
 * Whether organisation key `long` is key `short` with a country or its adjective before it
 * ("united states senate" / "senate", "rusian defence ministri" / "defence ministri").
 */
export function countryQualified(short: string, long: string): boolean {
  if (!long.endsWith(` ${short}`)) return false;
  countryKeys ??= new Set([...gazetteer().countryNames.values(), ...gazetteer().demonyms.keys()].map(translitKey));
  return countryKeys.has(long.slice(0, -short.length - 1));
}
