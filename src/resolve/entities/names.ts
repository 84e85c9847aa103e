/**
 * Person-name parts and their compatibility: given names agree when they are one transliteration
 * family (Sergey/Sergei), one is the initial of the other, or they are close spellings; surnames
 * agree by `sameSurname`. Used by both in-document and cross-document merging.
 */
import { translitKey } from '../../annotate/mentions/key.js';
import { jaroWinkler, sameSurname } from '../../annotate/mentions/similarity.js';
import { BoundedMemo } from '../../memo.js';

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
  return pairMemo.get(`g|${a}|${b}`, () => jaroWinkler(a, b) >= GIVEN_SIMILARITY);
}

/**
 * Name comparisons made so far (the same two people meet in many documents' blocks): 200,000 pairs
 * of short strings are a few tens of MB at most, and a large ingest step compares ~500k pairs.
 */
const pairMemo = new BoundedMemo<boolean>(200_000);

/**
 * Whether two person names can name one person: surnames agree and, when both give a first name,
 * the first names agree. "Vladimir Putin"/"Vladimir Medinsky" fail on the surname,
 * "Vitali Klitschko"/"Wladimir Klitschko" on the given name.
 */
export function compatibleNames(a: NameParts, b: NameParts): boolean {
  if (a.given.length > 0 && b.given.length > 0 && !sameGiven(a.given[0], b.given[0])) return false;
  return a.surname === b.surname || pairMemo.get(`s|${a.surname}|${b.surname}`, () => sameSurname(a.surname, b.surname));
}

/**
 * Shortest skeleton whose one-consonant deletions are also keys: below it a deleted skeleton ("pt"
 * of "Putin" → "p") would hold every name with that first letter.
 */
export const MIN_SKELETON_DELETION = 4;

/** Consonant pairs that spell one sound: one letter in the skeleton ("Patrushev"/"Patruev" then differ by one). */
const DIGRAPHS: Record<string, string> = { sh: 'S', ch: 'C' };

/** Keys computed so far, by surname (surnames repeat across a corpus). */
const keyMemo = new BoundedMemo<string[]>(50_000);

/**
 * Blocking keys of a transliteration-neutral surname (persons are compared only with the persons
 * sharing a key). Two spellings one typo or transliteration apart share a key, while a key holds only
 * spellings close to each other, so what a new name is compared with does not grow with the corpus.
 * The first letter is folded (s/z, c/k: Selenskyy/Zelenskyy) and kept, as in the first-letter block
 * these keys replace; then
 * - `=` the surname and each of it with one letter (not the first) deleted: any one-letter deletion,
 *   insertion, change or swap meets (Arakhamia/Arachhamia on "arahamia"; Solen/Soler on "zole");
 * - `~` its consonant skeleton (the first letter, and the second when a vowel, then the consonants;
 *   "sh"/"ch" one letter) and, from `MIN_SKELETON_DELETION` letters, the skeleton with one consonant
 *   deleted: vowel changes past the second letter with at most one consonant added, dropped or changed
 *   meet (Lavrov/Lavor on "lavr", Zelenskyy/Zelskyy on "zelsk").
 * Surnames under four letters match only exactly (`sameSurname`): their one key is the surname.
 * Measured on 1,925 surnames of war reporting (GDELT, NYT, Guardian articles and the pack) with three
 * random edits of each kind: every one-letter edit (deletion, insertion, change, swap, doubling) that
 * `sameSurname` accepts shares a key, 87% of two adjacent letters deleted; what no longer meets is
 * mostly one surname cut short of another ("Vlad"/"Vladimir", "Stein"/"Steshin"), which Jaro–Winkler's
 * prefix bonus accepted under the old block. Comparisons per surname there: 1.5 instead of 15.6
 * (keeping the second letter halves them against a skeleton of the first letter alone, 2.3).
 */
export function surnameKeys(surname: string): string[] {
  return keyMemo.get(surname, () => computeKeys(surname));
}

function computeKeys(surname: string): string[] {
  const s = (surname[0]?.replace('s', 'z').replace('c', 'k') ?? '') + surname.slice(1);
  if (s.length < 4) return [`=${s}`];
  const out = new Set([`=${s}`]);
  for (let i = 1; i < s.length; i++) out.add(`=${s.slice(0, i)}${s.slice(i + 1)}`);
  const head = /[aeiou]/.test(s[1]) ? s.slice(0, 2) : s[0];
  const rest = s.slice(head.length).replace(/sh|ch/g, (d) => DIGRAPHS[d]).replace(/[aeiou]/g, '');
  out.add(`~${head}${rest}`);
  if (head.length + rest.length >= MIN_SKELETON_DELETION) for (let i = 0; i < rest.length; i++) out.add(`~${head}${rest.slice(0, i)}${rest.slice(i + 1)}`);
  return [...out];
}
