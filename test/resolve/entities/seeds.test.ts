/**
 * The seed articles (read from ../shared, never copied): every spelling of one person merges into that
 * person, with and without the pack; people with unfamiliar surnames are found as persons; no entity
 * comes from boilerplate. Skips when ../shared/seeds is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/clean/clean.js';
import { findMentions } from '../../../src/annotate/mentions/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { makeContext } from '../../../src/context.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { isRejected } from '../../../src/ingest/types.js';
import { loadPack } from '../../../src/packs/load.js';
import { resolveEntities } from '../../../src/resolve/entities/resolver.js';
import { makeRaw, SHARED } from '../../helpers.js';

const SEEDS = join(SHARED, 'seeds');
const present = existsSync(SEEDS);
if (!present) console.warn(`skipping seed entity tests: ${SEEDS} is absent`);

describe.skipIf(!present)('entities on the seed articles', () => {
  for (const packName of ['russia-ukraine', 'none']) {
    describe(`--pack ${packName}`, () => {
      const ctx = makeContext({ pack: packName === 'none' ? { name: 'none' } : loadPack(packName) });
      const docs: NewsDoc[] = present
        ? readdirSync(SEEDS).sort().map((f) => {
            const cleaned = clean(makeRaw(join(SEEDS, f), readFileSync(join(SEEDS, f), 'utf8')));
            if (isRejected(cleaned)) throw new Error(`${f}: ${cleaned.reason}`);
            const withSentences = { ...cleaned, layers: { ...cleaned.layers, sentences: splitSentences(cleaned.text) } };
            return { ...withSentences, layers: { ...withSentences.layers, mentions: findMentions(withSentences, ctx) } };
          })
        : [];
      const entities = resolveEntities(docs, ctx);
      const holder = (alias: string) => entities.filter((e) => e.aliases.some((a) => a.text === alias));
      const inText = (s: string) => docs.some((d) => d.text.includes(s));

      it('merges every spelling of one person', () => {
        const families = [
          ['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov', 'Lavor'],
          ['Volodymyr Zelenskyy', 'Volodymyr Zelskyy', 'Zelskyy', 'Selenskyy'],
          ['David Arakhamia', 'David Arachhamia'],
          ['Vladimir Putin', 'Putin'],
          ['Dmytro Kuleba', 'Kuleba'],
          ['Vladimir Medinsky', 'Medinsky'],
        ];
        for (const family of families) {
          const seen = family.filter(inText);
          const owners = new Set(seen.flatMap((a) => holder(a).map((e) => e.id)));
          expect(owners.size, `${seen.join(', ')} → ${[...owners].join(', ')}`).toBe(1);
        }
      });
      it('never merges different people', () => {
        const id = (alias: string) => holder(alias)[0]?.id;
        expect(id('Vladimir Putin')).not.toBe(id('Vladimir Medinsky'));
        expect(id('Sergey Lavrov')).not.toBe(id('Dmytro Kuleba'));
      });
      it('finds people with unfamiliar surnames as persons', () => {
        for (const name of ['Dmytro Kuleba', 'Rustem Umerov', 'Kassym-Jomart Tokayev', 'Igor Konashenkov', 'Vladimir Medinsky']) {
          if (!inText(name)) continue;
          expect(holder(name).map((e) => e.type), name).toEqual(['person']);
        }
      });
      it('takes no entity from removed boilerplate', () => {
        for (const d of docs) {
          for (const r of d.removed) {
            for (const word of r.text.match(/\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)+/gu) ?? []) {
              if (!d.text.includes(word)) expect(holder(word), `${word} from "${r.text}"`).toEqual([]);
            }
          }
        }
      });
      it('links a bare title to its holder on the document date when the pack knows it', () => {
        if (packName === 'none') return;
        const lavrov = holder('Sergey Lavrov')[0];
        expect(lavrov.mentions.some((m) => m.implied && /Foreign Minister/.test(m.text))).toBe(true);
      });
    });
  }
});
