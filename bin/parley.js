#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script).
// tuneHeap: V8 collects garbage sooner than its default on big machines (src/cli/heap.ts); no cap, no child process.
import { tuneHeap } from '../dist/cli/heap.js';
import { quietOnClosedPipe } from '../dist/cli/closed-pipe.js';

quietOnClosedPipe(process.stdout);

let tuned = true;
try {
  tuneHeap();
} catch (err) {
  process.stderr.write(`parley: ${err.message}\n`);
  process.exitCode = 2; // EXIT.USAGE
  tuned = false;
}
if (tuned) {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
