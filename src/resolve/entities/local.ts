/**
 * In-document grouping: mentions of one name in one document form a group; a person's short form
 * ("Lavrov", or the misspelt "Lavor") joins the one full name in the same document whose surname
 * it matches; full-name variants with agreeing parts join ("Sergey Lavrov"/"Sergei Lavrov").
 */
import type { Mention } from '../../annotate/mentions/layer.js';
import type { NewsDoc } from '../../model/doc.js';
import { compatibleNames, nameParts, type NameParts } from './names.js';
import type { Merge } from './types.js';
import { canonicalKey, countryQualified, hasLegalSuffix, initials, regionalBranch, shortKeys } from './keys.js';
import { bracketAcronyms } from './acronyms.js';
import { fullNameSurnames, typedSpellings, typeUntyped, type Spellings } from './untyped.js';
import { foldName } from '../../annotate/mentions/key.js';

/** Mentions of one thing in one document. */
export interface LocalGroup {
  doc: NewsDoc;
  type: Mention['type'];
  mentions: Mention[];
  /** Pack id, when every linked mention agrees on one. */
  pack: string | null;
  /** The longest spelling (most words), which names the group. */
  name: string;
  /** Canonical keys of every spelling in the group (see `canonicalKey`). */
  keys: Set<string>;
  parts: NameParts;
  merges: Merge[];
  /**
   * Set when the group's name is a short form of two names in its document ("Defence Ministry" beside
   * the Russian and the Ukrainian one): it then joins across documents only the very same name.
   */
  ambiguous?: boolean;
}

const surface = (doc: NewsDoc, m: Mention) => doc.text.slice(m.span.start, m.span.end);

/**
 * Groups the explicit mentions of `doc` (bare titles are left out). An untyped (`other`) name takes
 * the type its spelling has in the document or, failing that, in `corpus` (see `untyped.ts`); one
 * that takes none is left out.
 */
export function localGroups(doc: NewsDoc, corpus: Spellings | null = null): LocalGroup[] {
  const byKey = new Map<string, LocalGroup>();
  const untyped: Mention[] = [];
  let inDoc: { spellings: Spellings; surnames: string[] } | null = null;
  for (const m of doc.layers.mentions ?? []) {
    if (m.evidence !== 'explicit') continue;
    let type = m.type;
    if (type === 'other') {
      inDoc ??= { spellings: typedSpellings(doc), surnames: fullNameSurnames(doc) };
      type = typeUntyped(doc, m, inDoc.spellings, inDoc.surnames, corpus) ?? 'other';
      if (type === 'other') {
        untyped.push(m);
        continue;
      }
    }
    const canonical = canonicalKey(type, surface(doc, m));
    const k = `${type}|${m.pack ?? canonical}`;
    let g = byKey.get(k);
    if (!g) {
      g = { doc, type, mentions: [], pack: m.pack ?? null, name: surface(doc, m), parts: nameParts(surface(doc, m)), keys: new Set(), merges: [] };
      byKey.set(k, g);
    }
    g.keys.add(canonical);
    for (const k of shortKeys(type, canonical)) g.keys.add(k);
    g.mentions.push(m);
    const text = surface(doc, m);
    if (text.split(/\s+/).length > g.name.split(/\s+/).length) {
      g.name = text;
      g.parts = nameParts(text);
    }
  }
  const groups = [...byKey.values()];
  const persons = groups.filter((g) => g.type === 'person');
  const full = persons.filter((g) => g.parts.given.length > 0);
  const absorbed = new Set<LocalGroup>();
  for (const g of persons) {
    if (absorbed.has(g)) continue;
    const targets = full.filter((f) => f !== g && !absorbed.has(f) && compatibleNames(g.parts, f.parts) && agreesOnPack(g, f));
    if (g.parts.given.length > 0 && targets.length > 0) {
      // full-name variants: join into the first, which keeps its spelling as the name
      for (const t of targets) {
        if (persons.indexOf(t) < persons.indexOf(g)) continue;
        join(t, g, `same person's name spelt two ways in one document`);
        absorbed.add(t);
      }
    } else if (g.parts.given.length === 0 && targets.length === 1) {
      const exact = targets[0].parts.surname === g.parts.surname;
      join(g, targets[0], exact ? 'surname of a full name in the same document' : 'misspelt surname of a full name in the same document');
      absorbed.add(g);
    }
  }
  joinBracketAcronyms(doc, groups, absorbed, untyped);
  joinShortOrganisations(groups, absorbed);
  return groups.filter((g) => !absorbed.has(g));
}

/**
 * An acronym defined in brackets after a name ("Singapore Airlines (SIA)") joins that name's group;
 * an acronym the finder could not type (`other`) is taken into it with the name's type.
 */
function joinBracketAcronyms(doc: NewsDoc, groups: LocalGroup[], absorbed: Set<LocalGroup>, untyped: readonly Mention[]): void {
  const owner = new Map<Mention, LocalGroup>();
  for (const g of groups) for (const m of g.mentions) owner.set(m, g);
  for (const [name, acronym] of bracketAcronyms(doc, [...owner.keys(), ...untyped])) {
    const into = owner.get(name);
    const from = owner.get(acronym);
    if (!into || into.type === 'person' || absorbed.has(into)) continue;
    if (!from) {
      into.keys.add(canonicalKey(into.type, surface(doc, acronym)));
      into.mentions.push(acronym);
      into.merges.push({ reason: 'acronym defined in brackets after the name', a: surface(doc, acronym), b: into.name });
      owner.set(acronym, into);
      continue;
    }
    if (into === from || absorbed.has(from) || !agreesOnPack(into, from)) continue;
    join(from, into, 'acronym defined in brackets after the name');
    absorbed.add(from);
    for (const m of from.mentions) owner.set(m, into);
  }
}

/**
 * An organisation's acronym or short form joins the one longer name in the same document it
 * abbreviates: "GM" → "General Motors", "Ford" → "Ford Motor Company" (never when two fit), but
 * not a regional branch ("Ford" → "Ford Australia"); a name joins the one same name with a country
 * before it ("Air Force" → "US Air Force"). A place joins only by its acronym ("EU").
 */
function joinShortOrganisations(groups: LocalGroup[], absorbed: Set<LocalGroup>): void {
  const orgs = groups.filter((g) => g.type === 'organization' || g.type === 'outlet' || g.type === 'place');
  for (const g of orgs) {
    if (absorbed.has(g) || g.mentions.some((m) => hasLegalSuffix(surface(g.doc, m)))) continue;
    const key = [...g.keys][0];
    const acronym = /^[a-z]{2,6}$/.test(key) && /^[\p{Lu}.]+$/u.test(g.name);
    if (g.type === 'place' && !acronym) continue;
    const branch = (o: LocalGroup) => o.mentions.some((m) => regionalBranch(foldName(g.name).replace(/^the /, ''), foldName(surface(o.doc, m)).replace(/^the /, '')));
    const fits = orgs.filter(
      (o) => o !== g && (o.type === 'place') === (g.type === 'place') && !absorbed.has(o) && agreesOnPack(g, o) &&
        [...o.keys].some((k) => (acronym && (initials(k) === key || k === key)) || (!acronym && (k.startsWith(`${key} `) || countryQualified(key, k)))) && !branch(o),
    );
    if (fits.length === 1) {
      const reason = acronym ? 'acronym of a name in the same document' : [...fits[0].keys].some((k) => countryQualified(key, k)) ? 'the same name with its country in the same document' : 'short form of a name in the same document';
      join(g, fits[0], reason);
      absorbed.add(g);
    } else if (fits.length > 1) g.ambiguous = true;
  }
}

function agreesOnPack(a: LocalGroup, b: LocalGroup): boolean {
  return a.pack === null || b.pack === null || a.pack === b.pack;
}

/** Moves `from`'s mentions into `into`, recording why. */
function join(from: LocalGroup, into: LocalGroup, reason: string): void {
  into.mentions.push(...from.mentions);
  into.merges.push(...from.merges, { reason, a: from.name, b: into.name });
  into.pack ??= from.pack;
  for (const k of from.keys) into.keys.add(k);
}
