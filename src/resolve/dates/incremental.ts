/**
 * Publication dates, incrementally: a new dated document becomes the lender of its keys when it is
 * the most confident one, and the undated documents waiting under those keys take its date; a new
 * undated document borrows from the stored lenders of its keys, or waits under them. A document an
 * earlier resolver of this run changed (it became a copy) is looked at again the same way.
 *
 * State (resolver `publication-dates`): `l:<key>` a key's lender; `u:<key>` the undated documents
 * borrowing under it.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput, IncrementalOutput } from '../resolve.js';
import { asLender, better, borrowKeys, lendKeys, ownDate, withPublished, type Lender } from './resolver.js';

/** The state a full run leaves, for the next incremental run to continue from. */
export function publicationState(docs: readonly NewsDoc[], lenders: Map<string, Lender>): [string, unknown][] {
  const waiting = new Map<string, string[]>();
  for (const d of docs) if (!ownDate(d).date) for (const k of borrowKeys(d)) (waiting.get(k) ?? waiting.set(k, []).get(k)!).push(d.id);
  return [...[...lenders].map(([k, l]): [string, unknown] => [`l:${k}`, l]), ...[...waiting].map(([k, ids]): [string, unknown] => [`u:${k}`, ids])];
}

/** Dates the new and changed documents, and the waiting ones a new lender can date; returns those whose date changed. */
export async function addPublication(input: IncrementalInput): Promise<IncrementalOutput> {
  const fresh = [...input.added, ...input.changed];
  const keys = [...new Set(fresh.flatMap((d) => [...lendKeys(d), ...borrowKeys(d)]))];
  const got = await input.state(keys.flatMap((k) => [`l:${k}`, `u:${k}`]));
  const lenders = new Map(keys.flatMap((k) => (got.has(`l:${k}`) ? [[k, got.get(`l:${k}`) as Lender] as const] : [])));
  const waiting = new Map(keys.map((k) => [k, new Set((got.get(`u:${k}`) as string[] | undefined) ?? [])]));
  const lent = new Set<string>();
  for (const d of fresh) {
    const lender = asLender(d);
    if (lender) {
      for (const k of lendKeys(d)) {
        if (!better(lenders.get(k), lender)) continue;
        lenders.set(k, lender);
        lent.add(k);
      }
    } else for (const k of borrowKeys(d)) waiting.get(k)!.add(d.id);
  }
  // The documents to date: the new undated ones, and those waiting under a key that has a new lender.
  const ids = new Set([...fresh.filter((d) => !asLender(d)).map((d) => d.id), ...[...lent].flatMap((k) => [...waiting.get(k)!])]);
  await input.docs.load(ids);
  const more = [...new Set([...ids].flatMap((id) => borrowKeys(input.docs.get(id)!)))].filter((k) => !lenders.has(k) && !waiting.has(k));
  for (const [k, l] of await input.state(more.map((k) => `l:${k}`))) lenders.set(k.slice(2), l as Lender);
  const docs: NewsDoc[] = [];
  for (const id of ids) {
    const d = input.docs.get(id)!;
    const next = withPublished(d, ownDate(d), borrowKeys(d).map((k) => lenders.get(k)));
    if (next) docs.push(next);
  }
  return {
    docs,
    upsert: {},
    remove: {},
    state: [...[...lent].map((k): [string, unknown] => [`l:${k}`, lenders.get(k)]), ...[...waiting].map(([k, s]): [string, unknown] => [`u:${k}`, s.size > 0 ? [...s] : null])],
  };
}
