import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { findTimes } from '../../../src/annotate/times/find.js';
import { anchorTimes } from '../../../src/annotate/times/anchor.js';
import { timesStage } from '../../../src/annotate/times/stage.js';
import { exportTimes } from '../../../src/annotate/times/export.js';
import { makeContext } from '../../../src/context.js';
import { makeDoc } from '../../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'times');
const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as {
  cases: { name: string; published: string | null; text: string; expect: [string, string, string][] }[];
};

/** Text, type and value of every time found in `text`, anchored at `published`. */
function times(text: string, published: string | null): [string, string, string][] {
  return anchorTimes(findTimes(text, splitSentences(text)), published).map((t) => [text.slice(t.span.start, t.span.end), t.type, t.value]);
}

describe('times: table of difficulties (fixed publication dates)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(times(c.text, c.published)).toEqual(c.expect);
  });
});

describe('times stage', () => {
  const text = 'Varga said on Monday that talks will resume Thursday. The same day, the border reopens.';
  it('anchors at the metadata date and records anchor, direction and source', () => {
    const doc = makeDoc(text, { published: { date: '2022-03-02', source: 'metadata', confidence: 0.9, evidence: ['json:published'] } });
    const layer = timesStage.run({ ...doc, layers: { sentences: splitSentences(text) } }, makeContext());
    expect(layer.map((t) => ({ text: text.slice(t.span.start, t.span.end), value: t.value, anchor: t.anchor, direction: t.direction, source: t.source }))).toEqual([
      { text: 'Monday', value: '2022-02-28', anchor: { date: '2022-03-02', by: 'publication' }, direction: 'behind', source: 'relative:weekday' },
      { text: 'Thursday', value: '2022-03-03', anchor: { date: '2022-03-02', by: 'publication' }, direction: 'ahead', source: 'relative:weekday' },
      { text: 'The same day', value: '2022-03-03', anchor: { date: '2022-03-03', by: 'mention' }, direction: undefined, source: 'relative:same-day' },
    ]);
  });

  it('anchors at the date inferred from the content when the input had none', () => {
    const doc = makeDoc(text);
    const publication = { date: '2031-04-16', source: 'content' as const, confidence: 0.6, evidence: [], range: null };
    const layer = timesStage.run({ ...doc, layers: { sentences: splitSentences(text), publication } }, makeContext());
    expect(layer.map((t) => t.value)).toEqual(['2031-04-14', '2031-04-17', '2031-04-17']);
  });

  it('re-anchors the same expressions at a later-known date without reading the text again', () => {
    const first = anchorTimes(findTimes(text, splitSentences(text)), null);
    expect(first.map((t) => t.value)).toEqual(['XXXX-WXX-1', 'XXXX-WXX-4', 'XXXX-XX-XX']);
    expect(anchorTimes(first, '2022-03-02').map((t) => t.value)).toEqual(['2022-02-28', '2022-03-03', '2022-03-03']);
  });

  it('flags a weekday that disagrees with its date instead of moving it', () => {
    const t = 'The summit on Monday, June 2 was confirmed.';
    const [only] = anchorTimes(findTimes(t, splitSentences(t)), '2022-05-20');
    expect(only.value).toBe('2022-06-02');
    expect(only.source).toBe('chrono:date:weekday-mismatch');
  });

  it('exports offsets whose text is the slice of the document', () => {
    const doc = makeDoc(text, { published: { date: '2022-03-02', source: 'metadata', confidence: 0.9, evidence: [] } });
    const layered = { ...doc, layers: { times: timesStage.run({ ...doc, layers: { sentences: splitSentences(text) } }, makeContext()) } };
    expect(exportTimes(layered)).toEqual([
      { doc: doc.id, start: 14, end: 20, text: 'Monday', type: 'DATE', value: '2022-02-28' },
      { doc: doc.id, start: 44, end: 52, text: 'Thursday', type: 'DATE', value: '2022-03-03' },
      { doc: doc.id, start: 54, end: 66, text: 'The same day', type: 'DATE', value: '2022-03-03' },
    ]);
  });
});
