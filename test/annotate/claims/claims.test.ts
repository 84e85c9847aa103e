import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../src/annotate/claims/stage.js';
import { findQuotes } from '../../../src/annotate/quotes/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { makeDoc } from '../../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'claims');
interface Case {
  name: string;
  text: string;
  expected: { text: string; value: number; qualifier: string | null; unit: string | null; what: string; claimant: string | null; asOf: string | null }[];
}
const load = (f: string): Case[] => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'));
const PUBLISHED = { date: '2031-04-02', source: 'metadata' as const, confidence: 1, evidence: [] };

function annotated(text: string, extra: Record<string, unknown> = {}): NewsDoc {
  const base: NewsDoc = { ...makeDoc(text, { published: PUBLISHED }), layers: { sentences: splitSentences(text), ...extra } };
  return { ...base, layers: { ...base.layers, quotes: findQuotes(base) } };
}

function view(doc: NewsDoc) {
  return findClaims(doc).map((c) => ({
    text: doc.text.slice(c.span.start, c.span.end), value: c.value, qualifier: c.qualifier, unit: c.unit, what: c.what, claimant: c.claimantText, asOf: c.asOf,
  }));
}

describe('claims layer: every difficulty', () => {
  for (const c of load('cases.json')) it(c.name, () => expect(view(annotated(c.text))).toEqual(c.expected));
});

describe('claims layer: negative cases', () => {
  for (const c of load('negative.json')) it(c.name, () => expect(view(annotated(c.text))).toEqual([]));
});

describe('claims layer: as-of date', () => {
  it('takes a day-precise date of the times layer in the same sentence over the publication date', () => {
    const text = 'On March 3 the ministry said 40 tanks were destroyed. Later 12 drones were downed.';
    const times = [{ span: { start: 3, end: 10 }, type: 'DATE', value: '2031-03-03', source: 'test' }];
    expect(view(annotated(text, { times })).map((c) => [c.value, c.asOf])).toEqual([[40, '2031-03-03'], [12, '2031-04-02']]);
  });
});
