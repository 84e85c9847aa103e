/**
 * Keeps the current `Snapshot` fresh without blocking readers: requests get the snapshot in hand
 * while a newer one is built. Building one reads the whole store (about 6 s at 10k documents on a
 * busy 2-core machine), so rebuilds happen only when something changed: after `POST /api/ingest`,
 * and when the document count has changed (checked at most every `CHECK_INTERVAL_MS`, rebuilt at
 * most every `MIN_REBUILD_GAP_MS`). Another process's ingest stores documents before it resolves
 * the corpus, so a count-triggered rebuild is followed by one more once the count has been steady
 * for `SETTLE_MS`, which picks up the resolved entities, events and stories.
 */
import type { ExportV1 } from '../model/export.js';
import type { Store } from '../store/store.js';
import { Snapshot } from './snapshot.js';

/** How often the document count is compared; a count query costs well under a millisecond. */
export const CHECK_INTERVAL_MS = 2_000;
/** Shortest time between count-triggered rebuilds, so a long ingest elsewhere does not keep the server busy rebuilding. */
export const MIN_REBUILD_GAP_MS = 15_000;
/** Quiet time after a count-triggered rebuild before the follow-up rebuild that catches corpus resolution. */
export const SETTLE_MS = 20_000;

export class SnapshotHolder {
  private current: Snapshot | null = null;
  private count = -1;
  private lastCheck = 0;
  private changedAt = 0;
  private unsettled = false;
  private building: Promise<Snapshot> | null = null;

  /** `load` builds the export; `now` is the clock (injected so tests can drive it). */
  constructor(
    private readonly store: Store,
    private readonly load: () => Promise<ExportV1>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The snapshot to answer with: the current one (refreshing in the background when due), or the first build. */
  async get(): Promise<Snapshot> {
    if (!this.current) return this.rebuild();
    const t = this.now();
    if (!this.building && t - this.lastCheck >= CHECK_INTERVAL_MS) {
      this.lastCheck = t;
      const count = await this.store.countDocs();
      if (count !== this.count) {
        this.changedAt = t;
        if (t - this.current.builtAt >= MIN_REBUILD_GAP_MS) this.background(true);
      } else if (this.unsettled && t - this.changedAt >= SETTLE_MS && t - this.current.builtAt >= SETTLE_MS) {
        this.background(false);
      }
    }
    return this.current;
  }

  /** Builds a new snapshot now (joining a build already under way) and makes it current. */
  rebuild(): Promise<Snapshot> {
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        const count = await this.store.countDocs();
        const snap = new Snapshot(await this.load(), this.now());
        this.current = snap;
        this.count = count;
        return snap;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  private background(changed: boolean): void {
    this.unsettled = changed;
    this.rebuild().catch(() => {
      // The old snapshot keeps being served; the next check tries again.
      this.count = -1;
    });
  }
}
