/**
 * Builds the web UI into `web/dist` (git-ignored; produced by `npm run build`, which `npm ci` runs).
 * Scripts and styles are emitted as files so the strict Content-Security-Policy (no inline script
 * or style) holds; `modulePreload.polyfill` is off because it would inject an inline script.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    // Timing notes are noise in `npm ci` output on a busy machine.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
