/**
 * Cross-document merging of in-document groups, near-linear: groups are only compared inside blocks
 * (pack id; person surname keys, see `surnameKeys`; transliteration key of other names; sorted letters
 * for typos),
 * never all pairs. Guards: types must agree, two different pack entities never merge, given names
 * must agree, two organisations with different full names never merge unless a document gave one as
 * a spelling of the other ("SIA" defined as "Singapore Airlines (SIA)"), and a bare surname joins a
 * full name only when the corpus (and pack) hold exactly one person it fits.
 */
import type { Context } from '../../context.js';
import { canonicalKey } from './keys.js';
import type { PackEntity } from '../../packs/schema.js';
import type { LocalGroup } from './local.js';
import { compatibleNames, nameParts, surnameKeys, type NameParts } from './names.js';
import type { Merge } from './types.js';
import { transposedPairs } from './typos.js';
import { Union } from './union.js';
import { BoundedMemo } from '../../memo.js';

/** A node of the merge: an in-document group, or a pack entity standing in for what the pack knows. */
export interface Node {
  type: LocalGroup['type'];
  name: string;
  parts: NameParts;
  pack: string | null;
  /** Canonical keys of its spellings (non-persons are blocked and joined on these). */
  keys: string[];
  group: LocalGroup | null;
  /** For a spelling of an entity stored by an earlier resolution: its id (see `incremental.ts`). */
  entity?: string;
  /** For a stored spelling: how many in-document groups used it. */
  uses?: number;
}

/** Stored nodes of one entity, joined before merging starts, with what the entity's guards know. */
export interface Prejoined {
  members: number[];
  info: ClusterInfo;
}

/** What a cluster's guards know of it (see `Union`). */
export interface ClusterInfo {
  pack: string | null;
  given: string[];
  full: string[];
  keys: string[];
  strict: boolean;
}

/** Merged nodes, each cluster listed with the reasons its nodes were joined. */
export interface Clusters {
  clusters: Node[][];
  merges: Map<Node[], Merge[]>;
  /** What each cluster's guards know (kept by an incremental run for the next). */
  infos: Map<Node[], ClusterInfo>;
}

/** Pack entities as nodes (people by each spelling of their name, so variants can reach them). */
export function packNodes(entities: readonly PackEntity[]): Node[] {
  const out: Node[] = [];
  for (const e of entities) {
    for (const name of [e.name, ...e.aliases]) {
      if (e.type === 'person' && !name.includes(' ')) continue; // bare surnames are matched by the uniqueness rule
      out.push({ type: e.type, name, parts: nameParts(name), pack: e.id, keys: [canonicalKey(e.type, name)], group: null });
    }
  }
  return out;
}

/**
 * The blocks a node is compared in: its pack entity, its surname's keys (persons) or each key of its
 * name. Shared (do not mutate): memoised by what they depend on, as the same names recur in every batch.
 */
export function nodeBlocks(n: Node): readonly string[] {
  const what = n.type === 'person' ? n.parts.surname : n.keys.join('\u0001');
  return blockMemo.get(`${n.type}\u0001${n.pack ?? ''}\u0001${what}`, () => {
    const out = n.pack ? [`pack|${n.pack}`] : [];
    if (n.type === 'person') for (const k of surnameKeys(n.parts.surname)) out.push(`person|${k}`);
    else for (const k of n.keys) out.push(`${n.type}|${k}`);
    return out;
  });
}

/** `nodeBlocks` computed so far (a few hundred thousand short lists at most before it is emptied). */
const blockMemo = new BoundedMemo<string[]>(100_000);

/**
 * Merges nodes across documents. `prejoined` are stored entities' spellings (an incremental run):
 * each entity's nodes start joined, with the entity's guard state.
 */
export function mergeAcross(nodes: Node[], _ctx: Context, prejoined: Prejoined[] = []): Clusters {
  const u = new Union(nodes);
  for (const p of prejoined) u.attach(p.members, p.info);
  const blocks = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (const key of nodeBlocks(n)) (blocks.get(key) ?? blocks.set(key, []).get(key)!).push(i);
  });
  // 1. same pack entity; 2. same non-person name; 3. compatible full person names
  // 1. mentions linked to one pack entity join it (its spellings join silently: the pack says so)
  for (const [key, members] of blocks) {
    if (!key.startsWith('pack|')) continue;
    const anchor = members.find((i) => nodes[i].group === null) ?? members[0];
    for (const i of members) {
      if (i === anchor) continue;
      const n = nodes[i];
      u.join(anchor, i, { reason: `alias of pack entity "${n.pack}"`, a: n.name, b: nodes[anchor].name }, n.group !== null);
    }
  }
  // 2. the same non-person name up to transliteration; 3. compatible full person names
  for (const [key, members] of blocks) {
    if (key.startsWith('pack|')) continue;
    const person = key.startsWith('person|');
    // Two stored spellings were compared when the later arrived; guards only grow stricter since:
    // a stored spelling is compared with the others only (the same pairs in the same order, fewer visited).
    const others = members.flatMap((i, at) => (nodes[i].entity === undefined ? [at] : []));
    for (let x = 0; x < members.length; x++) {
      const storedX = nodes[members[x]].entity !== undefined;
      for (let o = storedX ? others.findIndex((at) => at > x) : x + 1; o >= 0 && o < (storedX ? others.length : members.length); o++) {
        const y = storedX ? others[o] : o;
        const a = nodes[members[x]];
        const b = nodes[members[y]];
        if (a.type !== b.type || (a.entity !== undefined && b.entity !== undefined)) continue;
        if (u.find(members[x]) === u.find(members[y])) continue;
        const sameBare = a.parts.given.length === 0 && b.parts.given.length === 0 && a.parts.surname === b.parts.surname;
        // (a pair sharing several keys is compared in each: `compatibleNames` remembers its answers)
        if (person && !sameBare && (a.parts.given.length === 0 || b.parts.given.length === 0 || !compatibleNames(a.parts, b.parts))) continue;
        const reason = person
          ? a.parts.surname !== b.parts.surname ? 'similar spelling of the same name (typo or transliteration)' : 'same name up to transliteration'
          : a.keys[0] === b.keys[0] ? 'same name up to transliteration' : 'a short form or acronym both documents use';
        u.join(members[x], members[y], { reason, a: a.name, b: b.name }, a.group !== null || b.group !== null || (a.entity !== undefined && b.entity !== undefined));
      }
    }
  }
  joinTransposed(nodes, u);
  joinBareSurnames(nodes, u);
  const byRoot = new Map<number, Node[]>();
  nodes.forEach((n, i) => (byRoot.get(u.find(i)) ?? byRoot.set(u.find(i), []).get(u.find(i))!).push(n));
  const merges = new Map<Node[], Merge[]>();
  const infos = new Map<Node[], ClusterInfo>();
  for (const [root, cluster] of byRoot) {
    merges.set(cluster, u.log[root]);
    infos.set(cluster, u.info(root));
  }
  return { clusters: [...byRoot.values()], merges, infos };
}

/** Joins each swapped-letter typo of a non-person name to its commoner spelling (see `typos.ts`). */
function joinTransposed(nodes: Node[], u: Union): void {
  for (const [typo, right] of transposedPairs(nodes)) {
    u.keys[u.find(right)].add(nodes[typo].keys[0]); // the typo becomes a known spelling of that organisation
    u.join(right, typo, { reason: 'two letters swapped (typo) in a name spelt right more often', a: nodes[typo].name, b: nodes[right].name });
  }
}

/**
 * A surname-only person joins the one full-name person cluster among those sharing a surname key
 * whose surname fits (`compatibleNames`; the keys hold every spelling it accepts one edit away).
 */
function joinBareSurnames(nodes: Node[], u: Union): void {
  // By key, then by surname: whether a bare surname fits a full name depends on the surnames alone, tested once per surname.
  // (the full names of one surname are listed once, under each of its keys: a surname has ~12 keys and a step many full names)
  const fullBySurname = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (n.type === 'person' && n.parts.given.length > 0) (fullBySurname.get(n.parts.surname) ?? fullBySurname.set(n.parts.surname, []).get(n.parts.surname)!).push(i);
  });
  const fullByKey = new Map<string, Map<string, number[]>>();
  // A stored bare surname was matched when it was filed: again only when one of its keys has a new full name.
  const fresh = new Set<string>();
  for (const [surname, js] of fullBySurname) {
    const hasNew = js.some((j) => nodes[j].entity === undefined);
    for (const k of surnameKeys(surname)) {
      (fullByKey.get(k) ?? fullByKey.set(k, new Map()).get(k)!).set(surname, js);
      if (hasNew) fresh.add(k);
    }
  }
  const fitting = new Map<string, number[]>(); // by surname: the full names that fit it, in node order
  nodes.forEach((n, i) => {
    if (n.type !== 'person' || n.parts.given.length > 0 || u.pack[u.find(i)] !== null) return;
    const keys = surnameKeys(n.parts.surname);
    if (n.entity !== undefined && !keys.some((k) => fresh.has(k))) return;
    let fits = fitting.get(n.parts.surname);
    if (!fits) {
      // each surname sharing a key is tested once (a close spelling shares several keys)
      const near = new Map<string, number[]>();
      for (const k of keys) for (const [surname, js] of fullByKey.get(k) ?? []) if (!near.has(surname)) near.set(surname, js);
      fits = [...near.values()].filter((js) => compatibleNames(n.parts, nodes[js[0]].parts)).flat().sort((a, b) => a - b);
      fitting.set(n.parts.surname, fits);
    }
    if (oneCluster(fits, u)) {
      u.join(fits[0], i, { reason: 'the only person in the corpus with this surname', a: n.name, b: nodes[fits[0]].name });
    }
  });
}

/**
 * Whether the nodes `fits` are all in one cluster (none: false): stops at the first in another, as
 * most surnames re-checked in a step fit several people (a stored bare surname sharing a block with a
 * new full name is re-checked, and at 10k documents ~12k of them fit ~15 full names each).
 */
function oneCluster(fits: readonly number[], u: Union): boolean {
  if (fits.length === 0) return false;
  const root = u.find(fits[0]);
  for (let j = 1; j < fits.length; j++) if (u.find(fits[j]) !== root) return false;
  return true;
}
