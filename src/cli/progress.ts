import cliProgress from 'cli-progress';
import type { IngestSummary } from '../ingest-batch.js';

/**
 * Progress for long work: a live bar on a terminal, a plain line every `PLAIN_EVERY` articles
 * otherwise (logs and CI), both on stderr so stdout stays clean for `--json`.
 */
const PLAIN_EVERY = 500;

export function ingestProgress(stream: NodeJS.WriteStream = process.stderr) {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'ingest {bar} {value} read | {new} new | {duplicate} dup | {rejected} rejected', stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0, { new: 0, duplicate: 0, rejected: 0 });
    return {
      update: (s: IngestSummary) => {
        bar.setTotal(Math.max(s.read + s.rejected, 1));
        bar.update(s.read + s.rejected, { new: s.new, duplicate: s.duplicate, rejected: s.rejected });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (s: IngestSummary) => {
      if (s.read + s.rejected - last < PLAIN_EVERY) return;
      last = s.read + s.rejected;
      stream.write(`ingest: ${s.read} read, ${s.new} new, ${s.duplicate} duplicate, ${s.rejected} rejected\n`);
    },
    stop: () => {},
  };
}
