import { describe, expect, it } from 'vitest';
import { dropRepeatedLines, OUTLET_REPEAT_MIN_DOCS } from '../../src/clean/repeated.js';
import { docId, lineKey } from '../../src/model/id.js';
import { makeDoc } from '../helpers.js';

describe('dropRepeatedLines', () => {
  const text = 'The talks resumed in Brenn.\nGet the Zelma Herald app for the latest news\nThey end on Friday.';
  const counts = (n: number) => new Map([[lineKey('Get the Zelma Herald app for the latest news'), n]]);

  it('drops a line the outlet repeats in enough stored documents, records it, and recomputes the id', () => {
    const doc = dropRepeatedLines(makeDoc(text, { removed: [{ text: 'Show More', reason: 'ui-label' }] }), counts(OUTLET_REPEAT_MIN_DOCS));
    expect(doc.text).toBe('The talks resumed in Brenn.\nThey end on Friday.');
    expect(doc.id).toBe(docId(doc.text));
    expect(doc.removed).toEqual([{ text: 'Show More', reason: 'ui-label' }, { text: 'Get the Zelma Herald app for the latest news', reason: 'outlet-repeated' }]);
  });

  it('keeps a line seen in fewer documents', () => {
    const doc = makeDoc(text);
    expect(dropRepeatedLines(doc, counts(OUTLET_REPEAT_MIN_DOCS - 1))).toBe(doc);
  });

  it('never empties a document: it is kept with a diagnostic', () => {
    const doc = dropRepeatedLines(makeDoc('Same footer line'), new Map([[lineKey('Same footer line'), 50]]));
    expect([doc.text, doc.removed, doc.diagnostics.map((d) => d.stage)]).toEqual(['Same footer line', [], ['clean']]);
  });

  it('refuses to run on an annotated document (the offsets would break)', () => {
    expect(() => dropRepeatedLines(makeDoc(text, { layers: { sentences: [] } }), counts(9))).toThrow(/before annotation/);
  });
});
