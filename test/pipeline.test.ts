import { describe, expect, it } from 'vitest';
import { annotate, checkStages, STAGES, type Stage } from '../src/pipeline.js';
import { makeContext } from '../src/context.js';
import { makeDoc } from './helpers.js';

const stage = (name: string, requires: string[], produces: string, run = () => []): Stage =>
  ({ name, requires, produces, run }) as unknown as Stage;

describe('pipeline', () => {
  it('accepts the shipped stage list', () => {
    expect(() => checkStages(STAGES)).not.toThrow();
  });

  it('rejects a stage whose required layer is produced later, naming it', () => {
    expect(() => checkStages([stage('quotes', ['mentions'], 'quotes'), stage('mentions', [], 'mentions')])).toThrow(
      'stage "quotes" requires mentions, which no earlier stage produces (earlier stages produce: nothing)',
    );
  });

  it('rejects a layer produced twice', () => {
    expect(() => checkStages([stage('a', [], 'sentences'), stage('b', [], 'sentences')])).toThrow(
      'layer "sentences" is produced twice (stage "b")',
    );
  });

  it('adds layers without mutating the input document', () => {
    const doc = makeDoc('One. Two.');
    const out = annotate(doc, makeContext());
    expect(doc.layers).toEqual({});
    expect(out.layers.sentences).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ]);
  });

  it('records a failing stage as a diagnostic and goes on', () => {
    const boom = stage('boom', [], 'sentences', () => {
      throw new Error('bad content');
    });
    const out = annotate(makeDoc('x'), makeContext(), [boom]);
    expect(out.diagnostics).toEqual([{ stage: 'boom', message: 'bad content' }]);
  });
});
