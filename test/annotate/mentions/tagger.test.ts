/** The name tagger's decoding, its features' building blocks and how its spans combine with the rules. */
import { describe, expect, it } from 'vitest';
import { combine, NEW_NAME_MARGIN, RETYPE_MARGIN } from '../../../src/annotate/mentions/combine.js';
import { ruleMentions } from '../../../src/annotate/mentions/stage.js';
import { emissions, LABELS, makeTagger, margin, shippedTagger, spansOf, tag, viterbi } from '../../../src/annotate/mentions/tagger.js';
import { emissionScores } from '../../../src/annotate/mentions/tagger-weights.js';
import { segments } from '../../../src/annotate/mentions/stretches.js';
import { featureColumns, shape, tokenFeatures, tokenValues } from '../../../src/annotate/mentions/tagger-features.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { makeContext } from '../../../src/context.js';
import { makeDoc } from '../../helpers.js';

const L = LABELS.length;
const zeros = () => Array.from({ length: L + 1 }, () => new Array<number>(L).fill(0));
/** A tagger over the shipped labels with no transition scores and just these weights. */
const taggerWith = (weights: Record<string, number[]>) => makeTagger({ labels: [...LABELS], transitions: zeros(), weights, meta: {} });
const label = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);

function rules(text: string) {
  const doc = makeDoc(text);
  return ruleMentions({ ...doc, layers: { sentences: splitSentences(text) } }, makeContext());
}

describe('tagger: decoding', () => {
  it('never starts a name with I- and never continues another type', () => {
    // emissions favour I-person on the first token and I-place after B-person: both are forbidden
    const scores = new Float64Array(2 * L);
    scores[label('I-person')] = 10;
    scores[label('B-person')] = 1;
    scores[label('B-place')] = -20;
    scores[L + label('I-place')] = 10;
    scores[L + label('I-person')] = 1;
    expect(viterbi(scores, 2, zeros()).map((y) => LABELS[y])).toEqual(['B-person', 'I-person']);
  });
  it('measures the margin of a span: the best path against the same path with the span labelled O', () => {
    // two tokens, B-place then O; transitions zero: the margin is the emission gain of B-place over O
    const scores = new Float64Array(2 * L);
    scores[label('B-place')] = 7;
    scores[0] = 2;
    scores[L] = 1;
    const path = viterbi(scores, 2, zeros());
    expect(path.map((y) => LABELS[y])).toEqual(['B-place', 'O']);
    expect(margin(scores, path, { first: 0, last: 0 }, zeros())).toBe(5);
    // a transition from the start into B-place worth 3 more than into O adds to it
    const t = zeros();
    t[L][label('B-place')] = 3;
    expect(margin(scores, path, { first: 0, last: 0 }, t)).toBe(8);
  });
  it('reads typed spans off BIO labels', () => {
    const path = ['B-person', 'I-person', 'O', 'B-place', 'B-organization', 'I-organization'].map(label);
    expect(spansOf(path)).toEqual([
      { first: 0, last: 1, type: 'person' },
      { first: 3, last: 3, type: 'place' },
      { first: 4, last: 5, type: 'organization' },
    ]);
  });
  it('tags with a hand-made model: a capitalised word after "in" is a place', () => {
    const tagger = taggerWith({ 'w-1=in': [0, 0, 0, 0, 0, 5, 0], 'b=': [1, 0, 0, 0, 0, 0, 0] });
    const { tokens, sentenceStart, mentions } = rules('Talks resumed in Drenvik today.');
    const segs = segments(tokens, sentenceStart, mentions);
    const spans = tag(tagger, tokenValues(tokens, sentenceStart, mentions, segs), segs);
    expect(spans.map((s) => [tokens[s.first].text, s.type])).toEqual([['Drenvik', 'place']]);
  });
  it('refuses a model whose features have no template', () => {
    expect(() => taggerWith({ 'xyz=1': [0, 0, 0, 0, 0, 0, 0] })).toThrow(/retrain/);
  });
  it('refuses a model with other labels', () => {
    expect(() => makeTagger({ labels: ['O', 'B-PER', 'I-PER'], transitions: [], weights: {}, meta: {} })).toThrow(/labels/);
  });
  it('ships a model', () => {
    expect(shippedTagger()).not.toBeNull();
  });
});

describe('tagger: features', () => {
  it('scores from the integer-keyed weights exactly as from the joined feature strings, "|" tokens included', () => {
    // a two-column feature whose first column holds "|" ("||Xx") has no key: it is read joined
    const tagger = taggerWith({ 'b=': [1, 0, 0, 0, 0, 0, 0], 'w-1s=in|Xx': [0, 0, 0, 0, 0, 2.5, 0], 'w-1s=||Xx': [0, 0.25, 0, 0, 0, 0, 0], 's-1ss+1=x|Xx|.': [0, 0, 0, 0, 0, 0.5, 0], 'w=drenvik': [0, 0, 0, 0, 0, 1, 0] });
    for (const text of ['Talks resumed in Drenvik today.', 'Scores: Valdoria | Drenvik and Ostrava || Kessel.', 'Hello | ', '|']) {
      const { tokens, sentenceStart, mentions } = rules(text);
      const segs = segments(tokens, sentenceStart, mentions);
      const slow = emissions(tagger.weights, tokenValues(tokens, sentenceStart, mentions, segs));
      const fast = emissionScores(tagger.index, tagger.weights, featureColumns(tokens, sentenceStart, mentions, segs), L);
      expect([...fast]).toEqual([...slow]);
      expect(fast.some((x, k) => x !== 0 && k % L !== 0)).toBe(text.includes('Drenvik'));
    }
    // and with the shipped model on a longer text
    const shipped = shippedTagger()!;
    const { tokens, sentenceStart, mentions } = rules('Foreign Minister Ilse Marren of Valdoria met Arvid Solen in Kessel | Dornach on Tuesday. THE TALKS ENDED.');
    const segs = segments(tokens, sentenceStart, mentions);
    expect([...emissionScores(shipped.index, shipped.weights, featureColumns(tokens, sentenceStart, mentions, segs), L)]).toEqual([...emissions(shipped.weights, tokenValues(tokens, sentenceStart, mentions, segs))]);
  });
  it('scores a word the same whether it was first met near a stretch or inside one (numbers remembered per text)', () => {
    // "delegates" is two tokens after the stretch in the first text (near it: no affixes) and inside one
    // in the second (its affixes are read); a weight on each reading shows a mix-up
    const tagger = taggerWith({ 'b=': [1, 0, 0, 0, 0, 0, 0], 'p3=del': [0, 0, 0, 3, 0, 0, 0], 'p3=': [0, 0, 0, 0, 0, 0, 0.5], 'w-2=delegates': [0, 2, 0, 0, 0, 0, 0], 'w=delegates': [0, 0, 0, 0, 1.5, 0, 0] });
    const near = 'Ilse Marren met the delegates today.';
    const inside = 'the delegates Marren met.';
    for (const text of [near, inside, near, inside]) {
      const { tokens, sentenceStart, mentions } = rules(text);
      const segs = segments(tokens, sentenceStart, mentions);
      const fast = emissionScores(tagger.index, tagger.weights, featureColumns(tokens, sentenceStart, mentions, segs), L);
      expect([...fast]).toEqual([...emissions(tagger.weights, tokenValues(tokens, sentenceStart, mentions, segs))]);
    }
    const { tokens, sentenceStart, mentions } = rules(inside);
    const f = featureColumns(tokens, sentenceStart, mentions, segments(tokens, sentenceStart, mentions));
    expect(f.inside[1]).toBe(1); // the premise: "delegates" is inside a stretch here…
    const n = rules(near);
    const g = featureColumns(n.tokens, n.sentenceStart, n.mentions, segments(n.tokens, n.sentenceStart, n.mentions));
    expect([g.near[4], g.inside[4]]).toEqual([1, 0]); // …and only near one there
  });
  it('collapses word shapes', () => {
    expect(['Kyiv', 'NATO', 'U.S.', '2022', 'iPhone', 'al-Assad'].map(shape)).toEqual(['Xx', 'X', 'X.X.', 'd', 'xXx', 'x-Xx']);
  });
  it('reads only capitalised stretches widened by one token, within sentences', () => {
    const { tokens, sentenceStart, mentions } = rules('the talks with Jan van der Berg ended. nothing else happened.');
    const words = segments(tokens, sentenceStart, mentions).map(([a, b]) => tokens.slice(a, b).map((t) => t.text).join(' '));
    expect(words).toEqual(['with Jan van der Berg ended']);
  });
  it('gives no features to tokens outside every stretch', () => {
    const { tokens, sentenceStart, mentions } = rules('the talks ended in Drenvik.');
    const segs = segments(tokens, sentenceStart, mentions);
    expect(tokenFeatures(tokens, sentenceStart, mentions, segs).map((f) => f.length > 0)).toEqual([false, false, false, true, true, true]);
  });
});

describe('tagger: combining with the rules', () => {
  const ctx = makeContext();
  function combined(text: string, tagged: [string, 'person' | 'organization' | 'place'][]) {
    const { tokens, sentenceStart, mentions } = rules(text);
    const spans = tagged.map(([words, type]) => {
      const first = tokens.findIndex((t, i) => tokens.slice(i, i + words.split(' ').length).map((x) => x.text).join(' ') === words);
      return { first, last: first + words.split(' ').length - 1, type };
    });
    return combine(text, tokens, sentenceStart, mentions, spans, ctx).map((m) => [text.slice(m.span.start, m.span.end), m.type, m.source]);
  }
  it('a strong rule keeps its span and type; an overlapping tagger span is dropped', () => {
    expect(combined('Defence Minister Halvor Quistad left.', [['Minister Halvor Quistad', 'person']])).toEqual([['Halvor Quistad', 'person', 'propn-run/title']]);
  });
  it('the tagger retypes a weakly typed name and adds names the rules missed', () => {
    expect(combined('Then the Vostrel Brenn sailed to Kalbo.', [['Vostrel Brenn', 'place'], ['Kalbo', 'place']])).toEqual([
      ['Vostrel Brenn', 'place', 'propn-run/tagger'],
      ['Kalbo', 'place', 'propn-run/place-cue'],
    ]);
  });
  it('a weak rule name the tagger leaves out becomes other', () => {
    expect(combined('Then the Vostrel Brenn sailed.', [])).toEqual([['Vostrel Brenn', 'other', 'propn-run/untagged']]);
  });
  it('a name the rules missed needs a sure tagger; a rule name keeps its type against an unsure one', () => {
    // "crowds" stands for a span the rules did not find (they find every capitalised word)
    const { tokens, sentenceStart, mentions } = rules('Then the Vostrel Brenn sailed to Kalbo with crowds.');
    const at = (w: string) => tokens.findIndex((t) => t.text === w);
    const spans = [
      { first: at('Vostrel'), last: at('Brenn'), type: 'place' as const, margin: RETYPE_MARGIN - 1 },
      { first: at('crowds'), last: at('crowds'), type: 'person' as const, margin: NEW_NAME_MARGIN - 1 },
    ];
    const text = 'Then the Vostrel Brenn sailed to Kalbo with crowds.';
    const show = (ms: { span: { start: number; end: number }; type: string }[]) => ms.map((m) => [text.slice(m.span.start, m.span.end), m.type]);
    expect(show(combine(text, tokens, sentenceStart, mentions, spans, ctx))).toEqual([['Vostrel Brenn', 'other'], ['Kalbo', 'place']]);
    const sure = spans.map((s) => ({ ...s, margin: NEW_NAME_MARGIN }));
    expect(show(combine(text, tokens, sentenceStart, mentions, sure, ctx))).toEqual([['Vostrel Brenn', 'place'], ['Kalbo', 'place'], ['crowds', 'person']]);
  });
  it('an outlet stays an outlet when the tagger calls it an organisation', () => {
    expect(combined('Gorlan Press reported the blast.', [['Gorlan Press', 'organization']])).toEqual([['Gorlan Press', 'outlet', 'propn-run/outlet-head']]);
  });
});

describe('tagger: negative cases', () => {
  const ctx = makeContext();
  function added(text: string, words: string, type: 'person' | 'organization' | 'place') {
    const { tokens, sentenceStart, mentions } = rules(text);
    const first = tokens.findIndex((t) => t.text === words.split(' ')[0]);
    const out = combine(text, tokens, sentenceStart, mentions, [{ first, last: first + words.split(' ').length - 1, type }], ctx);
    return out.map((m) => text.slice(m.span.start, m.span.end));
  }
  it('a tagger span made only of title words is no name', () => {
    expect(added('Vulpescu, Foreign Minister of Moldova, left.', 'Foreign Minister', 'person')).not.toContain('Foreign Minister');
  });
  it('a tagger span inside a shouting line is no name', () => {
    expect(added('CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER', 'WASHINGTON', 'place')).toEqual([]);
  });
  it('no tagger spans and no rule names: nothing', () => {
    expect(added('the talks were postponed again.', 'talks', 'person').filter((w) => w !== 'talks')).toEqual([]);
  });
});
