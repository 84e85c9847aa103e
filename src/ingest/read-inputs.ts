/**
 * Turns the command line's inputs (files, folders, http(s) URLs, feeds) into raw articles, one reader
 * per kind (see `source.ts`). Every input that cannot be read becomes a `Rejected` naming it and the
 * problem; the rest go on. `--manifest` metadata is applied last, over what the inputs say.
 */
import type { RawArticle } from '../model/doc.js';
import { fetchUrl } from './fetch.js';
import { readFileCapped, walk } from './files.js';
import { manifestMeta } from './manifest.js';
import type { Follow } from './feed-items.js';
import { readSource } from './source.js';
import { DEFAULT_MAX_BYTES, isRejected, reject, type ReadOptions, type ReadResult } from './types.js';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Reads every input in order; folders recursively, in sorted order so runs are repeatable. */
export async function* readInputs(inputs: string[], opts: Partial<ReadOptions> = {}): AsyncGenerator<ReadResult> {
  const options: ReadOptions = { maxBytes: DEFAULT_MAX_BYTES, ...opts };
  for (const input of inputs) {
    const results = URL_LIKE.test(input) ? readUrl(input, options) : readPath(input, options);
    for await (const r of results) yield isRejected(r) || !options.manifest ? r : withManifest(r, options.manifest);
  }
}

function withManifest(article: RawArticle, manifest: NonNullable<ReadOptions['manifest']>): RawArticle {
  const over = manifestMeta(manifest, article.origin);
  return over ? { ...article, meta: { ...article.meta, ...over } } : article;
}

/**
 * Links are followed one level deep: a feed's items are fetched, but a feed reached through a feed
 * does not have its links followed (two feeds linking to each other would never end).
 */
const MAX_LINK_DEPTH = 1;

/** What a feed reached through a link yields for its own links. */
async function* notFollowed(link: string): AsyncGenerator<ReadResult> {
  yield reject(link, `not followed: linked from a feed that was itself reached through a link (depth limit ${MAX_LINK_DEPTH})`);
}

/** The reader a source uses for the links in it, by how deep it already is. */
function follower(opts: ReadOptions, depth: number): Follow {
  return depth >= MAX_LINK_DEPTH ? notFollowed : (link) => readUrl(link, opts, depth + 1);
}

/** Fetches a URL (safely: see `fetch.ts`) and reads what came back; feed links are read the same way. */
export async function* readUrl(url: string, opts: ReadOptions, depth = 0): AsyncGenerator<ReadResult> {
  const fetched = await fetchUrl(url, opts);
  if ('error' in fetched) return yield reject(url, fetched.error);
  const name = new URL(fetched.url).pathname;
  const src = { origin: url, name, bytes: fetched.bytes, contentType: fetched.contentType, url: fetched.url };
  yield* readSource(src, opts, follower(opts, depth));
}

/** Reads a file, or every file in a folder. */
async function* readPath(path: string, opts: ReadOptions): AsyncGenerator<ReadResult> {
  for await (const entry of walk(path)) {
    if (isRejected(entry)) {
      yield entry;
      continue;
    }
    const bytes = await readFileCapped(entry.file, opts.maxBytes);
    if (isRejected(bytes)) yield bytes;
    else yield* readSource({ origin: entry.file, name: entry.file, bytes }, opts, follower(opts, 0));
  }
}
