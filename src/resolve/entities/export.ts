/**
 * Entities as the export contract (v1) shows them: id, name, type, spellings, Wikidata id, roles
 * as "<title> of <owner>" with from/to, and every mention with its document offsets and text.
 */
import type { z } from 'zod';
import type { exportEntity } from '../../model/export.js';
import type { Entity } from './types.js';

/** Maps stored entities to the export's `entities` list. */
export function exportEntities(entities: readonly Entity[]): z.infer<typeof exportEntity>[] {
  return entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases.map((a) => a.text).filter((t) => t !== e.name),
    kb: e.kb,
    roles: e.roles.map((r) => ({ title: r.ofName ? `${r.title} of ${r.ofName}` : r.title, from: r.from, to: r.to })),
    mentions: e.mentions.map((m) => ({ doc: m.doc, start: m.start, end: m.end, text: m.text })),
  }));
}
