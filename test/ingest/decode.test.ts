import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../src/ingest/decode.js';
import { scanUtf8 } from '../../src/ingest/utf8.js';
import { CYRILLIC, FRENCH, POLISH, SMART_QUOTES } from './helpers.js';

const enc = (text: string, encoding: string, bom = false) => {
  const body = iconv.encode(text, encoding);
  const mark = bom ? iconv.encode('\ufeff', encoding) : Buffer.alloc(0);
  return new Uint8Array(Buffer.concat([mark, body]));
};

describe('decodeBytes: encodings detected by chardet / BOM and converted by iconv-lite', () => {
  const cases: [name: string, bytes: Uint8Array, text: string, encoding: string][] = [
    ['UTF-8', enc(CYRILLIC, 'utf-8'), CYRILLIC, 'UTF-8'],
    ['UTF-8 with BOM', enc(FRENCH, 'utf-8', true), FRENCH, 'UTF-8'],
    ['UTF-16LE with BOM', enc(CYRILLIC, 'utf-16le', true), CYRILLIC, 'UTF-16LE'],
    ['UTF-16BE with BOM', enc(FRENCH, 'utf-16be', true), FRENCH, 'UTF-16BE'],
    ['UTF-16LE without BOM (NUL pattern)', enc(FRENCH, 'utf-16le'), FRENCH, 'UTF-16LE'],
    ['UTF-16LE without BOM, Cyrillic', enc(CYRILLIC, 'utf-16le'), CYRILLIC, 'UTF-16LE'],
    ['UTF-16BE without BOM, Cyrillic', enc(CYRILLIC, 'utf-16be'), CYRILLIC, 'UTF-16BE'],
    ['windows-1251', enc(CYRILLIC, 'windows-1251'), CYRILLIC, 'windows-1251'],
    ['KOI8-R', enc(CYRILLIC, 'koi8-r'), CYRILLIC, 'KOI8-R'],
    ['ISO-8859-5', enc(CYRILLIC, 'iso-8859-5'), CYRILLIC, 'ISO-8859-5'],
    ['windows-1252 (curly quotes, dash)', enc(SMART_QUOTES, 'windows-1252'), SMART_QUOTES, 'windows-1252'],
    ['ISO-8859-1', enc(FRENCH, 'iso-8859-1'), FRENCH, 'ISO-8859-1'],
    ['ISO-8859-2', enc(POLISH, 'iso-8859-2'), POLISH, 'ISO-8859-2'],
    ['plain ASCII', enc('Ostrava and Zarevia met.', 'ascii'), 'Ostrava and Zarevia met.', 'UTF-8'],
  ];
  it.each(cases)('%s', (_name, bytes, text, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding });
  });

  it('honours <meta charset> in HTML over a guess', () => {
    const html = `<html><head><meta charset="windows-1251"><title>Кветко</title></head><body><p>Да.</p></body></html>`;
    expect(decodeBytes(enc(html, 'windows-1251'))).toEqual({ text: html, encoding: 'windows-1251' });
  });

  it('honours <meta http-equiv="Content-Type"> and the XML declaration', () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Ордания</p>`;
    expect(decodeBytes(enc(html, 'koi8-r'))).toEqual({ text: html, encoding: 'KOI8-R' });
    const xml = `<?xml version="1.0" encoding="ISO-8859-5"?><rss><channel><title>Велиград</title></channel></rss>`;
    expect(decodeBytes(enc(xml, 'iso-8859-5'))).toEqual({ text: xml, encoding: 'ISO-8859-5' });
  });

  it('honours a charset from outside (HTTP header)', () => {
    expect(decodeBytes(enc('Заревия', 'koi8-r'), 'koi8-r')).toEqual({ text: 'Заревия', encoding: 'KOI8-R' });
  });

  it('treats a legacy <meta charset> as stale when the bytes are valid UTF-8', () => {
    const html = `<meta charset="iso-8859-1"><p>Élodie Marchand à Brécourt</p>`;
    expect(decodeBytes(enc(html, 'utf-8'))).toEqual({ text: html, encoding: 'UTF-8' });
  });

  it('labels pure ASCII with the declared charset', () => {
    expect(decodeBytes(enc('<meta charset="windows-1252"><p>Hi</p>', 'ascii'))).toEqual({
      text: '<meta charset="windows-1252"><p>Hi</p>',
      encoding: 'windows-1252',
    });
  });
});

describe('scanUtf8', () => {
  const cases: [name: string, bytes: number[], scan: ReturnType<typeof scanUtf8>][] = [
    ['valid two-byte', [0x41, 0xd0, 0x97], { multiByte: 1, invalid: 0, firstInvalid: -1, truncated: false }],
    ['cut inside a character', [0xd0, 0x97, 0xd0], { multiByte: 1, invalid: 1, firstInvalid: 2, truncated: true }],
    ['cut inside a 3-byte character', [0x41, 0xe2, 0x80], { multiByte: 0, invalid: 1, firstInvalid: 1, truncated: true }],
    ['lone continuation byte', [0x41, 0x80, 0x41], { multiByte: 0, invalid: 1, firstInvalid: 1, truncated: false }],
    ['overlong (C0 lead)', [0xc0, 0xaf], { multiByte: 0, invalid: 2, firstInvalid: 0, truncated: false }],
    ['surrogate (ED A0 80)', [0xed, 0xa0, 0x80], { multiByte: 0, invalid: 3, firstInvalid: 0, truncated: false }],
    ['four-byte emoji', [0xf0, 0x9f, 0x98, 0x80], { multiByte: 1, invalid: 0, firstInvalid: -1, truncated: false }],
  ];
  it.each(cases)('%s', (_name, bytes, scan) => {
    expect(scanUtf8(new Uint8Array(bytes))).toEqual(scan);
  });
});
