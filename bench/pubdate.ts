/**
 * Publication-date inference with the true date withheld: GDELT Ukraine articles (date from the file
 * name, which is not shown to Parley) and NYT/Guardian articles (date from the CSV), plus the four
 * seeds (no date is written in them; their true dates are not in the data, so only what Parley
 * concludes is printed). Scores: share dated, share within ±2 days of the truth, exact-day and ±3,
 * and share confidently wrong (a date given but off by more than 2 days), each over all documents,
 * beside a same-run baseline (the latest full date written in the text). Parley runs twice: with no
 * pack (text alone) and with the `russia-ukraine` pack's roles and events as date hints.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DATA, haveData } from './shared.js';
import { splitSentences } from '../src/annotate/sentences/stage.js';
import { findTimes } from '../src/annotate/times/find.js';
import { findHints, checkHints, type DateHint } from '../src/resolve/dates/hints.js';
import { dateHintsOf } from '../src/resolve/dates/pack-hints.js';
import { loadPack } from '../src/packs/load.js';
import { inferPublication } from '../src/resolve/dates/infer.js';
import { daysBetween } from '../src/annotate/times/calendar.js';

/** "Today" for the run: fixed after every test document, so results do not depend on the clock. */
const REFERENCE = '2026-01-01';
/** A document with its true publication date (hidden from Parley). */
export interface Item { name: string; text: string; truth: string | null }

function parley(text: string, hints: readonly DateHint[] = []) {
  const sentences = splitSentences(text);
  return inferPublication(text, findTimes(text, sentences), findHints(text, hints), REFERENCE, sentences);
}

function packHints(): DateHint[] {
  try {
    const hints = dateHintsOf(loadPack('russia-ukraine'));
    checkHints(hints);
    return hints;
  } catch (err) {
    console.log(`(russia-ukraine pack unavailable: ${(err as Error).message})`);
    return [];
  }
}
const PACK_HINTS = packHints();

function baseline(text: string): string | null {
  const full = findTimes(text, splitSentences(text)).flatMap((c) => (c.recipe.kind === 'date' && c.recipe.y && c.recipe.m && c.recipe.d ? [`${c.recipe.y}-${String(c.recipe.m).padStart(2, '0')}-${String(c.recipe.d).padStart(2, '0')}`] : []));
  return full.filter((d) => d <= REFERENCE).sort().pop() ?? null;
}

function report(label: string, items: Item[]): void {
  const rows: [string, (t: string) => string | null][] = [
    ['Parley, no pack', (t) => parley(t).date],
    [`Parley, russia-ukraine pack (${PACK_HINTS.length} hints)`, (t) => parley(t, PACK_HINTS).date],
    ['latest written date (baseline)', baseline],
  ];
  console.log(`${label}: ${items.length} documents`);
  console.log('| system | dated | within ±2 d | exact day | within ±3 d | confidently wrong (>2 d) |\n|---|---|---|---|---|---|');
  const shares: { two: number; wrong: number }[] = [];
  for (const [name, run] of rows) {
    let dated = 0, exact = 0, two = 0, three = 0, wrong = 0;
    for (const it of items) {
      const d = run(it.text);
      if (!d || !it.truth) continue;
      dated++;
      const err = Math.abs(daysBetween(it.truth, d));
      if (err === 0) exact++;
      if (err <= 2) two++; else wrong++;
      if (err <= 3) three++;
    }
    const pc = (n: number) => `${((100 * n) / items.length).toFixed(1)}%`;
    console.log(`| ${name} | ${pc(dated)} | ${pc(two)} | ${pc(exact)} | ${pc(three)} | ${pc(wrong)} |`);
    shares.push({ two, wrong });
  }
  const [, withPack, base] = shares;
  const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `×${(a / b).toFixed(2)}`);
  console.log(`ratio Parley (pack) / baseline: within ±2 d ${ratio(withPack.two, base.two)}, confidently wrong ${ratio(withPack.wrong, base.wrong)}`);
}

/** The GDELT articles with the date from each file name (null when the data is absent). */
export function gdeltItems(): Item[] | null {
  const dir = join(DATA, 'ukraine-gdelt-articles', 'articles');
  if (!existsSync(dir)) return null;
  return readdirSync(dir).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8'), truth: `${f.slice(0, 4)}-${f.slice(4, 6)}-${f.slice(6, 8)}` }));
}

/** The NYT and Guardian articles with the date from the CSV (null when the data is absent). */
export function nytGuardianItems(): Item[] | null {
  if (!existsSync(join(DATA, 'ukraine-nyt-guardian'))) return null;
  const items: Item[] = [];
  for (const f of ['Guardians_Russia_Ukraine.csv', 'NYT_Russia_Ukraine.csv']) {
    const rows: Record<string, string>[] = parse(readFileSync(join(DATA, 'ukraine-nyt-guardian', f)), { columns: true, skip_empty_lines: true, relax_quotes: true });
    for (const r of rows) items.push({ name: f, text: r.articles ?? '', truth: (r.published ?? '').replace(/\//g, '-').slice(0, 10) || null });
  }
  return items;
}

/** Parley's shares over `items` (with the pack's hints): dated, within ±2 days, confidently wrong. */
export function parleyShares(items: Item[]): { dated: number; within2: number; wrong: number } {
  let dated = 0, within2 = 0, wrong = 0;
  for (const it of items) {
    const d = parley(it.text, PACK_HINTS).date;
    if (!d || !it.truth) continue;
    dated++;
    if (Math.abs(daysBetween(it.truth, d)) <= 2) within2++;
    else wrong++;
  }
  return { dated: dated / items.length, within2: within2 / items.length, wrong: wrong / items.length };
}

/** Runs the suite. */
export async function runPubdate(): Promise<void> {
  if (haveData('ukraine-gdelt-articles')) report('GDELT Ukraine articles (date from the file name, withheld)', gdeltItems()!);
  if (haveData('ukraine-nyt-guardian')) report('NYT + Guardian 2022 (date from the CSV, withheld)', nytGuardianItems()!);
  const seeds = join(DATA, '..', 'seeds');
  try {
    for (const f of readdirSync(seeds).sort()) {
      for (const [label, hints] of [['no pack', []], ['pack', PACK_HINTS]] as const) {
        const r = parley(readFileSync(join(seeds, f), 'utf8'), hints);
        console.log(`seed ${f} (${label}): ${r.date ?? 'undated'} (confidence ${r.confidence}; range ${r.range ? `${r.range.from}…${r.range.to}` : 'none'}) — ${r.evidence.join('; ')}`);
      }
    }
  } catch {
    console.log('skipped seeds: ../shared/seeds is absent');
  }
}
