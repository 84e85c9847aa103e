/**
 * Capitalised words that are not people's or places' names to be misspelled: country names, their
 * demonyms, languages and capitals (from the `world-countries` data package), weekdays, months and
 * office titles.
 * Pairs like France/French, Austria/Australia, Slovakia/Slovenia or Tuesday/Thursday are a couple of
 * edits apart yet both correct, so they never count as misspellings.
 */
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';

const countries = createRequire(import.meta.url)('world-countries') as Countries;

const CALENDAR = `monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december`.split(/\s+/);
/** Capitalised titles and office words ("President", "Minister"), which are not names either. */
const TITLES = `president presidents minister ministers secretary senator governor chancellor general colonel
  ambassador spokesman spokeswoman premier deputy prince princess senate parliament ministry`.split(/\s+/);

function build(): Set<string> {
  const words = new Set([...CALENDAR, ...TITLES]);
  const add = (s: string | undefined) => {
    for (const w of (s ?? '').toLowerCase().split(/[\s,()-]+/)) if (w.length > 0) words.add(w);
  };
  for (const c of countries) {
    add(c.name.common);
    add(c.name.official);
    c.capital?.forEach(add);
    add(c.demonyms?.eng?.m);
    add(c.demonyms?.eng?.f);
    Object.values(c.languages ?? {}).forEach((l) => add(l));
    add(c.region);
    add(c.subregion);
  }
  return words;
}

/** Case-folded words that are never taken as misspellings of one another. */
export const COMMON_PROPER: ReadonlySet<string> = build();
