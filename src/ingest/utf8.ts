/**
 * A strict UTF-8 scan that says not just "valid or not" but how: how many well-formed multi-byte
 * characters there are, how many malformed sequences, where the first one is, and whether the bytes
 * merely stop in the middle of a character. That is what tells broken UTF-8 (reject) from a legacy
 * single-byte encoding (detect and convert): see `decode.ts`.
 */

/** What a UTF-8 scan found. */
export interface Utf8Scan {
  /** Well-formed characters of two to four bytes. */
  multiByte: number;
  /** Malformed sequences (each counted once, at its first byte). */
  invalid: number;
  /** Byte offset of the first malformed sequence, or -1. */
  firstInvalid: number;
  /** The only malformed sequence is an incomplete character at the very end (a cut-off file). */
  truncated: boolean;
}

/** The allowed range of the second byte after each lead byte (RFC 3629, table 3-7 of Unicode). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Scans `bytes` as UTF-8. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multiByte: 0, invalid: 0, firstInvalid: -1, truncated: false };
  const bad = (at: number) => {
    scan.invalid++;
    if (scan.firstInvalid < 0) scan.firstInvalid = at;
  };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(lead);
    if (len === 0) {
      bad(i++);
      continue;
    }
    const [lo, hi] = secondByteRange(lead);
    let k = 1;
    while (k < len && i + k < bytes.length) {
      const b = bytes[i + k];
      const ok = k === 1 ? b >= lo && b <= hi : b >= 0x80 && b <= 0xbf;
      if (!ok) break;
      k++;
    }
    if (k === len) {
      scan.multiByte++;
      i += len;
    } else {
      if (i + k >= bytes.length && scan.invalid === 0) scan.truncated = true;
      else scan.truncated = false;
      bad(i);
      i += k;
    }
  }
  if (scan.invalid > 1) scan.truncated = false;
  return scan;
}
