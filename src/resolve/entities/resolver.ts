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
import { mergeAcross, packNodes, type Node } from './cross-doc.js';
import { foldRoles, isOffice, linkBareTitle, textRole } from './roles.js';
import type { Entity, EntityMention, EntityRole, Merge } from './types.js';

/** Builds every entity of the corpus from the documents' `mentions` layers. */
export function resolveEntities(docs: readonly NewsDoc[], ctx: Context): Entity[] {
  const spellings = new Set<string>();
  for (const d of docs) typedSpellings(d, spellings);
  const groups = docs.flatMap((d) => localGroups(d, spellings));
  const nodes: Node[] = groups.map((g) => ({ type: g.type, name: g.name, parts: g.parts, pack: g.pack, keys: [...g.keys], group: g }));
  nodes.push(...packNodes(ctx.pack.entities ?? []));
  const { clusters, merges } = mergeAcross(nodes, ctx);
  const byPack = new Map<string, number>();
  const sameDoc = new Map<string, { key: number; cue: NonNullable<Mention['title']> }[]>();
  const corpusRoles: { key: number; role: EntityRole }[] = [];
  const mentions: EntityMention[][] = clusters.map(() => []);
  const roles: EntityRole[][] = clusters.map(() => []);
  const extra: Merge[][] = clusters.map(() => []);
  clusters.forEach((cluster, key) => {
    for (const node of cluster) {
      if (node.pack) byPack.set(node.pack, key);
      if (!node.group) continue;
      const doc = node.group.doc;
      extra[key].push(...node.group.merges);
      for (const m of node.group.mentions) {
        mentions[key].push({ doc: doc.id, start: m.span.start, end: m.span.end, text: doc.text.slice(m.span.start, m.span.end) });
        if (!m.title || !isOffice(m.title)) continue;
        const role = textRole(doc, m.title);
        roles[key].push(role);
        corpusRoles.push({ key, role });
        (sameDoc.get(doc.id) ?? sameDoc.set(doc.id, []).get(doc.id)!).push({ key, cue: m.title });
      }
    }
  });
  for (const doc of docs) {
    for (const m of doc.layers.mentions ?? []) {
      if (m.evidence !== 'implied' || !m.title) continue;
      const link = linkBareTitle(doc, m, sameDoc.get(doc.id) ?? [], (id) => byPack.get(id) ?? null, corpusRoles, ctx);
      if (!link) continue;
      const text = doc.text.slice(m.span.start, m.span.end);
      mentions[link.key].push({ doc: doc.id, start: m.span.start, end: m.span.end, text, implied: true });
      extra[link.key].push({ reason: link.reason, a: text, b: clusters[link.key][0].name });
    }
  }
  const index = ctx.pack.entities ? packIndex(ctx.pack) : null;
  const dates = new Map(docs.map((d) => [d.id, d.published.date ?? '9999']));
  const out: Entity[] = [];
  clusters.forEach((cluster, key) => {
    if (mentions[key].length === 0) return;
    const packId = cluster.find((n) => n.pack)?.pack ?? null;
    const pack = packId ? index?.byId.get(packId) ?? null : null;
    const packRoles: EntityRole[] = (pack?.roles ?? []).map((r) => ({ ...r, ofName: null, source: 'pack' as const }));
    const named = (r: EntityRole): EntityRole => ({ ...r, ofName: r.of === null ? null : index?.byId.get(r.of)?.name ?? displayName(r.of) });
    const name = pack?.name ?? canonicalName([...mentions[key]].sort((a, b) => (dates.get(a.doc) ?? '9999').localeCompare(dates.get(b.doc) ?? '9999') || a.start - b.start));
    const type = pack?.type ?? cluster.find((n) => n.group)!.type;
    out.push({
      id: entityId(type, packId ?? translitKey(name)),
      name,
      type,
      aliases: aliasCounts(mentions[key]),
      kb: pack?.kb ?? null,
      pack: packId,
      roles: [...packRoles, ...foldRoles(roles[key])].map(named),
      mentions: mentions[key].sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start),
      merges: [...extra[key], ...(merges.get(cluster) ?? [])].filter((m) => m.a !== m.b || m.reason.includes('office')),
    });
  });
  return uniqueIds(out.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name)));
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

/** The most frequent spelling with the most words ("Sergey Lavrov" over "Lavrov"). */
function canonicalName(mentions: EntityMention[]): string {
  const aliases = aliasCounts(mentions);
  const words = (s: string) => s.split(/\s+/).length;
  const most = Math.max(...aliases.map((a) => words(a.text)));
  return aliases.find((a) => words(a.text) === most)?.text ?? mentions[0].text;
}

/** The corpus resolver that stores entities (corpus kind `entities`). */
export const entityResolver: Resolver = {
  name: 'entities',
  requires: [],
  run(docs, _corpus, ctx) {
    const entities = resolveEntities(docs, ctx).map((e) => ({ id: e.id, data: e }));
    entityIndex(entities); // the look-ups later resolvers share, built as part of this pass
    return { items: { entities } };
  },
};
