import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { publicationOf } from '../../../src/resolve/dates/stage.js';
import { dateHintsOf } from '../../../src/resolve/dates/pack-hints.js';
import { checkHints, findHints } from '../../../src/resolve/dates/hints.js';
import { makeContext, type Pack } from '../../../src/context.js';
import { makeDoc } from '../../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'times');
const pack = JSON.parse(readFileSync(join(FIXTURES, 'pack-valdoria.json'), 'utf8')) as Pack;
const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'pubdate.json'), 'utf8')) as {
  cases: { name: string; pack: boolean; referenceDate: string; text: string; expect: Record<string, unknown> }[];
};

function infer(text: string, referenceDate: string, withPack: boolean) {
  const doc = makeDoc(text);
  return publicationOf({ ...doc, layers: { sentences: splitSentences(text) } }, makeContext({ referenceDate, pack: withPack ? pack : { name: 'none' } }));
}

describe('publication date from content (table)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = infer(c.text, c.referenceDate, c.pack);
    expect({ date: r.date, source: r.source, confidence: r.confidence, range: r.range }).toEqual(c.expect);
  });

  it('gives its evidence, and says so when nothing dates the text', () => {
    expect(infer(cases[0].text, '2026-01-01', false).evidence).toEqual(['no dated anchor in the text']);
    expect(infer(cases[4].text, cases[4].referenceDate, true).evidence).toEqual([
      'mentions Ilse Varga as Foreign Minister (2024-01-10…now)',
      '"Monday, June 2": the weekday agrees with the date in 2025',
      '1 weekday mention(s) agree with dated anchors when published 2025-05-29',
      'possible 2025-05-28…2025-06-01',
    ]);
  });

  it('shows the evidence of recency and of a month constraint', () => {
    const c = cases.find((x) => x.name.startsWith('recency:'))!;
    expect(infer(c.text, c.referenceDate, true).evidence.slice(1)).toEqual([
      'mentions Second round of Valdoria–Ostmark talks (2031-04-17) as past',
      'mentions Killings of villagers in Dornau come to light (2031-04-20) as past',
      'mentions Missile strike on Kessel railway station (2031-04-24) as past',
      '"earlier this month" with 2031-04-24 in its sentence: published in 2031-04',
      'recent news: "Monday" read from 2031-04-29 falls on or after 2031-04-24, the latest past anchor, which the text calls recent',
      'possible 2031-04-28…2031-04-30',
    ]);
  });

  it('says which year told as past settled a weekday–date agreement', () => {
    const c = cases.find((x) => x.name.endsWith('year settled by the latest year told as past'))!;
    expect(infer(c.text, c.referenceDate, false).evidence[0]).toBe('"Monday, June 2": the weekday agrees with the date in 2025 (of 2025, 2014, 2008…: the one in or after 2024, "2024" told as past)');
  });

  it('lists what a best day contradicts', () => {
    const c = cases.find((x) => x.name.startsWith('weekdays agreeing'))!;
    expect(infer(c.text, c.referenceDate, true).evidence).toContain('conflicts with past 2031-04-20 when published 2031-04-11');
  });

  it('keeps a metadata date as it is', () => {
    const doc = makeDoc('Talks resumed on Monday.', { published: { date: '2022-03-02', source: 'metadata', confidence: 0.9, evidence: ['json:published: 2022-03-02'] } });
    expect(publicationOf(doc, makeContext({ referenceDate: '2026-01-01' }))).toEqual({
      date: '2022-03-02', source: 'metadata', confidence: 0.9, evidence: ['json:published: 2022-03-02'], range: { from: '2022-03-02', to: '2022-03-02' },
    });
  });
});

describe('date hints from a pack', () => {
  const hints = dateHintsOf(pack);

  it('derives role hints from dated roles and event hints from events', () => {
    expect(hints.map((h) => [h.kind, h.what, h.from, h.to])).toEqual([
      ['role', 'Ilse Varga as Foreign Minister', '2024-01-10', null],
      ['role', 'Otto Brel as Secretary of State', '2019-02-01', '2023-06-30'],
      ['event', 'First round of Valdoria–Ostmark talks', '2031-04-14', '2031-04-14'],
      ['event', 'First round of Valdoria–Ostmark talks', '2031-04-14', '2031-04-14'],
      ['event', 'Second round of Valdoria–Ostmark talks', '2031-04-17', '2031-04-17'],
      ['event', 'Second round of Valdoria–Ostmark talks', '2031-04-17', '2031-04-17'],
      ['event', 'Killings of villagers in Dornau come to light', '2031-04-20', '2031-04-20'],
      ['event', 'Missile strike on Kessel railway station', '2031-04-24', '2031-04-24'],
    ]);
    expect(() => checkHints(hints)).not.toThrow();
  });

  it.each([
    ['Foreign Minister Ilse Varga spoke.', ['Ilse Varga as Foreign Minister']],
    ['Varga, the Valdorian Foreign Minister, spoke.', ['Ilse Varga as Foreign Minister']],
    ['State Secretary Otto Brel and Varga met.', ['Otto Brel as Secretary of State']],
    ['Former Secretary of State Otto Brel met Varga.', []],
    ['Talks were held at Brenn Castle.', ['First round of Valdoria–Ostmark talks', 'Second round of Valdoria–Ostmark talks']],
    ['A second round was announced for Valdoria.', ['Second round of Valdoria–Ostmark talks']],
    ['A second round of voting was announced.', []],
    ['Bodies were found in Dornau.', ['Killings of villagers in Dornau come to light']],
    ['An attack on the Kessel railway station killed 30.', ['Missile strike on Kessel railway station']],
    ['Ostmark shelled Kessel again.', []],
    ['Ostmark shelled Kessel again. The station stayed open.', []],
  ])('%s', (text, expected) => {
    expect([...new Set(findHints(text, hints).map((m) => m.hint.what))]).toEqual(expected);
  });

  it('rejects a malformed hint at start-up', () => {
    expect(() => checkHints([{ kind: 'role', what: 'x', pattern: 'x', from: '2022-3-1', to: null }])).toThrow(/YYYY-MM-DD/);
    expect(() => checkHints([{ kind: 'role', what: 'x', pattern: '(', from: '2022-03-01', to: null }])).toThrow();
  });
});
