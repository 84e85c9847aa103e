/**
 * The names no type fitted, kept for typing later (`typeAgain`), by the key each type would give their
 * spelling: appended to, step after step, and read only when a document types that spelling.
 *
 * State: `un:<type|key>` the list's chunks (`[index, count]`, oldest first), `uw:<type|key>#<index>`
 * one step's names (`Waiting`). A step appends a chunk and rewrites the short list of chunks, instead
 * of reading and rewriting every name kept (up to `MAX_WAITING` of a common word), so what it writes is
 * what it adds. Chunks are dropped, oldest first, while the others hold `MAX_WAITING` names; a read
 * keeps the last `MAX_WAITING`, as the one list this replaces did.
 */
import type { Mention, MentionType } from '../../annotate/mentions/layer.js';
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import { MAX_WAITING, TYPES } from './incremental-state.js';
import { canonicalKey } from './keys.js';
import { singleGroup, waitingGroup, type LocalGroup } from './local.js';
import { fitting, fullNameSurnames, typedSpellings, typeUntyped } from './untyped.js';

type Chunks = [index: number, count: number][];

const chunkKey = (k: string, index: number) => `uw:${k}#${index}`;

/** The state of waiting lists built whole (a full pass): one chunk each. */
export function waitingState(lists: Map<string, Waiting[]>): [string, unknown][] {
  return [...lists].flatMap(([k, v]): [string, unknown][] => {
    const kept = v.slice(-MAX_WAITING);
    return [[`un:${k}`, [[0, kept.length]] satisfies Chunks], [chunkKey(k, 0), kept]];
  });
}

/**
 * Appends this step's names to their lists: a chunk each, and the lists' chunks (reading only those);
 * the lists of `restart` (just taken by `takeWaiting`) start again.
 */
export async function appendWaiting(input: IncrementalInput, added: Map<string, Waiting[]>, restart: ReadonlySet<string>): Promise<[string, unknown][]> {
  const heads = await input.state([...added.keys()].filter((k) => !restart.has(k)).map((k) => `un:${k}`));
  const out: [string, unknown][] = [];
  for (const [k, v] of added) {
    const chunks = [...((heads.get(`un:${k}`) as Chunks | undefined) ?? [])];
    const index = chunks.length > 0 ? chunks[chunks.length - 1][0] + 1 : 0;
    const kept = v.slice(-MAX_WAITING);
    chunks.push([index, kept.length]);
    out.push([chunkKey(k, index), kept]);
    let total = chunks.reduce((s, c) => s + c[1], 0);
    while (total - chunks[0][1] >= MAX_WAITING) {
      const [gone, count] = chunks.shift()!;
      out.push([chunkKey(k, gone), null]);
      total -= count;
    }
    out.push([`un:${k}`, chunks]);
  }
  return out;
}

/** The last `MAX_WAITING` names of each of these lists, oldest first, and the state that deletes the lists. */
export async function takeWaiting(input: IncrementalInput, keys: string[]): Promise<{ lists: Map<string, Waiting[]>; deleted: [string, null][] }> {
  const heads = await input.state(keys.map((k) => `un:${k}`));
  const wanted = [...heads].flatMap(([h, chunks]) => (chunks as Chunks).map(([index]) => chunkKey(h.slice(3), index)));
  const got = await input.state(wanted);
  const lists = new Map<string, Waiting[]>();
  const deleted: [string, null][] = wanted.map((k) => [k, null]);
  for (const [h, chunks] of heads) {
    const k = h.slice(3);
    lists.set(k, (chunks as Chunks).flatMap(([index]) => (got.get(chunkKey(k, index)) as Waiting[] | undefined) ?? []).slice(-MAX_WAITING));
    deleted.push([h, null]);
  }
  return { lists, deleted };
}

/**
 * A name no type fitted: its document and span, its place among the document's mentions (`at`), its
 * text, and what typing it later needs of its document, known when it is filed (`waitAll`), so that
 * typing it does not load the document: `here`, the types of the document's own spellings that fit it
 * (`typeUntyped`'s first test: 0 none, 1 several, or the one type); `load` 1 when typing it reads the
 * document all the same (a title cue or pack link, which its group carries; a span another mention has).
 */
export type Waiting = [doc: string, start: number, end: number, at: number, text: string, here: 0 | 1 | MentionType, load: 0 | 1];

/** Files the untyped mentions `ms` of `doc` under the key each type would give their spelling. */
export function waitAll(into: Map<string, Waiting[]>, doc: NewsDoc, ms: readonly Mention[]): void {
  if (ms.length === 0) return;
  const mentions = doc.layers.mentions ?? [];
  const inDoc = typedSpellings(doc);
  const at = new Map(mentions.map((m, i) => [m, i]));
  const spans = new Map<string, number>();
  for (const m of mentions) if (m.evidence === 'explicit') spans.set(`${m.span.start}|${m.span.end}`, (spans.get(`${m.span.start}|${m.span.end}`) ?? 0) + 1);
  for (const m of ms) {
    const text = doc.text.slice(m.span.start, m.span.end);
    const here = fitting(text, inDoc);
    const load = m.title || m.pack || spans.get(`${m.span.start}|${m.span.end}`)! > 1 ? 1 : 0;
    const w: Waiting = [doc.id, m.span.start, m.span.end, at.get(m)!, text, here.length === 0 ? 0 : here.length > 1 ? 1 : here[0], load];
    for (const t of TYPES) {
      const k = `${t}|${canonicalKey(t, text)}`;
      (into.get(k) ?? into.set(k, []).get(k)!).push(w);
    }
  }
}

/**
 * Older documents' names no type fitted, typed now that a new document gave their spelling a type
 * (as a full pass would: the corpus's typed spellings type them), each as a group of its own; the
 * waiting lists of the spellings learnt are emptied. A name is typed from what its waiting entry
 * kept (`Waiting`), without loading its document, as `typeUntyped` would type it there; a document
 * is loaded only when one of its names needs it (`load`, or no corpus spelling fits, when the
 * document's full names decide), and then its names are typed there as they always were.
 */
export async function typeAgain(input: IncrementalInput, learnt: string[], spellings: Set<string>, state: [string, unknown][]): Promise<LocalGroup[]> {
  if (learnt.length === 0) return [];
  const { lists, deleted } = await takeWaiting(input, learnt);
  state.push(...deleted);
  const byDoc = new Map<string, Map<number, Waiting>>(); // by place among the document's mentions
  for (const list of lists.values()) for (const w of list) (byDoc.get(w[0]) ?? byDoc.set(w[0], new Map()).get(w[0])!).set(w[3], w);
  const typed = new Map<string, [Waiting, MentionType][]>();
  const load: string[] = [];
  for (const [id, ws] of byDoc) {
    // in the order of the document's mentions, as typing them there gives them
    const types = [...ws.values()].sort((a, b) => a[3] - b[3]).map((w): [Waiting, MentionType | null | undefined] => [w, w[6] ? undefined : typeWaiting(w, spellings)]);
    if (types.some(([, t]) => t === undefined)) load.push(id);
    else typed.set(id, types.filter((x): x is [Waiting, MentionType] => !!x[1]));
  }
  if (load.length > 0) await input.docs.load(load);
  const out: LocalGroup[] = [];
  for (const [id, ws] of byDoc) {
    const fast = typed.get(id);
    if (fast) {
      for (const [w, type] of fast) out.push(waitingGroup(w, type));
      continue;
    }
    const doc = input.docs.get(id);
    if (!doc) continue;
    const wanted = new Set([...ws.values()].map((w) => `${w[1]}|${w[2]}`));
    const inDoc = { spellings: typedSpellings(doc), surnames: fullNameSurnames(doc) };
    for (const m of doc.layers.mentions ?? []) {
      if (m.evidence !== 'explicit' || !wanted.has(`${m.span.start}|${m.span.end}`)) continue;
      const type = typeUntyped(doc, m, inDoc.spellings, inDoc.surnames, spellings);
      if (type) out.push(singleGroup(doc, m, type));
    }
  }
  return out;
}

/**
 * The type `typeUntyped` gives a waiting name (null: none), from what its entry kept; undefined when
 * no spelling of the corpus fits it and the document's own full names decide (`typeUntyped`'s last
 * rule: the document is read).
 */
export function typeWaiting(w: Waiting, spellings: ReadonlySet<string>): MentionType | null | undefined {
  const here = w[5];
  if (here !== 0) return here === 1 ? null : here;
  const there = fitting(w[4], spellings);
  return there.length === 0 ? undefined : there.length === 1 ? there[0] : null;
}
