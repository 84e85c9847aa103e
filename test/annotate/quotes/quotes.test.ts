import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../src/annotate/quotes/stage.js';
import { findQuoted } from '../../../src/annotate/quotes/marks.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { makeDoc, SHARED } from '../../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'quotes');
interface Case {
  name: string;
  text: string;
  expected: { text: string; direct: boolean; speaker: string | null; speakerText: string | null; via: string | null; continues: number | null }[];
}
const load = (f: string): Case[] => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'));
const withSentences = (text: string): NewsDoc => ({ ...makeDoc(text), layers: { sentences: splitSentences(text) } });

/** The layer as the fixtures write it: spans shown as their text. */
function view(text: string) {
  const s = (x: { start: number; end: number } | null) => (x ? text.slice(x.start, x.end) : null);
  return findQuotes(withSentences(text)).map((q) => ({
    text: s(q.span)!, direct: q.direct, speaker: s(q.speakerSpan), speakerText: q.speakerText, via: s(q.via), continues: q.continues,
  }));
}

describe('quotes layer: every difficulty', () => {
  for (const c of load('cases.json')) it(c.name, () => expect(view(c.text)).toEqual(c.expected));
});

describe('quotes layer: negative cases', () => {
  for (const c of load('negative.json')) it(c.name, () => expect(view(c.text)).toEqual([]));
});

describe('quotation marks', () => {
  it('an unclosed quote ends with its paragraph when the next one neither re-opens nor closes it', () => {
    const text = 'Nadia Pell said “we are ready to talk\nThe weather was fine.';
    expect(findQuoted(text).map((q) => [text.slice(q.span.start, q.span.end), q.rule])).toEqual([['we are ready to talk', 'unclosed']]);
  });
  it('a paragraph re-opening with a mark continues the quote', () => {
    const text = '“First we talk.\n“Then we sign,” Orin Vale said.';
    expect(findQuoted(text).map((q) => [q.paragraphs, q.rule])).toEqual([[2, 'pair']]);
  });
});

describe('quotes layer: mentions layer is used when present', () => {
  it('resolves a pronoun to a person mention rather than a capitalised run', () => {
    const text = 'Officials met Brann. “We are done,” he said.';
    const doc = withSentences(text);
    const mentions = [{ span: { start: 14, end: 19 }, type: 'person', key: 'brann' }];
    const quotes = findQuotes({ ...doc, layers: { ...doc.layers, mentions } } as NewsDoc);
    expect(quotes.map((q) => q.speakerText)).toEqual(['Brann']);
    // The layer keeps just the antecedent's span, nothing of how it was matched.
    expect(quotes.map((q) => q.antecedentSpan)).toEqual([{ start: 14, end: 19 }]);
  });
});

describe('seeds (property test over ../shared/seeds)', () => {
  const dir = join(SHARED, 'seeds');
  it.skipIf(!existsSync(dir))('every direct quote of the seeds has a speaker and offsets that match the text', () => {
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      const quotes = findQuotes(withSentences(text));
      for (const q of quotes) {
        expect(q.span.end).toBeGreaterThan(q.span.start);
        expect(text.slice(q.span.start, q.span.end).trim().length).toBeGreaterThan(0);
        if (q.direct) expect(q.speakerText, `${f}: ${text.slice(q.span.start, q.span.end)}`).not.toBeNull();
        if (q.continues !== null) expect(q.continues).toBeLessThan(quotes.indexOf(q));
      }
    }
  });
  if (!existsSync(dir)) it.skip(`seeds absent: ${dir} (the seed articles live in ../shared)`, () => {});
});

describe('quotes layer: robustness', () => {
  it('a name and colon ending a paragraph is not a transcript turn (and does not throw)', () => {
    const text = 'Partial transcript:\nHALLE:\nThe next line is not a turn.';
    expect(() => findQuotes(withSentences(text))).not.toThrow();
    expect(view(text)).toEqual([]);
  });
});
