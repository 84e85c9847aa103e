import { describe, expect, it } from 'vitest';
import { reportHtml, reportMarkdown, selectReport } from '../../src/export/report.js';
import type { ExportV1 } from '../../src/model/export.js';

const doc = (id: string, text: string) => ({
  id,
  origin: `${id}.txt`,
  title: `Title ${id}`,
  outlet: 'Kessel Daily',
  published: { date: '2031-04-10', source: 'metadata' as const, confidence: 1, evidence: ['test'] },
  text,
  removed: [],
  flags: [],
  duplicateOf: null,
});

const DATA: ExportV1 = {
  version: 1,
  documents: [doc('d1', 'Envoys met in Kessel. <script>alert(1)</script>'), doc('d2', 'Other story.')],
  entities: [],
  times: [],
  quotes: [{ id: 'q1', doc: 'd1', start: 0, end: 12, text: 'Envoys met |', speaker: null, speakerText: 'An aide', via: null, direct: true }],
  claims: [],
  events: [
    {
      id: 'ev1',
      type: 'talks',
      title: 'Talks — Varnholm <b>',
      status: 'happened',
      date: { start: '2031-04-10', end: '2031-04-10', precision: 'day' },
      place: null,
      actors: [],
      mentions: [{ doc: 'd1', start: 0, end: 21, text: 'Envoys met in Kessel.' }],
    },
    {
      id: 'ev2',
      type: 'military',
      title: 'Military',
      status: 'unknown',
      date: { start: null, end: null, precision: 'unknown' },
      place: null,
      actors: [],
      mentions: [{ doc: 'd2', start: 0, end: 12, text: 'Other story.' }],
    },
  ],
  stories: [{ id: 's1', title: 'Kessel talks', docs: ['d1'] }],
  contradictions: [
    {
      id: 'c1',
      kind: 'venue',
      about: 'ev1',
      summary: 'Kessel or Lorn',
      statements: [{ doc: 'd1', start: 0, end: 21, text: 'Envoys met in Kessel.', by: null }],
    },
  ],
};

describe('story report', () => {
  it('selects one story and writes its timeline, disagreements, quotes and sources as Markdown', () => {
    expect(reportMarkdown(selectReport(DATA, 's1'))).toBe(
      [
        '# Kessel talks',
        '',
        '## Timeline',
        '',
        '| date | precision | status | event | sources |',
        '|---|---|---|---|---|',
        '| 2031-04-10 | day | happened | Talks — Varnholm <b> ⚠ | 1 |',
        '',
        '## Where sources disagree',
        '',
        '- **venue**: Kessel or Lorn',
        '  - Kessel Daily: “Envoys met in Kessel.”',
        '',
        '## Key quotes',
        '',
        '- An aide: “Envoys met \\|” (Kessel Daily)',
        '',
        '## Claims',
        '',
        '',
        '## Sources',
        '',
        '- Title d1 — Kessel Daily, 2031-04-10 (d1.txt)',
        '',
      ].join('\n'),
    );
  });

  it('says which story id is unknown', () => {
    expect(() => selectReport(DATA, 'nope')).toThrow('no story with id "nope"; see parley stories');
  });

  it('writes HTML with every text escaped and no script', () => {
    const html = reportHtml(selectReport(DATA));
    expect(html).toContain('<td>Talks — Varnholm &lt;b&gt; ⚠</td>');
    expect(html).toContain('<li>An aide: “Envoys met |” (Kessel Daily)</li>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });
});
