/**
 * TempEval-3 Task A (time expressions) on the platinum test set, with the official measures: strict
 * and relaxed extent F1 and value F1 (F1 over relaxed matches whose TIMEX3 value is right, i.e.
 * F1 × value accuracy), for Parley's `times` extractor and for plain chrono-node in the same run,
 * beside the published HeidelTime, SUTime and ClearTK figures. The TBAQ training set (the development
 * set used for tuning) is scored too, on request (`TEMPEVAL_DEV=1`), and printed separately.
 * Extents are compared on characters; TE3's scorer compares tokens, which agrees for whole-word extents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { DATA, haveData } from './shared.js';
import { splitSentences } from '../src/annotate/sentences/stage.js';
import { findTimes } from '../src/annotate/times/find.js';
import { anchorTimes } from '../src/annotate/times/anchor.js';

interface Timex { start: number; end: number; value: string; type: string; text: string }
interface TmlDoc { name: string; dct: string; text: string; gold: Timex[] }

/** Reads a TimeML file: the TEXT section with tags removed, its TIMEX3s as offsets, and the DCT. */
export function readTml(name: string, xml: string): TmlDoc {
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml)?.[1] ?? '';
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  const gold: Timex[] = [];
  let text = '';
  let open: { start: number; value: string; type: string } | null = null;
  const tag = /<(\/?)([A-Z0-9]+)([^>]*)>|([^<]+)/g;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m[4] !== undefined) text += m[4].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    else if (m[2] === 'TIMEX3' && !m[1]) open = { start: text.length, value: /value="([^"]*)"/.exec(m[3])?.[1] ?? '', type: /type="([^"]*)"/.exec(m[3])?.[1] ?? '' };
    else if (m[2] === 'TIMEX3' && m[1] && open) {
      gold.push({ ...open, end: text.length, text: text.slice(open.start) });
      open = null;
    }
  }
  return { name, dct: dct.slice(0, 10), text, gold };
}

type System = (doc: TmlDoc) => Timex[];

const parley: System = (doc) =>
  anchorTimes(findTimes(doc.text, splitSentences(doc.text)), doc.dct).map((t) => ({
    start: t.span.start, end: t.span.end, value: t.value, type: t.type, text: doc.text.slice(t.span.start, t.span.end),
  }));

const pad = (n: number) => String(n).padStart(2, '0');
const plainChrono: System = (doc) => {
  const [y, m, d] = doc.dct.split('-').map(Number);
  return chrono.casual.parse(doc.text, { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 }).map((r) => {
    const s = r.start;
    const date = `${s.get('year')}-${pad(s.get('month')!)}${s.isCertain('day') || s.isCertain('weekday') || !s.isCertain('month') ? '-' + pad(s.get('day')!) : ''}`;
    const value = s.isCertain('hour') ? `${date}T${pad(s.get('hour')!)}:${pad(s.get('minute') ?? 0)}` : s.isCertain('year') && !s.isCertain('month') ? String(s.get('year')) : date;
    return { start: r.index, end: r.index + r.text.length, value, type: s.isCertain('hour') ? 'TIME' : 'DATE', text: r.text };
  });
};

interface Counts { sys: number; ref: number; strict: number; relaxed: number; value: number }

function score(docs: TmlDoc[], system: System, misses?: string[]): Counts {
  const c: Counts = { sys: 0, ref: 0, strict: 0, relaxed: 0, value: 0 };
  for (const doc of docs) {
    const out = system(doc);
    c.sys += out.length;
    c.ref += doc.gold.length;
    for (const g of doc.gold) {
      const hit = out.find((s) => s.start < g.end && g.start < s.end);
      if (!hit) { misses?.push(`MISS  ${doc.name}: "${g.text}" ${g.value}`); continue; }
      c.relaxed++;
      if (hit.start === g.start && hit.end === g.end) c.strict++;
      else misses?.push(`EXTENT ${doc.name}: "${g.text}" vs "${hit.text}"`);
      if (hit.value === g.value) c.value++;
      else misses?.push(`VALUE ${doc.name}: "${g.text}" ${g.value} vs "${hit.text}" ${hit.value} (${doc.dct})`);
    }
    for (const s of out) if (!doc.gold.some((g) => s.start < g.end && g.start < s.end)) misses?.push(`SPURIOUS ${doc.name}: "${s.text}" ${s.value}`);
  }
  return c;
}

const f1 = (hit: number, c: Counts) => (hit === 0 ? 0 : (2 * (hit / c.sys) * (hit / c.ref)) / (hit / c.sys + hit / c.ref)) * 100;

function load(dir: string): TmlDoc[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.tml')) files.push(join(d, e.name));
  };
  walk(dir);
  return files.sort().map((f) => readTml(f.split('/').pop()!, readFileSync(f, 'utf8')));
}

function report(label: string, docs: TmlDoc[]): void {
  const gold = docs.reduce((n, d) => n + d.gold.length, 0);
  console.log(`${label}: ${docs.length} documents, ${gold} timexes`);
  console.log('| system | relaxed F1 | strict F1 | value F1 | P (relaxed) | R (relaxed) |\n|---|---|---|---|---|---|');
  const rows: [string, Counts][] = [['Parley times', score(docs, parley)], ['plain chrono-node (same run)', score(docs, plainChrono)]];
  for (const [name, c] of rows)
    console.log(`| ${name} | ${f1(c.relaxed, c).toFixed(2)} | ${f1(c.strict, c).toFixed(2)} | ${f1(c.value, c).toFixed(2)} | ${((100 * c.relaxed) / c.sys).toFixed(2)} | ${((100 * c.relaxed) / c.ref).toFixed(2)} |`);
  const [p, b] = [rows[0][1], rows[1][1]];
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const speed = (system: System) => {
    const t0 = performance.now();
    for (const d of docs) system(d);
    return chars / ((performance.now() - t0) / 1000);
  };
  const [sp, sb] = [speed(parley), speed(plainChrono)];
  console.log(`speed: Parley ${(sp / 1000).toFixed(0)} k chars/s, plain chrono ${(sb / 1000).toFixed(0)} k chars/s (×${(sp / sb).toFixed(2)})`);
  console.log(`ratio Parley / chrono: value F1 ×${(f1(p.value, p) / f1(b.value, b)).toFixed(2)}, strict F1 ×${(f1(p.strict, p) / f1(b.strict, b)).toFixed(2)}`);
  if (process.env.TEMPEVAL_ERRORS) {
    const misses: string[] = [];
    score(docs, parley, misses);
    console.log(misses.join('\n'));
  }
}

/** Parley's relaxed, strict and value F1 on the TimeML files under `dir` (for the floor test). */
export function parleyScores(dir: string): { relaxed: number; strict: number; value: number } {
  const c = score(load(dir), parley);
  return { relaxed: f1(c.relaxed, c), strict: f1(c.strict, c), value: f1(c.value, c) };
}

/** Runs the suite. */
export async function runTempeval(): Promise<void> {
  if (!haveData('tempeval3')) return;
  if (process.env.TEMPEVAL_DEV) report('TBAQ-cleaned (development set)', load(join(DATA, 'tempeval3', 'train', 'TBAQ-cleaned')));
  report('TempEval-3 platinum (test)', load(join(DATA, 'tempeval3', 'test', 'te3-platinum')));
  console.log('| published (platinum, UzZaman et al. 2013) | relaxed F1 | strict F1 | value F1 |\n|---|---|---|---|');
  console.log('| HeidelTime-t | 90.30 | 81.34 | 77.61 |\n| SUTime | 90.32 | 79.57 | 67.38 |\n| ClearTK-1,2 | 90.23 | 82.71 | 64.66 |');
}
