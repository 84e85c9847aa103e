/** The pack loader and the shipped `russia-ukraine` pack. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, packNames } from '../../../src/packs/load.js';
import { holders, lookupAlias, packIndex } from '../../../src/packs/pack-index.js';
import { tempDir } from '../../helpers.js';

describe('packs', () => {
  const pack = loadPack('russia-ukraine');
  const index = packIndex(pack);

  it('ships russia-ukraine with at least 200 entities of every kind, and its known rounds of talks', () => {
    expect(pack.entities!.length).toBeGreaterThanOrEqual(200);
    const types = new Set(pack.entities!.map((e) => e.type));
    expect([...types].sort()).toEqual(['organization', 'outlet', 'person', 'place']);
    const talks = pack.events!.filter((e) => e.type === 'talks').map((e) => e.date);
    expect(talks).toEqual(expect.arrayContaining(['2022-02-28', '2022-03-03', '2022-03-07', '2022-03-29', '2025-05-16', '2025-06-02', '2025-07-23']));
  });
  it('lists the shipped packs and none', () => expect(packNames()).toEqual(['russia-ukraine', 'none']));
  it('none is the empty pack', () => expect(loadPack('none')).toEqual({ name: 'none' }));
  it('an unknown pack throws at start-up with the valid choices', () => {
    expect(() => loadPack('narnia')).toThrow('unknown pack "narnia"; choose from russia-ukraine, none or a folder with entities.json');
  });
  it('a role pointing at an unknown id is rejected', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'p', 'entities.json'), JSON.stringify({ entities: [{ id: 'a', name: 'A B', type: 'person', kb: null, aliases: [], roles: [{ title: 'King', of: 'nowhere', from: null, to: null }] }] }));
    expect(() => loadPack(join(dir, 'p'))).toThrow('role "King" of a refers to unknown entity "nowhere"');
  });
  it('finds entities by alias and transliteration, and refuses ambiguous aliases', () => {
    expect(lookupAlias(index, 'Sergej Lawrow')?.id).toBe('sergey-lavrov');
    expect(lookupAlias(index, 'Kiev')?.id).toBe('kyiv');
    expect(lookupAlias(index, 'Zelenskiy')?.id).toBe('volodymyr-zelenskyy');
    expect(lookupAlias(index, 'Nobody Atall')).toBeNull();
  });
  it('knows who held an office on a date', () => {
    expect(holders(index, 'foreign minister', 'ukraine', '2023-01-01').map((e) => e.id)).toEqual(['dmytro-kuleba']);
    expect(holders(index, 'Foreign Minister', 'ukraine', '2025-01-01').map((e) => e.id)).toEqual(['andrii-sybiha']);
    expect(holders(index, 'Defense Minister', 'russia', '2025-01-01').map((e) => e.id)).toEqual(['andrei-belousov']);
    expect(holders(index, 'President', 'united-states', '2024-06-01').map((e) => e.id)).toEqual(['joe-biden']);
  });
});
