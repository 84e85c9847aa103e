/**
 * Names the mention finder could not type (`other`: a bare "Airbus" or "Mulally" with no cue) take
 * the type the same name has elsewhere — label consistency, as in Krishnan & Manning (ACL 2006,
 * "An effective two-stage model for exploiting non-local dependencies in NER"): first in the same
 * document, then in the corpus; only when exactly one type fits, so an ambiguous name ("Jordan" a
 * person in one place and a country in another) stays untyped and out of every entity. Typing happens
 * before grouping, so a typed name then goes through every in-document rule (short forms, surnames,
 * ambiguity) like any other.
 */
import { translitKey } from '../../annotate/mentions/key.js';
import type { Mention, MentionType } from '../../annotate/mentions/layer.js';
import { sameSurname } from '../../annotate/mentions/similarity.js';
import type { NewsDoc } from '../../model/doc.js';
import { canonicalKey } from './keys.js';
import { nameParts } from './names.js';

const TYPES: MentionType[] = ['person', 'organization', 'place', 'outlet'];

/** Typed spellings, as `type|key` (a person also under its bare surname). */
export type Spellings = Set<string>;

/** Adds the spellings of `doc`'s explicit, typed mentions to `into` (a new set when absent). */
export function typedSpellings(doc: NewsDoc, into: Spellings = new Set()): Spellings {
  for (const m of doc.layers.mentions ?? []) {
    if (m.evidence !== 'explicit' || m.type === 'other') continue;
    const key = canonicalKey(m.type, doc.text.slice(m.span.start, m.span.end));
    into.add(`${m.type}|${key}`);
    if (m.type === 'person') into.add(`person|${key.slice(key.lastIndexOf(' ') + 1)}`);
  }
  return into;
}

/** The types under which `spellings` hold `text`. */
export function fitting(text: string, spellings: ReadonlySet<string>): MentionType[] {
  return TYPES.filter((t) => spellings.has(`${t}|${canonicalKey(t, text)}`));
}

/**
 * The type an untyped mention of `doc` takes: the one type its spelling has in the document, else
 * in the corpus, else — for a single word the corpus does not know — person when it is a misspelt
 * surname of exactly one full name in the document ("Lavor" beside "Sergey Lavrov"); null when no
 * type, or several, fit.
 */
export function typeUntyped(doc: NewsDoc, m: Mention, inDoc: Spellings, fullSurnames: readonly string[], corpus: Spellings | null): MentionType | null {
  const text = doc.text.slice(m.span.start, m.span.end);
  const here = fitting(text, inDoc);
  if (here.length === 1) return here[0];
  if (here.length > 1) return null;
  const there = corpus ? fitting(text, corpus) : [];
  if (there.length > 0) return there.length === 1 ? there[0] : null;
  const key = translitKey(text);
  return !key.includes(' ') && fullSurnames.filter((s) => sameSurname(key, s)).length === 1 ? 'person' : null;
}

/** Transliteration keys of the surnames of the full person names (given name and surname) in `doc`, each once. */
export function fullNameSurnames(doc: NewsDoc): string[] {
  const out = new Set<string>();
  for (const m of doc.layers.mentions ?? []) {
    if (m.evidence !== 'explicit' || m.type !== 'person') continue;
    const parts = nameParts(doc.text.slice(m.span.start, m.span.end));
    if (parts.given.length > 0) out.add(parts.surname);
  }
  return [...out];
}
