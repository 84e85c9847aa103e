import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../helpers.js';

describe('parley serve', () => {
  it('listens on 127.0.0.1 by default, answers the API, and stops cleanly on SIGINT', async () => {
    let out = '';
    let err = '';
    const db = join(tempDir(), 'p.db');
    const done = main(['serve', '--db', db, '--port', '0'], { out: (s) => (out += s), err: (s) => (err += s) });
    for (let i = 0; i < 200 && !out.includes('serving'); i++) await new Promise((r) => setTimeout(r, 25));
    const url = /at (http:\/\/\S+\/) /.exec(out)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(out).toContain('writes disabled: no --token');
    const r = await fetch(`${url}api/documents`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ total: 0, limit: 50, offset: 0, items: [] });
    process.emit('SIGINT');
    expect(await done).toBe(0);
    expect(err).toBe('');
  });

  it('rejects a bad port or rate limit with a usage error', async () => {
    let err = '';
    const code = await main(['serve', '--port', '70000'], { out: () => {}, err: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err).toBe('parley: --port: expected 0 to 65535, got "70000"\n');
  });
});
