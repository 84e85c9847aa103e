/** Runs the CLI as a child process (through tsx, no build needed), for worker and crash tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'test', 'worker', 'child-cli.ts');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Starts `parley …args` as a child; `done` resolves when it exits. */
export function spawnCli(args: string[]): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

/** Runs `parley …args` to the end and fails the test with its stderr if it exits with 2 or more. */
export async function runCliChild(args: string[]): Promise<Finished> {
  const f = await spawnCli(args).done;
  if (f.code === null || f.code > 1) throw new Error(`parley ${args.join(' ')} exited ${f.code ?? f.signal}: ${f.err}`);
  return f;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `parley …args`, and SIGKILLs it `extraMs` after `when()` first returns true (polled every
 * few milliseconds). Resolves to whether the kill landed or the command finished first.
 */
export async function killWhen(args: string[], when: () => Promise<boolean>, extraMs: number): Promise<'killed' | 'finished'> {
  const { child, done } = spawnCli(args);
  let exited = false;
  done.then(() => (exited = true));
  while (!exited) {
    if (await when()) {
      await sleep(extraMs);
      if (exited) break;
      child.kill('SIGKILL');
      const f = await done;
      return f.signal === 'SIGKILL' ? 'killed' : 'finished';
    }
    await sleep(5);
  }
  const f = await done;
  if (f.code === null || f.code > 1) throw new Error(`parley ${args.join(' ')} exited ${f.code ?? f.signal}: ${f.err}`);
  return 'finished';
}
