import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'fixtures', 'times', 'corpus');

describe('parley show: times and publication-date evidence', () => {
  it('lists each time with its value and anchor, and how an undated copy got its date', async () => {
    const dir = tempDir();
    cpSync(CORPUS, join(dir, 'in'), { recursive: true });
    const db = join(dir, 'p.db');
    expect((await runCli(['ingest', join(dir, 'in'), '--db', db, '--pack', 'none'])).code).toBe(0);
    const docs = JSON.parse((await runCli(['docs', '--db', db, '--json'])).out) as { id: string; origin: string }[];
    const dated = docs.find((d) => d.origin.endsWith('2031-04-17_valdoria-talks.txt'))!;
    const copy = docs.find((d) => d.origin.endsWith('undated-copy.txt'))!;

    const shown = (await runCli(['show', dated.id, '--db', db])).out;
    expect(shown).toContain('published: 2031-04-17 (metadata, confidence 0.6)\n  evidence: filename: 2031-04-17\n');
    expect(shown.slice(shown.indexOf('times ('))).toBe(
      [
        'times (7):',
        '  73-81  "Thursday"  DATE 2031-04-17  (from publication 2031-04-17, ahead, relative:weekday)',
        '  149-158  "Wednesday"  DATE 2031-04-16  (from publication 2031-04-17, behind, relative:weekday)',
        '  205-208  "now"  DATE PRESENT_REF  (relative:ref)',
        '  236-244  "March 30"  DATE 2031-03-30  (from publication 2031-04-17, behind, chrono:date)',
        '  271-283  "the same day"  DATE 2031-03-30  (from mention 2031-03-30, relative:same-day)',
        '  322-340  "Earlier in the day"  DATE 2031-03-30  (from mention 2031-03-30, relative:same-day)',
        '  393-403  "three days"  DURATION P3D  (duration:count)',
        '',
      ].join('\n'),
    );

    const copied = (await runCli(['show', copy.id, '--db', db])).out;
    expect(copied).toContain(`published: 2031-04-17 (corpus, confidence 0.6)\n  evidence: same story as ${dated.id} dated 2031-04-17 (metadata)\n  evidence: no dated anchor in the text\n`);
    expect(copied).toContain('  73-81  "Thursday"  DATE 2031-04-17  (from publication 2031-04-17, ahead, relative:weekday)');

    const exported = JSON.parse((await runCli(['export', '--db', db, '--format', 'json'])).out) as { times: { doc: string; text: string; value: string }[] };
    expect(exported.times.filter((t) => t.doc === copy.id).map((t) => [t.text, t.value])).toEqual([['Thursday', '2031-04-17']]);
  });
});
