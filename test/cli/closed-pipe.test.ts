import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'cli', 'closed-pipe.ts')).href;

/** A process that writes to stdout without end, with or without the handler; the test closes the pipe after the first chunk. */
async function writeUntilClosed(handled: boolean): Promise<{ code: number | null; err: string }> {
  const script = `
    import { quietOnClosedPipe } from ${JSON.stringify(MODULE)};
    import { once } from 'node:events';
    if (${handled}) quietOnClosedPipe(process.stdout);
    for (;;) if (!process.stdout.write('line of output\\n'.repeat(4096))) await once(process.stdout, 'drain');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, err };
}

describe('a reader that closes the pipe early (parley docs | head)', () => {
  it('ends the process quietly with code 0', async () => {
    expect(await writeUntilClosed(true)).toEqual({ code: 0, err: '' });
  });

  it('without the handler Node fails with an EPIPE stack trace (what the handler prevents)', async () => {
    const { code, err } = await writeUntilClosed(false);
    expect(code).not.toBe(0);
    expect(err).toContain('EPIPE');
  });
});
