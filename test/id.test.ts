import { describe, expect, it } from 'vitest';
import { docId, normaliseForId } from '../src/model/id.js';

describe('document identity', () => {
  it('ignores spacing, case, quote and dash styles', () => {
    expect(docId('The envoy said “no” — twice.')).toBe(docId('the  envoy said "no" - twice.\n'));
  });
  it('differs when the words differ', () => {
    expect(docId('The envoy said no.')).not.toBe(docId('The envoy said yes.'));
  });
  it('normalises compatibility characters', () => {
    expect(normaliseForId('Ｆｕｌｌ\u00a0width')).toBe('full width');
  });
});
