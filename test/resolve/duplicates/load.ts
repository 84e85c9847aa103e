import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewsDoc } from '../../../src/model/doc.js';
import { makeDoc } from '../../helpers.js';

/** The `.txt` files of a fixture folder as documents, origin = file name, title = first line. */
export function loadFixture(dir: string, over: (file: string) => Partial<NewsDoc> = () => ({})): NewsDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8').trimEnd();
      return makeDoc(text, { origin: file, title: text.split('\n')[0], ...over(file) });
    });
}
