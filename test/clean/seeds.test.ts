import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/clean.js';
import { toLines } from '../../src/clean/normalise.js';
import { isRejected } from '../../src/ingest/types.js';
import { makeRaw, SHARED } from '../helpers.js';

/**
 * The four real scraped seed articles (read from ../shared, never copied here). For each: how many
 * lines each rule family must remove, whether a title is found (the file's first line), and the
 * outlet the text names. Properties, not pasted text: removed + kept is exactly the original lines.
 */
const SEEDS = join(SHARED, 'seeds');
const EXPECT: Record<string, { reasons: Record<string, number>; title: boolean; outlet: string | null }> = {
  '000_5291d0a6826b4d16.txt': { reasons: { promo: 1 }, title: false, outlet: 'Washington Examiner' },
  '001_3adaddde564ac20b.txt': { reasons: { title: 1, promo: 1, 'comment-form': 2 }, title: true, outlet: null },
  '002_cf2d2b4a0aeeb42b.txt': { reasons: { 'section-label': 1, title: 1, 'ui-label': 2 }, title: true, outlet: 'Xinhua' },
  '003_ab0c205e90f0970e.txt': { reasons: { 'related-list': 9 }, title: false, outlet: null },
};

describe.skipIf(!existsSync(SEEDS))('seeds (../shared/seeds)', () => {
  if (!existsSync(SEEDS)) it.skip(`skipped: ${SEEDS} is absent`, () => {});
  for (const [file, want] of Object.entries(EXPECT)) {
    it(file, () => {
      const body = readFileSync(join(SEEDS, file), 'utf8');
      const doc = clean(makeRaw(file, body));
      if (isRejected(doc)) throw new Error(doc.reason);
      const original = toLines(body);
      const kept = doc.text.split('\n');
      const counts: Record<string, number> = {};
      for (const r of doc.removed) counts[r.reason] = (counts[r.reason] ?? 0) + 1;
      expect(counts).toEqual(want.reasons);
      // Nothing lost, nothing invented: kept lines and removed lines together are the original lines, in order.
      expect(kept.length + doc.removed.length).toBe(original.length);
      expect([...kept, ...doc.removed.map((r) => r.text)].sort()).toEqual([...original].sort());
      expect(original.filter((l) => !doc.removed.some((r) => r.text === l))).toEqual(kept);
      expect(doc.title).toBe(want.title ? original[original.findIndex((l) => doc.removed.some((r) => r.reason === 'title' && r.text === l))] : null);
      if (want.title) expect(doc.title).toBe(original[doc.removed[0].reason === 'section-label' ? 1 : 0]);
      expect(doc.outlet).toBe(want.outlet);
    });
  }
});
