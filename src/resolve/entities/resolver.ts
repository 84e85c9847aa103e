/**
 * The entity resolver: in-document groups (`local.ts`) → cross-document merging (`cross-doc.ts`)
 * → roles and bare titles (`roles.ts`) → `Entity` items, stored as corpus kind `entities`.
 * Ordering: needs only the `mentions` layer of every document (run after annotate); later
 * resolvers (quotes, claims, events) may read the entities it builds.
 */
import { createHash } from 'node:crypto';
import type { Context } from '../../context.js';
import type { Mention } from '../../annotate/mentions/layer.js';
import type { NewsDoc } from '../../model/doc.js';
import type { Resolver } from '../resolve.js';
import { entityIndex } from './index-cache.js';
import { packIndex } from '../../packs/pack-index.js';
import { translitKey } from '../../annotate/mentions/key.js';
import { localGroups } from './local.js';
import { typedSpellings } from './untyped.js';
import { mergeAcross, packNodes, type ClusterInfo, type Node } from './cross-doc.js';
import type { LocalGroup } from './local.js';
import { RunMemo } from '../run-memo.js';
import { incremental } from './incremental.js';
import { foldRoles, isOffice, linkBareTitle, textRole } from './roles.js';
import { mentionOrder, type Entity, type EntityMention, type EntityRole, type Merge } from './types.js';
import { append } from '../../append.js';

/** Builds every entity of the corpus from the documents' `mentions` layers. */
export function resolveEntities(docs: readonly NewsDoc[], ctx: Context): Entity[] {
  return buildEntities(docs, ctx).entities;
}

/** What a full pass built: the entities, and each one's merged nodes and guard state (for `incremental.ts`). */
export interface BuiltEntities {
  entities: Entity[];
  nodes: Map<string, Node[]>;
  infos: Map<string, ClusterInfo>;
}

/** An in-document group as a merge node. */
export const groupNode = (g: LocalGroup): Node => ({ type: g.type, name: g.name, parts: g.parts, pack: g.pack, keys: [...g.keys], group: g });

/** The mentions, text roles and in-document merges of a cluster's groups; `onRole` sees each role with its title cue. */
export function clusterParts(cluster: readonly Node[], onRole: (doc: NewsDoc, cue: NonNullable<Mention['title']>, role: EntityRole) => void = () => {}) {
  const mentions: EntityMention[] = [];
  const roles: EntityRole[] = [];
  const merges: Merge[] = [];
  for (const node of cluster) {
    if (!node.group) continue;
    const doc = node.group.doc;
    append(merges, node.group.merges);
    for (const m of node.group.mentions) {
      mentions.push({ doc: doc.id, start: m.span.start, end: m.span.end, text: node.group.text ?? doc.text.slice(m.span.start, m.span.end) });
      if (!m.title || !isOffice(m.title)) continue;
      const role = textRole(doc, m.title);
      roles.push(role);
      onRole(doc, m.title, role);
    }
  }
  return { mentions, roles, merges };
}

/** Builds every entity of the corpus, with what an incremental run continues from. */
export function buildEntities(docs: readonly NewsDoc[], ctx: Context): BuiltEntities {
  const spellings = new Set<string>();
  for (const d of docs) typedSpellings(d, spellings);
  const nodes: Node[] = docs.flatMap((d) => localGroups(d, spellings)).map(groupNode);
  nodes.push(...packNodes(ctx.pack.entities ?? []));
  const { clusters, merges, infos } = mergeAcross(nodes, ctx);
  const byPack = new Map<string, number>();
  const sameDoc = new Map<string, { key: number; cue: NonNullable<Mention['title']> }[]>();
  const corpusRoles: { key: number; role: EntityRole }[] = [];
  const parts = clusters.map((cluster, key) => {
    for (const node of cluster) if (node.pack) byPack.set(node.pack, key);
    return clusterParts(cluster, (doc, cue, role) => {
      corpusRoles.push({ key, role });
      (sameDoc.get(doc.id) ?? sameDoc.set(doc.id, []).get(doc.id)!).push({ key, cue });
    });
  });
  for (const doc of docs) {
    for (const m of doc.layers.mentions ?? []) {
      if (m.evidence !== 'implied' || !m.title) continue;
      const link = linkBareTitle(doc, m, sameDoc.get(doc.id) ?? [], (id) => byPack.get(id) ?? null, corpusRoles, ctx);
      if (!link) continue;
      const text = doc.text.slice(m.span.start, m.span.end);
      parts[link.key].mentions.push({ doc: doc.id, start: m.span.start, end: m.span.end, text, implied: true });
      parts[link.key].merges.push({ reason: link.reason, a: text, b: clusters[link.key][0].name });
    }
  }
  const dates = new Map(docs.map((d) => [d.id, d.published.date ?? '9999']));
  const out: { entity: Entity; cluster: Node[] }[] = [];
  clusters.forEach((cluster, key) => {
    const { mentions, roles, merges: local } = parts[key];
    if (mentions.length === 0) return;
    const byDate = [...mentions].sort((a, b) => (dates.get(a.doc) ?? '9999').localeCompare(dates.get(b.doc) ?? '9999') || a.start - b.start);
    const entity = finishEntity({ pack: cluster.find((n) => n.pack)?.pack ?? null, type: (cluster.find((n) => n.group) ?? cluster[0]).type, mentions: byDate, roles, merges: [...local, ...(merges.get(cluster) ?? [])] }, ctx);
    out.push({ entity, cluster });
  });
  const entities = uniqueIds(out.map((o) => o.entity)).sort(byMentions);
  return {
    entities,
    nodes: new Map(out.map((o) => [o.entity.id, o.cluster])),
    infos: new Map(out.map((o) => [o.entity.id, infos.get(o.cluster)!])),
  };
}

/**
 * The listing key of an entity: most mentioned first, then by name, type and id (code-point order,
 * as both stores sort keys; the separator sorts before any character of a name).
 */
export const entitySortKey = (e: Pick<Entity, 'name' | 'type' | 'id'>, mentions = (e as Entity).mentions.length) => [String(1e9 - mentions).padStart(10, '0'), e.name, e.type, e.id].join('\u0001');

/** Entities in listing order (`entitySortKey`). */
export const byMentions = (a: Entity, b: Entity) => (entitySortKey(a) < entitySortKey(b) ? -1 : entitySortKey(a) > entitySortKey(b) ? 1 : 0);

/**
 * An entity from its mentions (in the order their documents were published), text roles and merges.
 * Its name is the pack's, else the most frequent spelling with the most words (`prefer` wins a tie:
 * an entity that grows keeps its name unless another spelling overtakes it). `id` keeps a stored
 * entity's id; a new one takes the id of its pack entity or name. `stored`: how many mentions at the
 * start are a stored entity's, already in order.
 */
export function finishEntity(
  e: { pack: string | null; type: Entity['type']; mentions: EntityMention[]; roles: EntityRole[]; merges: Merge[]; id?: string; prefer?: string; stored?: number },
  ctx: Context,
): Entity {
  return { ...entityFields(e, aliasCounts(e.mentions), e.mentions[0]?.text, ctx), mentions: inOrder(e.mentions, e.stored ?? 0), merges: keptMerges(e.merges) };
}

/** An entity without its mentions and merges. */
export type BareEntity = Omit<Entity, 'mentions' | 'merges'>;

/**
 * What `finishEntity` makes of an entity but its mentions and merges, from what it reads of the
 * mentions: `aliases` (`aliasCounts` of them) and the text of the first (`firstText`, the name when
 * every mention is a bare title). So an incremental run that tallies mentions (`tally.ts`) instead of
 * reading them builds the same entity.
 */
export function entityFields(
  e: { pack: string | null; type: Entity['type']; roles: EntityRole[]; id?: string; prefer?: string },
  aliases: { text: string; count: number }[],
  firstText: string | undefined,
  ctx: Context,
): BareEntity {
  const index = ctx.pack.entities ? packIndex(ctx.pack) : null;
  const pack = e.pack ? index?.byId.get(e.pack) ?? null : null;
  const packRoles: EntityRole[] = (pack?.roles ?? []).map((r) => ({ ...r, ofName: null, source: 'pack' as const }));
  const named = (r: EntityRole): EntityRole => ({ ...r, ofName: r.of === null ? null : index?.byId.get(r.of)?.name ?? displayName(r.of) });
  const name = pack?.name ?? canonicalName(aliases, firstText, e.prefer);
  const type = pack?.type ?? e.type;
  return {
    id: e.id ?? entityId(type, e.pack ?? translitKey(name)),
    name,
    type,
    aliases,
    kb: pack?.kb ?? null,
    pack: e.pack,
    roles: [...packRoles, ...foldRoles(e.roles.filter((r) => r.source === 'text'))].map(named),
  };
}

/** The merges an entity keeps: those joining two different spellings, and every office link. */
export const keptMerges = (merges: readonly Merge[]) => merges.filter((m) => m.a !== m.b || m.reason.includes('office'));


/**
 * `mentions` in `mentionOrder` (stable, as a sort would leave them), where the first `stored` are in
 * that order already (a stored entity's): the others are sorted and merged in, each placed by binary
 * search — a few comparisons each instead of one per mention of an entity named in thousands of
 * documents. When the others are many, a plain sort.
 */
function inOrder(mentions: readonly EntityMention[], stored: number): EntityMention[] {
  const more = mentions.length - stored;
  if (more * Math.log2(stored + 2) > stored) return [...mentions].sort(mentionOrder);
  const out: EntityMention[] = [];
  let from = 0;
  for (const m of mentions.slice(stored).sort(mentionOrder)) {
    let [lo, hi] = [from, stored];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentionOrder(mentions[mid], m) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (; from < lo; from++) out.push(mentions[from]);
    out.push(m);
  }
  for (; from < stored; from++) out.push(mentions[from]);
  return out;
}

/**
 * Two entities can share a name and type when the guards kept them apart (two "Apple"s, one the
 * label and one the computer maker): the later ones (by first mention) get "-2", "-3"… so ids stay
 * unique and stable while the corpus does not change.
 */
function uniqueIds(entities: Entity[]): Entity[] {
  const first = (e: Entity) => `${e.mentions[0].doc}:${String(e.mentions[0].start).padStart(9, '0')}`;
  const byId = new Map<string, Entity[]>();
  for (const e of entities) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => first(a).localeCompare(first(b))).forEach((e, i) => i > 0 && (e.id = `${e.id}-${i + 1}`));
  }
  return entities;
}

/** "united-states" → "United States": the display form of an owner with no pack entry. */
function displayName(of: string): string {
  return of.replace(/-/g, ' ').replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

/** A stable id: the same pack entity or name of the same type always gets the same id. */
export function entityId(type: string, key: string): string {
  return 'ent-' + createHash('sha1').update(`${type}|${key}`).digest('hex').slice(0, 12);
}

/** Spellings of explicit mentions with their counts, most frequent first (ties: first seen first). */
function aliasCounts(mentions: EntityMention[]): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of mentions) if (!m.implied) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
}

/**
 * The most frequent spelling with the most words ("Sergey Lavrov" over "Lavrov"); `prefer` wins a tie.
 * `aliases`: `aliasCounts(mentions)`; `firstText`: the first mention's text (when none is explicit).
 */
function canonicalName(aliases: { text: string; count: number }[], firstText: string | undefined, prefer?: string): string {
  const words = (s: string) => s.split(/\s+/).length;
  const most = Math.max(...aliases.map((a) => words(a.text)));
  const best = aliases.find((a) => words(a.text) === most);
  const preferred = aliases.find((a) => a.text === prefer);
  if (best && preferred && words(preferred.text) === most && preferred.count === best.count) return preferred.text;
  return best?.text ?? firstText!;
}

/** What each full run built, for the state call that follows it. */
export const builtRuns = new RunMemo<BuiltEntities>('entities');

/** The corpus resolver that stores entities (corpus kind `entities`). */
export const entityResolver: Resolver = {
  name: 'entities',
  requires: [],
  run(docs, _corpus, ctx) {
    const built = buildEntities(docs, ctx);
    const entities = built.entities.map((e) => ({ id: e.id, data: e, sortKey: entitySortKey(e) }));
    entityIndex(entities); // the look-ups later resolvers share, built as part of this pass
    return { items: builtRuns.keep({ entities }, built) };
  },
  incremental,
};
