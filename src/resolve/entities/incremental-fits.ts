/**
 * The full names a stored bare surname fits, kept with it so a step finds them without reading block
 * lists. The bare-surname rule (`cross-doc.ts`) joins a bare surname to the one person it fits; a step
 * re-checks every stored bare surname sharing a block with a new full name, and so needs the full-name
 * filings fitting it under any of its keys. Reading the lists of all its keys for that made the block
 * lists a step reads grow with the corpus (at 10k documents, ~28k of ~59k lists a step were read only
 * for this); instead a bare surname's filing (`g:`) lists them (`fits`), written when a full-name
 * filing that fits it is first filed (its blocks' lists, which the step reads, hold every bare surname
 * it may fit).
 *
 * Filings are numbered in the order they were first filed (`n`; the next number is kept as
 * `NEXT_FILING`): every block list is in that order, so where a filing found through a bare surname
 * stands in a list no one read is known from its number, and stored spellings are met in the order
 * they always were.
 */
import { compatibleNames, surnameKeys, type NameParts } from './names.js';
import type { Spelling } from './incremental-state.js';
import { BoundedMemo } from '../../memo.js';

/** A filing as stored (`g:`): its number in filing order, its spellings, and for a bare surname of no pack the full-name filings that fit it (with their numbers, in that order). */
export interface Filed {
  n: number;
  s: Spelling[];
  fits?: [filing: string, n: number][];
}

/** State key of the number the next new filing takes. */
export const NEXT_FILING = 'n:filings';

/** A person filing's pack, surname (as `compatibleNames` reads a bare name) and whether it holds bare surnames. */
export function personOf(f: string): { pack: string; parts: NameParts; bare: boolean } {
  return parsed.get(f, () => {
    const [, pack, surname, kind] = f.split('|');
    return { pack, parts: { given: [], surname }, bare: kind === 'bare' };
  });
}

/** Person filings parsed so far (a filing is listed under ten blocks or so). */
const parsed = new BoundedMemo<{ pack: string; parts: NameParts; bare: boolean }>(100_000);

/** Whether two surnames may be one (`compatibleNames` of the bare names). */
export const fits = (a: NameParts, b: NameParts) => compatibleNames({ given: [], surname: a.surname }, b);

/** Whether a filing holds bare surnames of no pack: those the bare-surname rule matches, which keep their `fits`. */
export const bareFiling = (f: string) => f.startsWith('person|') && personOf(f).bare && personOf(f).pack === '';

/** The person blocks of a surname (its keys). */
export const surnameBlocks = (surname: string) => surnameKeys(surname).map((k) => `person|${k}`);

/**
 * The full-name filings fitting bare filing `bare` among the lists of its blocks (`lists`), with their
 * numbers (`numberOf`), in filing order.
 */
export function fitsOf(bare: string, lists: ReadonlyMap<string, readonly string[]>, numberOf: (f: string) => number): [string, number][] {
  const { parts } = personOf(bare);
  const out = new Map<string, number>();
  for (const b of surnameBlocks(parts.surname)) for (const f of lists.get(b) ?? []) if (!out.has(f) && !personOf(f).bare && fits(parts, personOf(f).parts)) out.set(f, numberOf(f));
  return [...out].sort((x, y) => x[1] - y[1]);
}

/**
 * The `fits` of bare filings that a step's new filings change: a new bare filing's, from the lists of
 * its blocks (read: they are a new name's); and each new full-name filing added to those of the bare
 * filings (stored, `known`, or new) it fits and shares a block with.
 */
export function newFits(fresh: readonly string[], known: ReadonlyMap<string, readonly [string, number][]>, lists: ReadonlyMap<string, readonly string[]>, numberOf: (f: string) => number): Map<string, [string, number][]> {
  const out = new Map<string, [string, number][]>();
  for (const f of fresh) if (bareFiling(f)) out.set(f, fitsOf(f, lists, numberOf));
  const byBlock = new Map<string, string[]>();
  for (const f of [...known.keys(), ...out.keys()]) for (const b of surnameBlocks(personOf(f).parts.surname)) (byBlock.get(b) ?? byBlock.set(b, []).get(b)!).push(f);
  for (const f of fresh) {
    if (!f.startsWith('person|') || personOf(f).bare) continue;
    const seen = new Set<string>();
    for (const b of surnameBlocks(personOf(f).parts.surname))
      for (const bare of byBlock.get(b) ?? []) {
        if (seen.has(bare) || !seen.add(bare) || !fits(personOf(bare).parts, personOf(f).parts)) continue;
        const list = out.get(bare) ?? out.set(bare, [...known.get(bare)!]).get(bare)!;
        list.push([f, numberOf(f)]);
      }
  }
  for (const list of out.values()) list.sort((x, y) => x[1] - y[1]);
  return out;
}

/**
 * The filings `wanted`, in the order of the blocks read and of their lists, as merging has always met
 * stored spellings: the `first` blocks' lists, then the blocks of the bare surnames matched again
 * (`second`, not read), then the others (pack entities'). A filing in no list of the first blocks
 * stands in its first block of the second by its number (`numbers`; lists are in filing order); one
 * whose number is not known (found through a pack entity) has that block's list read.
 */
export async function inListOrder(wanted: ReadonlySet<string>, lists: Map<string, string[]>, first: readonly string[], second: ReadonlySet<string>, numbers: ReadonlyMap<string, number>, readLists: (bs: Iterable<string>) => Promise<void>): Promise<Set<string>> {
  const inFirst = new Set(first.flatMap((b) => lists.get(b)!));
  const bySecond = new Map<string, string[]>();
  const unknown = new Set<string>();
  for (const f of wanted) {
    if (inFirst.has(f) || !f.startsWith('person|')) continue;
    for (const b of surnameBlocks(personOf(f).parts.surname)) if (second.has(b)) (numbers.has(f) ? (bySecond.get(b) ?? bySecond.set(b, []).get(b)!).push(f) : unknown.add(b));
  }
  await readLists(unknown);
  const ordered = new Set<string>();
  const take = (fs: readonly string[]) => {
    for (const f of fs) if (wanted.has(f)) ordered.add(f);
  };
  for (const b of first) take(lists.get(b)!);
  for (const b of second) take(lists.get(b) ?? (bySecond.get(b) ?? []).sort((x, y) => numbers.get(x)! - numbers.get(y)!));
  const firstSet = new Set(first);
  for (const [b, fs] of lists) if (!firstSet.has(b) && !second.has(b)) take(fs);
  return ordered;
}
