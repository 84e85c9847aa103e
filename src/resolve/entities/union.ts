/**
 * The union–find behind cross-document merging, carrying per cluster what its guards need: the pack
 * id, the given names of its persons, the full names and every key of its organisations, and whether
 * it holds a short form its own document left ambiguous. A join that a guard refuses does not happen.
 */
import { canonicalKey, initials } from './keys.js';
import type { ClusterInfo, Node } from './cross-doc.js';
import { sameGiven } from './names.js';
import type { Merge } from './types.js';
import { append } from '../../append.js';

/** Union–find with the pack id of each root, so two pack entities are never joined. */
export class Union {
  parent: number[];
  pack: (string | null)[];
  given: Set<string>[];
  /** Full (longest) names of organisations and outlets in each root. */
  full: Set<string>[];
  /** Every key of the organisations and outlets in each root (acronyms a document defined included). */
  keys: Set<string>[];
  /** Roots holding a short form its own document left ambiguous: they join only the very same full name. */
  strict: boolean[];
  log: Merge[][];
  constructor(nodes: Node[]) {
    this.parent = nodes.map((_, i) => i);
    this.pack = nodes.map((n) => n.pack);
    this.given = nodes.map((n) => new Set(n.type === 'person' && n.parts.given[0]?.length > 1 ? [n.parts.given[0]] : []));
    this.full = nodes.map((n) => new Set(n.type === 'organization' || n.type === 'outlet' ? [canonicalKey(n.type, n.name)] : []));
    this.keys = nodes.map((n) => new Set(n.type === 'organization' || n.type === 'outlet' ? n.keys : []));
    this.strict = nodes.map((n) => n.group?.ambiguous === true);
    this.log = nodes.map(() => []);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  /** Joins `members` (one stored entity's nodes) without guards or log, and gives the root `info`. */
  attach(members: number[], info: ClusterInfo): void {
    const root = members[0];
    for (const i of members) this.parent[i] = root;
    this.pack[root] = info.pack;
    this.given[root] = new Set(info.given);
    this.full[root] = new Set(info.full);
    this.keys[root] = new Set(info.keys);
    this.strict[root] = info.strict;
  }

  /** What the guards know of the cluster of `i`. */
  info(i: number): ClusterInfo {
    const r = this.find(i);
    return { pack: this.pack[r], given: [...this.given[r]], full: [...this.full[r]], keys: [...this.keys[r]], strict: this.strict[r] };
  }

  /** Joins unless the roots carry different pack ids; returns whether joined. `log` records the reason. */
  join(a: number, b: number, merge: Merge, log = true): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return true;
    if (this.pack[ra] !== null && this.pack[rb] !== null && this.pack[ra] !== this.pack[rb]) return false;
    // no chain of merges may join two given names that disagree (V. Klitschko between Vitali and Wladimir)
    const both = this.pack[ra] !== null && this.pack[ra] === this.pack[rb];
    if (!both) for (const g of this.given[rb]) for (const h of this.given[ra]) if (!sameGiven(g, h)) return false;
    // nor two organisations whose full names differ ("Apple Corps" and "Apple Computer" via "Apple"),
    // unless one is a spelling the other's documents gave it ("SIA", defined as "Singapore Airlines (SIA)")
    const strict = this.strict[ra] || this.strict[rb];
    const known = (g: string, h: string) => g === h || (!strict && (sameOrganisation(g, h) || this.keys[ra].has(g) || this.keys[rb].has(h)));
    if (!both) for (const g of this.full[rb]) for (const h of this.full[ra]) if (!known(g, h)) return false;
    this.parent[rb] = ra;
    for (const g of this.given[rb]) this.given[ra].add(g);
    for (const g of this.full[rb]) this.full[ra].add(g);
    for (const g of this.keys[rb]) this.keys[ra].add(g);
    this.strict[ra] ||= this.strict[rb];
    this.pack[ra] ??= this.pack[rb];
    append(this.log[ra], this.log[rb]);
    if (log) this.log[ra].push(merge);
    return true;
  }
}

/** Whether two organisation keys can name one body: equal, or one the short form or acronym of the other. */
function sameOrganisation(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `) || initials(a) === b || initials(b) === a;
}
