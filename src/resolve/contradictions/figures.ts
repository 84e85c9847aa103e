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
      groups.set(key, [...(groups.get(key) ?? []), { doc, claim }]);
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

function findPair(group: { doc: NewsDoc; claim: ClaimLike }[]) {
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++) {
      const [a, b] = [group[i], group[j]];
      const differ = Math.abs(a.claim.value - b.claim.value) > ROUNDING * Math.max(a.claim.value, b.claim.value);
      const others = (a.claim.claimantText ?? '').toLowerCase() !== (b.claim.claimantText ?? '').toLowerCase();
      if (a.doc.id !== b.doc.id && differ && others) return [a, b] as const;
    }
  return null;
}
