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
 * keys (which its filing lists: `incremental-fits.ts`). Pack entities sharing a block read (or a
 * block of such a bare surname) come with their stored spellings (`pack|<id>`), as a full pass holds
 * every pack entity.
 */
import type { Context } from '../../context.js';
import type { IncrementalInput } from '../resolve.js';
import { nodeBlocks, packNodes, type Node } from './cross-doc.js';
import { stateBlocks, type Spelling } from './incremental-state.js';
import { surnameKeys } from './names.js';
import { bareFiling, fits, fitsOf, inListOrder, newFits, NEXT_FILING, personOf, surnameBlocks, type Filed } from './incremental-fits.js';

/**
 * The filing of a node: what its blocks depend on, and for persons whether the name is a bare surname
 * (the bare-surname rule looks for those). A person filing holds every given name of its surname, so
 * a block lists surnames, which recur, rather than people, who keep arriving.
 */
export function filing(n: Pick<Node, 'type' | 'pack' | 'parts' | 'keys'>): string {
  return n.type === 'person' ? `person|${n.pack ?? ''}|${n.parts.surname}|${n.parts.given.length > 0 ? 'full' : 'bare'}` : [n.type, n.pack ?? '', ...n.keys].join('|');
}

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

/** What a step read: the block lists (`[]` when none), the filings read (their spellings, and as stored), the pack nodes involved, and the next filing's number. */
export interface Read {
  lists: Map<string, string[]>;
  filings: Map<string, Spelling[]>;
  filed: Map<string, Filed>;
  packHere: Node[];
  next: number;
}

/**
 * The `g:`, `b:` and next-number state of a full pass: `filings` (filing → signature → spelling) and
 * `from` (filing → a node filed there), filings numbered in `from`'s order, which is their lists'.
 */
export function filingState(filings: ReadonlyMap<string, Map<string, Spelling>>, from: ReadonlyMap<string, Node>): [string, unknown][] {
  const lists = blockLists(from);
  const numbers = new Map([...from.keys()].map((f, i) => [f, i]));
  const numberOf = (f: string) => numbers.get(f)!;
  const out: [string, unknown][] = [];
  for (const [f, m] of filings) out.push([`g:${f}`, { n: numberOf(f), s: [...m.values()], ...(bareFiling(f) ? { fits: fitsOf(f, lists, numberOf) } : {}) } satisfies Filed]);
  for (const [b, fs] of lists) out.push([`b:${b}`, fs]);
  out.push([NEXT_FILING, from.size]);
  return out;
}

/** Reads the block lists and the filings the new names are compared with (see the file's header). */
export async function readBlocks(input: IncrementalInput, newNodes: readonly Node[], ctx: Context): Promise<Read> {
  const lists = new Map<string, string[]>();
  const readLists = async (wanted: Iterable<string>) => {
    const ask = [...new Set(wanted)].filter((b) => !lists.has(b));
    const got = await input.state(ask.map((b) => `b:${b}`));
    for (const b of ask) lists.set(b, (got.get(`b:${b}`) as string[] | undefined) ?? []);
  };
  const filed = new Map<string, Filed>();
  const readFiled = async (fs: string[]) => {
    const got = await input.state(fs.map((f) => `g:${f}`));
    for (const f of fs) filed.set(f, (got.get(`g:${f}`) as Filed | undefined) ?? { n: -1, s: [] });
  };
  const surnames = new Set<string>(); // the new persons' surnames
  const full = new Set<string>(); // person blocks holding a new full name
  for (const n of newNodes) {
    if (n.type !== 'person') continue;
    surnames.add(n.parts.surname);
    if (n.parts.given.length > 0) for (const k of surnameKeys(n.parts.surname)) full.add(`person|${k}`);
  }
  await readLists(newNodes.flatMap(stateBlocks));
  const next = ((await input.state([NEXT_FILING])).get(NEXT_FILING) as number | undefined) ?? 0;
  const first = [...lists.keys()];
  const wanted = new Set<string>();
  const bare = new Set<string>();
  for (const [b, fs] of lists) {
    if (!b.startsWith('person|')) for (const f of fs) wanted.add(f);
    else if (full.has(b)) for (const f of fs) if (bareFiling(f)) bare.add(f);
  }
  for (const f of bare) wanted.add(f);
  // Each filing sharing a block with a new surname is tested once against it.
  for (const surname of surnames) {
    const seen = new Set<string>();
    for (const k of surnameKeys(surname)) for (const f of lists.get(`person|${k}`)!) if (!seen.has(f) && seen.add(f) && !wanted.has(f) && fits({ given: [], surname }, personOf(f).parts)) wanted.add(f);
  }
  // A stored bare surname sharing a block with a new full name is matched again: its filing lists the full names fitting it.
  await readFiled([...bare]);
  const numbers = new Map<string, number>();
  for (const f of bare)
    for (const [g, n] of filed.get(f)!.fits ?? []) {
      numbers.set(g, n);
      wanted.add(g);
    }
  // The blocks of those bare surnames not read (a full pass, and steps before, met stored spellings there too).
  const second = new Set([...new Set([...bare].map((f) => personOf(f).parts.surname))].flatMap(surnameBlocks).filter((b) => !lists.has(b)));
  const packHere = packNodes(ctx.pack.entities ?? []).filter((n) => nodeBlocks(n).some((b) => lists.has(b) || second.has(b)) || newNodes.some((m) => m.pack === n.pack));
  await readLists(packHere.map((n) => `pack|${n.pack}`));
  for (const n of packHere) for (const f of lists.get(`pack|${n.pack}`)!) wanted.add(f);
  const ordered = await inListOrder(wanted, lists, first, second, numbers, readLists);
  await readFiled([...ordered].filter((f) => !filed.has(f)));
  const filings = new Map<string, Spelling[]>();
  for (const f of ordered) filings.set(f, filed.get(f)!.s);
  return { lists, filings, filed, packHere, next };
}

/**
 * The state a step writes for the spellings: the filings of the new names and those holding a spelling
 * of an entity merged away (`moved`), filed again from `nodes` (each with the entity it is in now) when
 * they changed; the new filings numbered and added to their blocks' lists, and to the `fits` of the
 * bare surnames they fit. `readFrom`: the filing each stored spelling's node was read from (what
 * `filing` of it gives, known without building it again).
 */
export function refile(read: Read, nodes: readonly Node[], newNodes: readonly Node[], moved: (entity: string) => boolean, readFrom: ReadonlyMap<Node, string> = new Map()): [string, unknown][] {
  const touched = new Set(newNodes.map(filing));
  for (const [f, list] of read.filings) if (list.some((s) => moved(s[0]))) touched.add(f);
  const filed = new Map<string, Map<string, Spelling>>();
  // (a stored spelling's filing is the one it was read from: only the nodes of touched filings are filed again)
  for (const n of nodes) if (n.entity && touched.has(readFrom.get(n) ?? filing(n))) file(filed, n.entity, [n]);
  const fresh = new Map<string, Node>();
  for (const n of newNodes) if (!read.filings.get(filing(n))?.length && !fresh.has(filing(n))) fresh.set(filing(n), n);
  // New filings take the next numbers, in the order they join their blocks' lists.
  const numbers = new Map([...fresh.keys()].map((f, i) => [f, read.next + i]));
  const numberOf = (f: string) => numbers.get(f) ?? read.filed.get(f)!.n;
  const known = new Map([...read.filed].flatMap(([f, x]): [string, [string, number][]][] => (bareFiling(f) ? [[f, x.fits ?? []]] : [])));
  const fitsNow = newFits([...fresh.keys()], known, read.lists, numberOf);
  const out: [string, unknown][] = [];
  for (const f of new Set([...filed.keys(), ...fitsNow.keys()])) {
    const was = read.filed.get(f);
    const fitting = fitsNow.get(f) ?? was?.fits;
    const now: Filed = { n: numberOf(f), s: filed.has(f) ? [...filed.get(f)!.values()] : was!.s, ...(fitting ? { fits: fitting } : {}) };
    if (!was || JSON.stringify(now) !== JSON.stringify(was)) out.push([`g:${f}`, now]);
  }
  for (const [b, added] of blockLists(fresh)) out.push([`b:${b}`, [...read.lists.get(b)!, ...added]]);
  if (fresh.size > 0) out.push([NEXT_FILING, read.next + fresh.size]);
  return out;
}
