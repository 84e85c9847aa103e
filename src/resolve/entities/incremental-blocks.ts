/**
 * How an incremental run keeps and reads the stored spellings it compares new names with.
 *
 * Spellings are kept once, by filing (`g:<filing>`): the spellings that share what their blocks
 * depend on (type and pack; a person's surname, full names apart from bare ones; another name's
 * keys). A block (`b:<block>`) lists the filings under it, and changes only when a new filing joins
 * it; a filing changes only when it gains a spelling, one of its entities is merged away, or (not
 * persons, whose use counts nothing reads) a spelling's use count grows. So a known name costs no
 * write, and a new one writes its filing and, when the filing is new, the lists of its blocks.
 *
 * A step reads the lists of the new names' blocks and the filings that can change a decision: every
 * filing of a block other than persons'; of persons, those whose surname fits a new name's of the
 * block (`compatibleNames`, the test every person rule applies before joining: the others can join
 * nothing new) and, so that the bare-surname rule sees what a full pass sees, every stored bare
 * surname sharing a block with a new full name, with the full names fitting it under any of its
 * keys. Pack entities sharing a block read come with their stored spellings (`pack|<id>`), as a
 * full pass holds every pack entity.
 */
import type { Context } from '../../context.js';
import type { IncrementalInput } from '../resolve.js';
import { nodeBlocks, packNodes, type Node } from './cross-doc.js';
import { stateBlocks, type Spelling } from './incremental-state.js';
import { compatibleNames, surnameKeys, type NameParts } from './names.js';
import { BoundedMemo } from '../../memo.js';

/**
 * The filing of a node: what its blocks depend on, and for persons whether the name is a bare surname
 * (the bare-surname rule looks for those). A person filing holds every given name of its surname, so
 * a block lists surnames, which recur, rather than people, who keep arriving.
 */
export function filing(n: Pick<Node, 'type' | 'pack' | 'parts' | 'keys'>): string {
  return n.type === 'person' ? `person|${n.pack ?? ''}|${n.parts.surname}|${n.parts.given.length > 0 ? 'full' : 'bare'}` : [n.type, n.pack ?? '', ...n.keys].join('|');
}

/** A person filing's pack, surname (as `compatibleNames` reads a bare name) and whether it holds bare surnames. */
function personOf(f: string): { pack: string; parts: NameParts; bare: boolean } {
  return parsed.get(f, () => {
    const [, pack, surname, kind] = f.split('|');
    return { pack, parts: { given: [], surname }, bare: kind === 'bare' };
  });
}

/** Person filings parsed so far (a filing is listed under ten blocks or so). */
const parsed = new BoundedMemo<{ pack: string; parts: NameParts; bare: boolean }>(100_000);

/** Whether two surnames may be one (`compatibleNames` of the bare names). */
const fits = (a: NameParts, b: NameParts) => compatibleNames({ given: [], surname: a.surname }, b);

/** A spelling's identity under its entity: one entry per entity and spelling, whatever its use count. */
export const signature = (s: Spelling) => `${s[0]}|${s[1]}|${s[2]}|${s[3]}|${s[4].join(',')}`;

/** Files nodes of entity `id` as spellings into `filings` (filing → signature → spelling); `only`: those filings alone. */
export function file(filings: Map<string, Map<string, Spelling>>, id: string, nodes: readonly Node[], only?: Set<string>): void {
  for (const n of nodes) {
    const f = filing(n);
    if (only && !only.has(f)) continue;
    const person = n.type === 'person';
    const s: Spelling = [id, n.type, n.name, n.pack, n.keys, person ? 1 : n.uses ?? 1];
    const m = filings.get(f) ?? filings.set(f, new Map()).get(f)!;
    const sig = signature(s);
    const seen = m.get(sig);
    if (!seen) m.set(sig, s);
    else if (!person) seen[5] += s[5];
  }
}

/** The block lists (`b:`) of filings, each filing under the blocks of the node it was filed from. */
export function blockLists(filed: Iterable<[filing: string, from: Node]>, into = new Map<string, string[]>()): Map<string, string[]> {
  for (const [f, n] of filed) for (const b of stateBlocks(n)) (into.get(b) ?? into.set(b, []).get(b)!).push(f);
  return into;
}

/** What a step read: the block lists (`[]` when none), the filings read, and the pack nodes involved. */
export interface Read {
  lists: Map<string, string[]>;
  filings: Map<string, Spelling[]>;
  packHere: Node[];
}

/** Reads the block lists and the filings the new names are compared with (see the file's header). */
export async function readBlocks(input: IncrementalInput, newNodes: readonly Node[], ctx: Context): Promise<Read> {
  const lists = new Map<string, string[]>();
  const readLists = async (wanted: Iterable<string>) => {
    const ask = [...new Set(wanted)].filter((b) => !lists.has(b));
    const got = await input.state(ask.map((b) => `b:${b}`));
    for (const b of ask) lists.set(b, (got.get(`b:${b}`) as string[] | undefined) ?? []);
  };
  const surnames = new Set<string>(); // the new persons' surnames
  const full = new Set<string>(); // person blocks holding a new full name
  for (const n of newNodes) {
    if (n.type !== 'person') continue;
    surnames.add(n.parts.surname);
    if (n.parts.given.length > 0) for (const k of surnameKeys(n.parts.surname)) full.add(`person|${k}`);
  }
  await readLists(newNodes.flatMap(stateBlocks));
  const wanted = new Set<string>();
  const bare = new Set<string>();
  for (const [b, fs] of lists) {
    if (!b.startsWith('person|')) for (const f of fs) wanted.add(f);
    else if (full.has(b)) for (const f of fs) if (personOf(f).bare && personOf(f).pack === '') bare.add(f);
  }
  for (const f of bare) wanted.add(f);
  // Each filing sharing a block with a new surname is tested once against it.
  const near = (surname: string, ok: (f: string) => boolean) => {
    const seen = new Set<string>();
    for (const k of surnameKeys(surname)) for (const f of lists.get(`person|${k}`)!) if (!seen.has(f) && seen.add(f) && !wanted.has(f) && ok(f) && fits({ given: [], surname }, personOf(f).parts)) wanted.add(f);
  };
  for (const surname of surnames) near(surname, () => true);
  // A stored bare surname sharing a block with a new full name is matched again: the full names fitting it under any of its keys.
  const bareSurnames = new Set([...bare].map((f) => personOf(f).parts.surname));
  await readLists([...bareSurnames].flatMap((surname) => surnameKeys(surname).map((k) => `person|${k}`)));
  for (const surname of bareSurnames) near(surname, (f) => !personOf(f).bare);
  const packHere = packNodes(ctx.pack.entities ?? []).filter((n) => nodeBlocks(n).some((b) => lists.has(b)) || newNodes.some((m) => m.pack === n.pack));
  await readLists(packHere.map((n) => `pack|${n.pack}`));
  for (const n of packHere) for (const f of lists.get(`pack|${n.pack}`)!) wanted.add(f);
  // In the order of the blocks read and of their lists, as merging has always met stored spellings.
  const ordered = new Set<string>();
  for (const fs of lists.values()) for (const f of fs) if (wanted.has(f)) ordered.add(f);
  const got = await input.state([...ordered].map((f) => `g:${f}`));
  const filings = new Map<string, Spelling[]>();
  for (const f of ordered) filings.set(f, (got.get(`g:${f}`) as Spelling[] | undefined) ?? []);
  return { lists, filings, packHere };
}

/**
 * The state a step writes for the spellings: the filings of the new names and those holding a spelling
 * of an entity merged away (`moved`), filed again from `nodes` (each with the entity it is in now) when
 * they changed; the new filings added to their blocks' lists. `readFrom`: the filing each stored
 * spelling's node was read from (what `filing` of it gives, known without building it again).
 */
export function refile(read: Read, nodes: readonly Node[], newNodes: readonly Node[], moved: (entity: string) => boolean, readFrom: ReadonlyMap<Node, string> = new Map()): [string, unknown][] {
  const touched = new Set(newNodes.map(filing));
  for (const [f, list] of read.filings) if (list.some((s) => moved(s[0]))) touched.add(f);
  const filed = new Map<string, Map<string, Spelling>>();
  // (a stored spelling's filing is the one it was read from: only the nodes of touched filings are filed again)
  for (const n of nodes) if (n.entity && touched.has(readFrom.get(n) ?? filing(n))) file(filed, n.entity, [n]);
  const out: [string, unknown][] = [];
  for (const [f, m] of filed) {
    const now = [...m.values()];
    if (JSON.stringify(now) !== JSON.stringify(read.filings.get(f) ?? [])) out.push([`g:${f}`, now]);
  }
  const fresh = new Map<string, Node>();
  for (const n of newNodes) if (!read.filings.get(filing(n))?.length && !fresh.has(filing(n))) fresh.set(filing(n), n);
  for (const [b, added] of blockLists(fresh)) out.push([`b:${b}`, [...read.lists.get(b)!, ...added]]);
  return out;
}
