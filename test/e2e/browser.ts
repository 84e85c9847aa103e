/**
 * Headless Chromium for the browser tests: Debian's `/usr/bin/chromium` driven by playwright-core.
 * Tests skip with a clear message when it is absent. Also makes sure the UI is built.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_DIST } from '../../src/server/app.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `browser tests skipped: ${CHROMIUM} not found (install Debian's "chromium" package; .ci/run does)`;
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results');

/** Builds `web/dist` if `npm run build` has not (the browser tests need the real UI). */
export async function ensureUiBuilt(): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(import.meta.dirname, '..', '..', 'web', 'vite.config.ts'), logLevel: 'error' });
}

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Problems the page reported: script errors, console errors and CSP violations. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return problems;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
