/** Dropping a PostgreSQL database a test or benchmark made (`backends.ts`, `bench/scale.ts`). */
import type pg from 'pg';

/**
 * Drops database `name`. An autovacuum worker on it (a superuser's process, which FORCE may not end)
 * fails the drop: wait for it a little, then leave the database with a warning rather than fail a run
 * over clean-up.
 */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      if (attempt === 5) {
        console.warn(`could not drop database ${name}: ${(err as Error).message}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}
