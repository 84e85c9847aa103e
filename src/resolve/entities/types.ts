/**
 * Corpus entities (stored as corpus kind `entities`): everything Parley knows about one person,
 * organisation, place or outlet — its spellings, roles, every mention, and why mentions were merged.
 */
import type { MentionType } from '../../annotate/mentions/layer.js';

/** One mention of an entity: offsets into that document's text. */
export interface EntityMention {
  doc: string;
  start: number;
  end: number;
  text: string;
  /** True for a bare title linked to its holder ("the Russian Foreign Minister"). */
  implied?: boolean;
}

/** An office held, from the pack or read in the text on a document's date. */
export interface EntityRole {
  title: string;
  /** Country or body: a pack id, or a lower-case name when there is no pack. */
  of: string | null;
  /** Display name of `of` ("Russia"), from the pack when it knows the id. */
  ofName: string | null;
  from: string | null;
  to: string | null;
  source: 'pack' | 'text';
  /** For text roles: where the title was written. */
  evidence?: { doc: string; start: number; end: number };
}

/** Why two groups of mentions were joined. */
export interface Merge {
  reason: string;
  a: string;
  b: string;
}

/** The order of an entity's mentions: by document id, then offset (`SPLIT_FIELDS` in store/split.ts lists the stored rows so). */
export const mentionOrder = (a: Pick<EntityMention, 'doc' | 'start'>, b: Pick<EntityMention, 'doc' | 'start'>): number => a.doc.localeCompare(b.doc) || a.start - b.start;

export interface Entity {
  id: string;
  name: string;
  type: MentionType;
  /** Every spelling seen, with how often. */
  aliases: { text: string; count: number }[];
  /** Wikidata id from the pack, when known. */
  kb: string | null;
  /** Pack entity id, when linked. */
  pack: string | null;
  roles: EntityRole[];
  mentions: EntityMention[];
  merges: Merge[];
}
