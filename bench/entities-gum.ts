/**
 * GUM (CoNLL-U with CorefUD entity brackets) → documents with gold named-entity spans.
 *
 * Convention (flat, CoNLL-like NER read off GUM's nested mentions):
 * - only GUM's person / organization / place mentions are scored, mapped one to one; GUM's other
 *   types (event, object, abstract, time, …) are not names of the three kinds and are left out, but
 *   names nested inside them still count ("Google" in the event "Google Science Fair");
 * - a mention is a name when its head token is a proper noun (UPOS PROPN or PTB NNP/NNPS: "United" in
 *   "United States" is VERB/NNP); its span is the head's name chain (flat and compound dependents,
 *   "of"-modifiers such as "University of Texas"), so titles GUM attaches as `nmod:desc` stay out
 *   ("NASA Administrator Charles Bolden" gives the person "Charles Bolden" and, nested, NASA);
 * - a mention headed by a common noun counts only the name in apposition to it ("interviewee David
 *   Titley" → "David Titley", "the boxers Vitali Koval" → "Vitali Koval"), as CoNLL would tag it;
 *   other common-noun mentions ("the Drenvik region") give no name;
 * - nested names are all gold ("Dhaka University" and "Dhaka"): Parley's flat mentions carry the names
 *   nested in them as `Mention.inner` (`src/annotate/mentions/nested.ts`), scored with them (`typedSpans`);
 * - GUM's own typing is kept where it differs from CoNLL: a country acting as an agent (a football
 *   team, a government) is an organization, and capitalised bare titles ("the President") and
 *   demonyms ("Texans") with a proper-noun head are persons. The benchmark reports these differences
 *   among the errors instead of rewriting the gold. Parley marks capitalised bare titles as implied
 *   person mentions (`src/annotate/mentions/capital-titles.ts`), which `typedSpans` scores.
 */
import { readFileSync } from 'node:fs';

export type GoldType = 'person' | 'organization' | 'place';
export interface GoldSpan {
  start: number;
  end: number;
  type: GoldType;
}
export interface GumDoc {
  id: string;
  genre: string;
  text: string;
  gold: GoldSpan[];
  words: number;
}

interface Tok {
  form: string;
  upos: string;
  head: number;
  deprel: string;
  start: number;
  end: number;
}

const NAME_DEPRELS = /^(?:flat|flat:name|compound|amod)$/;

/** GUM's split of each document (`train`, `dev`, `test`), from `splits.md`; documents in no list are train. */
export function readSplits(path: string): (id: string) => string {
  const out = new Map<string, string>();
  let current = '';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const head = /^## (\w+)/.exec(line);
    if (head) current = head[1];
    const item = /^\s*\* (\S+)/.exec(line);
    if (item) out.set(item[1], current);
  }
  return (id) => out.get(id) ?? 'train';
}

/** Reads one GUM `.conllu` file (one document). */
export function readGum(path: string): GumDoc {
  const lines = readFileSync(path, 'utf8').split('\n');
  let text = '';
  let id = '';
  let genre = '';
  let sent: Tok[] = [];
  let words = 0;
  const gold: GoldSpan[] = [];
  const open = new Map<string, { type: string; first: number }[]>();
  const flush = () => {
    sent = [];
    open.clear();
  };
  for (const line of lines) {
    if (line.startsWith('# newdoc id')) id = line.split('=')[1].trim();
    if (line.startsWith('# meta::genre')) genre = line.split('=')[1].trim();
    if (line.startsWith('# newpar') && !line.includes('_block') && text) text += '\n';
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (sent.length) text += /\n$/.test(text) ? '' : ' ';
      flush();
      continue;
    }
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0])) continue;
    if (text && !/[\s]$/.test(text) && sent.length === 0) text += ' ';
    const start = text.length;
    text += cols[1];
    const tok: Tok = { form: cols[1], upos: /^NNP/.test(cols[4]) ? 'PROPN' : cols[3], head: Number(cols[6]), deprel: cols[7], start, end: text.length };
    sent.push(tok);
    words++;
    if (!/SpaceAfter=No/.test(cols[9])) text += ' ';
    const entity = /Entity=([^|]+)/.exec(cols[9])?.[1] ?? '';
    const index = sent.length; // 1-based token number
    for (const m of entity.matchAll(/\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)/g)) {
      if (m[1]) {
        if (m[3]) addGold(sent, index, index, m[2], gold);
        else (open.get(m[1]) ?? open.set(m[1], []).get(m[1])!).push({ type: m[2], first: index });
      } else if (m[4]) {
        const o = open.get(m[4])?.pop();
        if (o) addGold(sent, o.first, index, o.type, gold);
      }
    }
  }
  return { id, genre, text: text.trimEnd(), gold, words };
}

/** Adds the name chain of mention tokens [first, last] (1-based) when its head is a proper noun. */
function addGold(sent: Tok[], first: number, last: number, type: string, gold: GoldSpan[]): void {
  if (type !== 'person' && type !== 'organization' && type !== 'place') return;
  const inside = (i: number) => i >= first && i <= last;
  let head = -1;
  for (let i = first; i <= last; i++) if (!inside(sent[i - 1].head)) head = i;
  if (head < 0) return;
  if (sent[head - 1].upos !== 'PROPN') {
    // a common-noun head with a name in apposition, "interviewee David Titley" (head "interviewee",
    // "David Titley" flat under it): the name is that proper-noun run, as CoNLL-style NER reads it
    const names: number[] = [];
    for (let i = head + 1; i <= last; i++) {
      const t = sent[i - 1];
      // a hyphen inside a romanised name, "Lam Cheuk-ting" (Cheuk, -, ting: "ting" flat under "Cheuk")
      const n = sent[i];
      if (t.form === '-' && t.upos === 'PUNCT' && n && n.upos === 'PROPN' && /^flat/.test(n.deprel) && names.includes(n.head)) continue;
      if (t.upos !== 'PROPN' || !/^(?:flat|appos)/.test(t.deprel) || !(t.head === head || names.includes(t.head))) break;
      names.push(i);
    }
    if (names.length === 0) return;
    gold.push({ start: sent[names[0] - 1].start, end: sent[names[names.length - 1] - 1].end, type });
    return;
  }
  const keep = new Set([head]);
  let grew = true;
  while (grew) {
    grew = false;
    for (let i = first; i <= last; i++) {
      const t = sent[i - 1];
      if (keep.has(i) || !keep.has(t.head)) continue;
      const nameChild = NAME_DEPRELS.test(t.deprel) && (t.upos === 'PROPN' || t.deprel.startsWith('flat'));
      const ofModifier = type !== 'person' && t.deprel === 'nmod' && t.upos === 'PROPN' && sent.some((c, j) => c.head === i && c.deprel === 'case' && /^of$/i.test(c.form) && j + 1 > head);
      const inner = (t.deprel === 'case' || t.deprel === 'det') && t.head !== head && keep.has(t.head);
      if (nameChild || ofModifier || inner) {
        keep.add(i);
        grew = true;
      }
    }
  }
  const idx = [...keep].sort((a, b) => a - b);
  gold.push({ start: sent[idx[0] - 1].start, end: sent[idx[idx.length - 1] - 1].end, type });
}
