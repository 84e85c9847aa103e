import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildExport } from '../../src/export/json.js';
import type { Store } from '../../src/store/store.js';
import { fixtureServer, fixtureStore } from '../server/setup.js';
import { ensureUiBuilt, HAVE_CHROMIUM, launch, shot, SKIP_REASON, watch } from './browser.js';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAVE_CHROMIUM)('web UI in headless Chromium', () => {
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let page: Page;
  let problems: string[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await ensureUiBuilt();
    store = await fixtureStore();
    for (const d of (await buildExport(store)).documents) ids[d.origin.replace(/^.*[#/]/, '')] = d.id;
    app = await fixtureServer(store, { corpus: 'fixture' });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    problems = watch(page);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('draws the timeline and shows an event\'s evidence when it is clicked', async () => {
    await page.goto(`${base}/#/timeline`);
    await page.locator('.vis-item.ev').first().waitFor();
    expect(await page.locator('.vis-item.vis-box.ev').count()).toBe(3);
    expect(await page.locator('.vis-item.vis-box.status-denied').count()).toBe(1);
    expect(await page.locator('.vis-item.vis-box.status-planned.contradicted').count()).toBe(1);
    await shot(page, 'timeline');
    await page.locator('.vis-item.vis-box.ev', { hasText: 'Third round of talks' }).click();
    const detail = page.locator('#event-detail');
    await detail.locator('h2', { hasText: 'Third round of talks in Marenport' }).waitFor();
    expect(await detail.locator('.evidence mark').allTextContents()).toEqual(['A third round is planned', 'A third round is planned']);
    expect(await detail.locator('.evidence blockquote').first().textContent()).toBe('A third round is planned for 10 March 2031 in Marenport.');
    expect(await detail.locator('.evidence a[href^="#/doc/"]').first().getAttribute('href')).toBe(`#/doc/${ids.a1}`);
    expect(await detail.locator('.evidence a.origin').first().getAttribute('href')).toBe('https://ledger.example/world/a1');
    expect(await detail.locator('.contradiction h3').textContent()).toContain('A third round: planned or denied');
    await shot(page, 'timeline-event');
  });

  it('selects events from the list with the keyboard', async () => {
    await page.goto(`${base}/#/timeline?type=demand`);
    const button = page.locator('.event-list button').first();
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator('#event-detail h2', { hasText: 'Varga calls for a prisoner exchange' }).waitFor();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#f-type').inputValue()).toBe('demand');
  });

  it('shows a document with highlights, flags and a side-by-side diff against the original', async () => {
    await page.goto(`${base}/#/doc/${ids.c1}`);
    await page.locator('h1', { hasText: 'Second round of Valdoria-Kestria talks' }).waitFor();
    expect(await page.locator('.doc-text .hl-quote').first().textContent()).toContain('We are ready');
    expect(await page.locator('.flags .badge').textContent()).toBe('rewritten');
    await page.locator('details.compare summary').click();
    await page.locator('.diff ins').first().waitFor();
    expect(await page.locator('.diff del').allTextContents()).toEqual(['talks']);
    expect(await page.locator('.diff ins').allTextContents()).toEqual(['negotiations']);
    await page.locator('details.removed summary').click();
    await shot(page, 'document');
  });

  it('shows article markup as text and runs none of it', async () => {
    await page.goto(`${base}/#/documents`);
    await page.locator('table.list').waitFor();
    expect(await page.locator('table.list').textContent()).toContain('<img src=x onerror="window.__pwned=4">Breaking');
    await shot(page, 'documents');
    await page.goto(`${base}/#/doc/${ids['xss.txt']}`);
    await page.locator('.doc-text').waitFor();
    const text = await page.locator('.doc-text').textContent();
    expect(text).toContain('<script>window.__pwned = 7</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
    await page.goto(`${base}/#/doc/${ids.d1}`);
    await page.locator('.doc-text').waitFor();
    await page.goto(`${base}/#/doc/${ids['xss.html']}`);
    await page.locator('.doc-text').waitFor();
    await page.goto(`${base}/#/search?q=pasted`);
    await page.locator('ol.results .context mark').first().waitFor();
    expect(await page.locator('ol.results .context').first().textContent()).toContain('<script>window.__pwned = 7</script>');
    await shot(page, 'search-markup');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img, main svg, main script, main iframe').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
  });

  it('finds other spellings of an entity and shows them in context', async () => {
    await page.goto(`${base}/#/search?q=Varga`);
    await page.locator('.note', { hasText: 'other spellings' }).waitFor();
    const marks = await page.locator('ol.results mark').allTextContents();
    expect(marks).toContain('Ilse Warga');
    await shot(page, 'search');
  });

  it('shows entity, contradictions and claims pages', async () => {
    await page.goto(`${base}/#/entity/ent:ilse-varga`);
    await page.locator('h1', { hasText: 'Ilse Varga' }).waitFor();
    expect(await page.locator('table.list tbody tr').allTextContents()).toEqual(['Ilse Varga2', 'Varga2', 'Ilse Warga1']);
    await shot(page, 'entity');
    await page.goto(`${base}/#/contradictions`);
    await page.locator('.contradiction').first().waitFor();
    expect(await page.locator('.contradiction').count()).toBe(2);
    expect(await page.locator('.contradiction').first().locator('blockquote').allTextContents()).toEqual([
      'According to Varga, 498 prisoners are held by Kestria.',
      'President Tomas Brenn said Kestria holds only 320 prisoners.',
    ]);
    await shot(page, 'contradictions');
    await page.goto(`${base}/#/claims`);
    await page.locator('.claims.differ').waitFor();
    expect(await page.locator('.claims .figure').allTextContents()).toEqual(['320', '498']);
    await shot(page, 'claims');
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    const phoneProblems = watch(phone);
    await phone.goto(`${base}/#/timeline`);
    await phone.locator('.vis-item.ev').first().waitFor();
    await phone.locator('.event-list button').first().click();
    await phone.locator('#event-detail h2').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, 'timeline-phone');
    await phone.close();
    expect(phoneProblems).toEqual([]);
  });

  it('reported no script errors and no CSP violations', () => {
    expect(problems).toEqual([]);
  });

  // The UI over exactly what the pipeline built from the fixtures (no stand-in corpus). Written
  // against whatever events exist, so it keeps holding as the event resolver improves.
  it('lists the events the pipeline found and shows the evidence of the first', async (ctx) => {
    const own = await fixtureServer(store);
    const events = (await own.inject('/api/timeline')).json();
    if (events.total === 0) {
      await own.close();
      ctx.skip('no events were built from the fixtures by this pipeline yet; this runs once the event resolver finds some');
      return;
    }
    const url = await own.listen({ host: '127.0.0.1', port: 0 });
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const tabProblems = watch(tab);
    await tab.goto(`${url}/#/timeline`);
    const first = tab.locator('.event-list button').first();
    await first.waitFor();
    expect(await tab.locator('.event-list button').count()).toBe(Math.min(events.total, 500));
    await first.click();
    await tab.locator('#event-detail h2', { hasText: events.items[0].title }).waitFor();
    if (events.items.some((e: { date: { start: string | null } }) => e.date.start)) await tab.locator('.vis-item.vis-box').first().waitFor();
    const detail = (await own.inject(`/api/events/${encodeURIComponent(events.items[0].id)}`)).json();
    expect(await tab.locator('#event-detail .evidence mark').allTextContents()).toEqual(detail.evidence.map((m: { text: string }) => m.text));
    await shot(tab, 'timeline-pipeline');
    await tab.close();
    await own.close();
    expect(tabProblems).toEqual([]);
  });
});
