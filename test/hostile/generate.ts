/**
 * A generator of hostile inputs: files a news pipeline meets in the wild or from an attacker. Each
 * case names what it attacks. Big inputs are written to a temporary folder at test time, never kept in
 * the repository; `scale` lets the benchmark make the 100 MB variant.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { seeded } from '../../bench/synthetic-corpus.js';

export interface HostileCase {
  name: string;
  /** What it attacks, for the report. */
  attacks: string;
  bytes: () => Uint8Array;
}

const enc = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;
const SENTENCE = 'Envoys of Valdoria met delegates from Ostrava in Kessel on Tuesday, officials said. ';

/** Repeats `unit` up to `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
/** Pathological text for line-wise regexes: long, but each line under the budget's line limit. */
const lines = (unit: string, lineChars: number, count: number) => Array.from({ length: count }, () => fill(unit, lineChars)).join('\n');

/** Every case; `bigMB` sizes the large-file case (20 in tests, 100 in the benchmark). */
export function hostileCases(bigMB = 20): HostileCase[] {
  const rand = seeded(99);
  return [
    { name: 'binary.txt', attacks: 'decoding: random bytes with NULs', bytes: () => Uint8Array.from({ length: 64 * 1024 }, () => Math.floor(rand() * 256)) },
    { name: 'png-named.html', attacks: 'kind detection: an image under an .html name', bytes: () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...enc('IHDR'), ...new Uint8Array(2000)]) },
    { name: 'truncated-utf8.txt', attacks: 'decoding: multi-byte characters cut off and invalid sequences', bytes: () => {
      const b = enc(`${SENTENCE}Zürich – Kyiv — “quoted” ${SENTENCE}`);
      return Uint8Array.from([...b, 0xe2, 0x80, 0x0a, ...b.slice(0, 40), 0xc3, 0xff, 0xfe, 0xed, 0xa0, 0x80, ...b.slice(0, 20), 0xf0, 0x9f]);
    } },
    { name: 'nul-in-text.txt', attacks: 'storage: NUL characters inside otherwise normal text', bytes: () => enc(`${SENTENCE}\u0000${SENTENCE}`) },
    { name: 'bom-only.txt', attacks: 'decoding: a byte-order mark and nothing else', bytes: () => Uint8Array.from([0xef, 0xbb, 0xbf]) },
    { name: 'utf16-odd.txt', attacks: 'decoding: a UTF-16 BOM with an odd number of bytes', bytes: () => Uint8Array.from([0xff, 0xfe, ...enc('a\u0000b\u0000c')]) },
    { name: 'large.txt', attacks: `size: a ${bigMB} MB article`, bytes: () => enc(lines(SENTENCE, 2000, Math.ceil((bigMB * MB) / 2001))) },
    { name: 'one-line.txt', attacks: 'line-wise stages: a 5 MB single line', bytes: () => enc(fill(SENTENCE, 5 * MB)) },
    { name: 'one-line.html', attacks: 'HTML extraction: 2 MB of markup on one line', bytes: () => enc(`<html><body><article>${fill(`<p>${SENTENCE}</p>`, 2 * MB)}</article></body></html>`) },
    { name: 'deep.html', attacks: 'HTML parsing and extraction: 10,000 nested elements', bytes: () => enc(`<html><body>${'<div>'.repeat(10_000)}<p>${SENTENCE}</p>${'</div>'.repeat(10_000)}</body></html>`) },
    { name: 'deep-unclosed.html', attacks: 'HTML parsing: 10,000 unclosed nested elements', bytes: () => enc(`<html><body>${'<span><b><i>'.repeat(3_400)}${SENTENCE}`) },
    { name: 'entities.rss', attacks: 'XML: entity expansion ("billion laughs") in a feed', bytes: () => enc(billionLaughs()) },
    { name: 'external-entity.xml', attacks: 'XML: an external entity naming a local file', bytes: () => enc(
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title>` +
      `<item><title>&xxe;</title><link>http://example.invalid/a</link><description>${SENTENCE}&xxe;</description></item></channel></rss>`) },
    { name: 'broken-feed.rss', attacks: 'XML: a feed cut off mid-element', bytes: () => enc(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>${SENTENCE}`) },
    { name: 'unbalanced.csv', attacks: 'CSV: a quote opened and never closed', bytes: () => enc(`id,title,text\n1,"Talks,"${SENTENCE}\n2,Fine,${SENTENCE}\n3,"Never closed,${SENTENCE}\n`) },
    { name: 'ragged.csv', attacks: 'CSV: rows with the wrong number of fields', bytes: () => enc(`id,title,text\n1,a\n2,b,${SENTENCE},extra,fields\n`) },
    { name: 'broken.json', attacks: 'JSON: a syntax error', bytes: () => enc(`{"text": "${SENTENCE}", "title": }`) },
    { name: 'deep.json', attacks: 'JSON: 100,000 nested arrays', bytes: () => enc('['.repeat(100_000) + ']'.repeat(100_000)) },
    { name: 'surrogates.jsonl', attacks: 'JSON: lone surrogates and NULs in strings', bytes: () => enc(
      `{"id":"s1","title":"\\ud800 half","text":"${SENTENCE}\\udc00 ${SENTENCE}"}\n{"id":"s2","title":"nul\\u0000title","text":"${SENTENCE}"}\n`) },
    { name: 'bomb.txt.gz', attacks: 'compression: 200 MB of zeros in a small gzip file', bytes: () => gzipSync(new Uint8Array(200 * MB), { level: 9 }) },
    ...regexCases(),
  ];
}

/**
 * Strings that make backtracking regular expressions slow: long runs of what a pattern repeats,
 * followed by what makes it fail. Each comes long (rejected by the per-document budget, with the
 * reason) and short (under the budget's limits, so it reaches every annotator).
 */
/** Under the budget's word and sentence limits (2,000 and 5,000 characters), so the annotators see it. */
const SHORT_RUN = 1_900;

function regexCases(): HostileCase[] {
  const runs: [string, string][] = [
    ['spaces', ' '.repeat(50_000) + 'x'],
    ['dots', '.'.repeat(50_000)],
    ['one-word', 'a'.repeat(90_000)],
    ['capitalised', 'Foo '.repeat(20_000)],
    ['titles', 'Mr. '.repeat(20_000) + 'said'],
    ['quotes', '"\u201c\u00ab'.repeat(20_000)],
    ['apostrophes', "'a ".repeat(25_000)],
    ['digits', '1,'.repeat(40_000) + 'km'],
    ['numbers-words', '12 million 12 thousand '.repeat(3_000)],
    ['dates', '12 12 12 '.repeat(8_000) + 'May'],
    ['date-words', 'on Tuesday last week next month '.repeat(2_500)],
    ['said', 'said, said '.repeat(8_000)],
    ['dashes', '- \u2014 '.repeat(25_000)],
    ['urls', 'http://'.repeat(12_000)],
    ['html-ish', '<a <b <c '.repeat(10_000)],
    ['combining', 'e\u0301\u0302\u0303'.repeat(20_000)],
    ['emoji', '\u{1F600}\u200d'.repeat(20_000)],
    ['parens', '('.repeat(40_000) + ')'.repeat(40_000)],
  ];
  return runs.flatMap(([name, line]) => [
    {
      name: `regex-${name}.txt`,
      attacks: `regular expressions: ${name}, long enough to trip the per-document budget`,
      bytes: () => enc(`${SENTENCE}\n${line}\n${line}\n${SENTENCE}`),
    },
    {
      name: `regex-${name}-short.txt`,
      attacks: `regular expressions: ${name}, short enough to reach every annotator`,
      bytes: () => enc(`${SENTENCE}\n${line.slice(0, SHORT_RUN)}\n${SENTENCE}\n${line.slice(-SHORT_RUN)}`),
    },
  ]);
}

/** The classic exponential entity expansion, inside an RSS item. */
function billionLaughs(): string {
  const ents = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE rss [${ents.join('')}]><rss version="2.0"><channel><title>Feed</title>` +
    `<item><title>&lol9;</title><link>http://example.invalid/a</link><description>${SENTENCE}&lol9;</description></item></channel></rss>`;
}

/** Writes every case into `dir`; returns the cases written. */
export function writeHostile(dir: string, bigMB = 20, keep: (c: HostileCase) => boolean = () => true): HostileCase[] {
  mkdirSync(dir, { recursive: true });
  const cases = hostileCases(bigMB).filter(keep);
  for (const c of cases) writeFileSync(join(dir, c.name), c.bytes());
  return cases;
}
