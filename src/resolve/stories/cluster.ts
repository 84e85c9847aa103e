/**
 * Single-pass (online) story clustering, as in news-stream clustering (Allan et al. 1998, Miranda et
 * al. 2018): each new document joins the most similar existing story when the similarity is high
 * enough, else founds a new one. Candidates come from an inverted index term → stories, read only
 * for the document's own top terms and only the most recent stories per term, so adding a document
 * costs time independent of corpus size. Never all-pairs.
 */
import { cosine } from './tfidf.js';

/**
 * Cosine to a story's centroid needed to join it. Swept over 0.1–0.2 (`bench/stories.ts`): 0.1
 * merges the synthetic corpus's stories (B³ F1 12), 0.2 leaves MEANTIME's topic groups split (F1
 * 28); 0.15 gives 90 and 57 (time ignored), and keeps the fixtures' stories that share only a country apart.
 */
export const STORY_SIMILARITY = 0.15;
/** Index terms a document must share with a story: one shared name (a country) is never enough. */
export const MIN_SHARED_TERMS = 2;
/** A document's strongest terms that go into (and query) the inverted index; the rest only score. */
export const INDEX_TERMS = 20;
/** Days within which time does not count against joining; beyond, similarity is scaled by WINDOW/Δ. */
export const STORY_WINDOW_DAYS = 7;
/** Stories read per index term (the most recent ones), bounding the cost of one `add`. */
export const MAX_POSTINGS = 100;
/** Candidate stories scored per document (those sharing the most index terms): bounds the cosines. */
export const MAX_CANDIDATES = 30;

/** One story while clustering. */
export interface StoryState {
  id: string;
  docs: string[];
  centroid: Map<string, number>;
  norm: number;
  /** Squared norm, updated per added term so an `add` never walks the whole centroid. */
  norm2: number;
  /** Terms under which this story is filed in the index. */
  indexed: Set<string>;
  first: number | null;
  last: number | null;
  /** Founding order (0 for the first story ever founded): breaks ties when listing stories. */
  order: number;
}

const DAY = 86_400_000;

/** Incremental clusterer. */
export class StoryClusterer {
  /** The stories, in founding order (an incremental run holds only the ones it loaded). */
  readonly stories = new Map<string, StoryState>();
  /** Index term → ids of the stories filed under it, oldest first. */
  readonly index = new Map<string, string[]>();
  /** Founding order the next new story gets. */
  founded = 0;

  /** `similarity` and `minShared` default to the tuned constants; benchmarks sweep them. */
  constructor(
    private readonly similarity = STORY_SIMILARITY,
    private readonly minShared = MIN_SHARED_TERMS,
  ) {}

  /** Files document `id` (unit vector, `YYYY-MM-DD` date or null) and returns its story's id. */
  add(id: string, vector: Map<string, number>, date: string | null, into?: string): string {
    const day = dayOf(date);
    const story = into ? this.stories.get(into) : this.choose(this.candidates(vector), vector, day);
    const target = story ?? this.found(id);
    target.docs.push(id);
    for (const t of topTerms(vector)) {
      if (target.indexed.has(t)) continue;
      target.indexed.add(t);
      (this.index.get(t) ?? this.index.set(t, []).get(t)!).push(target.id);
    }
    for (const [t, w] of vector) {
      const before = target.centroid.get(t) ?? 0;
      target.centroid.set(t, before + w);
      target.norm2 += (before + w) ** 2 - before ** 2;
    }
    target.norm = Math.sqrt(target.norm2);
    if (day !== null) {
      target.first = target.first === null ? day : Math.min(target.first, day);
      target.last = target.last === null ? day : Math.max(target.last, day);
    }
    return target.id;
  }

  private found(id: string): StoryState {
    const s: StoryState = { id: `story-${id}`, docs: [], centroid: new Map(), norm: 0, norm2: 0, indexed: new Set(), first: null, last: null, order: this.founded++ };
    this.stories.set(s.id, s);
    return s;
  }

  /**
   * Ids of the stories worth scoring: those sharing at least `minShared` of the vector's index terms
   * (reading only each term's `MAX_POSTINGS` most recent stories), the `MAX_CANDIDATES` sharing most.
   */
  candidates(vector: Map<string, number>): string[] {
    const shared = new Map<string, number>();
    for (const t of topTerms(vector)) {
      const posting = this.index.get(t) ?? [];
      for (let k = Math.max(0, posting.length - MAX_POSTINGS); k < posting.length; k++) shared.set(posting[k], (shared.get(posting[k]) ?? 0) + 1);
    }
    return [...shared].filter(([, n]) => n >= this.minShared).sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES).map(([sid]) => sid);
  }

  /**
   * The candidate most similar to the vector (time-scaled), if it is similar enough. A candidate not
   * loaded is skipped: an incremental run loads only the stories whose sketch lets them reach the
   * similarity (`sketch.ts`), so the others could not have been chosen.
   */
  choose(candidates: string[], vector: Map<string, number>, day: number | null): StoryState | undefined {
    let best: StoryState | undefined;
    let bestScore = this.similarity;
    for (const sid of candidates) {
      const s = this.stories.get(sid);
      if (!s) continue;
      const score = cosine(vector, s.centroid, s.norm) * timeFactor(day, s);
      if (score >= bestScore) [best, bestScore] = [s, score];
    }
    return best;
  }
}

/** A `YYYY-MM-DD` date in days (null: undated), as time proximity compares it. */
export function dayOf(date: string | null): number | null {
  return date ? Date.parse(date) / DAY : null;
}

/** The `INDEX_TERMS` strongest terms of a vector (vectors list their terms strongest first). */
export function topTerms(vector: Map<string, number>): string[] {
  return [...vector.keys()].slice(0, INDEX_TERMS);
}

/** 1 within the window around the story's dates, falling off as WINDOW/Δ beyond it; 1 when undated. */
export function timeFactor(day: number | null, s: Pick<StoryState, 'first' | 'last'>): number {
  if (day === null || s.first === null || s.last === null) return 1;
  const gap = day < s.first ? s.first - day : day > s.last ? day - s.last : 0;
  return gap <= STORY_WINDOW_DAYS ? 1 : STORY_WINDOW_DAYS / gap;
}
