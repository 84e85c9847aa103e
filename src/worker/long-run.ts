/**
 * Whether an ingest is known to be long before it starts: its local inputs hold at least `n` files.
 * `ingest` then starts the annotation threads at once (`DocPool.start`), so the main thread never
 * annotates and never holds a copy of the models (see `THREADS_AFTER_DOCS` for why a short run does
 * not start them). Only local files and folders are counted, the way the readers walk them
 * (`ingest/files.ts`: recursively, dotfiles skipped), and counting stops at `n`, so it costs `n` file
 * names at most; URLs and feeds count nothing (their size is known only once fetched), and a run of
 * them starts its threads after `THREADS_AFTER_DOCS` articles as before.
 */
import { walk } from '../ingest/files.js';
import { isRejected } from '../ingest/types.js';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** True when the local files and folders among `inputs` hold at least `n` files. */
export async function hasFilesAtLeast(inputs: readonly string[], n: number): Promise<boolean> {
  let files = 0;
  for (const input of inputs) {
    if (URL_LIKE.test(input)) continue;
    for await (const entry of walk(input)) {
      if (!isRejected(entry) && ++files >= n) return true;
    }
  }
  return false;
}
