/**
 * What an incremental run needs to know of an entity's mentions without reading them: how many there
 * are, the first one, and each explicit spelling's count and first place. An entity named in every
 * document has as many mentions as the corpus has documents; its mentions are stored as rows apart
 * from it (`SPLIT_FIELDS` in store/split.ts), and a step that adds mentions to it reads this tally
 * (kept in the entity's `e:` state) instead, so the step's cost depends on the new mentions only.
 */
import { rowSort, SPLIT_FIELDS } from '../../store/split.js';
import type { EntityMention } from './types.js';

/** An entity's mentions, tallied. Places are mention keys (`mentionKey`): the order the store lists mentions in. */
export interface Tally {
  /** How many mentions. */
  n: number;
  /** The first mention's key and text. */
  first: [key: string, text: string];
  /** Explicit spellings with their counts and the key of their first mention, in the order of those keys. */
  spellings: [text: string, count: number, first: string][];
}

/** A mention's place in its entity's order (by document, then offset), as the store keeps it. */
export const mentionKey = (m: EntityMention): string => rowSort(SPLIT_FIELDS.entities!.mentions, m);

/** The tally of an entity's mentions, given in its order (a full pass's `Entity.mentions`). */
export function tallyOf(mentions: readonly EntityMention[]): Tally {
  return grown([], mentions).tally;
}

/**
 * The stored entities `olds` (tallied; the entity that keeps its id first) joined with the new mentions
 * `more`, as `finishEntity` sees `[...olds' mentions, ...more]`: the `aliases` it would count (most
 * frequent first, ties in the order first seen), the text of the first mention it would be given
 * (`firstText`), and the tally of the entity it becomes, its mentions in the store's order.
 */
export function grown(olds: readonly Tally[], more: readonly EntityMention[]): { aliases: { text: string; count: number }[]; firstText: string | undefined; tally: Tally } {
  const counts = new Map<string, number>();
  const firsts = new Map<string, string>();
  let first: [string, string] | null = null;
  let n = 0;
  const seen = (text: string, count: number, key: string) => {
    counts.set(text, (counts.get(text) ?? 0) + count);
    const at = firsts.get(text);
    if (at === undefined || key < at) firsts.set(text, key);
  };
  for (const t of olds) {
    n += t.n;
    if (!first || t.first[0] < first[0]) first = t.first;
    for (const [text, count, key] of t.spellings) seen(text, count, key);
  }
  for (const m of more) {
    const key = mentionKey(m);
    n++;
    if (!first || key < first[0]) first = [key, m.text];
    if (!m.implied) seen(m.text, 1, key);
  }
  const aliases = [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
  const firstText = olds.length > 0 ? olds[0].first[1] : more[0]?.text;
  const spellings = [...counts].map(([text, count]): [string, number, string] => [text, count, firsts.get(text)!]);
  spellings.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  return { aliases, firstText, tally: { n, first: first ?? ['', ''], spellings } };
}
