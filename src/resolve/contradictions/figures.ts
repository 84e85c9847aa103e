/**
 * Figure contradictions: two claims about the same counted thing, as of the same day (or both
 * undated), with different values from different claimants. Claims come from the `claims` layer when
 * it exists; what is counted is compared after folding case and plural endings.
 */
import type { NewsDoc, Span } from '../../model/doc.js';
import type { Contradiction, Statement } from './resolver.js';
import { contradictionId } from './resolver.js';

/** What this resolver reads of the `claims` layer. */
interface ClaimLike {
  span: Span;
  value: number;
  what: string;
  claimantText?: string | null;
  asOf?: string | null;
}

/** Values closer than this (relative) are rounding, not disagreement ("around 3,700" vs 3,650). */
const ROUNDING = 0.05;

const whatKey = (what: string) => what.toLowerCase().replace(/\b(\w+?)(?:es|s)\b/g, '$1').replace(/\s+/g, ' ').trim();

/** A claim of a document: its place in the document's `claims` layer identifies it. */
export interface FiledClaim {
  doc: NewsDoc;
  claim: ClaimLike;
  index: number;
}

/** The key claims are compared under: what is counted (folded) and the as-of date. */
const figureKey = (claim: ClaimLike) => `${whatKey(claim.what)}|${claim.asOf ?? ''}`;

/** The claims of `docs` by key, in document order. */
export function claimsByKey(docs: readonly NewsDoc[]): Map<string, FiledClaim[]> {
  const groups = new Map<string, FiledClaim[]>();
  for (const doc of docs) {
    const claims = ((doc.layers as Record<string, unknown>).claims as ClaimLike[] | undefined) ?? [];
    claims.forEach((claim, index) => {
      if (!claim.what) return;
      const key = figureKey(claim);
      (groups.get(key) ?? groups.set(key, []).get(key)!).push({ doc, claim, index });
    });
  }
  return groups;
}

/** The claim at a stored reference, if the document still has it. */
export function claimAt(doc: NewsDoc | undefined, index: number): FiledClaim | null {
  const claim = doc && ((doc.layers as Record<string, unknown>).claims as ClaimLike[] | undefined)?.[index];
  return doc && claim ? { doc, claim, index } : null;
}

export function figureContradictions(docs: readonly NewsDoc[]): Contradiction[] {
  return [...claimsByKey(docs).values()].flatMap((group) => {
    const { pair } = scanClaims(group);
    return pair ? [figureContradiction(pair)] : [];
  });
}

/** Two claims that disagree, side by side. */
export function figureContradiction(pair: readonly [FiledClaim, FiledClaim]): Contradiction {
  const statements: Statement[] = pair.map(({ doc, claim }) => ({
    doc: doc.id,
    start: claim.span.start,
    end: claim.span.end,
    text: doc.text.slice(claim.span.start, claim.span.end),
    by: null,
  }));
  const [a, b] = pair.map((p) => `${p.claim.value} (${p.claim.claimantText ?? 'unattributed'})`);
  return { id: contradictionId('figures', whatKey(pair[0].claim.what), statements), kind: 'figures', about: null, summary: `${pair[0].claim.what}: ${a} vs ${b}`, statements };
}

/**
 * Claims of one claimant a group keeps for comparison. Any two claims of a group are compared only
 * when one of them is among the first few of a claimant, so a figure repeated by thousands of copies
 * costs a pass, not all pairs; the first disagreement is found all the same.
 */
const MAX_REPRESENTATIVES = 8;

/**
 * The first two claims of a group, from different documents and claimants, whose values differ; and
 * the representatives later claims are compared with. `reps` continues an earlier scan of the group
 * (an incremental run), which gives what one scan over the whole group would.
 */
export function scanClaims(group: FiledClaim[], reps: FiledClaim[] = []): { pair: readonly [FiledClaim, FiledClaim] | null; reps: FiledClaim[] } {
  reps = [...reps];
  const perClaimant = new Map<string, number>();
  for (const r of reps) perClaimant.set(claimant(r), (perClaimant.get(claimant(r)) ?? 0) + 1);
  for (const b of group) {
    const who = claimant(b);
    for (const a of reps) {
      const differ = Math.abs(a.claim.value - b.claim.value) > ROUNDING * Math.max(a.claim.value, b.claim.value);
      if (a.doc.id !== b.doc.id && differ && claimant(a) !== who) return { pair: [a, b] as const, reps };
    }
    const kept = perClaimant.get(who) ?? 0;
    if (kept < MAX_REPRESENTATIVES) {
      perClaimant.set(who, kept + 1);
      reps.push(b);
    }
  }
  return { pair: null, reps };
}

const claimant = (c: FiledClaim) => (c.claim.claimantText ?? '').toLowerCase();
