import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildExport } from '../../src/export/json.js';
import type { ExportV1 } from '../../src/model/export.js';
import { ROUTES } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import { withCorpus } from './corpus-fixture.js';
import { fixtureServer, fixtureStore } from './setup.js';

let store: Store;
let app: FastifyInstance;
let plain: FastifyInstance;
let data: ExportV1;
const id = (key: string) => data.documents.find((d) => d.origin.endsWith(`#${key}`))!.id;
const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() };
};

beforeAll(async () => {
  store = await fixtureStore();
  app = await fixtureServer(store, { corpus: 'fixture' });
  plain = await fixtureServer(store, { corpus: 'none' });
  data = withCorpus(await buildExport(store));
});
afterAll(async () => {
  await app?.close();
  await plain?.close();
  await store?.close();
});

describe('read API over the fixture corpus', () => {
  it('lists the timeline in date order, undated last, with names and contradiction ids', async () => {
    const { status, body } = await get('/api/timeline');
    expect(status).toBe(200);
    expect(body.total).toBe(4);
    expect(body.items.map((e: { id: string }) => e.id)).toEqual(['ev:round-2', 'ev:round-3-denied', 'ev:round-3', 'ev:exchange-call']);
    expect(body.items[2]).toEqual({
      id: 'ev:round-3', type: 'talks', title: 'Third round of talks in Marenport', status: 'planned',
      date: { start: '2031-03-10', end: null, precision: 'day' },
      place: { id: 'ent:marenport', name: 'Marenport' },
      actors: [{ id: 'ent:valdoria', name: 'Valdoria' }, { id: 'ent:kestria', name: 'Kestria' }],
      mentions: 2, sources: 2, contradictions: ['con:round-3'],
    });
  });

  it('filters the timeline by type, status, dates, actor and story', async () => {
    const ids = async (q: string) => (await get(`/api/timeline?${q}`)).body.items.map((e: { id: string }) => e.id);
    expect(await ids('type=talks')).toEqual(['ev:round-2', 'ev:round-3']);
    expect(await ids('type=demand,statement')).toEqual(['ev:round-3-denied', 'ev:exchange-call']);
    expect(await ids('status=planned,denied')).toEqual(['ev:round-3-denied', 'ev:round-3']);
    expect(await ids('from=2031-03-04&to=2031-03-09')).toEqual(['ev:round-3-denied']);
    expect(await ids('actor=ent:ilse-varga')).toEqual(['ev:exchange-call']);
    expect(await ids('story=story:markup')).toEqual([]);
    expect(await ids('story=story:talks&limit=2&offset=1')).toEqual(['ev:round-3-denied', 'ev:round-3']);
  });

  it('shows an event with each mention in its sentence and its source', async () => {
    const { body } = await get('/api/events/ev:round-3');
    expect(body.evidenceTotal).toBe(2);
    expect(body.evidence[0]).toMatchObject({
      doc: id('a1'), text: 'A third round is planned',
      sentence: { text: 'A third round is planned for 10 March 2031 in Marenport.' },
      source: { id: id('a1'), title: 'Valdoria and Kestria hold second round of talks in Marenport', outlet: 'Northern Ledger', published: '2031-03-04' },
    });
    const a1 = data.documents.find((d) => d.id === id('a1'))!;
    const { sentence } = body.evidence[0];
    expect(a1.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(body.contradictionDetails.map((c: { id: string }) => c.id)).toEqual(['con:round-3']);
    expect(body.contradictionDetails[0].statements[1]).toMatchObject({ by: 'ent:kestria', byName: 'Kestria', source: { outlet: 'Kestrian Herald' } });
  });

  it('lists entities by mentions and shows every spelling with its count', async () => {
    const list = (await get('/api/entities?type=person')).body;
    expect(list.items.map((e: { id: string; mentions: number; documents: number }) => [e.id, e.mentions, e.documents])).toEqual([
      ['ent:ilse-varga', 5, 3],
      ['ent:tomas-brenn', 1, 1],
    ]);
    expect((await get('/api/entities?q=warga')).body.items.map((e: { id: string }) => e.id)).toEqual(['ent:ilse-varga']);
    const one = (await get('/api/entities/ent:ilse-varga')).body;
    expect(one.spellings).toEqual([{ text: 'Ilse Varga', count: 2 }, { text: 'Varga', count: 2 }, { text: 'Ilse Warga', count: 1 }]);
    expect(one.roles).toEqual([{ title: 'Foreign Minister of Valdoria', from: '2029-01-01', to: null }]);
    expect(one.quotes.map((q: { id: string }) => q.id)).toEqual(['q:a1', 'q:c1']);
    expect(one.claims.map((c: { id: string; value: number }) => [c.id, c.value])).toEqual([['c:a1', 498]]);
    expect(one.events.map((e: { id: string }) => e.id)).toEqual(['ev:exchange-call']);
    expect([one.quotesTotal, one.claimsTotal, one.eventsTotal, one.sourcesTotal]).toEqual([2, 1, 1, 3]);
  });

  it('shows a document with its annotations, copies and origins', async () => {
    const a1 = (await get(`/api/documents/${id('a1')}`)).body;
    expect(a1.title).toBe('Valdoria and Kestria hold second round of talks in Marenport');
    expect(a1.annotations.quotes).toHaveLength(1);
    expect(a1.annotations.times.map((t: { value: string }) => t.value)).toEqual(['2031-03-03', '2031-03-10']);
    expect(a1.annotations.events.map((e: { event: string; status: string }) => [e.event, e.status])).toEqual([['ev:round-3', 'planned'], ['ev:round-2', 'happened']]);
    for (const m of a1.annotations.mentions) expect(a1.text.slice(m.start, m.end)).toBe(m.text);
    expect(a1.copies).toEqual([expect.objectContaining({ id: id('c1'), outlet: 'Daily Courier' })]);
    expect(a1.origins).toEqual([expect.objectContaining({ origin: expect.stringMatching(/articles\.jsonl#a1$/), encoding: 'UTF-8' })]);
    expect(a1.stories).toEqual([{ id: 'story:talks', title: 'Valdoria-Kestria prisoner talks' }]);
    const c1 = (await get(`/api/documents/${id('c1').slice(0, 6)}`)).body;
    expect(c1.id).toBe(id('c1'));
    expect(c1.flags).toEqual([{ kind: 'rewritten', score: 0.9, evidence: [`3 of 4 sentences shared with ${id('a1')}`] }]);
    expect(c1.duplicateOfRef).toMatchObject({ id: id('a1'), outlet: 'Northern Ledger' });
    const docs = (await get('/api/documents?flag=rewritten')).body;
    expect(docs.items.map((d: { id: string }) => d.id)).toEqual([id('c1')]);
  });

  it('lists quotes, claims grouped by what they count, contradictions and stories', async () => {
    expect((await get('/api/quotes?speaker=ent:ilse-varga')).body.items.map((q: { speakerName: string; doc: string }) => [q.speakerName, q.doc])).toEqual([
      ['Ilse Varga', id('a1')],
      ['Ilse Varga', id('c1')],
    ]);
    const claims = (await get('/api/claims?what=prisoners')).body.items;
    expect(claims.map((c: { value: number; claimantName: string }) => [c.value, c.claimantName])).toEqual([[320, 'Tomas Brenn'], [498, 'Ilse Varga']]);
    const con = (await get(`/api/contradictions?doc=${id('b1')}`)).body;
    expect(con.items.map((c: { id: string }) => c.id)).toEqual(['con:prisoners', 'con:round-3']);
    const stories = (await get('/api/stories')).body.items;
    expect(stories[0]).toEqual({ id: 'story:talks', title: 'Valdoria-Kestria prisoner talks', docs: 3, events: 4, firstDate: '2031-03-04', lastDate: '2031-03-05' });
  });

  it('finds other spellings through the entity a query names, in context', async () => {
    const r = (await get('/api/search?q=varga')).body;
    expect(r.expanded).toEqual([{ entity: 'ent:ilse-varga', name: 'Ilse Varga', spellings: ['Ilse Varga', 'Ilse Warga', 'Varga'] }]);
    expect(new Set(r.items.map((i: { id: string }) => i.id))).toEqual(new Set([id('a1'), id('b1'), id('c1')]));
    const b1 = r.items.find((i: { id: string }) => i.id === id('b1'));
    const [ctx] = b1.contexts;
    expect(ctx.marks.map((m: { start: number; end: number }) => ctx.text.slice(m.start, m.end))).toEqual(['Ilse Warga']);
    const direct = (await plain.inject('/api/search?q=varga')).json();
    expect(direct.expanded).toEqual([]);
    expect(new Set(direct.items.map((i: { id: string }) => i.id))).toEqual(new Set([id('a1'), id('c1')]));
  });

  it('answers empty lists, not 404s, where nothing has been built', async () => {
    for (const url of ['/api/timeline', '/api/entities', '/api/quotes', '/api/claims', '/api/stories', '/api/contradictions']) {
      const r = await plain.inject(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.json(), url).toEqual({ total: 0, limit: 50, offset: 0, items: [] });
    }
  });

  it('documents every route in /api/openapi.json with its parameters', async () => {
    const { body } = await get('/api/openapi.json');
    expect(Object.keys(body.paths).sort()).toEqual([...ROUTES.map((r) => r.url.replace(/:(\w+)/g, '{$1}')), '/api/health', '/api/ingest'].sort());
    const type = body.paths['/api/timeline'].get.parameters.find((p: { name: string }) => p.name === 'type');
    expect(type).toMatchObject({ in: 'query', required: false });
    expect(body.paths['/api/events/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(body.components.schemas.Event.properties.status.enum).toEqual(['happened', 'planned', 'denied', 'unknown']);
  });
});

describe('read API errors', () => {
  it.each([
    ['/api/timeline?limit=0', 'limit: must be at least 1'],
    ['/api/timeline?limit=501', 'limit: must be at most 500'],
    ['/api/timeline?limit=ten', 'limit: expected a whole number from 1 to 500'],
    ['/api/timeline?offset=-1', 'offset: expected a whole number from 0 to 1000000'],
    ['/api/timeline?from=2031-02-30', 'from: is not a real calendar date'],
    ['/api/timeline?to=March', 'to: expected a date YYYY-MM-DD'],
    ['/api/timeline?type=talks,picnic', 'type.1: expected one or more of talks, meeting, statement, demand, proposal, agreement, ceasefire, military, casualties, sanctions, aid, other (comma-separated)'],
    ['/api/timeline?colour=red', 'colour: unknown query parameter; valid: limit, offset, story, from, to, type, status, actor'],
    ['/api/timeline?limit=1&limit=2', 'limit: given more than once'],
    ['/api/search', 'q: is required'],
    ['/api/search?q=', 'q: must not be empty'],
    ['/api/events/a%20b', 'id: expected an id (letters, digits and _ . : ~ + -)'],
    ['/api/entities?type=animal', 'type: Invalid option: expected one of "person"|"organization"|"place"|"outlet"|"other"'],
  ])('%s → 400 "%s"', async (url, message) => {
    const r = await app.inject(url);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json().message).toBe(message);
  });

  it.each([
    ['/api/events/ev:nope', 'no event with id "ev:nope"'],
    ['/api/entities/ent:nobody', 'no entity with id "ent:nobody"'],
    ['/api/documents/ffffffffffff', 'no document with id "ffffffffffff"'],
    ['/api/timeline?story=story:nope', 'no story with id "story:nope"'],
    ['/api/nothing-here', 'no route for GET /api/nothing-here'],
  ])('%s → 404 "%s"', async (url, message) => {
    const r = await app.inject(url);
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: 'not_found', message });
  });
});
