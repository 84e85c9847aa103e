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
const FILLER = [
  'Observers said the mood in the room was tense but businesslike.',
  'The previous round, held in the spring, ended without a joint statement.',
  'Residents of the border districts have waited months for a settlement.',
  'Diplomats from neighbouring states followed the meeting closely.',
  'Both sides have traded accusations over violations of earlier agreements.',
  'Local officials reported long queues at the remaining crossing points.',
  'Analysts cautioned that similar promises had been broken before.',
  'Trade between the two countries has fallen sharply since the conflict began.',
  'The talks were closed to the press, and few details were released.',
  'A further meeting is expected once the technical groups finish their work.',
  'Humanitarian groups called for safe corridors for civilians.',
  'Markets in the capital reacted calmly to the news.',
];
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
      text = [outlet.nav, ...body, 'Share this article', `Read more: ${pick(FILLER)}`, outlet.credit].join('\n') + '\n';
    }
    texts.push(text);
    yield { name: `${String(i).padStart(6, '0')}-${outlet.name.toLowerCase().replace(/\W+/g, '-')}.txt`, text, words: text.split(/\s+/).length };
  }
}

function story(i: number, target: number, rand: () => number, pick: <T>(xs: readonly T[]) => T): string[] {
  const [a, b] = [pick(COUNTRIES), pick(COUNTRIES.filter((c) => c !== COUNTRIES[i % COUNTRIES.length]))];
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
  while (words < target) {
    const para = [pick(FILLER), pick(FILLER), `The ${ev.kind} in ${city} was the ${pick(ORDINALS)} such event this year.`].join(' ');
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
