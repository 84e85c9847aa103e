import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'timeline');

describe('parley timeline / contradictions / export md', () => {
  let db: string;
  beforeAll(async () => {
    db = join(tempDir(), 'p.db');
    expect((await runCli(['ingest', FIXTURES, '--db', db, '--pack', 'none'])).code).toBe(0);
  });

  it('lists dated events in order with precision, status, sources and a dispute marker', async () => {
    const { out, code } = await runCli(['timeline', '--db', db, '--type', 'talks']);
    expect(code).toBe(0);
    expect(out.split('\n').filter(Boolean)).toEqual([
      '2031-04-07             day     happened Talks, first round — Varnholm, Ostrava  [1 source]',
      '2031-04-10             day     planned  Talks, second round — Varnholm, Ostrava, Ostravan — in Kessel  [2 sources] ⚠ disputed',
    ]);
  });

  it('filters by date and rejects a malformed one', async () => {
    const { out } = await runCli(['timeline', '--db', db, '--type', 'talks', '--from', '2031-04-08', '--json']);
    expect(JSON.parse(out).map((e: { date: { start: string } }) => e.date.start)).toEqual(['2031-04-10']);
    const bad = await runCli(['timeline', '--db', db, '--from', '10/04/2031']);
    expect([bad.code, bad.err]).toEqual([2, 'parley: --from 10/04/2031: expected a date as YYYY-MM-DD\n']);
  });

  it('shows the venue dispute and the denial with their statements', async () => {
    const { out } = await runCli(['contradictions', '--db', db, '--json']);
    const list = JSON.parse(out) as { kind: string; statements: { text: string }[] }[];
    expect(list.map((c) => [c.kind, c.statements.map((s) => s.text.slice(0, 40))])).toEqual([
      ['venue', ['Delegations of Varnholm and Ostrava are ', 'The second round of talks between Varnho']],
      ['denial', ['Delegations of Varnholm and Ostrava are ', 'Information that the talks will be held ']],
    ]);
  });

  it('writes a Markdown report with the timeline', async () => {
    const { out } = await runCli(['export', '--db', db, '--format', 'md']);
    expect(out).toContain('| 2031-04-10 | day | planned | Talks, second round — Varnholm, Ostrava, Ostravan — in Kessel ⚠ | 2 |');
  });
});
