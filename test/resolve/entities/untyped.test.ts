/**
 * Names the finder left untyped (`other`) take the type of the same name elsewhere — in the document,
 * else in the corpus when exactly one type fits. Mentions are written by hand here so the cases do
 * not depend on how the finder types them.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { resolveEntities } from '../../../src/resolve/entities/resolver.js';
import { docWith } from './helpers.js';

const doc = docWith;

const entities = (docs: NewsDoc[]) =>
  resolveEntities(docs, makeContext({ pack: { name: 'none' } }))
    .map((e) => `${e.name}/${e.type}: ${e.mentions.map((m) => m.text).join(', ')}`)
    .sort();

describe('entities: untyped names', () => {
  it('join the typed name they spell in the same document, a misspelt surname included', () => {
    const d = doc('Marta Kovelenko met the Drelsk Council. Kovelenko said the Drelsk Council would vote. Kovelenka left.', [
      ['Marta Kovelenko', 'person'], ['Drelsk Council', 'organization'], ['Kovelenko', 'other'], ['Drelsk Council', 'other'], ['Kovelenka', 'other'],
    ]);
    expect(entities([d])).toEqual([
      'Drelsk Council/organization: Drelsk Council, Drelsk Council',
      'Marta Kovelenko/person: Marta Kovelenko, Kovelenko, Kovelenka',
    ]);
    const marta = resolveEntities([d], makeContext({ pack: { name: 'none' } })).find((e) => e.type === 'person')!;
    expect(marta.merges.map((m) => `${m.a} → ${m.b}: ${m.reason}`)).toContain('Kovelenka → Marta Kovelenko: misspelt surname of a full name in the same document');
  });
  it('take the one type the corpus gives the same name', () => {
    const a = doc('Talvik was quiet on Monday.', [['Talvik', 'other']]);
    const b = doc('Shelling hit Talvik again.', [['Talvik', 'place']]);
    expect(entities([a, b])).toEqual(['Talvik/place: Talvik, Talvik']);
  });
  it('stay out of every entity when the corpus gives the name two types, or none', () => {
    const a = doc('Jordan said nothing. Brask agreed.', [['Jordan', 'other'], ['Brask', 'other']]);
    const b = doc('Mia Jordan flew to Jordan.', [['Mia Jordan', 'person'], ['Jordan', 'place']]);
    expect(entities([a, b])).toEqual(['Jordan/place: Jordan', 'Mia Jordan/person: Mia Jordan']);
  });
  it('typed by the corpus, still obey the in-document rules (a short form of two names stays ambiguous)', () => {
    const org = 'organization' as const;
    const a = doc('The Russian Defence Ministry said its forces had advanced. The Defence Ministry gave no details.', [['Russian Defence Ministry', org], ['Defence Ministry', org]]);
    const b = doc('The Russian Defence Ministry and the Ukrainian Defence Ministry both claimed success. The Defence Ministry in Kyiv denied it.', [
      ['Russian Defence Ministry', org], ['Ukrainian Defence Ministry', org], ['Defence Ministry', 'other'],
    ]);
    expect(entities([a, b])).toEqual([
      'Defence Ministry/organization: Defence Ministry',
      'Russian Defence Ministry/organization: Russian Defence Ministry, Russian Defence Ministry, Defence Ministry',
      'Ukrainian Defence Ministry/organization: Ukrainian Defence Ministry',
    ]);
  });
  it('never join a different surname (Putin is not Pushkin)', () => {
    const d = doc('Vladimir Putin spoke. Pushkin was quoted.', [['Vladimir Putin', 'person'], ['Pushkin', 'other']]);
    expect(entities([d])).toEqual(['Vladimir Putin/person: Vladimir Putin']);
  });
});
