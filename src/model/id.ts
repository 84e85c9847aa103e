import { createHash } from 'node:crypto';

/**
 * Normalises text for identity: Unicode NFKC, typographic quotes and dashes folded, whitespace
 * collapsed, case folded. Two copies that differ only in such details get the same id.
 */
export function normaliseForId(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A document's id: the first 16 hex digits of the SHA-256 of its normalised text. */
export function docId(text: string): string {
  return createHash('sha256').update(normaliseForId(text)).digest('hex').slice(0, 16);
}

/** A key for one line of text, equal for lines that differ only in case, spacing or punctuation style. */
export function lineKey(line: string): string {
  return createHash('sha1').update(normaliseForId(line)).digest('hex').slice(0, 16);
}

/** A hash of raw bytes, to tell whether an origin changed since it was last ingested. */
export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
