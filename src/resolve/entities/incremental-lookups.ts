/**
 * The per-document entity look-ups (`d:` in the entities resolver's state) an incremental run writes:
 * those of the new documents, and of the older documents that gained mentions.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import type { DocEntry } from './incremental-state.js';
import { mentionOrder, type Entity } from './types.js';
import type { Grown } from './incremental.js';
import { Redirects } from './incremental-redirects.js';

/**
 * `d:` look-ups of the new documents, and of the older documents whose names were typed (`retyped`):
 * those gained mentions. Read from the mentions each changed entity gained (`grown`): an entity's
 * other mentions are where they were, and its other documents' look-ups did not change (but for its
 * pack, set anew in the documents rewritten). The documents of an entity folded away (`removed`)
 * keep naming it: its redirect says where it went (`incremental-redirects.ts`), unless `repack` (an
 * entity's pack changed this step), when they are written again as well, as they always were.
 */
export async function lookups(input: IncrementalInput, fresh: readonly NewsDoc[], grown: readonly Pick<Grown, 'e' | 'mentions'>[], removed: readonly Entity[], retyped: string[], repack = false): Promise<[string, unknown][]> {
  const ids = new Set(fresh.map((d) => d.id));
  const moved = new Set([...(repack ? removed.flatMap((e) => e.mentions.map((m) => m.doc)) : []), ...retyped].filter((d) => !ids.has(d)));
  const entries = new Map<string, DocEntry[]>();
  const wanted = new Set([...ids, ...moved]);
  const packOf = new Map(grown.map(({ e }) => [e.id, e.pack]));
  for (const { e, mentions } of grown) {
    for (const m of [...mentions].sort(mentionOrder)) if (wanted.has(m.doc)) (entries.get(m.doc) ?? entries.set(m.doc, []).get(m.doc)!).push([m.start, m.end, e.id, e.pack]);
  }
  const out: [string, unknown][] = [];
  for (const id of ids) out.push([`d:${id}`, entries.get(id) ?? []]);
  const before = await input.state([...moved].map((d) => `d:${d}`));
  // (entities merged away in earlier steps, followed to where they went; those of this step are in `grown`)
  const redirects = new Redirects((keys) => input.state(keys));
  const stored = (d: string) => (before.get(`d:${d}`) as DocEntry[] | undefined) ?? [];
  await redirects.resolve([...moved].flatMap((d) => stored(d).map((x) => x[2])));
  for (const d of moved) {
    const now = entries.get(d) ?? [];
    const at = new Map(now.map((x) => [`${x[0]}|${x[1]}`, x]));
    const list = redirects.entries(stored(d)).map(([s, e, id, pack]): DocEntry => {
      const to = at.get(`${s}|${e}`);
      return to ? [s, e, to[2], to[3]] : packOf.has(id) ? [s, e, id, packOf.get(id)!] : [s, e, id, pack];
    });
    const listed = new Set(list.map(([s, e]) => `${s}|${e}`));
    for (const x of now) if (!listed.has(`${x[0]}|${x[1]}`)) list.push(x);
    out.push([`d:${d}`, list]);
  }
  return out;
}
