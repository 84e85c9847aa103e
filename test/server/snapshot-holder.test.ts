import { describe, expect, it } from 'vitest';
import type { ExportV1 } from '../../src/model/export.js';
import { CHECK_INTERVAL_MS, MIN_REBUILD_GAP_MS, SETTLE_MS, SnapshotHolder } from '../../src/server/snapshot-holder.js';
import type { Store } from '../../src/store/store.js';

const EMPTY: ExportV1 = { version: 1, documents: [], entities: [], times: [], quotes: [], claims: [], events: [], stories: [], contradictions: [] };

/** A holder over a fake store whose document count and clock the test sets. */
function setup() {
  const state = { count: 1, now: 0, loads: 0 };
  const store = { countDocs: async () => state.count } as unknown as Store;
  const holder = new SnapshotHolder(store, async () => (state.loads++, EMPTY), () => state.now);
  const at = async (ms: number) => {
    state.now = ms;
    await holder.get();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { state, holder, at };
}

describe('SnapshotHolder', () => {
  it('builds once, then rebuilds only when the document count changes, and once more when it settles', async () => {
    const { state, at } = setup();
    await at(0);
    expect(state.loads).toBe(1);
    await at(10 * 60_000);
    expect(state.loads).toBe(1); // nothing changed: no periodic rebuild
    state.count = 2;
    await at(10 * 60_000 + CHECK_INTERVAL_MS);
    expect(state.loads).toBe(2);
    const built = 10 * 60_000 + CHECK_INTERVAL_MS;
    await at(built + SETTLE_MS - 1);
    expect(state.loads).toBe(2);
    await at(built + SETTLE_MS + CHECK_INTERVAL_MS);
    expect(state.loads).toBe(3); // the follow-up that picks up corpus resolution
    await at(built + 10 * SETTLE_MS);
    expect(state.loads).toBe(3);
  });

  it('rebuilds at most every MIN_REBUILD_GAP_MS while the count keeps changing', async () => {
    const { state, at } = setup();
    await at(0);
    for (let t = CHECK_INTERVAL_MS; t < MIN_REBUILD_GAP_MS; t += CHECK_INTERVAL_MS) {
      state.count++;
      await at(t);
    }
    expect(state.loads).toBe(1);
    state.count++;
    await at(Math.ceil(MIN_REBUILD_GAP_MS / CHECK_INTERVAL_MS) * CHECK_INTERVAL_MS);
    expect(state.loads).toBe(2);
  });

  it('joins a rebuild already under way', async () => {
    const { state, holder } = setup();
    await Promise.all([holder.rebuild(), holder.rebuild(), holder.get()]);
    expect(state.loads).toBe(1);
  });
});
