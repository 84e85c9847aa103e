import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parleyScores } from '../../../bench/tempeval.js';
import { SHARED } from '../../helpers.js';

const PLATINUM = join(SHARED, 'data', 'tempeval3', 'test', 'te3-platinum');
const have = existsSync(PLATINUM);
if (!have) console.warn(`TempEval-3 floor skipped: ${PLATINUM} is absent (the evaluation data lives in ../shared/data)`);

/**
 * The floor CI enforces on TempEval-3 platinum (may only be raised): the targets, value F1
 * ≥ 80 (HeidelTime 77.61) and strict extent F1 ≥ 82. Measured 80.90 / 82.40 when set.
 */
const FLOOR = { value: 80, strict: 82, relaxed: 90 };

describe.skipIf(!have)('times on TempEval-3 platinum', () => {
  it('stays at or above the floor', () => {
    const s = parleyScores(PLATINUM);
    expect(s.value).toBeGreaterThanOrEqual(FLOOR.value);
    expect(s.strict).toBeGreaterThanOrEqual(FLOOR.strict);
    expect(s.relaxed).toBeGreaterThanOrEqual(FLOOR.relaxed);
  });
});
