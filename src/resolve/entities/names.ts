/**
 * Person-name parts and their compatibility: given names agree when they are one transliteration
 * family (Sergey/Sergei), one is the initial of the other, or they are close spellings; surnames
 * agree by `sameSurname`. Used by both in-document and cross-document merging.
 */
import { translitKey } from '../../annotate/mentions/key.js';
import { jaroWinkler, sameSurname } from '../../annotate/mentions/similarity.js';

/**
 * Given-name similarity (Jaro–Winkler on transliteration keys) at or above which two given names are
 * one name spelt two ways: Dmitry/Dmytro 0.93, Vladimir/Volodymyr 0.90, Yevgeny/Evgeny 0.95 pass;
 * Vitali/Wladimir 0.78 (the Klitschko brothers) and Oleksii/Alexei 0.85 do not.
 */
export const GIVEN_SIMILARITY = 0.88;

/** A person's name split into given names and surname, transliteration-neutral. */
export interface NameParts {
  given: string[];
  surname: string;
}

/** Splits a transliteration key ("sergei viktorovich lavrov") into parts. */
export function nameParts(name: string): NameParts {
  const words = translitKey(name).split(' ').filter(Boolean);
  return { given: words.slice(0, -1), surname: words[words.length - 1] ?? '' };
}

/** Whether two given names can be the same: equal, initial of, or close spellings. */
export function sameGiven(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return jaroWinkler(a, b) >= GIVEN_SIMILARITY;
}

/**
 * Whether two person names can name one person: surnames agree and, when both give a first name,
 * the first names agree. "Vladimir Putin"/"Vladimir Medinsky" fail on the surname,
 * "Vitali Klitschko"/"Wladimir Klitschko" on the given name.
 */
export function compatibleNames(a: NameParts, b: NameParts): boolean {
  if (!sameSurname(a.surname, b.surname)) return false;
  if (a.given.length === 0 || b.given.length === 0) return true;
  return sameGiven(a.given[0], b.given[0]);
}

/** Blocking key for a surname: first letter (s/z and c/k folded) and the next consonant. */
export function surnameBlock(surname: string): string {
  const first = surname[0]?.replace('s', 'z').replace('c', 'k') ?? '';
  const consonant = surname.slice(1).replace(/[aeiouy]/g, '')[0] ?? '';
  return first + consonant;
}
