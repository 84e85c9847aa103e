/**
 * In-document joins of organisation and place names: acronyms a document defines in brackets, and
 * short forms, acronyms and country-less forms of one longer name (see `joinShortOrganisations`).
 */
import { foldName } from '../../annotate/mentions/key.js';
import type { Mention } from '../../annotate/mentions/layer.js';
import type { NewsDoc } from '../../model/doc.js';
import { bracketAcronyms } from './acronyms.js';
import { agreesOnPack, join } from './join.js';
import type { LocalGroup } from './local.js';
import { canonicalKey, countryQualified, hasLegalSuffix, initials, regionalBranch } from './keys.js';

const surface = (doc: NewsDoc, m: Mention) => doc.text.slice(m.span.start, m.span.end);

/**
 * An acronym defined in brackets after a name ("Singapore Airlines (SIA)") joins that name's group;
 * an acronym the finder could not type (`other`) is taken into it with the name's type.
 */
export function joinBracketAcronyms(doc: NewsDoc, groups: LocalGroup[], absorbed: Set<LocalGroup>, untyped: readonly Mention[]): void {
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
export function joinShortOrganisations(groups: LocalGroup[], absorbed: Set<LocalGroup>): void {
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
