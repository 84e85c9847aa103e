/**
 * Rewritten copies, incrementally: the corpus statistics (name spellings, stated roles, word
 * frequencies) and the content-word LSH are kept as state. New documents are added to them, scored
 * against them, and compared with the documents sharing their LSH buckets; a new document can be a
 * rewrite of a stored one or its original. An older document's clues are not scored again when later
 * documents change the statistics (a full resolution does that).
 *
 * State (resolver `rewrites`): the name keys of `name-state.ts` (`nd:`, `nm:`, `lw:`, `nb:`, `x:`);
 * `r:<name>` titles stated for a name, with their documents; `w:<word>` content-word document
 * frequencies; `b:<bucket>` content-word LSH buckets; `s:<doc>` its content-word signature;
 * `g:<original>` its group of copies.
 */
import type { Context } from '../../context.js';
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput, IncrementalOutput } from '../resolve.js';
import { signature, type LshIndex } from '../duplicates/minhash.js';
import { packSig, StoredLsh, unpackSig } from '../duplicates/stored-lsh.js';
import { DUPLICATE_FLAG, type DuplicateGroup } from '../duplicates/resolver.js';
import { replaceFlags } from '../duplicates/flags.js';
import { isOriginalOf, round } from '../duplicates/near-duplicates.js';
import { tokens } from '../duplicates/tokens.js';
import { contentSet } from './content-words.js';
import { spinVote, WordFreq } from './direction.js';
import { combine, lexicalClues, REWRITE_SCORE } from './lexical.js';
import { type NameStats, namesIn } from './names.js';
import { nameState, StoredNames } from './name-state.js';
import { RoleStats, statedRoles } from './role-errors.js';
import { CONTENT_MIN_BANDS, CONTENT_ROWS, contentWords, plausible, tryLink } from './reworded-copies.js';
import { packFactsOf, REWRITE_FLAG, rewordedLink, swappedCopy, type Link } from './resolver.js';

/** What a full run leaves for the state. */
export interface FullRun {
  /** Content-word signatures by document. */
  sigs: Map<string, Uint32Array>;
  names: NameStats;
  roles: RoleStats;
  freq: WordFreq;
  lsh: LshIndex<string>;
  groups: Map<string, DuplicateGroup>;
}

type Copy = DuplicateGroup['copies'][number];

export function rewriteState(run: FullRun): [string, unknown][] {
  const out = nameState(run.names);
  for (const [name, titles] of run.roles.tally) out.push([`r:${name}`, [...titles].map(([t, docs]) => [t, [...docs]])]);
  for (const [w, n] of run.freq.df) out.push([`w:${w}`, n]);
  for (const [k, ids] of run.lsh.postings()) out.push([`b:${k}`, ids]);
  for (const [id, sig] of run.sigs) out.push([`s:${id}`, packSig(sig)]);
  for (const [o, g] of run.groups) out.push([`g:${o}`, g.copies]);
  return out;
}

/** Statistics loaded for the documents scored in this run, and the keys they changed. */
class Stats {
  readonly names: StoredNames;
  readonly roles = new RoleStats();
  readonly freq = new WordFreq();
  private readonly loaded = new Set<string>();
  /** Documents whose names and roles (`lexical`) or content words (`words`) are loaded already. */
  private readonly done = { lexical: new Set<string>(), words: new Set<string>() };

  constructor(private readonly state: IncrementalInput['state']) {
    this.names = new StoredNames(state);
  }

  /** Loads everything scoring `docs` reads. */
  async load(docs: NewsDoc[]): Promise<void> {
    await this.loadLexical(docs);
    await this.loadWords(docs);
  }

  /** Loads what the lexical clues of `docs` read: their names and the names close to them, and their roles. */
  async loadLexical(all: NewsDoc[]): Promise<void> {
    const docs = this.todo('lexical', all);
    if (docs.length === 0) return;
    await this.names.load(docs.flatMap((d) => [...namesIn(d.text).keys()]));
    const roles = await this.read([...new Set(docs.flatMap((d) => statedRoles(d.text).map((r) => `r:${r.name}`)))]);
    for (const [k, v] of roles) this.roles.tally.set(k.slice(2), new Map((v as [string, string[]][]).map(([t, ids]) => [t, new Set(ids)])));
  }

  /** Loads the document frequencies of the content words of `docs` (what `spinVote` reads). */
  async loadWords(all: NewsDoc[]): Promise<void> {
    const docs = this.todo('words', all);
    if (docs.length === 0) return;
    const words = await this.read([...new Set(docs.flatMap((d) => [...contentSet(d.text)]))].map((w) => `w:${w}`));
    for (const [k, v] of words) this.freq.df.set(k.slice(2), v as number);
  }

  private todo(kind: keyof Stats['done'], docs: NewsDoc[]): NewsDoc[] {
    const out = docs.filter((d) => !this.done[kind].has(d.id));
    for (const d of out) this.done[kind].add(d.id);
    return out;
  }

  /** Reads the keys not read before. */
  private async read(keys: string[]): Promise<Map<string, unknown>> {
    const need = keys.filter((k) => !this.loaded.has(k));
    for (const k of need) this.loaded.add(k);
    return this.state(need);
  }

  /** Counts new documents in, and returns the state entries they changed. */
  add(docs: NewsDoc[]): [string, unknown][] {
    const out = this.names.addDocs(docs);
    for (const d of docs) {
      this.roles.add(d);
      this.freq.add(d.text);
    }
    const lower = new Set<string>();
    for (const d of docs) for (const t of tokens(d.text)) if (/^\p{Ll}/u.test(d.text[t.start])) lower.add(t.norm.replace(/'s$/, ''));
    for (const w of lower) out.push([`lw:${w}`, 1]);
    for (const name of new Set(docs.flatMap((d) => statedRoles(d.text).map((r) => r.name)))) {
      out.push([`r:${name}`, [...this.roles.tally.get(name)!].map(([t, ids]) => [t, [...ids]])]);
    }
    for (const w of new Set(docs.flatMap((d) => [...contentSet(d.text)]))) out.push([`w:${w}`, this.freq.df.get(w)]);
    return out;
  }
}

/** Scores and links the new documents; returns the documents whose rewrite flags or links changed. */
export async function addRewrites(input: IncrementalInput, ctx: Context): Promise<IncrementalOutput> {
  const pack = packFactsOf(ctx.pack);
  const fresh = [...input.added, ...input.changed];
  const stats = new Stats(input.state);
  await stats.load(fresh);
  const state = stats.add(input.added);
  const lexOf = new Map<string, ReturnType<typeof lexicalClues>>();
  const clues = async (d: NewsDoc) => {
    if (!lexOf.has(d.id)) {
      await stats.loadLexical([d]);
      lexOf.set(d.id, lexicalClues(d, stats.names, stats.roles, pack));
    }
    return lexOf.get(d.id)!;
  };
  const lex = async (d: NewsDoc) => combine((await clues(d)).map((c) => c.weight));
  const isCopy = (d: NewsDoc) => d.flags.some((f) => f.kind === DUPLICATE_FLAG);
  const precedes = async (a: NewsDoc, b: NewsDoc) => {
    const [da, db] = [a.published.date, b.published.date];
    if (da && db && da !== db) return da < db;
    await stats.loadWords([a, b]);
    const vote = spinVote(a.text, b.text, stats.freq);
    if (vote !== 0) return vote > 0;
    const [la, lb] = [await lex(a), await lex(b)];
    if (la !== lb) return la < lb;
    return isOriginalOf(a, b, await input.order());
  };

  // Reworded copies: each new document against the documents sharing its content-word buckets.
  const links = new Map<string, Link>();
  const lsh = new StoredLsh(input.state, CONTENT_ROWS);
  const sigs = new Map<string, Uint32Array>();
  for (const doc of input.added) {
    const words = contentWords(doc);
    if (!words) continue;
    // The best-ranked, ties to the most recently ingested, as a full run ranks them; then only those close enough.
    const sig = signature(words);
    sigs.set(doc.id, sig);
    const ranked = await lsh.addRanked(doc.id, sig, CONTENT_MIN_BANDS);
    const order = ranked.length > 1 ? await input.order() : null;
    if (order) ranked.sort((a, b) => b[1] - a[1] || (order.get(b[0]) ?? 0) - (order.get(a[0]) ?? 0));
    for (const [k, v] of await input.state(ranked.filter(([id]) => !sigs.has(id)).map(([id]) => `s:${id}`))) sigs.set(k.slice(2), unpackSig(v as string));
    const candidates = plausible(ranked.map(([id]) => id), sig, (id) => sigs.get(id));
    await input.docs.load(candidates);
    for (const id of candidates) {
      const other = input.docs.get(id)!;
      if (isCopy(doc) || isCopy(other)) continue;
      const [orig, copy] = (await precedes(other, doc)) ? [other, doc] : [doc, other];
      // A stored document already linked keeps its link, as the first link found wins in a full run.
      if (links.has(copy.id) || (copy !== doc && copy.duplicateOf)) continue;
      const l = tryLink(copy, orig);
      if (l) links.set(copy.id, rewordedLink(l, copy, orig));
    }
  }
  await input.docs.load(fresh.flatMap((d) => d.duplicateOf ?? []));
  for (const doc of fresh) {
    const original = isCopy(doc) && doc.duplicateOf ? input.docs.get(doc.duplicateOf) : undefined;
    const link = original ? swappedCopy(doc, original) : null;
    if (link) links.set(doc.id, link);
  }

  // Flags of the new and changed documents, and of stored ones that became copies.
  // A changed document that is no copy keeps what it had: only its publication date or links moved.
  const targets = new Map([...input.added, ...input.changed.filter(isCopy), ...[...links.keys()].map((id) => input.docs.get(id)!)].map((d) => [d.id, d]));
  const docs: NewsDoc[] = [];
  for (const doc of targets.values()) {
    const link = links.get(doc.id);
    const score = await lex(doc);
    const evidence = [...(link ? [link.evidence] : []), ...(await clues(doc)).map((c) => c.evidence)];
    const flags = link !== undefined || score >= REWRITE_SCORE ? [{ kind: REWRITE_FLAG, score: round(Math.max(score, link?.score ?? 0)), evidence }] : [];
    const next = replaceFlags(doc, REWRITE_FLAG, flags, isCopy(doc) ? doc.duplicateOf : (link?.original ?? doc.duplicateOf));
    if (next) docs.push(next);
  }
  const groups = await regroup([...targets.values()].map((d) => docs.find((n) => n.id === d.id) ?? d), input, links);
  return {
    docs,
    upsert: { duplicates: groups.upsert },
    remove: { duplicates: groups.remove },
    state: [...state, ...lsh.entries(), ...groups.state, ...input.added.flatMap((d): [string, unknown][] => (sigs.has(d.id) ? [[`s:${d.id}`, packSig(sigs.get(d.id)!)]] : []))],
  };
}

/** Moves each document into the group of its original now (out of the one it was in before). */
async function regroup(docs: NewsDoc[], input: IncrementalInput, links: Map<string, Link>) {
  const before = (d: NewsDoc) => input.docs.stored(d.id)?.duplicateOf ?? null;
  const originals = [...new Set(docs.flatMap((d) => [before(d), d.duplicateOf]).filter((o): o is string => o !== null))];
  const got = await input.state(originals.map((o) => `g:${o}`));
  const groups = new Map(originals.map((o) => [o, [...((got.get(`g:${o}`) as Copy[] | undefined) ?? [])]]));
  for (const d of docs) {
    for (const o of [before(d), d.duplicateOf]) if (o) groups.set(o, groups.get(o)!.filter((c) => c.doc !== d.id));
    if (!d.duplicateOf) continue;
    const dup = d.flags.find((f) => f.kind === DUPLICATE_FLAG);
    const copy: Copy = dup ? { doc: d.id, kind: 'duplicate', score: dup.score } : { doc: d.id, kind: 'rewrite', score: round(links.get(d.id)?.score ?? 0) };
    groups.get(d.duplicateOf)!.push(copy);
  }
  const full = [...groups].filter(([, copies]) => copies.length > 0);
  return {
    upsert: full.map(([o, copies]) => ({ id: o, data: { original: o, copies } satisfies DuplicateGroup })),
    remove: [...groups].filter(([, copies]) => copies.length === 0).map(([o]) => o),
    state: [...groups].map(([o, copies]): [string, unknown] => [`g:${o}`, copies.length > 0 ? copies : null]),
  };
}
