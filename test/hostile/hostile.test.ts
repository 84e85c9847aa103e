/**
 * Hostile inputs (see `generate.ts`) ingested into each backend: the run finishes, every input is
 * either stored or rejected with a reason, the per-document budget rejects what it should, and a
 * second run stores nothing twice.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { ingest } from '../../src/ingest-batch.js';
import type { Rejected } from '../../src/model/doc.js';
import { tempDir } from '../helpers.js';
import { BACKENDS } from '../store/backends.js';
import { writeHostile } from './generate.js';

/** Generous: the ~80 inputs take ~5 s on an idle 2-core machine; shared CI machines can be far slower. */
const SLOW_MS = 180_000;

/** Big enough to pass the reader's 20 MiB limit and hit the per-document budget (8M characters). */
const BIG_MB = 12;

describe.each(BACKENDS)('hostile inputs ($name)', (backend) => {
  it.skipIf(!backend.available)('are each stored or rejected with a reason, and a second run changes nothing', async () => {
    const dir = join(tempDir('parley-hostile-'), 'in');
    const cases = writeHostile(dir, BIG_MB);
    const store = await backend.open(await backend.freshDb());
    const ctx = makeContext({ referenceDate: '2031-05-10' });
    const rejected: Rejected[] = [];
    const first = await ingest([dir], store, ctx, { onRejected: (r) => rejected.push(r) });

    const stored = new Set<string>();
    for await (const doc of store.allDocs()) for (const o of await store.originals(doc.id)) stored.add(o.origin);
    const belongs = (origin: string, path: string) => origin === path || origin.startsWith(`${path}#`);
    const report: string[] = [];
    for (const c of cases) {
      const path = join(dir, c.name);
      const reasons = rejected.filter((r) => belongs(r.skipped, path)).map((r) => r.reason);
      const kept = [...stored].filter((o) => belongs(o, path)).length;
      report.push(`${c.name}: ${kept} stored; ${reasons.join(' | ') || 'no rejection'}`);
      expect(kept + reasons.length, `${c.name} (${c.attacks}) is neither stored nor rejected`).toBeGreaterThan(0);
      for (const reason of reasons) expect(reason.trim().length, `${c.name}: empty reason`).toBeGreaterThan(5);
    }
    console.log(`${backend.name}:\n  ${report.join('\n  ')}`);
    const reasonOf = (name: string) => rejected.find((r) => belongs(r.skipped, join(dir, name)))?.reason;
    expect(reasonOf('one-line.txt')).toBe('over budget: clean text of 5,242,880 characters (limit 1,000,000)');
    expect(reasonOf('regex-titles.txt')).toBe('over budget: a line of 80,004 characters (limit 30,000); not article text');
    expect(reasonOf('large.txt')).toMatch(/^over budget: (body|clean text) of [\d,]+ characters/);
    expect(reasonOf('nul-in-text.txt')).toMatch(/NUL|binary/);
    expect(first.new).toBeGreaterThan(0);

    const second = await ingest([dir], store, ctx, { onRejected: () => {} });
    expect([second.new, second.duplicate]).toEqual([0, 0]);
    expect(second.unchanged).toBe(first.new + first.duplicate);
    await store.close();
  }, SLOW_MS);
});

