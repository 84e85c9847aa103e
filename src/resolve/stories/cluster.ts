/**
 * Single-pass (online) story clustering, as in news-stream clustering (Allan et al. 1998, Miranda et
 * al. 2018): each new document joins the most similar existing story when the similarity is high
 * enough, else founds a new one. Candidates come from an inverted index term → stories, read only
 * for the document's own top terms and only the most recent stories per term, so adding a document
 * costs time independent of corpus size. Never all-pairs.
 */
import { cosine } from './tfidf.js';

/**
 * Cosine to a story's centroid needed to join it. Chosen on the story fixtures and MEANTIME
 * (`bench/stories.ts`): reports of one story score 0.3–0.6, stories sharing only a country or a
 * generic word below 0.2.
 */
export const STORY_SIMILARITY = 0.25;
/** Key terms a document must share with a story: one shared name (a country) is never enough. */
export const MIN_SHARED_TERMS = 2;
/** Days within which time does not count against joining; beyond, similarity is scaled by WINDOW/Δ. */
export const STORY_WINDOW_DAYS = 7;
/** Stories read per index term (the most recent ones), bounding the cost of one `add`. */
export const MAX_POSTINGS = 200;

/** One story while clustering. */
export interface StoryState {
  id: string;
  docs: string[];
  centroid: Map<string, number>;
  norm: number;
  /** Squared norm, updated per added term so an `add` never walks the whole centroid. */
  norm2: number;
  first: number | null;
  last: number | null;
}

const DAY = 86_400_000;

/** Incremental clusterer. */
export class StoryClusterer {
  readonly stories = new Map<string, StoryState>();
  private readonly index = new Map<string, string[]>();

  /** Files document `id` (unit vector, `YYYY-MM-DD` date or null) and returns its story's id. */
  add(id: string, vector: Map<string, number>, date: string | null, into?: string): string {
    const day = date ? Date.parse(date) / DAY : null;
    const story = into ? this.stories.get(into) : this.best(vector, day);
    const target = story ?? this.found(id);
    target.docs.push(id);
    for (const [t, w] of vector) {
      const before = target.centroid.get(t) ?? 0;
      if (before === 0) {
        const posting = this.index.get(t) ?? this.index.set(t, []).get(t)!;
        posting.push(target.id);
      }
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
    const s: StoryState = { id: `story-${id}`, docs: [], centroid: new Map(), norm: 0, norm2: 0, first: null, last: null };
    this.stories.set(s.id, s);
    return s;
  }

  /** The best story to join, or undefined. */
  private best(vector: Map<string, number>, day: number | null): StoryState | undefined {
    const shared = new Map<string, number>();
    for (const t of vector.keys()) for (const s of (this.index.get(t) ?? []).slice(-MAX_POSTINGS)) shared.set(s, (shared.get(s) ?? 0) + 1);
    let best: StoryState | undefined;
    let bestScore = STORY_SIMILARITY;
    for (const [sid, n] of shared) {
      if (n < MIN_SHARED_TERMS) continue;
      const s = this.stories.get(sid)!;
      const score = cosine(vector, s.centroid, s.norm) * timeFactor(day, s);
      if (score >= bestScore) [best, bestScore] = [s, score];
    }
    return best;
  }
}

/** 1 within the window around the story's dates, falling off as WINDOW/Δ beyond it; 1 when undated. */
export function timeFactor(day: number | null, s: StoryState): number {
  if (day === null || s.first === null || s.last === null) return 1;
  const gap = day < s.first ? s.first - day : day > s.last ? day - s.last : 0;
  return gap <= STORY_WINDOW_DAYS ? 1 : STORY_WINDOW_DAYS / gap;
}
