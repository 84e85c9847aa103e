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

export function figureContradictions(docs: readonly NewsDoc[]): Contradiction[] {
  const groups = new Map<string, { doc: NewsDoc; claim: ClaimLike }[]>();
  for (const doc of docs) {
    const claims = ((doc.layers as Record<string, unknown>).claims as ClaimLike[] | undefined) ?? [];
    for (const claim of claims) {
      if (!claim.what) continue;
      const key = `${whatKey(claim.what)}|${claim.asOf ?? ''}`;
      const group = groups.get(key);
      if (group) group.push({ doc, claim });
      else groups.set(key, [{ doc, claim }]);
    }
  }
  const out: Contradiction[] = [];
  for (const group of groups.values()) {
    const pair = findPair(group);
    if (!pair) continue;
    const statements: Statement[] = pair.map(({ doc, claim }) => ({
      doc: doc.id,
      start: claim.span.start,
      end: claim.span.end,
      text: doc.text.slice(claim.span.start, claim.span.end),
      by: null,
    }));
    const [a, b] = pair.map((p) => `${p.claim.value} (${p.claim.claimantText ?? 'unattributed'})`);
    out.push({ id: contradictionId('figures', whatKey(pair[0].claim.what), statements), kind: 'figures', about: null, summary: `${pair[0].claim.what}: ${a} vs ${b}`, statements });
  }
  return out;
}

/**
 * Claims of one claimant a group keeps for comparison. Any two claims of a group are compared only
 * when one of them is among the first few of a claimant, so a figure repeated by thousands of copies
 * costs a pass, not all pairs; the first disagreement is found all the same.
 */
const MAX_REPRESENTATIVES = 8;

/** The first two claims of a group, from different documents and claimants, whose values differ. */
function findPair(group: { doc: NewsDoc; claim: ClaimLike }[]) {
  const reps: { doc: NewsDoc; claim: ClaimLike }[] = [];
  const perClaimant = new Map<string, number>();
  for (const b of group) {
    const who = (b.claim.claimantText ?? '').toLowerCase();
    for (const a of reps) {
      const differ = Math.abs(a.claim.value - b.claim.value) > ROUNDING * Math.max(a.claim.value, b.claim.value);
      if (a.doc.id !== b.doc.id && differ && (a.claim.claimantText ?? '').toLowerCase() !== who) return [a, b] as const;
    }
    const kept = perClaimant.get(who) ?? 0;
    if (kept < MAX_REPRESENTATIVES) {
      perClaimant.set(who, kept + 1);
      reps.push(b);
    }
  }
  return null;
}
