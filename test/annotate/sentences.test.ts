import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/annotate/sentences/stage.js';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it.each([
    ['Envoys met in Varnholm. Talks failed.', ['Envoys met in Varnholm.', 'Talks failed.']],
    ['U.S. envoy Mr. Dolan met Dr. Orsk on Jan. 3. They talked.', ['U.S. envoy Mr. Dolan met Dr. Orsk on Jan. 3.', 'They talked.']],
    ['First paragraph ends\nSecond one starts', ['First paragraph ends', 'Second one starts']],
    ['“We are ready,” he said. “Are you?”', ['“We are ready,” he said.', '“Are you?”']],
    ['  padded.  \n\n  ', ['padded.']],
    ['', []],
  ])('%j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});
