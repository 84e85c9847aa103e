/**
 * Alias merging on MEANTIME (English, 120 Wikinews articles in 4 topics, entities linked across
 * documents to instances, most with a DBpedia URI), scored as pairwise precision/recall of "same
 * entity" decisions over gold mentions — the usual gold-mention setting of cross-document entity
 * coreference (as for ECB+): the resolver is given the gold mentions, never has to find them.
 *
 * Scoring convention, and why:
 * - Scored mentions: gold NAM/PRE.NAM mentions of persons, organisations and places that REFER_TO an
 *   entity carrying a cross-document `instance_id`. The gold identity of a mention is that instance.
 *   Entities without an instance were never linked across documents by the annotators, so a pair
 *   involving them carries no gold decision; they are left out (not counted as "different").
 * - The name of a mention is the name that heads it. MEANTIME's named mentions are whole noun phrases
 *   ("Long Beach, California", "Irish low cost airline, Ryanair", "European aircraft manufacturer"),
 *   while an alias resolver works on names: the phrase is cut into segments at commas, brackets and
 *   post-modifiers ("in", "near", "which"…), and the name is the capitalised run that ENDS the first
 *   segment ending in one ("Long Beach", "Ryanair"). A mention whose head is a common noun
 *   ("European aircraft manufacturer" for Airbus, "China Eastern's board of directors") has no name
 *   of its own and is left out: taking the modifier would score "European" as a name of Airbus.
 *   A person's name loses the titles (and a title's country) before it ("President Vladimir Putin"
 *   → "Vladimir Putin"), as Parley's mention finder trims them in use.
 * - Homonyms stay scored as they are: one spelling that gold gives two entities (Washington the city
 *   and the state; Chrysler before and after its 2009 bankruptcy) is a wrong merge for any resolver
 *   that joins them, the exact-string baseline included. Metonymy stays scored too: gold gives "White
 *   House" and "US Government" to the United States, which no alias rule should join (they cost
 *   about 0.05 of recall).
 * - Pairs: all pairs of scored mentions (each unordered pair once), and separately only pairs from
 *   two different documents. Precision = correct same-entity pairs / predicted same-entity pairs;
 *   recall = correct / gold same-entity pairs.
 * Baseline in the same run: two mentions are the same entity when their folded names and types are
 * equal (exact string matching).
 * A second, end-to-end setting shows the merges in use: Parley finds and types the mentions itself
 * (`findMentions`), the resolver runs on those, and each scored gold mention takes the entity of the
 * found mention ending where its name ends (the head of an English name is its last word: a found
 * "U.S." inside "U.S. Air Force" does not stand for it); gold mentions Parley did not find count as
 * unmerged singletons.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from './shared.js';
import { pairwise, pairErrors, type PairItem } from './entities-score.js';
import { foldName } from '../src/annotate/mentions/key.js';
import { gazetteer } from '../src/annotate/mentions/gazetteer.js';
import type { Mention } from '../src/annotate/mentions/layer.js';
import { makeContext } from '../src/context.js';
import type { NewsDoc } from '../src/model/doc.js';
import { resolveEntities } from '../src/resolve/entities/resolver.js';
import { findMentions } from '../src/annotate/mentions/stage.js';
import { splitSentences } from '../src/annotate/sentences/stage.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from '../src/annotate/mentions/lexicon.js';

const TYPES: Record<string, Mention['type']> = { PER: 'person', ORG: 'organization', LOC: 'place' };

interface Token {
  start: number;
  end: number;
  form: string;
}

/** One scored gold mention: what the resolver is given, its gold instance, and the whole gold phrase. */
export interface GoldMention {
  mention: Mention;
  instance: string;
  phrase: string;
}

export interface Gold {
  doc: NewsDoc;
  mentions: GoldMention[];
}

const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

function readDoc(path: string): Gold {
  const xml = readFileSync(path, 'utf8');
  const tokens = new Map<string, Token>();
  let text = '';
  let sentence = '0';
  for (const m of xml.matchAll(/<token [^>]*sentence="(\d+)" t_id="(\d+)">([^<]*)<\/token>/g)) {
    if (text && m[1] !== sentence) text += '\n';
    else if (text) text += ' ';
    sentence = m[1];
    const form = unescape(m[3]);
    tokens.set(m[2], { start: text.length, end: text.length + form.length, form });
    text += form;
  }
  const phrases = new Map<string, Token[]>();
  for (const m of xml.matchAll(/<ENTITY_MENTION [^>]*m_id="(\d+)"[^>]*syntactic_type="(NAM|PRE\.NAM)"[^>]*>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    phrases.set(m[1], [...m[3].matchAll(/t_id="(\d+)"/g)].map((x) => tokens.get(x[1])!).filter(Boolean));
  }
  const instances = new Map<string, { type: string; instance: string }>();
  for (const m of xml.matchAll(/<ENTITY [^>]*>/g)) {
    const type = /ent_type="(\w+)"/.exec(m[0])?.[1];
    const instance = /instance_id="(\w+)"/.exec(m[0])?.[1];
    const id = /m_id="(\d+)"/.exec(m[0])?.[1];
    if (type && instance && id) instances.set(id, { type, instance });
  }
  const id = /doc_id="(\d+)"/.exec(xml)?.[1] ?? path;
  const mentions: GoldMention[] = [];
  for (const r of xml.matchAll(/<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = instances.get(/<target m_id="(\d+)"/.exec(r[1])?.[1] ?? '');
    if (!target || !TYPES[target.type]) continue;
    const type = TYPES[target.type];
    for (const s of r[1].matchAll(/<source m_id="(\d+)"/g)) {
      const toks = phrases.get(s[1]);
      const span = toks && headName(toks, type);
      if (!toks || !span) continue;
      const phrase = text.slice(toks[0].start, toks[toks.length - 1].end);
      mentions.push({ instance: target.instance, phrase, mention: { span, type, key: foldName(text.slice(span.start, span.end)), source: 'gold', evidence: 'explicit' } });
    }
  }
  mentions.sort((a, b) => a.mention.span.start - b.mention.span.start);
  const doc: NewsDoc = { ...blank(text), id, origin: path, layers: { mentions: mentions.map((m) => m.mention) } };
  return { doc, mentions };
}

function blank(text: string): NewsDoc {
  return {
    id: '', origin: '', title: null, outlet: null, published: { date: null, source: 'none', confidence: 0, evidence: [] },
    text, removed: [], flags: [], diagnostics: [], meta: {}, layers: {}, duplicateOf: null,
  };
}

/** Words that start a post-modifier: the noun phrase's head comes before them. */
const POST_MODIFIER = /^(?:in|near|at|on|from|which|who|whose|that|located|serving|serves|--)$/;
/** Punctuation between a head and an apposition ("Irish low cost airline, Ryanair"; "General Motors (GM"). */
const APPOSITION = /^[,;:()]$/;
const capitalised = (t: Token) => /^\p{Lu}/u.test(t.form) && !/^(?:The|A|An)$/.test(t.form);

/**
 * The name heading a gold phrase, or null when its head is a common noun or a title. The phrase is
 * cut at its first post-modifier ("… in San Francisco", "… which serves Bangkok"), the rest split
 * into apposed segments at commas and brackets; the name is the capitalised run that ends the first
 * segment ending in one, unless that run only completes a common noun ("chairman of Chrysler LLC")
 * or is itself a title ("Prime Minister of Singapore", "Ryanair CEO"): then the next segment is
 * tried. A person's name starts after the last title word of the run ("Chrysler Chief Executive
 * Robert Nardelli" → "Robert Nardelli", by the mention finder's generic title lexicon). A trailing
 * "-based"/"-led" ("Craiova-based") is not part of the name.
 */
export function headName(toks: readonly Token[], type: Mention['type']): { start: number; end: number } | null {
  const cut = toks.findIndex((t) => POST_MODIFIER.test(t.form));
  const segments: Token[][] = [[]];
  for (const t of cut < 0 ? toks : toks.slice(0, cut)) {
    if (APPOSITION.test(t.form)) segments.push([]);
    else segments[segments.length - 1].push(t);
  }
  for (const seg of segments) {
    const last = seg.length - 1;
    if (last < 0 || !capitalised(seg[last])) continue;
    let first = last;
    while (first > 0 && (capitalised(seg[first - 1]) || (/^(?:of|&|-|and)$/.test(seg[first - 1].form) && first > 1 && capitalised(seg[first - 2])))) first--;
    const suffix = /-(?:based|led|born|owned|made)$/.exec(seg[last].form);
    const run = { start: seg[first].start, end: seg[last].end - (suffix ? suffix[0].length : 0) };
    if (first > 0 && seg[first - 1].form === 'of') continue;
    const words = seg.slice(first, last + 1).map((t) => t.form.toLowerCase().replace(/\.$/, ''));
    const of = words.indexOf('of');
    if (TITLE_HEADS.has(words[of > 0 ? of - 1 : words.length - 1])) continue;
    if (type === 'person') {
      let title = words.length - 1;
      while (title >= 0 && !(TITLE_HEADS.has(words[title]) || TITLE_MODIFIERS.has(words[title]) || HONORIFICS.has(words[title]))) title--;
      let from = title >= 0 && title < words.length - 1 ? title + 1 : 0;
      // "President of the United States Barack Obama": the title's country is not part of the name
      for (let n = Math.min(4, words.length - from - 2); n >= 1; n--) {
        if (gazetteer().countryNames.has(foldName(words.slice(from, from + n).join(' ')))) {
          from += n;
          break;
        }
      }
      run.start = seg[first + from].start;
    }
    return run;
  }
  return null;
}

/** Every MEANTIME document with its scored gold mentions as a `mentions` layer. */
export function readMeantime(): Gold[] {
  const root = join(DATA, 'meantime-en', 'intra_cross-doc_annotation');
  return readdirSync(root).flatMap((c) => readdirSync(join(root, c)).sort().map((f) => readDoc(join(root, c, f))));
}

/** The entity of each gold mention (by `doc:start:end`) when Parley finds the mentions itself. */
function endToEnd(golds: Gold[]): { predicted: Map<string, string>; found: number } {
  const ctx = makeContext({ pack: { name: 'none' } });
  const docs = golds.map((g) => {
    const base: NewsDoc = { ...g.doc, layers: { sentences: splitSentences(g.doc.text) } };
    return { ...base, layers: { ...base.layers, mentions: findMentions(base, ctx) } };
  });
  const byDoc = new Map<string, { start: number; end: number; id: string }[]>();
  for (const e of resolveEntities(docs, ctx)) for (const m of e.mentions) (byDoc.get(m.doc) ?? byDoc.set(m.doc, []).get(m.doc)!).push({ ...m, id: e.id });
  const predicted = new Map<string, string>();
  for (const g of golds) {
    for (const { mention: { span } } of g.mentions) {
      const found = byDoc.get(g.doc.id) ?? [];
      const hit = found.find((m) => m.end === span.end && m.start >= span.start) ?? found.find((m) => m.end === span.end);
      if (hit) predicted.set(`${g.doc.id}:${span.start}:${span.end}`, hit.id);
    }
  }
  return { predicted, found: predicted.size };
}

/** Runs and prints the MEANTIME alias-merging benchmark. */
export function runMeantimeAliases(): void {
  const golds = readMeantime();
  const entities = resolveEntities(golds.map((g) => g.doc), makeContext({ pack: { name: 'none' } }));
  const predicted = new Map<string, string>();
  for (const e of entities) for (const m of e.mentions) predicted.set(`${m.doc}:${m.start}:${m.end}`, e.id);
  const e2e = endToEnd(golds);
  const items: (PairItem & { base: string; e2e: string })[] = golds.flatMap((g) =>
    g.mentions.map((m) => {
      const k = `${g.doc.id}:${m.mention.span.start}:${m.mention.span.end}`;
      const name = g.doc.text.slice(m.mention.span.start, m.mention.span.end);
      return { gold: m.instance, pred: predicted.get(k) ?? `single:${k}`, base: `${m.mention.type}|${m.mention.key}`, e2e: e2e.predicted.get(k) ?? `single:${k}`, doc: g.doc.id, name };
    }),
  );
  const f = (x: number) => x.toFixed(3);
  console.log(`\nMEANTIME alias merging: ${golds.length} documents, ${items.length} gold named mentions, ${new Set(items.map((i) => i.gold)).size} gold entities`);
  console.log('(gold mentions of persons/organisations/places with a cross-document instance, each reduced to the name heading it; see bench/entities-meantime.ts)');
  console.log('pairs            | Parley P / R        | exact-string baseline P / R');
  for (const cross of [false, true]) {
    const ours = pairwise(items, cross);
    const base = pairwise(items.map((i) => ({ ...i, pred: i.base })), cross);
    console.log(`${cross ? 'cross-document' : 'all'}`.padEnd(16) + ` | ${f(ours.p)} / ${f(ours.r)}       | ${f(base.p)} / ${f(base.r)}`);
  }
  const own = [false, true].map((cross) => pairwise(items.map((i) => ({ ...i, pred: i.e2e })), cross));
  console.log(`end to end (Parley finds the mentions; ${e2e.found} of ${items.length} gold names found): all ${f(own[0].p)} / ${f(own[0].r)}, cross-document ${f(own[1].p)} / ${f(own[1].r)}`);
  console.log('target (issue): precision ≥ 0.98, recall ≥ 0.9');
  if (process.env.PARLEY_BENCH_DEBUG) {
    const reasons = new Map(entities.map((e) => [e.id, e.merges.map((m) => `${m.a}→${m.b}: ${m.reason}`)]));
    const { wrong, missed } = pairErrors(items);
    console.log('\nfalse merges (pairs, predicted entity, gold A names | gold B names):');
    for (const w of wrong) console.log(`  ${w.pairs}\t${w.a.gold} ${w.a.names} | ${w.b.gold} ${w.b.names}\t${(reasons.get(w.pred) ?? []).slice(0, 4).join('; ')}`);
    console.log('\nmissed merges (pairs, gold entity, predicted A names | predicted B names):');
    for (const w of missed) console.log(`  ${w.pairs}\t${w.gold}\t${w.a.names} | ${w.b.names}`);
    console.log('\nend to end, false merges (pairs, predicted entity, gold A names | gold B names):');
    for (const w of pairErrors(items.map((i) => ({ ...i, pred: i.e2e }))).wrong) console.log(`  ${w.pairs}\t${w.a.gold} ${w.a.names} | ${w.b.gold} ${w.b.names}`);
  }
}
