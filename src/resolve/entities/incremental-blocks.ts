/**
 * The stored spellings an incremental run compares the new names with: those filed under the new
 * names' blocks, and — so that the bare-surname rule sees what a full pass sees — every block of a
 * stored bare surname that a new full name may now be the only fit of. Pack entities sharing any of
 * those blocks come with their stored spellings (`pack|<id>`), as a full pass holds every pack entity.
 */
import type { Context } from '../../context.js';
import type { IncrementalInput } from '../resolve.js';
import { nodeBlocks, packNodes, type Node } from './cross-doc.js';
import { stateBlocks, type Spelling } from './incremental-state.js';
import { nameParts } from './names.js';

/** The blocks read (block → stored spellings, `[]` when none) and the pack nodes they involve. */
export async function readBlocks(input: IncrementalInput, newNodes: readonly Node[], ctx: Context): Promise<{ blocks: Map<string, Spelling[]>; packHere: Node[] }> {
  const blocks = new Map<string, Spelling[]>();
  const read = async (wanted: Iterable<string>) => {
    const ask = [...new Set(wanted)].filter((b) => !blocks.has(b));
    const got = await input.state(ask.map((b) => `b:${b}`));
    for (const b of ask) blocks.set(b, (got.get(`b:${b}`) as Spelling[] | undefined) ?? []);
  };
  await read(newNodes.flatMap(stateBlocks));
  // Stored bare surnames sharing a key with a new full name are matched again (`joinBareSurnames`): all their keys are read.
  const freshFull = new Set(newNodes.filter((n) => n.type === 'person' && n.parts.given.length > 0).flatMap(nodeBlocks));
  const bare = new Set<string>();
  const isBare = new Map<string, boolean>(); // a spelling is filed under several blocks: parsed once
  const bareName = (name: string) => isBare.get(name) ?? isBare.set(name, nameParts(name).given.length === 0).get(name)!;
  for (const b of freshFull) for (const s of blocks.get(b) ?? []) if (s[1] === 'person' && s[3] === null && !bare.has(s[2]) && bareName(s[2])) bare.add(s[2]);
  await read([...bare].flatMap((name) => stateBlocks({ type: 'person', name, parts: nameParts(name), pack: null, keys: [], group: null })));
  const packHere = packNodes(ctx.pack.entities ?? []).filter((n) => nodeBlocks(n).some((b) => blocks.has(b)) || newNodes.some((m) => m.pack === n.pack));
  await read(packHere.map((n) => `pack|${n.pack}`));
  return { blocks, packHere };
}
