/**
 * A generator of realistic synthetic news corpora about a fictional conflict, for the scale benchmark
 * and the worker/crash tests. Every article is fiction (invented countries, people and places) and
 * reproduces what real feeds are like: outlet boilerplate (navigation, share lines, promos, credits),
 * stories told by several outlets, rewritten copies (reordered, words swapped), exact copies under
 * another name, relative dates ("on Tuesday", "last week"), quotations with speakers and numeric
 * claims with claimants. Seeded, so the same arguments always give the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';

const COUNTRIES = ['Valdoria', 'Ostrava', 'Kessland', 'Merovia', 'Tarsk', 'Lunmark'];
const CITIES = ['Kessel', 'Dornach', 'Virel', 'Amsford', 'Polgrad', 'Sennet', 'Brask', 'Orlo'];
const FIRST = ['Ilse', 'Arvid', 'Mara', 'Teodor', 'Katja', 'Emil', 'Runa', 'Pavel', 'Odile', 'Stefan'];
const LAST = ['Marren', 'Solen', 'Vantor', 'Kerek', 'Almsted', 'Dravic', 'Holm', 'Tesk', 'Ferrin', 'Quill'];
const ROLES = ['Foreign Minister', 'chief negotiator', 'President', 'Defence Minister', 'mediator', 'spokeswoman'];
const OUTLETS = [
  { name: 'Kessel Courier', nav: 'Home | World | Politics | Sport | Opinion', credit: '© 2031 Kessel Courier Media' },
  { name: 'Northern Wire', nav: 'Latest  News  Regions  Markets', credit: 'Reporting by Northern Wire staff; editing by desk' },
  { name: 'Dornach Daily', nav: 'Menu Search Subscribe', credit: 'Dornach Daily — independent since 1921' },
  { name: 'Polgrad Post', nav: 'News / Conflict / Diplomacy / Economy', credit: 'All rights reserved. Polgrad Post' },
];
const EVENTS = [
  { kind: 'talks', lead: (a: string, b: string, c: string) => `Delegations of ${a} and ${b} met in ${c} for a new round of talks` },
  { kind: 'ceasefire', lead: (a: string, b: string, c: string) => `${a} and ${b} agreed to extend the ceasefire around ${c}` },
  { kind: 'military', lead: (a: string, b: string, c: string) => `Forces of ${a} shelled positions held by ${b} near ${c}` },
  { kind: 'aid', lead: (a: string, b: string, c: string) => `An aid convoy from ${a} reached ${c} after talks with ${b}` },
  { kind: 'sanctions', lead: (a: string, b: string, c: string) => `${a} announced new sanctions on ${b} after the events in ${c}` },
];
const WHEN = ['on Tuesday', 'on Monday', 'yesterday', 'last week', 'earlier this month', 'on Friday evening', 'two days ago'];
/**
 * Background sentences, filled from word lists so that unrelated articles share few word shingles,
 * as real ones do (a fixed pool of a dozen sentences made every article a near-duplicate candidate
 * of every other, which no real feed is). Fixed runs stay under five words.
 */
const WHO = ['Observers', 'Analysts in the capital', 'Diplomats from neighbouring states', 'Residents of the border districts', 'Local officials', 'Humanitarian groups', 'Aid workers', 'Opposition deputies', 'Union leaders', 'Church leaders', 'Farmers near the front', 'Exiled journalists', 'Bankers', 'Teachers in the east', 'Veterans groups', 'Hospital staff'];
const SAYS = ['said', 'warned', 'noted', 'argued', 'complained', 'insisted', 'suggested', 'reported', 'feared', 'hoped'];
const TOPIC = ['the grain corridor', 'prisoner exchanges', 'the power grid', 'border crossings', 'the river ports', 'mine clearance', 'the railway to the coast', 'refugee returns', 'water supplies', 'the wheat harvest', 'fuel prices', 'field hospitals', 'school reopenings', 'the frozen assets', 'air defence', 'the monitoring mission'];
const STATE = ['had improved slightly', 'remained fragile', 'was getting worse', 'depended on the talks', 'needed outside money', 'was barely discussed', 'stayed off the agenda', 'divided the delegations', 'could wait no longer', 'was the real test'];
const SINCE = ['since the spring', 'over the winter', 'in recent weeks', 'after the last round', 'since March', 'this year', 'for months', 'before the elections', 'since the blockade', 'after the floods'];
const UNITS = ['families', 'trucks', 'volunteers', 'tonnes of grain', 'generators', 'doctors', 'buses', 'schools'];
const MOVED = ['crossed the river', 'left the district', 'were stuck at checkpoints', 'reached the depots', 'were turned back', 'arrived overnight'];
/**
 * Each article also has its own local subjects: invented place names (three syllables: 8,000 of
 * them) with a facility, and local people, so two unrelated articles share few content words, as
 * two real reports on different places do.
 */
const SYLLABLES = ['var', 'nok', 'tel', 'sin', 'bra', 'dov', 'mer', 'kal', 'ost', 'rin', 'gal', 'pet', 'lun', 'dor', 'ves', 'tam', 'kor', 'ber', 'sal', 'mik'];
const FACILITIES = ['bridge', 'dam', 'depot', 'crossing', 'power plant', 'hospital', 'school', 'airfield', 'port', 'mine', 'rail yard', 'market', 'refinery', 'water works', 'garrison', 'clinic'];
/** English adjectives and plural nouns from compromise's lexicon (~3,500 words): each article's own theme. */
const LEXICON = Object.entries((nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon).filter(([w]) => /^[a-z]{4,}$/.test(w) && !/bitch|fuck|shit|cunt|dick|cock|piss|whore|slut|bastard|damn/.test(w));
const ADJECTIVES = LEXICON.filter(([, t]) => t === 'Adjective').map(([w]) => w);
const PLURALS = LEXICON.filter(([, t]) => t === 'Plural').map(([w]) => w);
interface Local {
  topics: string[];
  people: string[];
  themes: string[];
  /** The article's own share of the common phrasing (who says what, how things stand, since when). */
  who: string[];
  says: string[];
  state: string[];
  since: string[];
  topic: string[];
}
function local(rand: () => number, pick: <T>(xs: readonly T[]) => T): Local {
  const name = (n: number) => Array.from({ length: n }, () => pick(SYLLABLES)).join('').replace(/^./, (c) => c.toUpperCase());
  return {
    topics: Array.from({ length: 6 }, () => `the ${name(3)} ${pick(FACILITIES)}`),
    people: Array.from({ length: 3 }, () => `${pick(FIRST)} ${name(2 + Math.floor(rand() * 2))}`),
    themes: Array.from({ length: 12 }, () => `${pick(ADJECTIVES)} ${pick(PLURALS)}`),
    who: Array.from({ length: 3 }, () => pick(WHO)),
    says: Array.from({ length: 3 }, () => pick(SAYS)),
    state: Array.from({ length: 3 }, () => pick(STATE)),
    since: Array.from({ length: 3 }, () => pick(SINCE)),
    topic: Array.from({ length: 3 }, () => pick(TOPIC)),
  };
}
type Filler = (p: <T>(xs: readonly T[]) => T, n: () => number, l: Local) => string;
const FILLERS: Filler[] = [
  (p, _n, l) => `${p(l.who)} ${p(l.says)} that ${p(l.themes)} near ${p(l.topics)} ${p(l.state)} ${p(l.since)}.`,
  (p, _n, l) => `${p(l.people)} ${p(l.says)} the ${p(l.themes)} and ${p(l.themes)} ${p(l.state)}.`,
  (p, n, l) => `Nearly ${n()} ${p(l.themes)} were counted at ${p(l.topics)}, ${p(l.people)} ${p(l.says)}.`,
  (p, n, l) => `Some ${n()} ${p(UNITS)} ${p(MOVED)} near ${p(l.topics)} ${p(l.since)}, ${p(l.who).toLowerCase()} ${p(l.says)}.`,
  (p, _n, l) => `${p(l.people)}, who follows ${p(l.topic)} for ${p(OUTLETS).name}, ${p(l.says)} ${p(l.topics)} ${p(l.state)}.`,
  (p, _n, l) => `At ${p(l.topics)}, ${p(l.topic)} ${p(l.state)}, and ${p(l.who).toLowerCase()} ${p(l.says)} ${p(l.since)}.`,
  (p, n, l) => `${p(COUNTRIES)} has spent ${n()} million on ${p(l.topics)} ${p(l.since)}, ${p(l.people)} ${p(l.says)}.`,
  (p, _n, l) => `Asked about ${p(l.topics)}, ${p(l.people)} of ${p(COUNTRIES)} ${p(l.says)} it ${p(l.state)}.`,
];
const PROMOS = ['Ten things to know about the ceasefire', 'Live: the talks day by day', 'Opinion: what peace would cost', 'Explainer: who controls the river ports', 'Podcast: voices from the border'];
const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/g, 'stated'], [/\bmet\b/g, 'gathered'], [/\btalks\b/g, 'negotiations'], [/\bnear\b/g, 'close to'],
  [/\bannounced\b/g, 'declared'], [/\breached\b/g, 'arrived in'], [/\bofficials\b/g, 'authorities'],
];

/** A seeded pseudo-random generator (mulberry32), so corpora are repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticArticle {
  name: string;
  text: string;
  words: number;
}

export interface CorpusOptions {
  docs: number;
  seed?: number;
  /** Target words per article (before boilerplate). */
  words?: number;
  /** Share of articles that rewrite an earlier one (another outlet, reordered, words swapped). */
  rewrites?: number;
  /** Share of articles that are exact copies of an earlier one under another name. */
  copies?: number;
}

/** Generates the articles in memory, in order. */
export function* syntheticArticles(opts: CorpusOptions): Generator<SyntheticArticle> {
  const rand = seeded(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const target = opts.words ?? 600;
  const bodies: string[][] = [];
  const texts: string[] = [];
  for (let i = 0; i < opts.docs; i++) {
    const outlet = OUTLETS[i % OUTLETS.length];
    const r = rand();
    let text: string;
    if (texts.length > 0 && r < (opts.copies ?? 0.03)) {
      text = pick(texts);
    } else {
      const rewritten = bodies.length > 0 && r < (opts.copies ?? 0.03) + (opts.rewrites ?? 0.12);
      const body = rewritten ? rewrite(pick(bodies), rand) : story(i, target, rand, pick);
      bodies.push(body);
      text = [outlet.nav, ...body, 'Share this article', `Read more: ${pick(PROMOS)}`, outlet.credit].join('\n') + '\n';
    }
    texts.push(text);
    yield { name: `${String(i).padStart(6, '0')}-${outlet.name.toLowerCase().replace(/\W+/g, '-')}.txt`, text, words: text.split(/\s+/).length };
  }
}

function story(i: number, target: number, rand: () => number, pick: <T>(xs: readonly T[]) => T): string[] {
  const a = pick(COUNTRIES);
  const b = pick(COUNTRIES.filter((c) => c !== a));
  const city = pick(CITIES);
  const ev = pick(EVENTS);
  const person = `${pick(FIRST)} ${pick(LAST)}`;
  const role = pick(ROLES);
  const n = 2 + Math.floor(rand() * 400);
  const lines = [
    `${ev.lead(a, b, city)} ${pick(WHEN)}, officials said.`,
    `"We came here to find a way forward, and we will not leave empty-handed," ${role} ${person} told reporters in ${city}.`,
    `According to ${person}, at least ${n} people had been affected by the events ${pick(WHEN)}.`,
  ];
  let words = lines.join(' ').split(' ').length;
  const here = local(rand, pick);
  while (words < target) {
    const n = () => 2 + Math.floor(rand() * 900);
    const para = [pick(FILLERS)(pick, n, here), pick(FILLERS)(pick, n, here), lines.length === 3 ? `The ${ev.kind} in ${city} was the ${pick(ORDINALS)} such event this year.` : pick(FILLERS)(pick, n, here)].join(' ');
    lines.push(para);
    words += para.split(' ').length;
  }
  return lines;
}

function rewrite(body: string[], rand: () => number): string[] {
  const [first, ...rest] = body;
  const shuffled = rest.map((l) => [rand(), l] as const).sort((x, y) => x[0] - y[0]).map(([, l]) => l);
  return [first, ...shuffled].map((l) => SWAPS.reduce((s, [re, to]) => (rand() < 0.7 ? s.replace(re, to) : s), l));
}

/** Writes the corpus as `.txt` files into `dir`; returns the total number of words. */
export function writeSyntheticCorpus(dir: string, opts: CorpusOptions): { files: number; words: number } {
  mkdirSync(dir, { recursive: true });
  let words = 0;
  let files = 0;
  for (const a of syntheticArticles(opts)) {
    writeFileSync(join(dir, a.name), a.text);
    words += a.words;
    files++;
  }
  return { files, words };
}
