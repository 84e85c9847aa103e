/**
 * Where a character encoding can be learnt before decoding: a byte-order mark, an HTTP
 * `Content-Type` header, an HTML `<meta charset>` / `http-equiv` declaration or an XML declaration,
 * and, failing those, statistical detection by chardet.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** How far into a document to look for a charset declaration; HTML requires it in the first 1024 bytes. */
const PRESCAN_BYTES = 1024;

/**
 * Below this chardet confidence (0–100) a guess is not trusted. Chosen from fictional Cyrillic and
 * Latin-1 paragraphs of ~200 characters, which score 46–81 for the right answer; random bytes score < 10.
 */
export const MIN_CHARDET_CONFIDENCE = 10;

/** The encoding announced by a byte-order mark, and the mark's length. */
export function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', length: 2 };
  return null;
}

/**
 * UTF-16 without a byte-order mark, for European scripts: the high byte of every code unit is small
 * (U+0000–U+05FF: Latin, Greek, Cyrillic, Armenian, Hebrew) and NUL for spaces and ASCII, while the
 * low bytes are rarely NUL. Required: at least 90 % of the sampled high bytes in 0x00–0x05, some of
 * them NUL, and under 10 % NUL low bytes. Random or binary data does not come close.
 */
export function utf16WithoutBom(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return null;
  const pairs = n / 2;
  const score = (high: number) => {
    let small = 0;
    let nulHigh = 0;
    let nulLow = 0;
    for (let i = 0; i < n; i += 2) {
      const [hi, lo] = [bytes[i + high], bytes[i + 1 - high]];
      if (hi <= 0x05) small++;
      if (hi === 0) nulHigh++;
      if (lo === 0) nulLow++;
    }
    return small >= 0.9 * pairs && nulHigh > 0 && nulLow < 0.1 * pairs;
  };
  if (score(1)) return 'UTF-16LE';
  if (score(0)) return 'UTF-16BE';
  return null;
}

/** The charset named in an HTTP `Content-Type` header, if iconv-lite knows it. */
export function charsetFromContentType(header: string | undefined): string | null {
  const m = header?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m && iconv.encodingExists(m[1]) ? m[1] : null;
}

/** The charset declared by `<meta charset>`, `<meta http-equiv=Content-Type>` or `<?xml encoding?>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const m =
    head.match(/<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i) ??
    head.match(/^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  return m && iconv.encodingExists(m[1]) ? m[1] : null;
}

/** Whether an encoding name means UTF-8. */
export function isUtf8Name(name: string): boolean {
  return /^utf-?8$/i.test(name);
}

/** chardet's best single- or multi-byte guess that iconv-lite can decode, or null when unsure. */
export function detectLegacy(bytes: Uint8Array): string | null {
  for (const match of chardet.analyse(bytes)) {
    if (match.confidence < MIN_CHARDET_CONFIDENCE) return null;
    if (/^(UTF|ISO_2022|mbcs|sbcs)/i.test(match.name)) continue;
    if (iconv.encodingExists(match.name)) return match.name;
  }
  return null;
}
