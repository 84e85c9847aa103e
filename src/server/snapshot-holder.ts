/**
 * Keeps the current `Snapshot` fresh without blocking readers: requests get the snapshot in hand
 * while a newer one is built. A rebuild starts when the document count has changed (checked at most
 * once per `CHECK_INTERVAL_MS`), when the snapshot is older than `MAX_AGE_MS` (catches corpus
 * resolution by another process, which does not change the count), or when asked after an ingest.
 */
import type { ExportV1 } from '../model/export.js';
import type { Store } from '../store/store.js';
import { Snapshot } from './snapshot.js';

/** How often the document count is compared; a count query costs well under a millisecond. */
export const CHECK_INTERVAL_MS = 2_000;
/** Longest a snapshot is served before a background rebuild, even if the count is unchanged. */
export const MAX_AGE_MS = 60_000;

export class SnapshotHolder {
  private current: Snapshot | null = null;
  private count = -1;
  private lastCheck = 0;
  private building: Promise<Snapshot> | null = null;

  /** `load` builds the export; `now` is the clock (injected so tests can drive it). */
  constructor(
    private readonly store: Store,
    private readonly load: () => Promise<ExportV1>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The snapshot to answer with: the current one (refreshing in the background if stale), or the first build. */
  async get(): Promise<Snapshot> {
    if (!this.current) return this.rebuild();
    const t = this.now();
    if (!this.building && t - this.lastCheck >= CHECK_INTERVAL_MS) {
      this.lastCheck = t;
      const count = await this.store.countDocs();
      if (count !== this.count || t - this.current.builtAt >= MAX_AGE_MS) void this.rebuild().catch(() => {});
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
        this.lastCheck = this.now();
        return snap;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }
}
