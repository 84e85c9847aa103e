/**
 * A child process for `concurrency.test.ts`: opens the SQLite file argv[2], takes its write lock and
 * changes it, says so, holds the lock for argv[3] ms, then commits and exits.
 */
import Database from 'better-sqlite3';

const db = new Database(process.argv[2]);
db.exec('BEGIN IMMEDIATE');
db.prepare('UPDATE corpus_state SET resolved = resolved').run();
process.stdout.write('held\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
}, Number(process.argv[3]));
