import { loadManifest } from './manifest.js';
import type { ReadOptions } from './types.js';

/** The ingest options a command line gives. */
export interface ReadFlags {
  maxBytes?: number;
  manifest?: string;
  allowPrivate?: boolean;
}

/**
 * Turns command-line flags into reader options, loading `--manifest` up front so that a bad manifest
 * is misuse reported before anything is read (it throws a one-line message naming the valid columns).
 */
export function readOptionsFrom(flags: ReadFlags): Partial<ReadOptions> {
  const opts: Partial<ReadOptions> = {};
  if (flags.maxBytes) opts.maxBytes = flags.maxBytes;
  if (flags.allowPrivate) opts.allowPrivate = true;
  if (flags.manifest) opts.manifest = loadManifest(flags.manifest);
  return opts;
}
