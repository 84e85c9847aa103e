/**
 * Article-extraction benchmark (Zyte/ScrapingHub, 181 news and blog pages with gold bodies): Parley's
 * cleaning scored beside the stored Readability.js and trafilatura outputs, by the same code in the
 * same run, plus cleaning speed beside plain Readability on linkedom measured in the same run.
 *
 * Metric (the benchmark's own, see its SOURCE.md): tokens are Unicode `\w+` runs; each text becomes
 * the multiset of its 4-token shingles; per page TP/FP/FN are multiset overlaps normalised by their
 * sum; precision and recall are averaged over pages (pages with nothing predicted are left out of
 * precision, as upstream); F1 is the harmonic mean of the two averages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { cleanText } from '../src/clean/clean.js';
import { DATA, haveData } from './shared.js';

/** The benchmark's folder under ../shared/data. */
export const EXTRACTION_FOLDER = 'article-extraction-benchmark';
const DIR = join(DATA, EXTRACTION_FOLDER);

/** One benchmark page: its id, HTML and gold article body. */
export interface Page {
  id: string;
  html: string;
  gold: string;
}

/** Precision, recall and F1 over a set of pages. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** Python's `\w` with `re.UNICODE`: letters, digits (all Unicode number categories) and underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const key = tokens.slice(i, i + 4).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised TP/FP/FN of one page's prediction against its gold text. */
export function pageCounts(predicted: string, gold: string): [number, number, number] {
  const p = shingles(predicted);
  const g = shingles(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of p) {
    const m = g.get(k) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [k, m] of g) fn += Math.max(0, m - (p.get(k) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

/** Scores predictions (by page id) over the pages, exactly as the upstream evaluator does. */
export function score(pages: readonly Page[], predicted: (page: Page) => string): Scores {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const page of pages) {
    const [tp, fp, fn] = pageCounts(predicted(page), page.gold);
    const perfect = fp === 0 && fn === 0;
    if (tp + fp > 0 || perfect) ps.push(perfect ? 1 : tp / (tp + fp));
    if (tp + fn > 0 || perfect) rs.push(perfect ? 1 : tp / (tp + fn));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const precision = mean(ps);
  const recall = mean(rs);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

/** The benchmark pages (all 181, or the first `limit` in id order), or null when the data is absent. */
export function loadPages(limit?: number): Page[] | null {
  let gold: Record<string, { articleBody: string }>;
  try {
    gold = JSON.parse(readFileSync(join(DIR, 'ground-truth.json'), 'utf8'));
  } catch {
    return null;
  }
  const ids = Object.keys(gold).sort().slice(0, limit);
  return ids.map((id) => ({ id, gold: gold[id].articleBody ?? '', html: gunzipSync(readFileSync(join(DIR, 'html', `${id}.html.gz`))).toString('utf8') }));
}

/** A stored system output (`output/<name>.json`), by page id. */
export function storedOutput(name: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(join(DIR, 'output', `${name}.json`), 'utf8'));
  const map = (raw.output ?? raw) as Record<string, { articleBody?: string }>;
  return Object.fromEntries(Object.entries(map).map(([id, v]) => [id, v.articleBody ?? '']));
}

/** Plain Readability on linkedom, the speed baseline (its text is `textContent`). */
function readabilityOnly(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
}

/**
 * Pages per CPU-second of two extractors, interleaved page by page (alternating which goes first) over
 * `rounds` passes, so a load spike on a shared machine hits both alike. CPU time is this process's
 * user+system time, so other processes' work does not count.
 */
function pagesPerSecond(pages: readonly Page[], a: (html: string) => string, b: (html: string) => string, rounds: number): [number, number] {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  let ta = 0;
  let tb = 0;
  for (let r = 0; r < rounds; r++) {
    pages.forEach((p, i) => {
      const order: [(h: string) => string, boolean][] = i % 2 === 0 ? [[a, true], [b, false]] : [[b, false], [a, true]];
      for (const [f, isA] of order) {
        const t0 = cpu();
        f(p.html);
        if (isA) ta += cpu() - t0;
        else tb += cpu() - t0;
      }
    });
  }
  return [(pages.length * rounds) / ta, (pages.length * rounds) / tb];
}

/** Published anchors (same 181 pages; see SOURCE.md). */
const ANCHORS = 'published F1: rs_trafilatura 0.970, trafilatura 2.0.0 0.958, Readability.js 0.6.0 0.947, newspaper4k 0.949; Readability on linkedom ~380 pages/s (issue 2)';

const fmt = (s: Scores) => `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;

/** The suite: quality table, then speed with its same-run baseline. */
export async function runExtraction(): Promise<void> {
  if (!haveData(EXTRACTION_FOLDER)) return;
  const pages = loadPages()!;
  const ours = new Map(pages.map((p) => [p.id, cleanText(p.html)]));
  const rows: [string, Scores][] = [['parley clean', score(pages, (p) => ours.get(p.id)!)]];
  for (const name of ['readability_js', 'trafilatura']) {
    const out = storedOutput(name);
    rows.push([`${name} (stored output)`, score(pages, (p) => out[p.id] ?? '')]);
  }
  console.log(`${pages.length} pages`);
  for (const [name, s] of rows) console.log(`${name.padEnd(32)} ${fmt(s)}`);
  console.log(`parley F1 − readability_js F1: ${(rows[0][1].f1 - rows[1][1].f1).toFixed(3)}; − trafilatura: ${(rows[0][1].f1 - rows[2][1].f1).toFixed(3)}`);
  const [base, parley] = pagesPerSecond(pages, readabilityOnly, cleanText, 3);
  console.log(`speed (pages per CPU-second, one thread, 3 interleaved passes): readability-on-linkedom ${base.toFixed(1)} pages/s, parley clean ${parley.toFixed(1)} pages/s, ratio ${(parley / base).toFixed(2)}`);
  console.log(ANCHORS);
}

