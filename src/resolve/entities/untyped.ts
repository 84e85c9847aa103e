/**
 * Names the mention finder could not type (`other`: a bare "Airbus" or "Mulally" with no cue) take
 * the type the same name has elsewhere — label consistency, as in Krishnan & Manning (ACL 2006,
 * "An effective two-stage model for exploiting non-local dependencies in NER"): first in the same
 * document, then in the corpus; only when exactly one type fits, so an ambiguous name ("Jordan" a
 * person in one place and a country in another) stays untyped and out of every entity.
 */
import { translitKey } from '../../annotate/mentions/key.js';
import { sameSurname } from '../../annotate/mentions/similarity.js';
import type { Mention, MentionType } from '../../annotate/mentions/layer.js';
import type { NewsDoc } from '../../model/doc.js';
import { canonicalKey, shortKeys } from './keys.js';
import type { LocalGroup } from './local.js';
import { nameParts } from './names.js';

const TYPES: MentionType[] = ['person', 'organization', 'place', 'outlet'];

/**
 * Puts each untyped mention of `doc` into the one typed group of the document it is a spelling of —
 * a person also by the bare surname, or a misspelling of it when the group gives a full name ("Lavor"
 * in a document naming Sergey Lavrov); the rest are returned as `other` groups, one per spelling, for
 * `typeAcrossCorpus`.
 */
export function adoptUntyped(doc: NewsDoc, groups: LocalGroup[], untyped: readonly Mention[]): LocalGroup[] {
  if (untyped.length === 0) return [];
  const index = new Map<string, LocalGroup[]>();
  const add = (k: string, g: LocalGroup) => (index.get(k) ?? index.set(k, []).get(k)!).push(g);
  for (const g of groups) {
    for (const k of g.keys) add(`${g.type}|${k}`, g);
    if (g.type === 'person') add(`person|${g.parts.surname}`, g);
  }
  const full = groups.filter((g) => g.type === 'person' && g.parts.given.length > 0);
  const rest = new Map<string, LocalGroup>();
  for (const m of untyped) {
    const text = doc.text.slice(m.span.start, m.span.end);
    const key = translitKey(text);
    const fits = new Set(TYPES.flatMap((t) => index.get(`${t}|${canonicalKey(t, text)}`) ?? []));
    if (fits.size === 0 && !key.includes(' ')) for (const g of full) if (sameSurname(key, g.parts.surname)) fits.add(g);
    if (fits.size === 1) {
      const [g] = fits;
      g.mentions.push(m);
      g.merges.push({ reason: `untyped name spelling a ${g.type} named in the same document`, a: text, b: g.name });
      continue;
    }
    const g = rest.get(key) ?? rest.set(key, { doc, type: 'other', mentions: [], pack: null, name: text, parts: nameParts(text), keys: new Set([key]), merges: [] }).get(key)!;
    g.mentions.push(m);
  }
  return [...rest.values()];
}

/**
 * Types each `other` group by the one type under which the corpus's typed groups spell its name, and
 * drops the `other` groups no type, or more than one, fits. Typed groups pass unchanged.
 */
export function typeAcrossCorpus(groups: readonly LocalGroup[]): LocalGroup[] {
  const known = new Set<string>();
  for (const g of groups) {
    if (g.type === 'other') continue;
    for (const k of g.keys) known.add(`${g.type}|${k}`);
    if (g.type === 'person') known.add(`person|${g.parts.surname}`);
  }
  const out: LocalGroup[] = [];
  for (const g of groups) {
    if (g.type !== 'other') {
      out.push(g);
      continue;
    }
    const fits = TYPES.filter((t) => known.has(`${t}|${canonicalKey(t, g.name)}`));
    if (fits.length !== 1) continue;
    const type = fits[0];
    const key = canonicalKey(type, g.name);
    out.push({ ...g, type, keys: new Set([key, ...shortKeys(type, key)]) });
  }
  return out;
}
