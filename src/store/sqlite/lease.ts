/**
 * The resolver lease of a SQLite database, across processes and threads. Two `parley ingest` runs
 * (or an ingest and a `parley resolve`) on one file must not resolve at once: each would read the same
 * state, and the later write would undo the earlier or add the same mentions twice.
 *
 * The lease is an exclusive lock on a small side file, `<db>.lease`, itself a SQLite database in
 * rollback-journal mode, held by an open `BEGIN EXCLUSIVE` transaction while the holder resolves.
 * SQLite's locks are the operating system's file locks, which SQLite also tracks per file within a
 * process (so two connections of one process, or of two of its threads, exclude each other too), and
 * the operating system drops them when the holder dies: a SIGKILLed ingest leaves no stale lease and
 * nothing to expire. This is why it is written here rather than taken from a lock-file package: those
 * (e.g. proper-lockfile) detect a dead holder by a timestamp going stale, which a resolver busy in
 * synchronous work for longer than the staleness window would wrongly lose. The main database is not
 * locked, so other processes go on storing documents while one resolves.
 */
import Database from 'better-sqlite3';

/** How often a waiting `hold` tries again: short next to a resolution (seconds), long next to a try (microseconds). */
export const LEASE_POLL_MS = 100;

export class FileLease {
  private db: Database.Database | null = null;

  /** `path`: the main database's file; null (an in-memory database) has no other connection to exclude. */
  constructor(private readonly path: string | null) {}

  /** Runs `fn` holding the lease; without `wait`, null at once when another connection holds it. */
  async hold<T>(fn: () => Promise<T>, wait: boolean): Promise<T | null> {
    if (this.path === null) return fn();
    const db = this.connection();
    while (!this.tryTake(db)) {
      if (!wait) return null;
      await new Promise((r) => setTimeout(r, LEASE_POLL_MS));
    }
    try {
      return await fn();
    } finally {
      db.exec('COMMIT');
    }
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  private connection(): Database.Database {
    if (this.db) return this.db;
    try {
      this.db = new Database(`${this.path}.lease`);
    } catch (err) {
      throw new Error(`--db ${this.path}: cannot open the resolver lease file ${this.path}.lease (${(err as Error).message})`);
    }
    this.db.pragma('busy_timeout = 0'); // never block the event loop: `hold` polls instead
    return this.db;
  }

  private tryTake(db: Database.Database): boolean {
    if (db.inTransaction) throw new Error(`--db ${this.path}: the resolver lease is already held by this connection (a resolution inside a resolution)`);
    try {
      db.exec('BEGIN EXCLUSIVE');
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw err;
    }
  }
}
