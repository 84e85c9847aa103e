/**
 * Synthetic articles for the `serve` benchmark: short fictional news reports (invented countries,
 * people and places) with dates, quotes, figures and events, in JSONL files, seeded so every run
 * builds the same store.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded } from './synthetic-corpus.js';

const COUNTRIES = ['Valdoria', 'Kestria', 'Orlesk', 'Merovia', 'Tarsk', 'Lunmark'];
const CITIES = ['Marenport', 'Dornach', 'Virel', 'Amsford', 'Polgrad', 'Sennet', 'Brask', 'Orlo'];
const PEOPLE = ['Ilse Varga', 'Tomas Brenn', 'Mara Solen', 'Teodor Kerek', 'Katja Almsted', 'Emil Dravic', 'Runa Holm', 'Pavel Tesk'];
const OUTLETS = ['Northern Ledger', 'Kestrian Herald', 'Daily Courier', 'Polgrad Post'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LEADS = [
  (a: string, b: string, c: string) => `Delegations of ${a} and ${b} met in ${c} for a new round of talks`,
  (a: string, b: string, c: string) => `${a} and ${b} agreed to extend the ceasefire around ${c}`,
  (a: string, b: string, c: string) => `Forces of ${a} shelled positions held by ${b} near ${c}`,
  (a: string, b: string, c: string) => `An aid convoy from ${a} reached ${c} after talks with ${b}`,
  (a: string, b: string, c: string) => `${a} announced new sanctions on ${b} after the events in ${c}`,
];


/** Writes `n` articles as JSONL files of 1,000 records each under `dir`; returns the file paths. */
export function writeServeCorpus(dir: string, n: number, seed = 7): string[] {
  mkdirSync(dir, { recursive: true });
  const rnd = seeded(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const files: string[] = [];
  let lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const [a, b] = [pick(COUNTRIES), pick(COUNTRIES)];
    const c = pick(CITIES);
    const who = pick(PEOPLE);
    const month = Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const year = 2030 + Math.floor(rnd() * 2);
    const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const n1 = 10 + Math.floor(rnd() * 990);
    const text = [
      `${LEADS[i % LEADS.length](a, b, c)} on ${day} ${MONTHS[month]} ${year}, officials said.`,
      `${who} said: "We will not accept new conditions from ${b}."`,
      `According to ${who.split(' ')[1]}, ${n1} prisoners are still held by ${b}.`,
      `A further meeting is planned in ${pick(CITIES)} next month. Report ${i}.`,
    ].join('\n');
    lines.push(JSON.stringify({ id: `s${i}`, title: `${a} and ${b}: report ${i} from ${c}`, outlet: pick(OUTLETS), published: date, text }));
    if (lines.length === 1000 || i === n - 1) {
      const file = join(dir, `part-${String(files.length).padStart(3, '0')}.jsonl`);
      writeFileSync(file, lines.join('\n') + '\n');
      files.push(file);
      lines = [];
    }
  }
  return files;
}
