/**
 * What the rewrite detector takes from the domain pack, read defensively: the pack's entity list is
 * owned by the entity resolver, so this only relies on the export contract's entity shape
 * (`name`, `aliases[]`, `roles[{title}]`) and ignores a pack without it (e.g. `--pack none`).
 */
import type { Pack } from '../../context.js';
import { deletions } from './edit-distance.js';
import { canonicalTitle } from './role-errors.js';

/** Facts used here: known spellings of people's name words, and roles held, by surname (case-folded). */
export interface PackFacts {
  spellings: Set<string>;
  roles: Map<string, string[]>;
  /** SymSpell deletion index over `spellings` (words of 5+ letters). */
  deletes: Map<string, Set<string>>;
}

interface LooseEntity {
  type?: unknown;
  name?: unknown;
  aliases?: unknown;
  roles?: unknown;
}

/** Reads `pack.entities` when it has the contract's entity shape; empty facts otherwise. */
export function packFacts(pack: Pack): PackFacts {
  const facts: PackFacts = { spellings: new Set(), roles: new Map(), deletes: new Map() };
  const entities = (pack as { entities?: unknown }).entities;
  if (!Array.isArray(entities)) return facts;
  for (const e of entities as LooseEntity[]) {
    const names = [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])].filter((n): n is string => typeof n === 'string');
    // People only: place and organisation names have many legitimate variants (Belarusian/Byelorussian).
    if (e.type === undefined || e.type === 'person')
      for (const n of names) for (const w of n.split(/[\s-]+/)) if (w.length > 0) facts.spellings.add(w.toLowerCase());
    const titles = Array.isArray(e.roles)
      ? e.roles.map((r) => (r as { title?: unknown }).title).filter((t): t is string => typeof t === 'string').map(canonicalTitle)
      : [];
    if (titles.length === 0) continue;
    for (const n of names) {
      const surname = n.split(/\s+/).pop()!.toLowerCase();
      facts.roles.set(surname, [...(facts.roles.get(surname) ?? []), ...titles]);
    }
  }
  for (const w of facts.spellings) {
    if (w.length < 5) continue;
    for (const d of deletions(w)) (facts.deletes.get(d) ?? facts.deletes.set(d, new Set()).get(d)!).add(w);
  }
  return facts;
}
