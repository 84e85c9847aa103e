/** A child process for `lease.test.ts`: takes the resolver lease of `--db` (argv[2]), says so, and holds it until killed. */
import { openStore } from '../../src/store/open.js';

const store = await openStore(process.argv[2]);
await store.withResolverLease(async () => {
  process.stdout.write('held\n');
  await new Promise(() => setInterval(() => {}, 60_000));
});
