/**
 * How much garbage the CLI lets V8 keep. With Node's default sizing on a machine of 16 GB or more, the
 * main heap's limit is ~4 GB and V8 then lets the heap grow up to 4× what survived the last full
 * collection before it collects again (its "max growing factor" jumps from 2 to 4 once the limit
 * passes 2 GB). An ingest's live heap is a few hundred MB, so the process held three times that in
 * garbage: measured on 3,000 synthetic articles (`--trace-gc`), 365 MB live after the last full
 * collection, 1.32 GB of heap just before it, 1.9 GB peak RSS.
 *
 * The fix sets V8's `--heap-growing-percent` at start-up: the heap may grow by that share over what
 * survived before the next full collection. It is a growth rule, not a cap, so nothing that needs a
 * large heap (`parley resolve --full` on a big corpus) can run out of memory because of it; it only
 * collects sooner. V8 reads the flag at every full collection, so setting it after start-up works
 * (`--max-old-space-size`, by contrast, is fixed when the heap is made), and it applies to the
 * annotation threads too (V8 flags are per process).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Growth over the live heap allowed before the next full collection, in percent. Chosen by measurement
 * (synthetic articles, 2 threads, runs side by side so they shared the load; README "Scale"): at
 * 3,000 articles V8's default peaked at 1.34–1.52 GB RSS, 100 at 1.38–1.50, 50 at 1.17–1.19 and 25 at
 * 1.07, all at the same CPU per document (24.6–26 ms); at 10,000, default 2.79 GB and 35 ms/doc, 50
 * 1.84 GB and 34 ms/doc. Run one after the other on a quieter machine (`npm run bench -- scale`),
 * 50 cost 8–10% more CPU per document than the default at 3,000 (peak 0.68–0.71×). 25 was not
 * measured at 10,000 (more full collections of a larger live heap cost more CPU), so 50; V8's own
 * factor on machines with less memory is 1.3–2.0 (30–100 %). Measured again at 6,000 articles (2 threads,
 * runs side by side): 50 peaked at 1,356–1,436 MB and 28.7–28.9 CPU ms/doc, 25 at 1,246–1,281 MB and
 * 30.0 ms/doc — 25 saves 110–190 MB for ~4 % more CPU, so 50 stays (`PARLEY_HEAP_GROWTH=25` trades).
 */
export const HEAP_GROWING_PERCENT = 50;

/** The environment variable that overrides `HEAP_GROWING_PERCENT` (0 = V8's own heuristics). */
export const HEAP_GROWTH_ENV = 'PARLEY_HEAP_GROWTH';

/**
 * The percentage to use: the user's `--heap-growing-percent` given to node wins (null: leave V8
 * alone), then `PARLEY_HEAP_GROWTH`, then `HEAP_GROWING_PERCENT`. Throws on a malformed variable.
 */
export function heapGrowth(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): number | null {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent(=|$)/.test(a))) return null;
  const fromEnv = env[HEAP_GROWTH_ENV]?.trim();
  if (fromEnv === undefined || fromEnv === '') return HEAP_GROWING_PERCENT;
  if (!/^\d{1,4}$/.test(fromEnv)) throw new Error(`${HEAP_GROWTH_ENV}=${fromEnv}: expected a whole number of percent ≥ 0 (0 = V8's default heap growth)`);
  const n = Number(fromEnv);
  return n === 0 ? null : n;
}

/** Applies `heapGrowth()` to this process; returns the percentage set, or null if V8's default stays. */
export function tuneHeap(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): number | null {
  const percent = heapGrowth(execArgv, env);
  if (percent !== null) setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
