/**
 * The per-document entity look-ups (`d:` in the entities resolver's state) an incremental run writes:
 * those of the new documents, and of the older documents whose mentions moved to another entity.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import type { DocEntry } from './incremental-state.js';
import type { Entity, EntityMention } from './types.js';

/**
 * `d:` look-ups of the new documents, and of the documents whose mentions moved to another entity.
 * Only those documents' mentions are read from the upserted entities (an entity named in many
 * documents has many mentions, and its other documents' look-ups did not change).
 */
export async function lookups(input: IncrementalInput, fresh: readonly NewsDoc[], upsert: readonly Entity[], removed: readonly Entity[], retyped: string[]): Promise<[string, unknown][]> {
  const ids = new Set(fresh.map((d) => d.id));
  const moved = new Set([...removed.flatMap((e) => e.mentions.map((m) => m.doc)), ...retyped].filter((d) => !ids.has(d)));
  const entries = new Map<string, DocEntry[]>();
  const wanted = [...ids, ...moved].sort((a, b) => a.localeCompare(b));
  for (const e of upsert) for (const m of mentionsIn(e.mentions, wanted)) (entries.get(m.doc) ?? entries.set(m.doc, []).get(m.doc)!).push([m.start, m.end, e.id, e.pack]);
  const out: [string, unknown][] = [];
  for (const id of ids) out.push([`d:${id}`, entries.get(id) ?? []]);
  const before = await input.state([...moved].map((d) => `d:${d}`));
  for (const d of moved) {
    const now = entries.get(d) ?? [];
    const at = new Map(now.map((x) => [`${x[0]}|${x[1]}`, x]));
    const list = ((before.get(`d:${d}`) as DocEntry[] | undefined) ?? []).map(([s, e, id, pack]): DocEntry => {
      const to = at.get(`${s}|${e}`);
      return to ? [s, e, to[2], to[3]] : [s, e, id, pack];
    });
    const listed = new Set(list.map(([s, e]) => `${s}|${e}`));
    for (const x of now) if (!listed.has(`${x[0]}|${x[1]}`)) list.push(x);
    out.push([`d:${d}`, list]);
  }
  return out;
}

/**
 * The mentions (in an entity's order: by document, then offset) of the documents `docs` (sorted the
 * same way), in that order: a pass over them when they are few, else each document's run found by
 * binary search, so an entity named in every document is not walked whole for a batch's documents.
 */
function mentionsIn(mentions: readonly EntityMention[], docs: readonly string[]): EntityMention[] {
  if (mentions.length <= docs.length * 8) {
    const wanted = new Set(docs);
    return mentions.filter((m) => wanted.has(m.doc));
  }
  const out: EntityMention[] = [];
  let lo = 0;
  for (const doc of docs) {
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].doc.localeCompare(doc) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < mentions.length && mentions[lo].doc === doc; lo++) out.push(mentions[lo]);
  }
  return out;
}
