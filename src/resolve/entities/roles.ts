/**
 * Roles and bare titles. A title written next to a name ("Russian Foreign Minister Sergey Lavrov",
 * "Rustem Umerov, the head of …") becomes a role fact dated by its document. A bare title ("the
 * Russian Foreign Minister", "the Kremlin leader") links to whoever held that office on the
 * document's date: first a name given that title in the same document, then the pack's dated
 * roles, then roles read elsewhere in the corpus within `ROLE_WINDOW_DAYS`; only a single
 * candidate links, so an ambiguous title stays unlinked.
 */
import type { Context } from '../../context.js';
import type { Mention, TitleCue } from '../../annotate/mentions/layer.js';
import { NOT_OFFICES } from '../../annotate/mentions/lexicon.js';
import type { NewsDoc } from '../../model/doc.js';
import { holders, packIndex } from '../../packs/pack-index.js';
import type { EntityRole } from './types.js';

/**
 * How far from a role's dated evidence a bare title may still be linked through it, when no pack
 * says who held the office. 120 days: offices in this domain change rarely within a season, and
 * a wider window linked the wrong holder across hand-overs in our fixtures.
 */
export const ROLE_WINDOW_DAYS = 120;

/** Whether a title names an office (not "colleague", "official", "Mr"). */
export function isOffice(cue: TitleCue): boolean {
  const head = cue.title.toLowerCase().split(' ').filter((w) => !['of', 'the', 'for', 'in'].includes(w));
  return head.length > 0 && !NOT_OFFICES.has(head[head.length - 1]);
}

/** The role stated by a title cue next to a name in `doc`. */
export function textRole(doc: NewsDoc, cue: TitleCue): EntityRole {
  return {
    title: cue.title,
    of: cue.of,
    ofName: null,
    from: doc.published.date,
    to: doc.published.date,
    source: 'text',
    evidence: { doc: doc.id, start: cue.span.start, end: cue.span.end },
  };
}

/** Folds text roles with the same office into one, spanning the earliest to the latest dated evidence. */
export function foldRoles(roles: EntityRole[]): EntityRole[] {
  const byOffice = new Map<string, EntityRole>();
  for (const r of roles) {
    const k = `${r.source}|${r.title}|${r.of}|${r.source === 'pack' ? r.from : ''}`;
    const seen = byOffice.get(k);
    if (!seen) byOffice.set(k, { ...r });
    else if (r.source === 'text') {
      if (r.from && (!seen.from || r.from < seen.from)) seen.from = r.from;
      if (r.to && (!seen.to || r.to > seen.to)) seen.to = r.to;
    }
  }
  return [...byOffice.values()];
}

const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/** Where a bare title points: an entity key (cluster index) and why, or null when unknown or ambiguous. */
export function linkBareTitle<K>(
  doc: NewsDoc,
  m: Mention,
  sameDoc: { key: K; cue: TitleCue }[],
  byPack: (packId: string) => K | null,
  corpusRoles: { key: K; role: EntityRole }[],
  ctx: Context,
): { key: K; reason: string } | null {
  const cue = m.title!;
  const same = (r: { title: string; of: string | null }) => r.title === cue.title && r.of === cue.of;
  const local = new Set(sameDoc.filter((s) => same(s.cue)).map((s) => s.key));
  if (local.size === 1) return { key: [...local][0], reason: `the ${cue.title} named with this title in the same document` };
  if (ctx.pack.entities) {
    const who = holders(packIndex(ctx.pack), cue.title, cue.of, doc.published.date);
    if (who.length === 1) {
      const key = byPack(who[0].id);
      const when = doc.published.date ?? 'any date';
      if (key !== null) return { key, reason: `held the office of ${cue.title} (${cue.of}) on ${when} according to the pack` };
    }
  }
  const date = doc.published.date;
  const near = new Set(
    corpusRoles
      .filter((c) => same(c.role) && (date === null || (c.role.from !== null && days(c.role.from, date) <= ROLE_WINDOW_DAYS)))
      .map((c) => c.key),
  );
  if (near.size === 1) return { key: [...near][0], reason: `the only ${cue.title} (${cue.of}) named in the corpus near ${date ?? 'any date'}` };
  return null;
}
