import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { annotate, type Stage } from '../../../src/pipeline.js';
import { sentencesStage } from '../../../src/annotate/sentences/stage.js';
import { publicationStage } from '../../../src/resolve/dates/stage.js';
import { timesStage } from '../../../src/annotate/times/stage.js';
import { resolvePublication, storyKey } from '../../../src/resolve/dates/resolver.js';
import { makeContext } from '../../../src/context.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { makeDoc } from '../../helpers.js';

const STAGES = [sentencesStage, publicationStage, timesStage] as Stage[];
const ctx = makeContext({ referenceDate: '2040-01-01' });
const LEAD = 'Valdorian and Ostmark delegations are meeting for a third round of talks Thursday in the lakeside town of Brenn.';

function doc(text: string, over: Partial<NewsDoc> = {}): NewsDoc {
  return annotate(makeDoc(text, over), ctx, STAGES);
}

describe('publication-dates resolver', () => {
  const dated = doc(`${LEAD} Varga said on Wednesday that nothing was agreed.`, {
    published: { date: '2031-04-17', source: 'metadata', confidence: 0.9, evidence: ['filename: 2031-04-17'] },
  });
  const copy = doc(`${LEAD} A shorter wire copy.`);
  const other = doc('Ostmark closed the Brenn crossing on Monday, officials said, citing attacks.');
  const dup = { ...doc('Ostmark closed a second crossing on Monday after the talks.'), duplicateOf: dated.id };

  it('dates an undated copy from a dated document of the same story and re-anchors its times', () => {
    const changed = resolvePublication([dated, copy, other, dup]);
    expect(changed.map((d) => [d.id, d.published.date, d.published.source, d.published.confidence])).toEqual([
      [copy.id, '2031-04-17', 'corpus', 0.6],
      [other.id, null, 'none', 0],
      [dup.id, '2031-04-17', 'corpus', 0.6],
    ]);
    const copied = changed.find((d) => d.id === copy.id)!;
    expect(copied.published.evidence[0]).toBe(`same story as ${dated.id} dated 2031-04-17 (metadata)`);
    expect(copy.layers.times!.map((t) => t.value)).toEqual(['XXXX-WXX-4']);
    expect(copied.layers.times!.map((t) => [t.value, t.anchor])).toEqual([['2031-04-17', { date: '2031-04-17', by: 'publication' }]]);
    expect(changed.find((d) => d.id === dup.id)!.layers.times!.map((t) => t.value)).toEqual(['2031-04-14']);
  });

  it('changes nothing the second time', () => {
    const once = resolvePublication([dated, copy, other, dup]);
    const byId = new Map([dated, copy, other, dup].map((d) => [d.id, d]));
    for (const d of once) byId.set(d.id, d);
    expect(resolvePublication([...byId.values()])).toEqual([]);
  });

  it('blocks on the opening words', () => {
    expect(storyKey(copy)).toBe(storyKey(dated));
    expect(storyKey(makeDoc('Too short to key.'))).toBeNull();
    expect(splitSentences(LEAD)).toHaveLength(1);
  });
});
