/**
 * Entities, incrementally: the new documents' in-document groups are merged with the stored
 * entities' spellings filed under the same blocks (surname, name keys, pack entity, typo letters),
 * by the very rules of a full pass (`mergeAcross`), each stored entity starting as one cluster with
 * the guard state it had. Entities that gain mentions are updated in place and keep their id;
 * two stored entities a new spelling bridges become one (the larger keeps its id, the other's id
 * redirects to it). Online semantics, stated plainly: an older document's untyped names are not
 * typed again as the corpus learns new spellings, and a bare surname that joined the only full name
 * of its time is not split when a second person of that surname arrives; `parley resolve --full`
 * gives the exact from-scratch result.
 *
 * State (resolver `entities`):
 * - `b:<block>` the stored spellings compared in that block (`Spelling`);
 * - `e:<id>` an entity's type and guard state; `r:<id>` the entity a merged-away id went into;
 * - `i:<id>` ids taken; `p:<pack id>` the entity of a pack entity;
 * - `d:<doc>` a document's entity mentions (`DocEntry`), which events and contradictions look up;
 * - `sp:<type|key>` typed spellings (an untyped name takes the one type its spelling has);
 * - `un:<type|key>` the names no type fitted yet (`[doc, start, end]`), typed again when a document
 *   gives that spelling a type;
 * - `ro:<title|of>` where text roles were dated (`[entity, date]`), for bare titles.
 */
import type { Context } from '../../context.js';
import type { Mention, MentionType, TitleCue } from '../../annotate/mentions/layer.js';
import { holders, packIndex } from '../../packs/pack-index.js';
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalResolver, IncrementalInput } from '../resolve.js';
import { mergeAcross, nodeBlocks, packNodes, type ClusterInfo, type Node, type Prejoined } from './cross-doc.js';
import { localGroups, singleGroup, untypedLeft, type LocalGroup } from './local.js';
import { nameParts } from './names.js';
import { builtRuns, clusterParts, entitySortKey, finishEntity, groupNode } from './resolver.js';
import { linkBareTitle } from './roles.js';
import { MIN_TYPO_LENGTH } from './typos.js';
import type { Entity, EntityMention, EntityRole, Merge } from './types.js';
import { fullNameSurnames, typedSpellings, typeUntyped } from './untyped.js';
import { canonicalKey } from './keys.js';

/** A stored entity's spelling as merging compares it. */
type Spelling = [entity: string, type: MentionType, name: string, pack: string | null, keys: string[], uses: number];
/** An entity's type and what its guards know. */
interface StoredEntity {
  type: MentionType;
  info: ClusterInfo;
}
/** One entity mention of a document: what `EntityView` looks up. */
export type DocEntry = [start: number, end: number, entity: string, pack: string | null];

/** Dated role evidence kept per office for bare titles: the latest, enough for a window of `ROLE_WINDOW_DAYS` in a news flow. */
const MAX_ROLE_DATES = 200;
/**
 * Untyped mentions kept per spelling for typing later: the most recent. A capitalised word no type
 * fitted in more documents than this is a common word or boilerplate, not a name awaiting its type,
 * and keeping every one would make each new document's write grow with the corpus.
 */
const MAX_WAITING = 500;
const TYPES: MentionType[] = ['person', 'organization', 'place', 'outlet'];

/** The blocks a node is filed under: those merging compares it in, and its typo block (`typos.ts`). */
function stateBlocks(n: Node): string[] {
  const out = nodeBlocks(n);
  const k = n.keys[0] ?? '';
  if (n.type !== 'person' && k.replace(/ /g, '').length >= MIN_TYPO_LENGTH) out.push(`typo|${n.type}|${[...k].sort().join('')}`);
  return out;
}

/** A name no type fitted: its document and span. */
type Waiting = [doc: string, start: number, end: number];

/** Files an untyped mention under the key each type would give its spelling. */
function wait(into: Map<string, Waiting[]>, doc: NewsDoc, m: Mention): void {
  for (const t of TYPES) {
    const k = `${t}|${canonicalKey(t, doc.text.slice(m.span.start, m.span.end))}`;
    (into.get(k) ?? into.set(k, []).get(k)!).push([doc.id, m.span.start, m.span.end]);
  }
}

const signature = (s: Spelling) => `${s[0]}|${s[1]}|${s[2]}|${s[3]}|${s[4].join(',')}`;

/** Files nodes of entity `id` as spellings into `blocks` (block → signature → spelling). */
function file(blocks: Map<string, Map<string, Spelling>>, id: string, nodes: readonly Node[], only?: Set<string>): void {
  for (const n of nodes) {
    const s: Spelling = [id, n.type, n.name, n.pack, n.keys, n.uses ?? 1];
    for (const b of stateBlocks(n)) {
      if (only && !only.has(b)) continue;
      const m = blocks.get(b) ?? blocks.set(b, new Map()).get(b)!;
      const seen = m.get(signature(s));
      if (seen) seen[5] += s[5];
      else m.set(signature(s), [...s]);
    }
  }
}

/** The role evidence of entities as `[key, [entity, date]]` pairs. */
function roleDates(e: Entity, roles: readonly EntityRole[]): [string, [string, string]][] {
  return roles.filter((r) => r.source === 'text').flatMap((r) => [r.from, r.to].filter((d): d is string => d !== null).map((d): [string, [string, string]] => [`ro:${r.title}|${r.of}`, [e.id, d]]));
}

function docEntries(entities: readonly Entity[]): Map<string, DocEntry[]> {
  const out = new Map<string, DocEntry[]>();
  for (const e of entities) for (const m of e.mentions) (out.get(m.doc) ?? out.set(m.doc, []).get(m.doc)!).push([m.start, m.end, e.id, e.pack]);
  return out;
}

/** The entities resolver's incremental form. */
export const incremental: IncrementalResolver = {
  state(docs, items) {
    const built = builtRuns.get(items);
    const out: [string, unknown][] = [];
    const blocks = new Map<string, Map<string, Spelling>>();
    const roles = new Map<string, [string, string][]>();
    for (const e of built.entities) {
      file(blocks, e.id, built.nodes.get(e.id)!.filter((n) => n.group));
      out.push([`e:${e.id}`, { type: e.type, info: built.infos.get(e.id)! } satisfies StoredEntity], [`i:${e.id}`, 1]);
      if (e.pack) out.push([`p:${e.pack}`, e.id]);
      for (const [k, v] of roleDates(e, e.roles)) (roles.get(k) ?? roles.set(k, []).get(k)!).push(v);
    }
    for (const [b, m] of blocks) out.push([`b:${b}`, [...m.values()]]);
    for (const [k, v] of roles) out.push([k, v.sort((a, b) => a[1].localeCompare(b[1])).slice(-MAX_ROLE_DATES)]);
    for (const [doc, entries] of docEntries(built.entities)) out.push([`d:${doc}`, entries]);
    const spellings = new Set<string>();
    for (const d of docs) typedSpellings(d, spellings);
    for (const s of spellings) out.push([`sp:${s}`, 1]);
    const held = new Set([...built.nodes.values()].flatMap((ns) => ns.flatMap((n) => (n.group ? n.group.mentions.map((m) => `${n.group!.doc.id}|${m.span.start}`) : []))));
    const waiting = new Map<string, Waiting[]>();
    for (const d of docs) for (const m of d.layers.mentions ?? []) if (m.evidence === 'explicit' && !held.has(`${d.id}|${m.span.start}`)) wait(waiting, d, m);
    for (const [k, v] of waiting) out.push([`un:${k}`, v.slice(-MAX_WAITING)]);
    return out;
  },
  add: addEntities,
};

/** Merges the new documents' names into the stored entities; returns the entities that changed. */
async function addEntities(input: IncrementalInput, _corpus: unknown, ctx: Context) {
  const fresh = input.added;
  const state: [string, unknown][] = [];
  if (fresh.length === 0) return { upsert: { entities: [] }, remove: { entities: [] }, state };

  // Typing: an untyped name takes the one type its spelling has in the corpus (stored or new).
  const own = new Set<string>();
  for (const d of fresh) typedSpellings(d, own);
  const asked = new Set<string>();
  for (const d of fresh)
    for (const m of d.layers.mentions ?? [])
      if (m.evidence === 'explicit' && m.type === 'other') for (const t of TYPES) asked.add(`${t}|${canonicalKey(t, d.text.slice(m.span.start, m.span.end))}`);
  const known = await input.state([...asked, ...own].map((k) => `sp:${k}`));
  const spellings = new Set([...own, ...[...known.keys()].map((k) => k.slice(3))]);
  const learnt = [...own].filter((k) => !known.has(`sp:${k}`));
  for (const s of learnt) state.push([`sp:${s}`, 1]);
  const freshGroups = fresh.map((d) => localGroups(d, spellings));
  const newNodes = freshGroups.flat().map(groupNode);
  const retyped = await typeAgain(input, learnt, spellings, state);
  newNodes.push(...retyped.map(groupNode));
  const waiting = new Map<string, Waiting[]>();
  fresh.forEach((d, i) => untypedLeft(d, freshGroups[i]).forEach((m) => wait(waiting, d, m)));
  const before = await input.state([...waiting.keys()].filter((k) => !learnt.includes(k)).map((k) => `un:${k}`));
  for (const [k, v] of waiting) state.push([`un:${k}`, [...((before.get(`un:${k}`) as Waiting[] | undefined) ?? []), ...v].slice(-MAX_WAITING)]);

  // The stored spellings and pack entities the new names are compared with.
  const wanted = new Set(newNodes.flatMap(stateBlocks));
  const packHere = packNodes(ctx.pack.entities ?? []).filter((n) => nodeBlocks(n).some((b) => wanted.has(b)) || newNodes.some((m) => m.pack === n.pack));
  for (const n of packHere) wanted.add(`pack|${n.pack}`);
  const blocks = new Map([...(await input.state([...wanted].map((b) => `b:${b}`)))].map(([k, v]) => [k.slice(2), v as Spelling[]]));
  // Pack entities known only from bare titles have no spelling filed: found by their pack id.
  const packIds = [...new Set(packHere.map((n) => n.pack!))];
  const byPackId = await input.state(packIds.map((id) => `p:${id}`));
  const stored = await storedEntities(input, [...[...blocks.values()].flatMap((list) => list.map((s) => s[0])), ...[...byPackId.values()].map((id) => id as string)]);
  const spelt = new Map<string, Node>();
  for (const list of blocks.values())
    for (const s of list) {
      const id = stored.final(s[0]);
      const sig = signature([id, ...s.slice(1)] as Spelling);
      const seen = spelt.get(sig);
      if (seen) seen.uses! += s[5];
      else spelt.set(sig, { type: s[1], name: s[2], parts: nameParts(s[2]), pack: s[3], keys: s[4], group: null, entity: id, uses: s[5] });
    }
  const spelled = new Set([...spelt.values()].map((n) => n.entity));
  for (const [k, v] of byPackId) {
    const id = stored.final(v as string);
    const entity = stored.entities.get(id);
    const name = packHere.find((n) => n.pack === k.slice(2))!.name;
    if (entity && !spelled.has(id)) spelt.set(`pack:${k}`, { type: entity.type, name, parts: nameParts(name), pack: k.slice(2), keys: [canonicalKey(entity.type, name)], group: null, entity: id, uses: 0 });
  }
  const nodes = [...spelt.values(), ...packHere, ...newNodes];
  const prejoined = new Map<string, Prejoined>();
  nodes.forEach((n, i) => {
    if (!n.entity) return;
    const p = prejoined.get(n.entity) ?? prejoined.set(n.entity, { members: [], info: stored.entities.get(n.entity)!.info }).get(n.entity)!;
    p.members.push(i);
  });
  const { clusters, merges, infos } = mergeAcross(nodes, ctx, [...prejoined.values()]);
  const changed = clusters.filter((c) => c.some((n) => n.group) || new Set(c.flatMap((n) => n.entity ?? [])).size > 1);

  // Mentions, roles and bare titles of the new documents, by cluster (`c<i>`) or stored entity (`e<id>`).
  const clusterOf = new Map<string, string>();
  changed.forEach((c, i) => c.forEach((n) => n.entity && clusterOf.set(n.entity, `c${i}`)));
  const keyOf = (entity: string) => clusterOf.get(stored.final(entity)) ?? `e${stored.final(entity)}`;
  const sameDoc = new Map<string, { key: string; cue: TitleCue }[]>();
  const newRoles: { key: string; role: EntityRole }[] = [];
  const parts = changed.map((c, i) =>
    clusterParts(c, (doc, cue, role) => {
      newRoles.push({ key: `c${i}`, role });
      (sameDoc.get(doc.id) ?? sameDoc.set(doc.id, []).get(doc.id)!).push({ key: `c${i}`, cue });
    }),
  );
  const implied = await bareTitles(input, fresh, ctx, stored, sameDoc, newRoles, changed, keyOf);
  const extra = new Map<string, { mentions: EntityMention[]; merges: Merge[] }>();
  const packOnly = new Map<string, { mentions: EntityMention[]; merges: Merge[] }>();
  for (const { key, mention, merge } of implied) {
    const more = key.startsWith('e') ? extra : packOnly;
    const into = key.startsWith('c') ? parts[Number(key.slice(1))] : more.get(key.slice(1)) ?? more.set(key.slice(1), { mentions: [], merges: [] }).get(key.slice(1))!;
    into.mentions.push(mention);
    into.merges.push(merge);
  }

  // Each changed cluster becomes one entity: the stored ones it holds folded into the largest.
  const storedIds = [...new Set([...changed.flatMap((c) => c.flatMap((n) => n.entity ?? [])), ...extra.keys()])];
  const items = await input.items<Entity>('entities', storedIds);
  const upsert: Entity[] = [];
  const removed: Entity[] = [];
  const dates = new Map(fresh.map((d) => [d.id, d.published.date ?? '9999']));
  const byDate = (ms: EntityMention[]) => ms.sort((a, b) => (dates.get(a.doc) ?? '9999').localeCompare(dates.get(b.doc) ?? '9999') || a.start - b.start);
  const taken = new Set<string>();
  for (const [i, c] of changed.entries()) {
    const olds = [...new Set(c.flatMap((n) => n.entity ?? []))].flatMap((id) => items.get(id) ?? []).sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
    const [keep, ...gone] = olds;
    removed.push(...gone);
    const e = finishEntity(
      {
        id: keep?.id,
        prefer: keep?.name,
        pack: infos.get(c)!.pack,
        type: keep?.type ?? (c.find((n) => n.group) ?? c[0]).type,
        mentions: [...olds.flatMap((o) => o.mentions), ...byDate(parts[i].mentions)],
        roles: [...olds.flatMap((o) => o.roles), ...parts[i].roles],
        merges: [...olds.flatMap((o) => o.merges), ...parts[i].merges, ...(merges.get(c) ?? [])],
      },
      ctx,
    );
    if (!keep) e.id = await freeId(input, e.id, taken);
    upsert.push(e);
    state.push([`e:${e.id}`, { type: e.type, info: infos.get(c)! } satisfies StoredEntity], [`i:${e.id}`, 1]);
    if (e.pack) state.push([`p:${e.pack}`, e.id]);
    for (const g of gone) state.push([`e:${g.id}`, null], [`r:${g.id}`, e.id]);
    for (const n of c) if (n.group || n.entity) n.entity = e.id;
  }
  for (const [pack, more] of packOnly) {
    const nodes = packNodes(ctx.pack.entities!.filter((e) => e.id === pack));
    const info = mergeAcross(nodes, ctx).infos.values().next().value ?? { pack, given: [], full: [], keys: [], strict: false };
    const e = finishEntity({ pack, type: nodes[0]?.type ?? 'person', mentions: byDate(more.mentions), roles: [], merges: more.merges }, ctx);
    e.id = await freeId(input, e.id, taken);
    upsert.push(e);
    state.push([`e:${e.id}`, { type: e.type, info } satisfies StoredEntity], [`i:${e.id}`, 1], [`p:${pack}`, e.id]);
  }
  for (const [id, more] of extra) {
    const item = items.get(id);
    if (!item) continue;
    upsert.push(finishEntity({ ...item, prefer: item.name, mentions: [...item.mentions, ...more.mentions], merges: [...item.merges, ...more.merges] }, ctx));
  }

  // The blocks with a new or moved spelling are filed again; the new documents' look-ups written.
  const filed = new Map<string, Map<string, Spelling>>();
  const touched = new Set(newNodes.flatMap(stateBlocks));
  for (const [b, list] of blocks) if (list.some((s) => stored.final(s[0]) !== s[0] || removed.some((r) => r.id === s[0]))) touched.add(b);
  for (const b of touched) filed.set(b, new Map());
  for (const n of nodes) if (n.entity) file(filed, n.entity, [n], touched);
  for (const [b, m] of filed) state.push([`b:${b}`, [...m.values()]]);
  state.push(...(await lookups(input, fresh, upsert, removed, retyped.map((g) => g.doc.id))));
  state.push(...(await roleState(input, upsert)));
  return { upsert: { entities: upsert.map((e) => ({ id: e.id, data: e, sortKey: entitySortKey(e) })) }, remove: { entities: removed.map((e) => e.id) }, state };
}

/** The stored entities among `ids`, each merged-away id followed to the entity it went into. */
async function storedEntities(input: IncrementalInput, ids: string[]) {
  const entities = new Map<string, StoredEntity>();
  const redirect = new Map<string, string>();
  let ask = [...new Set(ids)];
  for (let hop = 0; ask.length > 0 && hop < 50; hop++) {
    const got = await input.state(ask.flatMap((id) => [`e:${id}`, `r:${id}`]));
    const next: string[] = [];
    for (const id of ask) {
      const e = got.get(`e:${id}`) as StoredEntity | undefined;
      const r = got.get(`r:${id}`) as string | undefined;
      if (e) entities.set(id, e);
      else if (r) {
        redirect.set(id, r);
        if (!entities.has(r) && !redirect.has(r)) next.push(r);
      }
    }
    ask = next;
  }
  const final = (id: string): string => {
    for (let hop = 0; redirect.has(id) && hop < 50; hop++) id = redirect.get(id)!;
    return id;
  };
  return { entities, final };
}

/** A new entity's id, with "-2", "-3"… when a stored entity or another new one has it (as `uniqueIds`). */
async function freeId(input: IncrementalInput, id: string, taken: Set<string>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? id : `${id}-${n}`;
    if (taken.has(candidate)) continue;
    if ((await input.state([`i:${candidate}`])).has(`i:${candidate}`)) continue;
    taken.add(candidate);
    return candidate;
  }
}

/**
 * Links the new documents' bare titles as a full pass does (`linkBareTitle`): a name given that
 * title in the same document, the pack's holder on the document's date, or the one entity the
 * corpus dated in that office nearby — the stored role dates (`ro:`) and the new roles together.
 */
async function bareTitles(
  input: IncrementalInput,
  fresh: readonly NewsDoc[],
  ctx: Context,
  stored: { final(id: string): string },
  sameDoc: Map<string, { key: string; cue: TitleCue }[]>,
  newRoles: { key: string; role: EntityRole }[],
  changed: Node[][],
  keyOf: (entity: string) => string,
): Promise<{ key: string; mention: EntityMention; merge: Merge }[]> {
  const titled = fresh.flatMap((doc) => (doc.layers.mentions ?? []).filter((m) => m.evidence === 'implied' && m.title).map((m) => ({ doc, m })));
  if (titled.length === 0) return [];
  const index = ctx.pack.entities ? packIndex(ctx.pack) : null;
  const packIds = index ? titled.flatMap(({ doc, m }) => holders(index, m.title!.title, m.title!.of, doc.published.date).map((h) => h.id)) : [];
  const packCluster = new Map<string, string>();
  changed.forEach((c, i) => c.forEach((n) => n.pack && packCluster.set(n.pack, `c${i}`)));
  const packEntity = await input.state(packIds.filter((id) => !packCluster.has(id)).map((id) => `p:${id}`));
  // A pack entity nothing names yet is linked all the same (`p<id>`): a full pass holds it as a cluster of its own.
  const byPack = (id: string) => packCluster.get(id) ?? (packEntity.has(`p:${id}`) ? keyOf(stored.final(packEntity.get(`p:${id}`) as string)) : `p${id}`);
  const offices = await input.state(titled.map(({ m }) => `ro:${m.title!.title}|${m.title!.of}`));
  const corpusRoles = [...newRoles];
  for (const [k, dates] of offices) {
    const [title, of] = k.slice(3).split('|');
    for (const [entity, date] of dates as [string, string][]) {
      corpusRoles.push({ key: keyOf(stored.final(entity)), role: { title, of: of === 'null' ? null : of, ofName: null, from: date, to: date, source: 'text' } });
    }
  }
  const out: { key: string; mention: EntityMention; merge: Merge }[] = [];
  for (const { doc, m } of titled) {
    const link = linkBareTitle(doc, m, sameDoc.get(doc.id) ?? [], byPack, corpusRoles, ctx);
    if (!link) continue;
    const text = doc.text.slice(m.span.start, m.span.end);
    const target = link.key.startsWith('c') ? changed[Number(link.key.slice(1))].find((n) => n.group || n.entity)?.name ?? text : link.key.startsWith('p') ? index!.byId.get(link.key.slice(1))!.name : link.key.slice(1);
    out.push({ key: link.key, mention: { doc: doc.id, start: m.span.start, end: m.span.end, text, implied: true }, merge: { reason: link.reason, a: text, b: target } });
  }
  return out;
}

/** `d:` look-ups of the new documents, and of the documents whose mentions moved to another entity. */
async function lookups(input: IncrementalInput, fresh: readonly NewsDoc[], upsert: readonly Entity[], removed: readonly Entity[], retyped: string[]): Promise<[string, unknown][]> {
  const ids = new Set(fresh.map((d) => d.id));
  const moved = new Set([...removed.flatMap((e) => e.mentions.map((m) => m.doc)), ...retyped].filter((d) => !ids.has(d)));
  const entries = docEntries(upsert);
  const out: [string, unknown][] = [];
  for (const id of ids) out.push([`d:${id}`, entries.get(id) ?? []]);
  const before = await input.state([...moved].map((d) => `d:${d}`));
  const now = new Map(upsert.flatMap((e) => e.mentions.map((m) => [`${m.doc}|${m.start}|${m.end}`, e] as const)));
  for (const d of moved) {
    const list = ((before.get(`d:${d}`) as DocEntry[] | undefined) ?? []).map(([s, e, id, pack]): DocEntry => {
      const to = now.get(`${d}|${s}|${e}`);
      return to ? [s, e, to.id, to.pack] : [s, e, id, pack];
    });
    const listed = new Set(list.map(([s, e]) => `${s}|${e}`));
    for (const e of upsert) for (const m of e.mentions) if (m.doc === d && !listed.has(`${m.start}|${m.end}`)) list.push([m.start, m.end, e.id, e.pack]);
    out.push([`d:${d}`, list]);
  }
  return out;
}

/** The new text roles' dates appended to their offices' `ro:` lists. */
async function roleState(input: IncrementalInput, upsert: readonly Entity[]): Promise<[string, unknown][]> {
  const added = new Map<string, [string, string][]>();
  for (const e of upsert) for (const [k, v] of roleDates(e, e.roles)) (added.get(k) ?? added.set(k, []).get(k)!).push(v);
  if (added.size === 0) return [];
  const before = await input.state([...added.keys()]);
  return [...added].map(([k, v]) => {
    const seen = new Set<string>();
    const all = [...((before.get(k) as [string, string][] | undefined) ?? []), ...v].filter((x) => !seen.has(x.join('|')) && !!seen.add(x.join('|')));
    return [k, all.sort((a, b) => a[1].localeCompare(b[1])).slice(-MAX_ROLE_DATES)];
  });
}

/**
 * Older documents' names no type fitted, typed now that a new document gave their spelling a type
 * (as a full pass would: the corpus's typed spellings type them), each as a group of its own; the
 * waiting lists of the spellings learnt are emptied.
 */
async function typeAgain(input: IncrementalInput, learnt: string[], spellings: Set<string>, state: [string, unknown][]): Promise<LocalGroup[]> {
  if (learnt.length === 0) return [];
  const lists = await input.state(learnt.map((k) => `un:${k}`));
  const spans = new Map<string, Set<string>>();
  for (const list of lists.values()) for (const [doc, start, end] of list as Waiting[]) (spans.get(doc) ?? spans.set(doc, new Set()).get(doc)!).add(`${start}|${end}`);
  for (const k of lists.keys()) state.push([k, null]);
  await input.docs.load(spans.keys());
  const out: LocalGroup[] = [];
  for (const [id, wanted] of spans) {
    const doc = input.docs.get(id);
    if (!doc) continue;
    const inDoc = { spellings: typedSpellings(doc), surnames: fullNameSurnames(doc) };
    for (const m of doc.layers.mentions ?? []) {
      if (m.evidence !== 'explicit' || !wanted.has(`${m.span.start}|${m.span.end}`)) continue;
      const type = typeUntyped(doc, m, inDoc.spellings, inDoc.surnames, spellings);
      if (type) out.push(singleGroup(doc, m, type));
    }
  }
  return out;
}
