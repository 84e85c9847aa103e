import { describe, expect, it } from 'vitest';
import { detectOutlet, outletOfUrl } from '../../src/clean/outlet.js';

describe('detectOutlet', () => {
  const story = 'Delegations met again on Tuesday.';
  it.each([
    ['declared metadata first', { declared: 'Brenn Post', lines: ['ZELMA (Reuters) - Talks resumed.'], promos: [] }, 'Brenn Post'],
    ['a "(Reuters) -" dateline', { lines: ['ZELMA, March 4 (Reuters) - Talks resumed.', story], promos: [] }, 'Reuters'],
    ['a "MINSK, 26 February (BelTA) –" dateline', { lines: ['MINSK, 26 February (BelTA) – Talks resumed.', story], promos: [] }, 'BelTA'],
    ['an unknown agency in a dateline', { lines: ['ZELMA, 4 March (Valnews) – Talks resumed.'], promos: [] }, 'Valnews'],
    ['a closing "-Xinhua"', { lines: [story, 'Facilities were destroyed in the operation. -Xinhua'], promos: [] }, 'Xinhua'],
    ['a promo naming the outlet', { lines: [story], promos: ['CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER'] }, 'Washington Examiner'],
    ['an unknown outlet in a promo', { lines: [story], promos: ['READ MORE FROM THE ZELMA HERALD'] }, 'Zelma Herald'],
    ['a known domain', { url: 'https://www.reuters.com/world/x', lines: [story], promos: [] }, 'Reuters'],
  ])('%s', (_what, input, outlet) => {
    expect(detectOutlet(input)?.outlet).toBe(outlet);
  });

  it('knows subdomains and rejects unknown or broken URLs', () => {
    expect([outletOfUrl('https://eng.belta.by/news'), outletOfUrl('https://zelma.example/'), outletOfUrl('not a url')]).toEqual(['BelTA', null, null]);
  });
});
