/**
 * `parley timeline` and `parley contradictions`: the merged events in date order (undated ones
 * listed apart) with precision, status, number of sources and contradiction markers; and the
 * contradictions with their statements side by side.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { EVENT_TYPES } from '../annotate/events/types.js';
import type { Event } from '../resolve/events/build.js';
import { matchesEvent, type EventFilter } from '../resolve/events/filter.js';
import { shownPrecision } from '../export/precision.js';
import type { Contradiction } from '../resolve/contradictions/resolver.js';
import type { Store } from '../store/store.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, withStore } from './options.js';

export interface TimelineFilter {
  story?: string;
  from?: string;
  to?: string;
  type?: string;
}

const isoDate = (flag: string, v: string | undefined) => {
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new CliError(`${flag} ${v}: expected a date as YYYY-MM-DD`, EXIT.USAGE);
  return v;
};

/** The events that pass the filter, dated first in order, then undated. */
export async function timelineEvents(store: Store, f: TimelineFilter): Promise<Event[]> {
  let docs: Set<string> | null = null;
  if (f.story) {
    const story = (await store.corpus<{ id: string; docs: string[] }>('stories')).find((s) => s.id === f.story);
    if (!story) throw new CliError(`no story with id "${f.story}"; see parley stories`, EXIT.NOT_FOUND);
    docs = new Set(story.docs);
  }
  const filter: EventFilter = { docs, from: f.from, to: f.to, types: f.type ? [f.type] : undefined };
  return (await store.corpus<Event>('events')).filter((e) => matchesEvent(e, filter));
}

function line(e: Event, disputed: Set<string>): string {
  const sources = new Set(e.mentions.map((m) => m.doc)).size;
  const when = e.date.start ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : 'undated';
  const mark = disputed.has(e.id) ? ' ⚠ disputed' : '';
  return `${when.padEnd(22)} ${shownPrecision(e.date).padEnd(7)} ${e.status.padEnd(8)} ${e.title}  [${sources} source${sources === 1 ? '' : 's'}]${mark}`;
}

export function timelineCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('timeline')
    .description('dated events in order, then undated ones; ⚠ marks a contradiction')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--story <id>', 'only events of this story')
    .option('--from <date>', 'only events on or after YYYY-MM-DD')
    .option('--to <date>', 'only events on or before YYYY-MM-DD')
    .addOption(new Option('--type <type>', 'only events of this type').choices([...EVENT_TYPES]))
    .option('--json', 'machine-readable output')
    .action(
      run(async (opts: TimelineFilter & { db: string; json?: boolean }) => {
        isoDate('--from', opts.from);
        isoDate('--to', opts.to);
        return withStore(opts.db, async (store) => {
          const events = await timelineEvents(store, opts);
          const contradictions = await store.corpus<Contradiction>('contradictions');
          const disputed = new Set(contradictions.flatMap((c) => (c.about ? [c.about] : [])));
          if (opts.json) {
            io.out(JSON.stringify(events.map((e) => ({ ...e, disputed: disputed.has(e.id) })), null, 2) + '\n');
            return EXIT.OK;
          }
          const dated = events.filter((e) => e.date.start);
          const undated = events.filter((e) => !e.date.start);
          io.out(dated.map((e) => line(e, disputed) + '\n').join(''));
          if (undated.length > 0) io.out(`\nundated (${undated.length}):\n` + undated.map((e) => line(e, disputed) + '\n').join(''));
          return EXIT.OK;
        });
      }),
    );
}

export function contradictionsCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('contradictions')
    .description('where sources disagree: venue, date, denial, figures — statements side by side')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action(
      run(async (opts: { db: string; json?: boolean }) => {
        return withStore(opts.db, async (store) => {
          const list = await store.corpus<Contradiction>('contradictions');
          if (opts.json) io.out(JSON.stringify(list, null, 2) + '\n');
          else
            for (const c of list)
              io.out(`[${c.kind}] ${c.summary}\n` + c.statements.map((s) => `    ${s.doc.slice(0, 8)}@${s.start}: ${s.text}\n`).join('') + '\n');
          return EXIT.OK;
        });
      }),
    );
}
