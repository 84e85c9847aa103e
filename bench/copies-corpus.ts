/**
 * A seeded generator of fictional news with labelled copies, for the duplicates/rewrites and stories
 * benchmarks: stories (two invented countries, four invented people, a city, a topic, a date), several
 * independently written reports per story, and copies of some reports — exact (whitespace only), near
 * (new headline, a sentence dropped, credit lines added) and spun (a thesaurus swaps words in about
 * 60% of the places it can, and sometimes a surname is misspelled). The spinner's thesaurus is broader
 * than the detector's phrase list on purpose: most swaps are ordinary words the lexicon never sees.
 */
import type { NewsDoc } from '../src/model/doc.js';
import { seeded } from './synthetic-corpus.js';

export type CopyKind = 'original' | 'exact' | 'near' | 'spun';

export interface LabelledDoc {
  doc: NewsDoc;
  story: number;
  kind: CopyKind;
  /** For a copy: the id of the report it copies. */
  of: string | null;
}

const SYL = ['var', 'nol', 'ost', 'mar', 'kel', 'den', 'ru', 'sa', 'tor', 'vik', 'lan', 'bre', 'dor', 'fen', 'gal', 'hal', 'is', 'jor', 'ka', 'lum', 'mo', 'nes', 'ol', 'pra', 'quin', 'ris', 'sol', 'tem', 'ul', 'ves', 'wen', 'zar',
  'bak', 'cor', 'dru', 'elm', 'fir', 'gor', 'hus', 'ing', 'jus', 'kro', 'lev', 'mun', 'nar', 'opa', 'pet', 'rak', 'sve', 'tal', 'ump', 'vol', 'yar', 'zed', 'ax', 'bil', 'cha', 'dov', 'esk', 'fal'];
const TOPICS: Record<string, { verbs: string[]; objects: string[]; heads: string[] }> = {
  talks: { verbs: ['discussed', 'negotiated over', 'reviewed', 'argued about', 'made progress on'], objects: ['a prisoner exchange', 'the withdrawal of artillery', 'a ceasefire line', 'the status of the border districts', 'a draft peace agreement', 'humanitarian corridors'], heads: ['open new round of peace talks', 'talks stall over border', 'envoys report progress'] },
  strike: { verbs: ['called for', 'rejected', 'demanded', 'voted on', 'refused'], objects: ['a new pay offer', 'shorter night shifts', 'a return to work', 'binding arbitration', 'the closure of the docks'], heads: ['dock strike widens', 'union rejects pay offer', 'port remains closed'] },
  flood: { verbs: ['evacuated', 'reinforced', 'inspected', 'cut off', 'reopened'], objects: ['the river embankments', 'two villages', 'the rail line', 'the valley road', 'the water treatment plant'], heads: ['floods cut rail line', 'river keeps rising', 'villages evacuated'] },
  election: { verbs: ['campaigned on', 'promised', 'criticised', 'debated', 'published'], objects: ['lower fuel prices', 'a new constitution', 'the opposition programme', 'the first exit polls', 'a list of candidates'], heads: ['election campaign heats up', 'polls open', 'opposition claims lead'] },
  trade: { verbs: ['signed', 'suspended', 'renegotiated', 'extended', 'criticised'], objects: ['a grain export deal', 'tariffs on steel', 'a fishing accord', 'the customs union', 'import quotas'], heads: ['trade deal signed', 'tariff row escalates', 'grain exports resume'] },
  trial: { verbs: ['testified about', 'appealed against', 'postponed', 'challenged', 'heard evidence on'], objects: ['the bribery charges', 'the verdict', 'the witness statements', 'the sentencing', 'the defence motion'], heads: ['trial opens', 'verdict appealed', 'key witness testifies'] },
};
const ROLES = ['Foreign Minister', 'President', 'Prime Minister', 'union leader', 'mayor', 'spokeswoman'];
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'at the weekend', 'late on Sunday'];
const FILLER = [
  'Observers said the mood was tense but businesslike.', 'Residents have waited months for a settlement.',
  'The previous meeting ended without a joint statement.', 'Local officials reported long queues at the crossing points.',
  'Analysts cautioned that similar promises had been broken before.', 'Few details were released to the press.',
  'A further meeting is expected once the technical groups finish their work.', 'Markets in the capital reacted calmly to the news.',
  'Several smaller parties said they would watch the outcome closely.', 'The weather made travel difficult for many delegates.',
];
const QUOTES = ['"We came here to work, not to repeat old demands,"', '"Nothing is agreed until everything is agreed,"', '"People are tired and want results,"', '"We will not accept an ultimatum,"', '"The door remains open,"', '"This is only the first step,"'];
const CREDITS = ['Reporting by staff correspondents; editing by the news desk', 'Read more: all our coverage of the region', 'Follow us for the latest updates', '© 2031 Northern Wire. All rights reserved.'];
/** The spinner's thesaurus: ordinary words mostly, and a few news collocations (as real spinners do). */
const THESAURUS: [RegExp, string][] = [
  [/\bsaid\b/g, 'stated'], [/\bdiscussed\b/g, 'talked about'], [/\bmeeting\b/g, 'conference'], [/\bpeace talks\b/g, 'calm talks'],
  [/\bForeign Minister\b/g, 'international minister'], [/\bPrime Minister\b/g, 'primary minister'], [/\bofficials\b/g, 'authorities'],
  [/\breported\b/g, 'mentioned'], [/\bwithdrawal\b/g, 'withdrawing'], [/\bdemanded\b/g, 'required'], [/\bnew\b/g, 'fresh'],
  [/\btwo\b/g, '2'], [/\bseveral\b/g, 'numerous'], [/\bpromised\b/g, 'vowed'], [/\bwork\b/g, 'function'], [/\bpeople\b/g, 'individuals'],
  [/\bexpected\b/g, 'anticipated'], [/\bclosely\b/g, 'carefully'], [/\bdifficult\b/g, 'hard'], [/\bmonths\b/g, 'many months'],
  [/\btense\b/g, 'strained'], [/\breleased\b/g, 'launched'], [/\bresults\b/g, 'outcomes'], [/\btired\b/g, 'exhausted'],
  [/\bfirst\b/g, 'initial'], [/\bpress conference\b/g, 'push conference'], [/\bcalmly\b/g, 'quietly'], [/\btold\b/g, 'informed'],
  [/\bcapital\b/g, 'funding'], [/\bvillages\b/g, 'towns'], [/\bcriticised\b/g, 'slammed'], [/\bquestions\b/g, 'concerns'],
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Every single-letter deletion of `s`, and `s`: two words one edit apart share at least one. */
const deletions1 = (s: string) => [s, ...Array.from(s, (_, i) => s.slice(0, i) + s.slice(i + 1))];

/**
 * An invented name at least two edits from every earlier one (real names seldom sit one typo apart;
 * a small syllable set would make them do so constantly and fake misspellings).
 */
function inventName(r: () => number, syllables: number, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const n = syllables + Math.floor(attempt / 20);
    const name = cap(Array.from({ length: n }, () => pick(r, SYL)).join(''));
    const keys = deletions1(name.toLowerCase());
    if (keys.some((k) => taken.has(k))) continue;
    keys.forEach((k) => taken.add(k));
    return name;
  }
}

/** One independently written report of a story. */
function report(r: () => number, s: { a: string; b: string; city: string; people: string[]; topic: string; date: string }): { title: string; text: string } {
  const t = TOPICS[s.topic];
  const title = `${s.a}: ${pick(r, t.heads)} in ${s.city}`;
  const lines: string[] = [];
  const n = 7 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const who = pick(r, s.people);
    const x = r();
    if (x < 0.45) lines.push(`${pick(r, [`${who.split('|')[1]} ${who.split('|')[0]}`, `Officials in ${pick(r, [s.a, s.b])}`, `The ${pick(r, [s.a, s.b])} delegation`, who.split('|')[0]])} ${pick(r, t.verbs)} ${pick(r, t.objects)} ${pick(r, DAYS)}${r() < 0.5 ? ` in ${s.city}` : ''}.`);
    else if (x < 0.65) lines.push(`${pick(r, QUOTES)} ${who.split('|')[0].split(' ')[1]} said${r() < 0.5 ? ` after talks with ${pick(r, [s.a, s.b])}` : ''}.`);
    else if (x < 0.8) lines.push(`About ${10 + Math.floor(r() * 990)} people were affected in ${s.city}, according to ${pick(r, [s.a, s.b])} officials.`);
    else lines.push(pick(r, FILLER));
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += 2) paragraphs.push(lines.slice(i, i + 2).join(' '));
  return { title, text: `${title}\n${paragraphs.join('\n')}` };
}

/** A spun copy: each thesaurus swap applied at 60% of its places, maybe one misspelled surname. */
function spin(r: () => number, text: string, surnames: string[]): string {
  let out = text;
  for (const [re, to] of THESAURUS) out = out.replace(re, (m) => (r() < 0.6 ? to : m));
  if (r() < 0.5) {
    const s = pick(r, surnames);
    const i = 1 + Math.floor(r() * (s.length - 2));
    const typo = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    let done = false;
    out = out.replace(new RegExp(`\\b${s}\\b`, 'g'), (m) => (!done && r() < 0.5 ? ((done = true), typo) : m));
  }
  return out;
}

/** A near copy: another headline, one sentence line dropped, credit lines appended. */
function nearCopy(r: () => number, text: string): string {
  const lines = text.split('\n');
  lines[0] = `${lines[0]} (updated)`;
  if (lines.length > 4) lines.splice(1 + Math.floor(r() * (lines.length - 1)), 1);
  return [...lines, pick(r, CREDITS), pick(r, CREDITS)].join('\n');
}

function newsDoc(id: string, title: string, text: string, date: string | null): NewsDoc {
  return {
    id, origin: id, title, outlet: null, text, removed: [], flags: [], diagnostics: [], meta: {}, layers: {}, duplicateOf: null,
    published: date ? { date, source: 'metadata', confidence: 1, evidence: [] } : { date: null, source: 'none', confidence: 0, evidence: [] },
  };
}

/**
 * `stories` stories with 1–4 reports each; each report copied with probability `copyRate`. Documents
 * come in generation order (a copy right after its original); shuffle for an honest ingest order.
 * With `dated`, a story's reports carry its date and copies the next day.
 */
export function labelledCorpus(stories: number, seed = 7, copyRate = 0.3, dated = false): LabelledDoc[] {
  const r = seeded(seed);
  const out: LabelledDoc[] = [];
  const taken = new Set<string>();
  const countries = Array.from({ length: 60 }, () => inventName(r, 2 + Math.floor(r() * 2), taken));
  for (let s = 0; s < stories; s++) {
    const people = Array.from({ length: 4 }, () => `${inventName(r, 2, taken)} ${inventName(r, 2 + Math.floor(r() * 2), taken)}|${pick(r, ROLES)}`);
    const day = 1 + Math.floor((s / stories) * 360);
    const date = new Date(Date.UTC(2031, 0, day)).toISOString().slice(0, 10);
    const st = { a: pick(r, countries), b: pick(r, countries), city: inventName(r, 2, taken), people, topic: pick(r, Object.keys(TOPICS)), date };
    const reports = 1 + Math.floor(r() * 4);
    for (let k = 0; k < reports; k++) {
      const { title, text } = report(r, st);
      const id = `s${s}r${k}`;
      out.push({ doc: newsDoc(id, title, text, dated ? date : null), story: s, kind: 'original', of: null });
      if (r() >= copyRate) continue;
      const kind = pick(r, ['exact', 'near', 'spun'] as const);
      const body = kind === 'exact' ? text.replace(/ /g, '  ') : kind === 'near' ? nearCopy(r, text) : spin(r, text, people.map((p) => p.split('|')[0].split(' ')[1]));
      const later = new Date(Date.UTC(2031, 0, day + 1)).toISOString().slice(0, 10);
      out.push({ doc: newsDoc(`${id}-${kind}`, body.split('\n')[0], body, dated ? later : null), story: s, kind, of: id });
    }
  }
  return out;
}

/** A seeded Fisher–Yates shuffle (a new array). */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = seeded(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
