/** The CLI as a child process entry point for tests (`node --import tsx test/worker/child-cli.ts …`), so no build is needed; launched like `bin/parley.js`. */
import { tuneHeap } from '../../src/cli/heap.js';

let tuned = true;
try {
  tuneHeap();
} catch (err) {
  process.stderr.write(`parley: ${(err as Error).message}\n`);
  process.exitCode = 2; // EXIT.USAGE
  tuned = false;
}
if (tuned) {
  const { main } = await import('../../src/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
