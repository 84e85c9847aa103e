/**
 * Entity-aware full-text search. The words of the query are matched against entity names and
 * aliases; when they name an entity, every spelling of it joins the search, so "Zelensky" also finds
 * "Zelskyy". Hits come from the store's FTS5 index for each spelling, plus the documents where the
 * entity's mentions were resolved; each hit is shown in context with the matches marked.
 */
import type { Store } from '../store/store.js';
import type { Entity, Snapshot } from './snapshot.js';
import { fold, inContext, tokens, type InContext } from './text.js';

/**
 * Documents fetched from FTS5 per spelling before merging, so `total` counts at most this many per
 * spelling. 200 keeps a common word's search near 10 ms at 10k documents (the store ranks and
 * snippets every hit it returns; 1,000 measured about 3× slower) while leaving 4 pages of 50.
 */
export const SEARCH_POOL = 200;
/** Passages shown per document. */
export const CONTEXTS_PER_DOC = 3;

/** The entities the query names: every query word is a word of the entity's name or of one alias. */
export function entitiesNamed(snap: Snapshot, query: string): Entity[] {
  const words = tokens(fold(query));
  if (words.length === 0) return [];
  let ids: Set<string> | null = null;
  for (const w of words) {
    const hit: Set<string> = snap.entitiesByToken.get(w) ?? new Set<string>();
    ids = ids === null ? new Set(hit) : new Set([...(ids as Set<string>)].filter((id) => hit.has(id)));
  }
  return [...(ids ?? [])]
    .map((id) => snap.entities.get(id)!)
    .filter((e) => [e.name, ...e.aliases].some((n) => words.every((w) => tokens(fold(n)).includes(w))));
}

/** Matching document ids in rank order, with the entities whose spellings joined the search. */
export interface SearchResult {
  query: string;
  expanded: { entity: string; name: string; spellings: string[] }[];
  total: number;
  ids: string[];
}

/** The ordered ids of matching documents: direct hits first, then those found through entities. */
export async function searchIds(snap: Snapshot, store: Store, query: string): Promise<SearchResult> {
  const named = entitiesNamed(snap, query);
  const ids = new Set<string>();
  for (const h of await store.search(query, SEARCH_POOL)) ids.add(h.id);
  for (const e of named) {
    for (const spelling of new Set([e.name, ...e.aliases])) for (const h of await store.search(spelling, SEARCH_POOL)) ids.add(h.id);
    for (const m of e.mentions) ids.add(m.doc);
  }
  const known = [...ids].filter((id) => snap.docs.has(id));
  return {
    query,
    expanded: named.map((e) => ({ entity: e.id, name: e.name, spellings: [...new Set([e.name, ...e.aliases])] })),
    total: known.length,
    ids: known,
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Up to `CONTEXTS_PER_DOC` passages of a document around the query's words, any spelling of the
 * named entities, or those entities' resolved mentions.
 */
export function contexts(snap: Snapshot, docId: string, query: string, named: { entity: string; spellings: string[] }[]): InContext[] {
  const text = snap.docs.get(docId)!.text;
  const spans: { start: number; end: number }[] = [];
  const words = [...tokens(query), ...named.flatMap((n) => n.spellings)].filter(Boolean);
  if (words.length > 0) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRe).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  const wanted = new Set(named.map((n) => n.entity));
  for (const m of snap.mentionsByDoc.get(docId) ?? []) if (wanted.has(m.entity)) spans.push(m);
  spans.sort((a, b) => a.start - b.start);
  const out: InContext[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      if (s.end <= last.end && !last.marks.some((k) => k.start + last.start === s.start)) last.marks.push({ start: s.start - last.start, end: s.end - last.start });
      continue;
    }
    if (out.length === CONTEXTS_PER_DOC) break;
    out.push(inContext(text, s));
  }
  return out;
}
