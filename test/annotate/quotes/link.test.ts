import { describe, expect, it } from 'vitest';
import { exportQuotes, linkSpan } from '../../../src/annotate/quotes/link.js';
import { exportClaims } from '../../../src/annotate/claims/export.js';
import { findQuotes } from '../../../src/annotate/quotes/stage.js';
import { findClaims } from '../../../src/annotate/claims/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { makeDoc } from '../../helpers.js';

const TEXT = 'Valdorian Foreign Minister Pavel Drenko met the envoys. “We will not retreat,” he said. He said 40 tanks were destroyed.';

function annotated(): NewsDoc {
  const base: NewsDoc = { ...makeDoc(TEXT), layers: { sentences: splitSentences(TEXT) } };
  const withQuotes = { ...base, layers: { ...base.layers, quotes: findQuotes(base) } };
  return { ...withQuotes, layers: { ...withQuotes.layers, claims: findClaims(withQuotes) } };
}

describe('linking speakers and claimants to entities', () => {
  const doc = annotated();
  const drenko = TEXT.indexOf('Pavel Drenko');
  const entities = [
    { id: 'e-drenko', mentions: [{ doc: doc.id, start: drenko, end: drenko + 'Pavel Drenko'.length, text: 'Pavel Drenko' }] },
    { id: 'e-other-doc', mentions: [{ doc: 'elsewhere', start: 0, end: 200, text: 'x' }] },
  ];

  it('returns null without entities', () => {
    expect(linkSpan(doc, { start: drenko, end: drenko + 5 }, null)).toBeNull();
    expect(linkSpan(doc, { start: drenko, end: drenko + 5 }, [])).toBeNull();
    expect(exportQuotes(doc, null).map((q) => [q.speaker, q.speakerText])).toEqual([
      [null, 'Pavel Drenko'],
      [null, 'Pavel Drenko'],
    ]);
  });

  it('links a pronoun speaker through its antecedent, and a claimant the same way', () => {
    expect(exportQuotes(doc, entities).map((q) => [q.text, q.direct, q.speaker])).toEqual([
      ['We will not retreat', true, 'e-drenko'],
      ['40 tanks were destroyed', false, 'e-drenko'],
    ]);
    expect(exportClaims(doc, entities).map((c) => [c.value, c.what, c.claimant])).toEqual([[40, 'tanks destroyed', 'e-drenko']]);
  });

  it('ignores mentions in other documents', () => {
    expect(linkSpan(doc, { start: 0, end: 5 }, [entities[1]])).toBeNull();
  });

  it('picks the mention overlapping most, the first entity on a tie, from whichever entity list it is given', () => {
    const span = { start: drenko, end: drenko + 'Pavel Drenko'.length };
    const part = (id: string, from: number, to: number) => ({ id, mentions: [{ doc: doc.id, start: from, end: to, text: TEXT.slice(from, to) }] });
    const pavel = part('e-pavel', drenko, drenko + 5);
    const surname = part('e-surname', drenko + 6, drenko + 12);
    const whole = part('e-whole', drenko, drenko + 12);
    expect(linkSpan(doc, span, [pavel, surname])).toBe('e-surname');
    expect(linkSpan(doc, span, [surname, whole, pavel])).toBe('e-whole');
    const tie = part('e-tie', drenko, drenko + 12);
    expect(linkSpan(doc, span, [tie, whole])).toBe('e-tie');
    expect(linkSpan(doc, span, [whole, tie])).toBe('e-whole');
  });
});
