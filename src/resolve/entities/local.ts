/**
 * In-document grouping: mentions of one name in one document form a group; a person's short form
 * ("Lavrov", or the misspelt "Lavor") joins the one full name in the same document whose surname
 * it matches; full-name variants with agreeing parts join ("Sergey Lavrov"/"Sergei Lavrov");
 * organisations and places join their acronyms and short forms (`org-forms.ts`).
 */
import type { Mention } from '../../annotate/mentions/layer.js';
import type { NewsDoc } from '../../model/doc.js';
import { compatibleNames, nameParts, type NameParts } from './names.js';
import type { Merge } from './types.js';
import { canonicalKey, shortKeys } from './keys.js';
import { agreesOnPack, join } from './join.js';
import { joinBracketAcronyms, joinShortOrganisations } from './org-forms.js';
import { fullNameSurnames, typedSpellings, typeUntyped, type Spellings } from './untyped.js';
import type { Waiting } from './incremental-waiting.js';

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
  /** A waiting name's group (`waitingGroup`): its one mention's text, its document not loaded. */
  text?: string;
}

const surface = (doc: NewsDoc, m: Mention) => doc.text.slice(m.span.start, m.span.end);

/** A group of one mention typed `type` (an incremental run types an older document's name anew). */
export function singleGroup(doc: NewsDoc, m: Mention, type: Mention['type']): LocalGroup {
  const canonical = canonicalKey(type, surface(doc, m));
  return { doc, type, mentions: [m], pack: m.pack ?? null, name: surface(doc, m), parts: nameParts(surface(doc, m)), keys: new Set([canonical, ...shortKeys(type, canonical)]), merges: [] };
}

/**
 * The group of a waiting name typed `type` (`typeAgain`) without loading its document: the group holds
 * the name's text (`text`), and its document is known by id alone.
 */
export function waitingGroup(w: Waiting, type: Mention['type']): LocalGroup {
  const [id, start, end, , text] = w;
  const m: Mention = { span: { start, end }, type: 'other', key: '', source: 'waiting', evidence: 'explicit' };
  const canonical = canonicalKey(type, text);
  return { doc: unloaded(id), type, mentions: [m], pack: null, name: text, parts: nameParts(text), keys: new Set([canonical, ...shortKeys(type, canonical)]), merges: [], text };
}

/** A document known by its id alone: reading anything else of it is a bug, and throws saying so. */
function unloaded(id: string): NewsDoc {
  return new Proxy({ id } as NewsDoc, {
    get(target, key) {
      if (key === 'id') return id;
      throw new Error(`document ${id} was not loaded (a waiting name's group reads only its id)`);
    },
  });
}

/** The explicit mentions of `doc` that none of its `groups` holds: the names no type fitted. */
export function untypedLeft(doc: NewsDoc, groups: readonly LocalGroup[]): Mention[] {
  const held = new Set(groups.flatMap((g) => g.mentions));
  return (doc.layers.mentions ?? []).filter((m) => m.evidence === 'explicit' && !held.has(m));
}

/**
 * Groups the explicit mentions of `doc` (bare titles are left out). An untyped (`other`) name takes
 * the type its spelling has in the document or, failing that, in `corpus` (see `untyped.ts`); one
 * that takes none is left out.
 */
export function localGroups(doc: NewsDoc, corpus: Spellings | null = null): LocalGroup[] {
  const byKey = new Map<string, LocalGroup>();
  const untyped: Mention[] = [];
  let inDoc: { spellings: Spellings; surnames: string[] } | null = null;
  // An untyped name's type depends only on its spelling here: each spelling is typed once (a name repeats).
  const typed = new Map<string, Mention['type']>();
  for (const m of doc.layers.mentions ?? []) {
    if (m.evidence !== 'explicit') continue;
    let type = m.type;
    if (type === 'other') {
      inDoc ??= { spellings: typedSpellings(doc), surnames: fullNameSurnames(doc) };
      const text = surface(doc, m);
      type = typed.get(text) ?? typed.set(text, typeUntyped(doc, m, inDoc.spellings, inDoc.surnames, corpus) ?? 'other').get(text)!;
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
