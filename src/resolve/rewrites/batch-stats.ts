/**
 * The corpus statistics an incremental `rewrites` run reads (name spellings, stated roles, word
 * frequencies), loaded from resolver state for the documents it scores, and the state entries the
 * new documents change. Each document's names, roles and content words are taken once per run, and
 * every load is one read of the keys it needs (a store reads a list of keys at about the cost of one).
 *
 * Only keys whose value changes are written (`StoredNames.addDocs` says which name rows).
 *
 * Word frequencies are those the `duplicates` resolver keeps (`w:` rows in its state): it counts the
 * same content words of the same documents, and runs first, so its counts already include the new
 * documents and are read from what it wrote in this run, not from the store (`word-counts.ts`).
 * Keeping a second copy cost ~15 reads and ~15 writes per article of a 500-article batch.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import { contentSet } from './content-words.js';
import { isCounted, WordFreq } from './direction.js';
import { StoredCounts } from '../duplicates/word-counts.js';
import { namesIn } from './names.js';
import { StoredNames } from './name-state.js';
import { RoleStats, statedRoles, type StatedRole } from './role-errors.js';

/** Statistics loaded for the documents scored in this run, and the keys they changed. */
export class BatchStats {
  readonly names: StoredNames;
  readonly roles = new RoleStats();
  readonly freq = new WordFreq();
  private readonly loaded = new Set<string>();
  /** Documents whose names and roles (`lexical`) or content words (`words`) are loaded already. */
  private readonly done = { lexical: new Set<string>(), words: new Set<string>() };
  /** Each document's content words and stated roles, taken once. */
  private readonly words = new Map<string, ReadonlySet<string>>();
  private readonly stated = new Map<string, readonly StatedRole[]>();

  private readonly counts: StoredCounts;

  /** `state`: this resolver's; `counts`: the `duplicates` resolver's, as this run has left it (its `w:` rows). */
  constructor(
    private readonly state: IncrementalInput['state'],
    counts: IncrementalInput['state'],
  ) {
    this.names = new StoredNames(state);
    this.counts = new StoredCounts(counts, this.freq);
  }

  /** The distinct content words of `d`. */
  wordsOf(d: NewsDoc): ReadonlySet<string> {
    return this.words.get(d.id) ?? this.words.set(d.id, contentSet(d.text)).get(d.id)!;
  }

  private rolesOf(d: NewsDoc): readonly StatedRole[] {
    return this.stated.get(d.id) ?? this.stated.set(d.id, statedRoles(d.text)).get(d.id)!;
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
    await this.names.load(docs.flatMap((d) => [...namesIn(d.text).keys()]), { rare: true });
    const roles = await this.read([...new Set(docs.flatMap((d) => this.rolesOf(d).map((r) => `r:${r.name}`)))]);
    for (const [k, v] of roles) this.roles.tally.set(k.slice(2), new Map((v as [string, string[]][]).map(([t, ids]) => [t, new Set(ids)])));
  }

  /** Loads the document frequencies (the new documents counted in) of the content words of `docs` (what `spinVote` reads). */
  async loadWords(all: NewsDoc[]): Promise<void> {
    const docs = this.todo('words', all);
    if (docs.length > 0) await this.counts.load(docs.flatMap((d) => [...this.wordsOf(d)]));
  }

  private todo(kind: keyof BatchStats['done'], docs: NewsDoc[]): NewsDoc[] {
    const out = docs.filter((d) => !this.done[kind].has(d.id));
    for (const d of out) this.done[kind].add(d.id);
    return out;
  }

  /** Reads the keys not read before. */
  private async read(keys: string[]): Promise<Map<string, unknown>> {
    const need = keys.filter((k) => !this.loaded.has(k));
    for (const k of need) this.loaded.add(k);
    return need.length === 0 ? new Map() : this.state(need);
  }

  /**
   * Counts new documents in (loaded first), and returns the state entries they changed. Their words
   * were counted by `duplicates`: a word of theirs without a count means it did not run before.
   */
  async add(docs: NewsDoc[]): Promise<[string, unknown][]> {
    const out = await this.names.addDocs(docs);
    for (const d of docs) {
      this.roles.addStated(d.id, this.rolesOf(d));
      for (const w of this.wordsOf(d)) if (isCounted(w) && !this.freq.df.has(w)) throw new Error(`rewrites reads the word counts of the duplicates resolver, which must run before it ("${w}" has none)`);
    }
    for (const name of new Set(docs.flatMap((d) => this.rolesOf(d).map((r) => r.name)))) {
      out.push([`r:${name}`, [...this.roles.tally.get(name)!].map(([t, ids]) => [t, [...ids]])]);
    }
    return out;
  }
}
