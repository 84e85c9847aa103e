/**
 * Entity errors by class with examples, for tuning on train/dev (`bench/entities-dev.ts`,
 * `scripts/train-tagger.ts --cv-news`): missed, spurious, wrong type, wrong boundary; a gold name
 * nested in another gold name that the system matched exactly is counted apart (`nested`): the inner
 * names Parley reads (`Mention.inner`) catch only some of them.
 */
import type { GoldSpan, GumDoc } from './entities-gum.js';

export type Kind = 'missed' | 'spurious' | 'type' | 'boundary' | 'nested';
/** A mention as the stage gave it, for explaining errors. */
export interface Raw { start: number; end: number; type: string; source: string }
export interface Example { kind: Kind; doc: string; gold?: string; pred?: string; context: string }

/** Errors of one document by class, with a short context for each. */
export function errorsOf(d: GumDoc, gold: GoldSpan[], pred: GoldSpan[], raw?: Raw[]): Example[] {
  const out: Example[] = [];
  const show = (s: GoldSpan) => `${d.text.slice(s.start, s.end)}/${s.type.slice(0, 3)}`;
  // with `raw`, what the stage said of the text around the error (type other and rule sources included)
  const why = (s: GoldSpan) => (raw ? `  {${raw.filter((m) => m.start < s.end && s.start < m.end).map((m) => `${d.text.slice(m.start, m.end)}:${m.type}:${m.source}`).join('; ')}}` : '');
  const ctxOf = (s: GoldSpan) => d.text.slice(Math.max(0, s.start - 40), s.end + 40).replace(/\s+/g, ' ') + why(s);
  const used = new Set<GoldSpan>();
  const exact = new Map<GoldSpan, GoldSpan>();
  for (const g of gold) {
    const same = pred.find((p) => p.start === g.start && p.end === g.end);
    if (same) {
      used.add(same);
      exact.set(g, same);
      if (same.type !== g.type) out.push({ kind: 'type', doc: d.id, gold: show(g), pred: show(same), context: ctxOf(g) });
    }
  }
  for (const g of gold) {
    if (exact.has(g)) continue;
    const outer = gold.find((o) => o !== g && exact.has(o) && o.start <= g.start && g.end <= o.end);
    const inner = gold.find((o) => o !== g && exact.has(o) && g.start <= o.start && o.end <= g.end);
    if (outer || inner) {
      out.push({ kind: 'nested', doc: d.id, gold: show(g), pred: show(exact.get((outer ?? inner)!)!), context: ctxOf(g) });
      continue;
    }
    const near = pred.find((p) => !used.has(p) && p.start < g.end && g.start < p.end);
    if (near) {
      used.add(near);
      out.push({ kind: 'boundary', doc: d.id, gold: show(g), pred: show(near), context: ctxOf(g) });
    } else out.push({ kind: 'missed', doc: d.id, gold: show(g), context: ctxOf(g) });
  }
  for (const p of pred) {
    if (used.has(p) || gold.some((g) => g.start < p.end && p.start < g.end)) continue;
    out.push({ kind: 'spurious', doc: d.id, pred: show(p), context: ctxOf(p) });
  }
  return out;
}

/** Prints errors by class: counts, the most frequent (gold → predicted) pairs, then the first `n` examples. */
export function printErrors(errors: Example[], n: number): void {
  for (const kind of ['missed', 'spurious', 'type', 'boundary', 'nested'] as const) {
    const list = errors.filter((e) => e.kind === kind);
    const by = (f: (e: Example) => string) => {
      const m = new Map<string, number>();
      for (const e of list) m.set(f(e), (m.get(f(e)) ?? 0) + 1);
      return [...m].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, c]) => `${k}×${c}`).join(', ');
    };
    console.log(`\n${kind}: ${list.length}; by type ${by((e) => `${e.gold?.replace(/.*\//, '') ?? '-'}→${e.pred?.replace(/.*\//, '') ?? '-'}`)}`);
    for (const e of list.slice(0, n)) console.log(`  [${e.doc.replace('GUM_', '')}] ${e.gold ?? '-'} → ${e.pred ?? '-'}   … ${e.context} …`);
  }
}
