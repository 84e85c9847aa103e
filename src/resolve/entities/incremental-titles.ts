/** Bare titles of new documents in an incremental run, linked as a full pass links them. */
import type { Context } from '../../context.js';
import type { TitleCue } from '../../annotate/mentions/layer.js';
import { holders, packIndex } from '../../packs/pack-index.js';
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import type { Node } from './cross-doc.js';
import { linkBareTitle } from './roles.js';
import type { EntityMention, EntityRole, Merge } from './types.js';

/**
 * Links the new documents' bare titles as a full pass does (`linkBareTitle`): a name given that
 * title in the same document, the pack's holder on the document's date, or the one entity the
 * corpus dated in that office nearby — the stored role dates (`ro:`) and the new roles together.
 */
export async function bareTitles(
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
