/**
 * Contract-shaped corpus items (entities, times, quotes, claims, events, stories, contradictions,
 * a rewritten copy) for the fixture articles in `test/fixtures/server/articles.jsonl`, standing in
 * for resolvers that are built elsewhere. Offsets are found in the stored clean text, so they stay
 * right whatever cleaning does to the lines around them; `exportV1.parse` checks the result.
 */
import { exportV1, type ExportV1 } from '../../src/model/export.js';

type Span = { doc: string; start: number; end: number; text: string };

/** Every whole-word occurrence of `phrase` in the document with origin ending `#key`. */
function find(data: ExportV1, key: string, phrase: string): Span[] {
  const doc = data.documents.find((d) => d.origin.endsWith(`#${key}`));
  if (!doc) throw new Error(`fixture document #${key} missing`);
  const out: Span[] = [];
  for (let i = doc.text.indexOf(phrase); i >= 0; i = doc.text.indexOf(phrase, i + 1)) {
    const before = doc.text[i - 1] ?? ' ';
    const after = doc.text[i + phrase.length] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    out.push({ doc: doc.id, start: i, end: i + phrase.length, text: phrase });
  }
  return out;
}

function one(data: ExportV1, key: string, phrase: string): Span {
  const [s] = find(data, key, phrase);
  if (!s) throw new Error(`"${phrase}" not in #${key}`);
  return s;
}

const DOCS = ['a1', 'b1', 'c1', 'd1'];

/** Entity spellings, longest first so "Ilse Varga" wins over "Varga". */
const ENTITIES = [
  { id: 'ent:ilse-varga', name: 'Ilse Varga', type: 'person', aliases: ['Ilse Warga', 'Varga'], roles: [{ title: 'Foreign Minister of Valdoria', from: '2029-01-01', to: null }] },
  { id: 'ent:tomas-brenn', name: 'Tomas Brenn', type: 'person', aliases: [], roles: [{ title: 'President of Kestria', from: null, to: null }] },
  { id: 'ent:valdoria', name: 'Valdoria', type: 'place', aliases: ['Valdorian'], roles: [] },
  { id: 'ent:kestria', name: 'Kestria', type: 'place', aliases: [], roles: [] },
  { id: 'ent:marenport', name: 'Marenport', type: 'place', aliases: [], roles: [] },
] as const;

/** The fixture export: `base` (built from the store) with the corpus items added. */
export function withCorpus(base: ExportV1): ExportV1 {
  const d = (k: string) => base.documents.find((x) => x.origin.endsWith(`#${k}`))!.id;
  const entities = ENTITIES.map((e) => {
    const taken: Span[] = [];
    for (const spelling of [e.name, ...e.aliases].sort((a, b) => b.length - a.length)) {
      for (const k of DOCS) for (const s of find(base, k, spelling)) if (!taken.some((t) => t.doc === s.doc && s.start < t.end && t.start < s.end)) taken.push(s);
    }
    return { ...e, aliases: [...e.aliases], roles: [...e.roles], kb: null, mentions: taken.sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start) };
  });
  const varga = 'ent:ilse-varga';
  const quote = (k: string) => ({ id: `q:${k}`, ...one(base, k, '"We are ready to exchange all prisoners."'), speaker: varga, speakerText: 'Ilse Varga', via: null, direct: true });
  const claim = (k: string, text: string, value: number, by: string) => ({ id: `c:${k}`, ...one(base, k, text), value, unit: null, what: 'prisoners held by Kestria', claimant: by, asOf: null });
  const data = {
    ...base,
    // Copies and flags as the fixture states them (c1 rewrites a1), whatever the resolvers found.
    documents: base.documents.map((x) =>
      x.id === d('c1')
        ? { ...x, duplicateOf: d('a1'), flags: [{ kind: 'rewritten', score: 0.9, evidence: [`3 of 4 sentences shared with ${d('a1')}`] }] }
        : { ...x, duplicateOf: null, flags: [] },
    ),
    entities,
    times: [
      { ...one(base, 'a1', '3 March 2031'), type: 'DATE', value: '2031-03-03' },
      { ...one(base, 'a1', '10 March 2031'), type: 'DATE', value: '2031-03-10' },
      { ...one(base, 'b1', 'Wednesday'), type: 'DATE', value: '2031-03-05' },
      { ...one(base, 'b1', '10 March'), type: 'DATE', value: '2031-03-10' },
    ],
    quotes: [quote('a1'), quote('c1')],
    claims: [claim('a1', '498 prisoners', 498, varga), claim('b1', '320 prisoners', 320, 'ent:tomas-brenn')],
    events: [
      { id: 'ev:round-3', type: 'talks', title: 'Third round of talks in Marenport', status: 'planned', date: { start: '2031-03-10', end: null, precision: 'day' },
        place: 'ent:marenport', actors: ['ent:valdoria', 'ent:kestria'], mentions: [one(base, 'a1', 'A third round is planned'), one(base, 'c1', 'A third round is planned')] },
      { id: 'ev:round-2', type: 'talks', title: 'Second round of talks in Marenport', status: 'happened', date: { start: '2031-03-03', end: null, precision: 'day' },
        place: 'ent:marenport', actors: ['ent:valdoria', 'ent:kestria'], mentions: [one(base, 'a1', 'met in Marenport'), one(base, 'c1', 'met in Marenport')] },
      { id: 'ev:round-3-denied', type: 'statement', title: 'Kestria denies a third round is planned', status: 'denied', date: { start: '2031-03-05', end: null, precision: 'day' },
        place: null, actors: ['ent:kestria'], mentions: [one(base, 'b1', 'Kestria denied')] },
      { id: 'ev:exchange-call', type: 'demand', title: 'Varga calls for a prisoner exchange', status: 'happened', date: { start: null, end: null, precision: 'unknown' },
        place: null, actors: [varga], mentions: [one(base, 'b1', 'repeated her call')] },
    ],
    stories: [
      { id: 'story:talks', title: 'Valdoria-Kestria prisoner talks', docs: [d('a1'), d('b1'), d('c1')] },
      { id: 'story:markup', title: 'Markup in reports', docs: [d('d1')] },
    ],
    contradictions: [
      { id: 'con:prisoners', kind: 'claim', about: 'c:a1', summary: 'How many prisoners Kestria holds: 498 or 320',
        statements: [{ ...one(base, 'a1', 'According to Varga, 498 prisoners are held by Kestria.'), by: varga },
          { ...one(base, 'b1', 'President Tomas Brenn said Kestria holds only 320 prisoners.'), by: 'ent:tomas-brenn' }] },
      { id: 'con:round-3', kind: 'status', about: 'ev:round-3', summary: 'A third round: planned or denied',
        statements: [{ ...one(base, 'a1', 'A third round is planned for 10 March 2031 in Marenport.'), by: null },
          { ...one(base, 'b1', 'Kestria denied on Wednesday that a third round of talks was planned for 10 March.'), by: 'ent:kestria' }] },
    ],
  };
  return exportV1.parse(data);
}
