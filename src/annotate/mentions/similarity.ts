/**
 * String similarity for names: Jaro–Winkler (rewards a shared beginning, which spelling variants
 * of one name keep) and the optimal-string-alignment edit distance (typos such as "Lavor").
 */

/** Jaro–Winkler similarity in [0, 1], prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[j]) j++;
    if (a[i] !== b[j]) t++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edit distance counting insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Surname similarity at which two spellings are taken as one name (a typo or variant), given that
 * type and the rest of the guard agree: Lavor/Lavrov 0.91, Arachamia/Arahamia 0.96, Zelski/Zelenski
 * 0.93 pass; Putin/Pushkin 0.83, Medinsky/Putin far below. Chosen between those, on the seeds.
 */
export const SURNAME_SIMILARITY = 0.9;

/** Whether two transliteration-neutral surnames are one name spelt two ways. */
export function sameSurname(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4) return false;
  if (a === `${b}a` || b === `${a}a`) return false; // Slavic feminine form: Ivanov ≠ Ivanova
  const s = a[0] === b[0] ? a : a.replace(/^s/, 'z');
  const t = a[0] === b[0] ? b : b.replace(/^s/, 'z');
  return jaroWinkler(s, t) >= SURNAME_SIMILARITY || (Math.min(a.length, b.length) >= 6 && editDistance(s, t) <= 1);
}
