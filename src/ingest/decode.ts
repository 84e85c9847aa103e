/**
 * Bytes → text, detecting the character encoding with a library (chardet) and converting with
 * another (iconv-lite). The order of evidence:
 *
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE), or UTF-16 recognised by its NUL pattern;
 * 2. NUL bytes or many control characters → rejected as binary;
 * 3. valid UTF-8 → UTF-8, even when a `<meta charset>` says otherwise: a legacy-encoded text almost
 *    never forms valid multi-byte UTF-8, so such a declaration is stale (the page was re-saved);
 * 4. mostly-valid UTF-8 with damage → rejected. Policy: we do not decode with U+FFFD replacements,
 *    because a text with holes would be stored, hashed and quoted as if it were what the outlet
 *    published; a cut-off download or a file concatenated from two encodings is better fetched again.
 *    The reason says which: "truncated" (ends inside a character) or "invalid UTF-8" (mixed encodings);
 * 5. a declared legacy charset (HTTP header, `<meta>`, `<?xml encoding?>`) → that charset;
 * 6. otherwise chardet's guess (windows-1251/1252, ISO-8859-x, KOI8-R, …), or a rejection when unsure.
 */
import iconv from 'iconv-lite';
import { bomEncoding, declaredCharset, detectLegacy, isUtf8Name, utf16WithoutBom } from './charset.js';
import { scanUtf8 } from './utf8.js';

/** The decoded text and the encoding it was decoded from, or why it could not be decoded. */
export type Decoded = { text: string; encoding: string } | { error: string };

/**
 * More than this share of C0 control characters (other than tab, newlines, form feed and escape) in
 * the first 64 KiB means binary. Real text has none; 5 % tolerates a stray control code in a dump.
 */
const BINARY_CONTROL_RATIO = 0.05;
const BINARY_SAMPLE = 64 * 1024;

/** Decodes `bytes`; `declared` is a charset from outside the bytes (an HTTP header). */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return convert(bytes.subarray(bom.length), bom.encoding);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return convert(bytes, utf16);
  const binary = binaryReason(bytes);
  if (binary) return { error: binary };
  const scan = scanUtf8(bytes);
  const named = declared ?? declaredCharset(bytes);
  const legacyName = named && !isUtf8Name(named) ? named : null;
  if (scan.invalid === 0) return convert(bytes, scan.multiByte === 0 && legacyName ? legacyName : 'UTF-8');
  if (scan.truncated && scan.multiByte > 0) {
    return { error: `truncated UTF-8: the input ends inside a character at byte ${scan.firstInvalid}` };
  }
  if (scan.multiByte >= scan.invalid) {
    return { error: `invalid UTF-8 at byte ${scan.firstInvalid} (mixed or wrong encoding; ${scan.invalid} bad sequences)` };
  }
  if (legacyName) return convert(bytes, legacyName);
  const guess = detectLegacy(bytes);
  if (!guess) return { error: 'unknown character encoding: not UTF-8, and no charset could be detected' };
  return convert(bytes, guess);
}

function convert(bytes: Uint8Array, encoding: string): Decoded {
  let text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding: canonicalName(encoding) };
}

/** Encoding names as people write them: `UTF-8`, `UTF-16LE`, `windows-1251`, `ISO-8859-5`, `KOI8-R`. */
function canonicalName(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n.startsWith('windows-')) return n;
  if (/^cp-?125\d$/.test(n)) return n.replace(/^cp-?/, 'windows-');
  return n.toUpperCase();
}

function binaryReason(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `binary: NUL byte at offset ${nul}`;
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return controls > n * BINARY_CONTROL_RATIO ? `binary: ${controls} control characters in the first ${n} bytes` : null;
}
