/**
 * Coreference scores as in the CoNLL-2012 scorer: MUC, B³ and CEAF-e, and their mean (CoNLL F1).
 * Hand-written because no maintained npm package implements them; follows Pradhan et al. 2014
 * ("Scoring Coreference Partitions of Predicted Mentions"). Chains are arrays of mention ids; every
 * mention of the key must appear in the response (gold mentions), singletons included.
 */
export interface PRF {
  p: number;
  r: number;
  f: number;
}

const prf = (pn: number, pd: number, rn: number, rd: number): PRF => {
  const p = pd ? pn / pd : 0;
  const r = rd ? rn / rd : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

const index = (chains: string[][]) => {
  const m = new Map<string, number>();
  chains.forEach((c, i) => c.forEach((x) => m.set(x, i)));
  return m;
};

/** MUC: links needed to join each chain, counted against the other partition. */
export function muc(key: string[][], response: string[][]): PRF {
  const side = (a: string[][], b: string[][]) => {
    const ib = index(b);
    let num = 0;
    let den = 0;
    for (const chain of a) {
      const parts = new Set(chain.map((x) => ib.get(x) ?? `single:${x}`));
      num += chain.length - parts.size;
      den += chain.length - 1;
    }
    return [num, den];
  };
  const [rn, rd] = side(key, response);
  const [pn, pd] = side(response, key);
  return prf(pn, pd, rn, rd);
}

/** B³: per-mention overlap of its key and response chains, averaged over mentions. */
export function b3(key: string[][], response: string[][]): PRF {
  const side = (a: string[][], b: string[][]) => {
    const ib = index(b);
    let num = 0;
    let den = 0;
    for (const chain of a) {
      const counts = new Map<number, number>();
      for (const x of chain) if (ib.has(x)) counts.set(ib.get(x)!, (counts.get(ib.get(x)!) ?? 0) + 1);
      for (const n of counts.values()) num += (n * n) / chain.length;
      den += chain.length;
    }
    return [num, den];
  };
  const [rn, rd] = side(key, response);
  const [pn, pd] = side(response, key);
  return prf(pn, pd, rn, rd);
}

/** CEAF-e: best one-to-one alignment of chains under φ4 = 2|K∩R|/(|K|+|R|). */
export function ceafe(key: string[][], response: string[][]): PRF {
  const ir = index(response);
  // Align within connected components of the key/response overlap graph: small matrices.
  const seen = new Set<number>();
  let total = 0;
  const ik = index(key);
  for (let start = 0; start < key.length; start++) {
    if (seen.has(start)) continue;
    const ks = new Set<number>([start]);
    const rs = new Set<number>();
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const k = queue.pop()!;
      for (const x of key[k]) {
        const r = ir.get(x);
        if (r === undefined || rs.has(r)) continue;
        rs.add(r);
        for (const y of response[r]) {
          const k2 = ik.get(y);
          if (k2 !== undefined && !seen.has(k2)) {
            seen.add(k2);
            ks.add(k2);
            queue.push(k2);
          }
        }
      }
    }
    const kl = [...ks];
    const rl = [...rs];
    const sim = kl.map((k) => {
      const set = new Set(key[k]);
      return rl.map((r) => (2 * response[r].filter((x) => set.has(x)).length) / (key[k].length + response[r].length));
    });
    total += maxAssignment(sim);
  }
  return prf(total, response.length, total, key.length);
}

/** The largest total of a one-to-one assignment in a (possibly rectangular) similarity matrix (Hungarian). */
export function maxAssignment(sim: number[][]): number {
  const n = Math.max(sim.length, sim[0]?.length ?? 0);
  if (n === 0) return 0;
  const cost = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => -(sim[i]?.[j] ?? 0)));
  const u = new Array(n + 1).fill(0);
  const v = new Array(n + 1).fill(0);
  const p = new Array(n + 1).fill(0);
  const way = new Array(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array(n + 1).fill(Infinity);
    const used = new Array(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if (p[j]) total += -cost[p[j] - 1][j - 1];
  return total;
}

/** MUC, B³, CEAF-e and their mean F1. */
export function conll(key: string[][], response: string[][]) {
  const scores = { muc: muc(key, response), b3: b3(key, response), ceafe: ceafe(key, response) };
  return { ...scores, conll: (scores.muc.f + scores.b3.f + scores.ceafe.f) / 3 };
}
