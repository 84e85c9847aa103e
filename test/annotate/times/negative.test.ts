import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { findTimes } from '../../../src/annotate/times/find.js';

const { cases } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'times', 'negative.json'), 'utf8')) as { cases: string[] };

describe('times: things that are not times', () => {
  it.each(cases)('%s', (text) => {
    expect(findTimes(text, splitSentences(text)).map((c) => text.slice(c.span.start, c.span.end))).toEqual([]);
  });
});
