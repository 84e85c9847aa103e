/** The CLI as a child process entry point for tests (`node --import tsx test/worker/child-cli.ts …`), so no build is needed. */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
