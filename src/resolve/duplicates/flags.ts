/**
 * Replacing one resolver's flags on a document. Corpus resolvers rerun over the stored corpus, so each
 * one owns its flag kinds: it drops its old flags of those kinds, adds the new ones, and reports the
 * document as changed only when something really changed.
 */
import type { Flag, NewsDoc } from '../../model/doc.js';

/**
 * `doc` with its flags of `kind` replaced by `flags` (and `duplicateOf` set when given), or null
 * when that changes nothing.
 */
export function replaceFlags(doc: NewsDoc, kind: string, flags: Flag[], duplicateOf?: string | null): NewsDoc | null {
  const next: NewsDoc = {
    ...doc,
    flags: [...doc.flags.filter((f) => f.kind !== kind), ...flags],
    duplicateOf: duplicateOf === undefined ? doc.duplicateOf : duplicateOf,
  };
  const same = JSON.stringify(next.flags) === JSON.stringify(doc.flags) && next.duplicateOf === doc.duplicateOf;
  return same ? null : next;
}

/** A short human label for a document in evidence strings: its id and title or origin. */
export function docLabel(doc: NewsDoc): string {
  return `${doc.id} ("${doc.title ?? doc.origin}")`;
}
