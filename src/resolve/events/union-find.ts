/** Disjoint sets over 0..n-1 with path halving; the smaller index becomes the root so output is stable. */
export class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  /** The sets, each a sorted list of members, ordered by their smallest member. */
  groups(): number[][] {
    const out = new Map<number, number[]>();
    this.parent.forEach((_, i) => {
      const r = this.find(i);
      const group = out.get(r);
      if (group) group.push(i);
      else out.set(r, [i]);
    });
    return [...out.values()];
  }
}
