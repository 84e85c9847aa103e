/**
 * `npm run bench [-- suite…]`: runs the quality and speed benchmarks. Each suite prints absolute
 * figures and ratios against a baseline measured in the same run, and skips with a clear message when
 * `../shared/data` is absent. With no arguments, every suite except the slow `scale` one runs.
 */
import { SUITES } from './suites.js';

const asked = process.argv.slice(2);
const names = asked.length > 0 ? asked : Object.keys(SUITES).filter((n) => !SUITES[n].onlyWhenAsked);
for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`bench: unknown suite "${name}"; choose from ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name}: ${suite.title}\n`);
  await suite.run();
}
