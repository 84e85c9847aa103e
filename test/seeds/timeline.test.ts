/**
 * The whole pipeline on the four reference articles in ../shared/seeds (none of them carries a
 * date): the timeline numbers, checked as properties, never by copying their text here.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportV1 } from '../../src/model/export.js';
import { SHARED, runCli, tempDir } from '../helpers.js';

const SEEDS = join(SHARED, 'seeds');
const present = existsSync(SEEDS);
if (!present) console.warn(`skipped: ${SEEDS} is absent (the reference articles live in ../shared/seeds)`);

describe.skipIf(!present)('seeds: events, timeline, contradictions, rewrites', () => {
  type TimelineEvent = ExportV1['events'][number] & { known: string | null };
  let data: ExportV1;
  let events: TimelineEvent[];
  beforeAll(async () => {
    const db = join(tempDir(), 'seeds.db');
    expect((await runCli(['ingest', SEEDS, '--db', db])).code).toBe(0);
    data = JSON.parse((await runCli(['export', '--db', db])).out);
    events = JSON.parse((await runCli(['timeline', '--db', db, '--json'])).out);
  }, 300_000);

  const round = (known: string) => events.filter((e) => e.known === known);
  const docsOf = (e: ExportV1['events'][number]) => new Set(e.mentions.map((m) => m.doc));

  it('puts each negotiation round on the timeline once, on the right day', () => {
    for (const [known, day] of [
      ['talks-2022-02-28-gomel', '2022-02-28'],
      ['talks-2022-03-03-belovezhskaya', '2022-03-03'],
      ['talks-2022-03-29-istanbul', '2022-03-29'],
      ['talks-2025-05-16-istanbul', '2025-05-16'],
      ['talks-2025-06-02-istanbul', '2025-06-02'],
    ]) {
      expect(round(known).map((e) => e.date.start), known).toEqual([day]);
    }
  });

  it('merges the two reports of the second round of 2022', () => {
    expect(docsOf(round('talks-2022-03-03-belovezhskaya')[0]).size).toBe(2);
  });

  it('flags the venue dispute about that round', () => {
    const about = round('talks-2022-03-03-belovezhskaya')[0].id;
    const kinds = data.contradictions.filter((c) => c.about === about).map((c) => c.kind).sort();
    expect(kinds).toEqual(['denial', 'venue']);
  });

  it('dates the actions told by the article that carries no date, from its inferred publication date', () => {
    const doc = data.documents.find((d) => basename(d.origin).startsWith('001'))!;
    const dated = events.filter((e) => docsOf(e).has(doc.id) && e.date.start !== null).map((e) => `${e.date.start}..${e.date.end ?? e.date.start}`);
    expect(dated).toContain('2022-04-11..2022-04-11'); // "on Monday": the foreign minister's interview
    expect(dated).toContain('2022-04-04..2022-04-10'); // "last week": the accusation against the negotiators
    const strike = round('military-2022-04-08-kramatorsk');
    expect(strike.map((e) => [e.date.start, docsOf(e).has(doc.id)])).toEqual([['2022-04-08', true]]);
  });

  it('flags the two rewritten articles and not the two others', () => {
    const rewritten = data.documents.filter((d) => d.flags.some((f) => f.kind === 'rewritten')).map((d) => basename(d.origin).slice(0, 3));
    expect(rewritten.sort()).toEqual(['001', '003']);
  });
});
