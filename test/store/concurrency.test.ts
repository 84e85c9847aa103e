/**
 * Connections from several processes at once. The resolver lease, on both backends: one connection
 * at a time holds it, whichever process or thread it belongs to, and a holder killed with SIGKILL
 * leaves it free. SQLite writes: a batch waits for another process's write instead of failing.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/clean.js';
import type { NewsDoc } from '../../src/model/doc.js';
import { makeRaw } from '../helpers.js';
import { BACKENDS, SQLITE } from './backends.js';

const HOLDER = join(import.meta.dirname, 'hold-lease.ts');
const WRITER = join(import.meta.dirname, 'hold-write.ts');

/** Starts `script` with `args` in a child process; resolves once it prints "held". */
async function holding(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('held') && resolve());
    void exited.then((code) => reject(new Error(`${script} exited ${code} before holding: ${err}`)));
  });
  return { child, exited };
}

/** A promise and the function that settles it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((r) => (fire = r));
  return { promise, fire };
}

describe.each(BACKENDS)('$name resolver lease', (backend) => {
  const test = it.skipIf(!backend.available);

  test('is held by one connection at a time: a second waits for it, or gives up at once when asked to', async () => {
    const db = await backend.freshDb();
    const [a, b] = [await backend.open(db), await backend.open(db)];
    const inside = signal();
    const gate = signal();
    const order: string[] = [];
    const first = a.withResolverLease(async () => {
      order.push('a holds');
      inside.fire();
      await gate.promise;
      order.push('a lets go');
      return 'a';
    });
    await inside.promise;
    expect(await b.tryResolverLease(async () => 'b tried')).toBeNull();
    const second = b.withResolverLease(async () => {
      order.push('b holds');
      return 'b';
    });
    await new Promise((r) => setTimeout(r, 300));
    order.push('gate opens');
    gate.fire();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(order).toEqual(['a holds', 'gate opens', 'a lets go', 'b holds']);
    expect(await a.tryResolverLease(async () => 'free again')).toBe('free again');
    await Promise.all([a.close(), b.close()]);
  });

  test('held by another process, is free once that process is killed with SIGKILL', async () => {
    const db = await backend.freshDb();
    const store = await backend.open(db);
    const { child, exited } = await holding(HOLDER, [db]);
    try {
      expect(await store.tryResolverLease(async () => 'taken')).toBeNull();
    } finally {
      child.kill('SIGKILL'); // also when the expectation fails: the holder would wait forever
      await exited;
    }
    expect(await store.withResolverLease(async () => 'taken')).toBe('taken');
    await store.close();
  });
});

it('a SQLite batch started while another process is writing waits for it, then is stored (no "database is locked")', async () => {
  const db = await SQLITE.freshDb();
  const store = await SQLITE.open(db);
  const raw = makeRaw('a.txt', 'Envoys met in Kessel.');
  const { exited } = await holding(WRITER, [db, '1000']);
  const stored = await store.putBatch([{ raw, doc: clean(raw) as NewsDoc }]);
  expect(stored.map((r) => r.status)).toEqual(['new']);
  expect(await exited).toBe(0);
  expect(await store.countDocs()).toBe(1);
  await store.close();
});
