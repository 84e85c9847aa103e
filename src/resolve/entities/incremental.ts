/**
 * Entities, incrementally: the new documents' in-document groups are merged with the stored
 * entities' spellings filed under the same blocks (surname keys, name keys, pack entity, typo letters),
 * by the very rules of a full pass (`mergeAcross`), each stored entity starting as one cluster with
 * the guard state it had. Entities that gain mentions are updated in place and keep their id;
 * two stored entities a new spelling bridges become one (the larger keeps its id, the other's id
 * redirects to it). Online semantics, stated plainly: an older document's untyped names are not
 * typed again as the corpus learns new spellings, and a bare surname that joined the only full name
 * of its time is not split when a second person of that surname arrives; `parley resolve --full`
 * gives the exact from-scratch result.
 *
 * State (resolver `entities`):
 * - `g:<filing>` stored spellings (`Spelling`) by filing, numbered, a bare surname's with the full
 *   names fitting it (`Filed`, `incremental-fits.ts`), `b:<block>` the filings under a block
 *   (`incremental-blocks.ts`), `n:filings` the next filing's number;
 * - `e:<id>` an entity's type and guard state, `t:<id>` its mentions tallied (`tally.ts`; read only
 *   for the entities a step changes); `r:<id>` the entity a merged-away id went into (and its pack),
 *   `rf:`, `rf:<i>` a filter of the ids merged away (`incremental-redirects.ts`);
 * - `i:<id>` ids taken; `p:<pack id>` the entity of a pack entity;
 * - `d:<doc>` a document's entity mentions (`DocEntry`), which events and contradictions look up
 *   (naming an entity merged away after it was written: readers follow its redirect);
 * - `sp:<type|key>` typed spellings (an untyped name takes the one type its spelling has);
 * - `un:<type|key>`, `uw:<type|key>#<n>` the names no type fitted yet (`Waiting`: where, their text, what
 *   their document says of their type; in chunks: `incremental-waiting.ts`), typed again, without
 *   loading their documents, when a document gives that spelling a type;
 * - `ro:<title|of>` where text roles were dated (`[entity, date]`), for bare titles.
 */
import type { Context } from '../../context.js';
import type { TitleCue } from '../../annotate/mentions/layer.js';
import type { IncrementalResolver, IncrementalInput } from '../resolve.js';
import { mergeAcross, packNodes, type Node, type Prejoined } from './cross-doc.js';
import { localGroups, untypedLeft } from './local.js';
import { nameParts } from './names.js';
import { builtRuns, clusterParts, entityFields, entitySortKey, finishEntity, groupNode, keptMerges, type BareEntity } from './resolver.js';
import { grown, tallyOf, type Tally } from './tally.js';
import type { Entity, EntityMention, EntityRole, Merge } from './types.js';
import { typedSpellings } from './untyped.js';
import { canonicalKey } from './keys.js';
import { bareTitles } from './incremental-titles.js';
import { file, filing, filingState, readBlocks, refile } from './incremental-blocks.js';
import { lookups } from './incremental-lookups.js';
import { addMerged, type Redirect } from './incremental-redirects.js';
import { appendWaiting, typeAgain, waitAll, waitingState, type Waiting } from './incremental-waiting.js';
import {
  docEntries,
  freeId,
  MAX_ROLE_DATES,
  roleDates,
  roleState,
  storedEntities,
  TYPES,
  type Spelling,
  type StoredEntity,
} from './incremental-state.js';
import { append } from '../../append.js';

/** The entities resolver's incremental form. */
export const incremental: IncrementalResolver = {
  state(docs, items) {
    const built = builtRuns.get(items);
    const out: [string, unknown][] = [];
    const filings = new Map<string, Map<string, Spelling>>();
    const from = new Map<string, Node>();
    const roles = new Map<string, [string, string][]>();
    for (const e of built.entities) {
      const groups = built.nodes.get(e.id)!.filter((n) => n.group);
      file(filings, e.id, groups);
      for (const n of groups) if (!from.has(filing(n))) from.set(filing(n), n);
      out.push([`e:${e.id}`, { type: e.type, info: built.infos.get(e.id)! } satisfies StoredEntity], [`t:${e.id}`, tallyOf(e.mentions)], [`i:${e.id}`, 1]);
      if (e.pack) out.push([`p:${e.pack}`, e.id]);
      for (const [k, v] of roleDates(e, e.roles)) (roles.get(k) ?? roles.set(k, []).get(k)!).push(v);
    }
    out.push(...filingState(filings, from));
    for (const [k, v] of roles) out.push([k, v.sort((a, b) => a[1].localeCompare(b[1])).slice(-MAX_ROLE_DATES)]);
    for (const [doc, entries] of docEntries(built.entities)) out.push([`d:${doc}`, entries]);
    const spellings = new Set<string>();
    for (const d of docs) typedSpellings(d, spellings);
    for (const s of spellings) out.push([`sp:${s}`, 1]);
    const held = new Set([...built.nodes.values()].flatMap((ns) => ns.flatMap((n) => (n.group ? n.group.mentions.map((m) => `${n.group!.doc.id}|${m.span.start}`) : []))));
    const waiting = new Map<string, Waiting[]>();
    for (const d of docs) waitAll(waiting, d, (d.layers.mentions ?? []).filter((m) => m.evidence === 'explicit' && !held.has(`${d.id}|${m.span.start}`)));
    out.push(...waitingState(waiting));
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
  const untypedTexts = new Set<string>();
  for (const d of fresh) for (const m of d.layers.mentions ?? []) if (m.evidence === 'explicit' && m.type === 'other') untypedTexts.add(d.text.slice(m.span.start, m.span.end));
  const asked = new Set<string>();
  for (const text of untypedTexts) for (const t of TYPES) asked.add(`${t}|${canonicalKey(t, text)}`);
  const known = await input.state([...asked, ...own].map((k) => `sp:${k}`));
  const spellings = new Set([...own, ...[...known.keys()].map((k) => k.slice(3))]);
  const learnt = [...own].filter((k) => !known.has(`sp:${k}`));
  for (const s of learnt) state.push([`sp:${s}`, 1]);
  const freshGroups = fresh.map((d) => localGroups(d, spellings));
  const newNodes = freshGroups.flat().map(groupNode);
  const retyped = await typeAgain(input, learnt, spellings, state);
  newNodes.push(...retyped.map(groupNode));
  const waiting = new Map<string, Waiting[]>();
  fresh.forEach((d, i) => waitAll(waiting, d, untypedLeft(d, freshGroups[i])));
  state.push(...(await appendWaiting(input, waiting, new Set(learnt))));

  // The stored spellings and pack entities the new names are compared with.
  const read = await readBlocks(input, newNodes, ctx);
  const { packHere } = read;
  // Pack entities known only from bare titles have no spelling filed: found by their pack id.
  const packIds = [...new Set(packHere.map((n) => n.pack!))];
  const byPackId = await input.state(packIds.map((id) => `p:${id}`));
  const stored = await storedEntities(input, [...[...read.filings.values()].flatMap((list) => list.map((s) => s[0])), ...[...byPackId.values()].map((id) => id as string)]);
  const spelt = new Map<string, Node>();
  const readFrom = new Map<Node, string>();
  for (const [f, list] of read.filings)
    for (const s of list) {
      const id = stored.final(s[0]);
      const sig = `${id}|${s[1]}|${s[2]}|${s[3]}|${s[4].join(',')}`; // `signature` of the spelling under its entity now, without copying it
      const seen = spelt.get(sig);
      if (seen) seen.uses! += s[5];
      else readFrom.set(spelt.set(sig, { type: s[1], name: s[2], parts: nameParts(s[2]), pack: s[3], keys: s[4], group: null, entity: id, uses: s[5] }).get(sig)!, f);
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

  // Each changed cluster becomes one entity: the stored ones it holds folded into the largest. Stored
  // entities are read without their mentions and merges (stored apart, as rows): their tallies (`t:`)
  // say what naming them needs. Those folded away are read whole: their mentions and merges are
  // handed to the one that keeps its id, after its own, and their documents' look-ups redone.
  const storedIds = [...new Set([...changed.flatMap((c) => c.flatMap((n) => n.entity ?? [])), ...extra.keys()])];
  const items = await input.items<BareEntity>('entities', storedIds, { rows: false });
  const { states, legacy } = await entityStates(input, stored.entities, storedIds);
  const tallied = (id: string) => states.get(id)!.tally!;
  const oldsOf = changed.map((c) => [...new Set(c.flatMap((n) => n.entity ?? []))].flatMap((id) => items.get(id) ?? []).sort((a, b) => tallied(b.id).n - tallied(a.id).n || a.id.localeCompare(b.id)));
  const whole = await input.items<Entity>('entities', oldsOf.flatMap((olds) => olds.slice(1).map((o) => o.id)));
  const out: Grown[] = [];
  const removed: Entity[] = [];
  const dates = new Map(fresh.map((d) => [d.id, d.published.date ?? '9999']));
  const byDate = (ms: EntityMention[]) => ms.sort((a, b) => (dates.get(a.doc) ?? '9999').localeCompare(dates.get(b.doc) ?? '9999') || a.start - b.start);
  const taken = new Set<string>();
  const built = changed.map((c, i) => {
    const olds = oldsOf[i];
    const keep = olds[0];
    const gone = olds.slice(1).map((o) => whole.get(o.id)!);
    const more = byDate(parts[i].mentions);
    const g = grown(olds.map((o) => tallied(o.id)), more);
    const type = keep?.type ?? (c.find((n) => n.group) ?? c[0]).type;
    const e = entityFields({ id: keep?.id, prefer: keep?.name, pack: infos.get(c)!.pack, type, roles: [...olds.flatMap((o) => o.roles), ...parts[i].roles] }, g.aliases, g.firstText, ctx);
    const mentions = [...gone.flatMap((o) => o.mentions), ...more];
    return { c, keep, gone, grown: { e, tally: g.tally, mentions, merges: keptMerges([...gone.flatMap((o) => o.merges), ...parts[i].merges, ...(merges.get(c) ?? [])]), held: keep && legacy.get(keep.id) } };
  });
  // The ids new entities would take, read at once (`freeId` reads one at a time only on a clash).
  const idsTaken = await input.state(built.flatMap(({ keep, grown: { e } }) => (keep ? [] : [`i:${e.id}`])));
  const lookedUp = new Map(built.flatMap(({ keep, grown: { e } }): [string, boolean][] => (keep ? [] : [[e.id, idsTaken.has(`i:${e.id}`)]])));
  let repack = false; // whether an entity's pack changed (look-ups keep the pack they were written with)
  for (const { c, keep, gone, grown: x } of built) {
    const e = x.e;
    append(removed, gone);
    if (!keep) e.id = await freeId(input, e.id, taken, lookedUp);
    out.push(x);
    const now: StoredEntity = { type: e.type, info: infos.get(c)! };
    const was = keep && states.get(keep.id)!;
    if (!was || JSON.stringify(now) !== JSON.stringify({ type: was.type, info: was.info })) state.push([`e:${e.id}`, now]);
    if (was && (was.info.pack ?? null) !== (e.pack ?? null)) repack = true;
    state.push([`t:${e.id}`, x.tally]);
    if (!keep) state.push([`i:${e.id}`, 1]);
    if (e.pack) state.push([`p:${e.pack}`, e.id]);
    for (const g of gone) state.push([`e:${g.id}`, null], [`t:${g.id}`, null], [`r:${g.id}`, [e.id, e.pack] satisfies Redirect]);
    for (const n of c) if (n.group || n.entity) n.entity = e.id;
  }
  for (const [pack, more] of packOnly) {
    const nodes = packNodes(ctx.pack.entities!.filter((e) => e.id === pack));
    const info = mergeAcross(nodes, ctx).infos.values().next().value ?? { pack, given: [], full: [], keys: [], strict: false };
    const { mentions, merges: kept, ...e } = finishEntity({ pack, type: nodes[0]?.type ?? 'person', mentions: byDate(more.mentions), roles: [], merges: more.merges }, ctx);
    e.id = await freeId(input, e.id, taken);
    const tally = tallyOf(mentions);
    out.push({ e, tally, mentions, merges: kept });
    state.push([`e:${e.id}`, { type: e.type, info } satisfies StoredEntity], [`t:${e.id}`, tally], [`i:${e.id}`, 1], [`p:${pack}`, e.id]);
  }
  for (const [id, more] of extra) {
    const item = items.get(id);
    if (!item) continue;
    const g = grown([tallied(id)], more.mentions);
    out.push({ e: entityFields({ ...item, prefer: item.name }, g.aliases, g.firstText, ctx), tally: g.tally, mentions: more.mentions, merges: keptMerges(more.merges), held: legacy.get(id) });
    state.push([`t:${id}`, g.tally]);
  }
  const upsert = out.map((x) => x.e);

  // The filings with a new or moved spelling are filed again; the new documents' look-ups written.
  const removedIds = new Set(removed.map((r) => r.id));
  state.push(...refile(read, nodes, newNodes, (id) => stored.final(id) !== id || removedIds.has(id), readFrom));
  state.push(...(await lookups(input, fresh, out, removed, retyped.map((g) => g.doc.id), repack)));
  state.push(...(await addMerged(input.state, removed.map((r) => r.id))));
  state.push(...(await roleState(input, upsert)));
  return {
    upsert: { entities: out.map(({ e, tally, held }) => ({ id: e.id, data: held ? { ...e, mentions: held.mentions, merges: held.merges } : e, sortKey: entitySortKey(e, tally.n) })) },
    remove: { entities: removed.map((e) => e.id) },
    rows: { entities: { append: out.flatMap(({ e, mentions, merges }) => [{ item: e.id, field: 'mentions', rows: mentions }, { item: e.id, field: 'merges', rows: merges }].filter((a) => a.rows.length > 0)) } },
    state,
  };
}

/** An entity an incremental step changed: its fields, its mentions tallied, and the mentions and merges it gained. */
export interface Grown {
  e: BareEntity;
  tally: Tally;
  mentions: EntityMention[];
  merges: Merge[];
  /** A stored entity written before mentions were stored apart: what it held, written again as rows. */
  held?: Entity;
}

/**
 * The state of the stored entities `ids` (`e:`, those of `known`, the others read) with their tallies
 * (`t:`). An entity with no tally (state of an older Parley) is read whole once and tallied; it is
 * `legacy`, and is written again whole (its mentions and merges then stored apart).
 */
async function entityStates(input: IncrementalInput, known: Map<string, StoredEntity>, ids: string[]) {
  for (const [k, v] of await input.state(ids.filter((id) => !known.has(id)).map((id) => `e:${id}`))) known.set(k.slice(2), v as StoredEntity);
  const tallies = await input.state(ids.filter((id) => known.has(id)).map((id) => `t:${id}`));
  for (const [k, v] of tallies) known.set(k.slice(2), { ...known.get(k.slice(2))!, tally: v as Tally });
  const legacy = await input.items<Entity>('entities', ids.filter((id) => known.has(id) && !known.get(id)!.tally));
  for (const [id, e] of legacy) known.set(id, { ...known.get(id)!, tally: tallyOf(e.mentions) });
  return { states: known, legacy };
}
