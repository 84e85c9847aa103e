/**
 * The documents an incremental resolution reads, loaded on demand: a resolver asks for the stored
 * documents it needs (`load`) before reading them (`get`), so a run over a corpus of any size holds
 * only the new documents and those their indexes lead to — memory bounded by the batch, not the
 * corpus. Documents an earlier resolver of the run changed are seen as changed.
 */
import type { NewsDoc } from '../model/doc.js';

export class DocSet {
  /** Every document as the previous resolution left it, for those loaded. */
  private readonly before = new Map<string, NewsDoc | null>();
  /** The documents this run changed (a publication date, a copy link), as changed. */
  private readonly now = new Map<string, NewsDoc>();

  constructor(private readonly fetch: (ids: string[]) => Promise<Map<string, NewsDoc>>) {}

  /** Loads the stored documents among `ids` that are not loaded yet. */
  async load(ids: Iterable<string>): Promise<void> {
    const need = [...new Set(ids)].filter((id) => !this.before.has(id));
    if (need.length === 0) return;
    const got = await this.fetch(need);
    for (const id of need) this.before.set(id, got.get(id) ?? null);
  }

  /** Adds documents already in memory (the new ones) as stored. */
  hold(docs: Iterable<NewsDoc>): void {
    for (const d of docs) this.before.set(d.id, d);
  }

  /** A loaded document as this run left it; undefined when no such document is stored. Throws when never loaded: a resolver bug. */
  get(id: string): NewsDoc | undefined {
    const d = this.now.get(id) ?? this.before.get(id);
    if (d === undefined) throw new Error(`resolution read document ${id} without loading it first`);
    return d ?? undefined;
  }

  /** A loaded document as the previous resolution left it. */
  stored(id: string): NewsDoc | undefined {
    const d = this.before.get(id);
    if (d === undefined) throw new Error(`resolution read document ${id} without loading it first`);
    return d ?? undefined;
  }

  /**
   * Drops a loaded document this run has not changed, once a resolver has taken what it needs of it
   * (a near-duplicate candidate's shingles): memory stays bounded however many candidates a batch
   * reads. A later `load` reads it again.
   */
  forget(id: string): void {
    if (!this.now.has(id)) this.before.delete(id);
  }

  /** Records a resolver's change to a document. */
  set(doc: NewsDoc): void {
    this.now.set(doc.id, doc);
  }

  /** The documents this run changed, as changed. */
  changed(): NewsDoc[] {
    return [...this.now.values()];
  }
}

/** What reading documents by id needs: a map, or a `DocSet` after `load`. */
export type DocLookup = Pick<ReadonlyMap<string, NewsDoc>, 'get'>;
