/**
 * `finishEntity` with a stored entity's mentions first (`stored`, already in order): the new mentions
 * are merged in by binary search, and the entity is the one a full sort gives.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { finishEntity } from '../../../src/resolve/entities/resolver.js';
import type { EntityMention } from '../../../src/resolve/entities/types.js';

const ctx = makeContext({ pack: { name: 'none' } });
const at = (doc: string, start: number, text = 'Tomas Vellik'): EntityMention => ({ doc, start, end: start + text.length, text });

describe('finishEntity with stored mentions in order', () => {
  const stored = ['doc-b', 'doc-d', 'doc-f', 'doc-h'].flatMap((d) => [at(d, 10), at(d, 40, 'Vellik')]);
  const added = [at('doc-g', 5), at('doc-a', 7, 'Vellik'), at('doc-d', 25), at('doc-z', 1), at('doc-d', 40, 'Vellik')];
  const base = { pack: null, type: 'person' as const, roles: [], merges: [], mentions: [...stored, ...added] };

  it('merges new mentions into place, ties after the stored one, as a stable sort', () => {
    const merged = finishEntity({ ...base, stored: stored.length }, ctx);
    expect(merged).toEqual(finishEntity(base, ctx));
    expect(merged.mentions.map((m) => `${m.doc}:${m.start}`)).toEqual([
      'doc-a:7', 'doc-b:10', 'doc-b:40', 'doc-d:10', 'doc-d:25', 'doc-d:40', 'doc-d:40', 'doc-f:10', 'doc-f:40', 'doc-g:5', 'doc-h:10', 'doc-h:40', 'doc-z:1',
    ]);
  });

  it('sorts everything when most mentions are new (negative case: nothing is taken as ordered that is not)', () => {
    const few = { ...base, mentions: [stored[0], ...added], stored: 1 };
    expect(finishEntity(few, ctx).mentions).toEqual(finishEntity({ ...few, stored: 0 }, ctx).mentions);
  });
});
