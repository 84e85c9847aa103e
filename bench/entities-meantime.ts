/**
 * Alias merging on MEANTIME: the gold named mentions (syntactic type NAM/PRE.NAM) of persons,
 * organisations and places, trimmed to their name (last capitalised run), with their gold
 * cross-document instances (DBpedia-linked), are given to the entity resolver as the `mentions` layer
 * (where Parley's own finder delimits a name of the gold type inside a gold span, that name is used); every pair of mentions is then a "same entity" decision
 * scored against the gold instances (pairwise precision/recall). Baseline in the same run: two
 * mentions are the same entity when their folded text and type are equal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from './shared.js';
import { foldName } from '../src/annotate/mentions/key.js';
import type { Mention } from '../src/annotate/mentions/layer.js';
import { makeContext } from '../src/context.js';
import type { NewsDoc } from '../src/model/doc.js';
import { resolveEntities } from '../src/resolve/entities/resolver.js';
import { findMentions } from '../src/annotate/mentions/stage.js';
import { splitSentences } from '../src/annotate/sentences/stage.js';

const TYPES: Record<string, Mention['type']> = { PER: 'person', ORG: 'organization', LOC: 'place' };

interface Gold {
  doc: NewsDoc;
  mentions: { mention: Mention; instance: string }[];
}

function readDoc(path: string): Gold {
  const xml = readFileSync(path, 'utf8');
  const tokens = new Map<string, { start: number; end: number; sentence: string; form: string }>();
  let text = '';
  let sentence = '0';
  for (const m of xml.matchAll(/<token [^>]*sentence="(\d+)" t_id="(\d+)">([^<]*)<\/token>/g)) {
    if (text && m[1] !== sentence) text += '\n';
    else if (text) text += ' ';
    sentence = m[1];
    const form = m[3].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    tokens.set(m[2], { start: text.length, end: text.length + form.length, sentence, form });
    text += form;
  }
  const spans = new Map<string, { start: number; end: number }>();
  for (const m of xml.matchAll(/<ENTITY_MENTION [^>]*m_id="(\d+)"[^>]*syntactic_type="(NAM|PRE\.NAM)"[^>]*>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    const name = nameRun([...m[3].matchAll(/t_id="(\d+)"/g)].map((x) => tokens.get(x[1])!).filter(Boolean));
    if (name) spans.set(m[1], name);
  }
  const instances = new Map<string, { type: string; instance: string }>();
  for (const m of xml.matchAll(/<ENTITY [^>]*>/g)) {
    const type = /ent_type="(\w+)"/.exec(m[0])?.[1];
    const instance = /instance_id="(\w+)"/.exec(m[0])?.[1];
    const id = /m_id="(\d+)"/.exec(m[0])?.[1];
    if (type && instance && id) instances.set(id, { type, instance });
  }
  const id = /doc_id="(\d+)"/.exec(xml)?.[1] ?? path;
  const mentions: Gold['mentions'] = [];
  for (const r of xml.matchAll(/<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = instances.get(/<target m_id="(\d+)"/.exec(r[1])?.[1] ?? '');
    if (!target || !TYPES[target.type]) continue;
    for (const s of r[1].matchAll(/<source m_id="(\d+)"/g)) {
      const span = spans.get(s[1]);
      if (!span) continue;
      const surface = text.slice(span.start, span.end);
      mentions.push({ instance: target.instance, mention: { span, type: TYPES[target.type], key: foldName(surface), source: 'gold', evidence: 'explicit' } });
    }
  }
  // where Parley's finder delimits a name of the same type inside a gold span, use that name:
  // "Chrysler Chief Executive Robert Nardelli" → "Robert Nardelli" (what the resolver sees in use)
  const found = findMentions({ ...blank(text), layers: { sentences: splitSentences(text) } }, makeContext()).filter((f) => f.evidence === 'explicit');
  for (const m of mentions) {
    const inside = found.filter((f) => f.span.start >= m.mention.span.start && f.span.end <= m.mention.span.end && f.type === m.mention.type);
    const last = inside[inside.length - 1];
    if (last) m.mention = { ...m.mention, span: last.span, key: foldName(text.slice(last.span.start, last.span.end)) };
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

/**
 * The name inside a gold mention: its last run of capitalised words (MEANTIME's named mentions are
 * whole noun phrases, "The United States auto manufacturer Chrysler"; the mentions layer holds names).
 * Null when the mention has no capitalised word ("federal").
 */
function nameRun(toks: { start: number; end: number; form: string }[]): { start: number; end: number } | null {
  const cap = (t: { form: string }) => /^\p{Lu}/u.test(t.form) && !/^(?:The|A|An)$/.test(t.form);
  let last = toks.length - 1;
  while (last >= 0 && !cap(toks[last])) last--;
  if (last < 0) return null;
  let first = last;
  while (first > 0 && (cap(toks[first - 1]) || (/^(?:of|&|-)$/.test(toks[first - 1].form) && first > 1 && cap(toks[first - 2])))) first--;
  return { start: toks[first].start, end: toks[last].end };
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise precision/recall of predicted clusters (mention → label) against gold ones. */
function pairwise(items: { gold: string; pred: string; doc: string }[], crossOnly: boolean): { p: number; r: number; tp: number } {
  // count pairs via contingency tables; cross-document only = all pairs minus same-document pairs
  const count = (key: (i: (typeof items)[number]) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return [...m.values()].reduce((s, n) => s + pairs(n), 0);
  };
  const minus = (f: (i: (typeof items)[number]) => string) => (crossOnly ? count((i) => `${f(i)}|${i.doc}`) : 0);
  const both = (i: (typeof items)[number]) => `${i.gold}|${i.pred}`;
  const tp = count(both) - minus(both);
  const predPairs = count((i) => i.pred) - minus((i) => i.pred);
  const goldPairs = count((i) => i.gold) - minus((i) => i.gold);
  return { p: predPairs ? tp / predPairs : 1, r: goldPairs ? tp / goldPairs : 1, tp };
}

/** Runs and prints the MEANTIME alias-merging benchmark. */
export function runMeantimeAliases(): void {
  const root = join(DATA, 'meantime-en', 'intra_cross-doc_annotation');
  const golds = readdirSync(root).flatMap((c) => readdirSync(join(root, c)).map((f) => readDoc(join(root, c, f))));
  const entities = resolveEntities(golds.map((g) => g.doc), makeContext({ pack: { name: 'none' } }));
  const predicted = new Map<string, string>();
  for (const e of entities) for (const m of e.mentions) predicted.set(`${m.doc}:${m.start}:${m.end}`, e.id);
  const items = golds.flatMap((g) =>
    g.mentions.map((m) => {
      const k = `${g.doc.id}:${m.mention.span.start}:${m.mention.span.end}`;
      return { gold: m.instance, pred: predicted.get(k) ?? `single:${k}`, base: `${m.mention.type}|${m.mention.key}`, doc: g.doc.id };
    }),
  );
  const f = (x: number) => x.toFixed(3);
  console.log(`\nMEANTIME alias merging: ${golds.length} documents, ${items.length} gold named mentions, ${new Set(items.map((i) => i.gold)).size} gold entities`);
  console.log('pairs            | Parley P / R        | exact-string baseline P / R');
  for (const cross of [false, true]) {
    const ours = pairwise(items, cross);
    const base = pairwise(items.map((i) => ({ ...i, pred: i.base })), cross);
    console.log(`${cross ? 'cross-document' : 'all'}`.padEnd(16) + ` | ${f(ours.p)} / ${f(ours.r)}       | ${f(base.p)} / ${f(base.r)}`);
  }
  console.log('target (issue): precision ≥ 0.98, recall ≥ 0.9');
  if (process.env.PARLEY_BENCH_DEBUG) {
    const byPred = new Map<string, Map<string, number>>();
    for (const i of items) (byPred.get(i.pred) ?? byPred.set(i.pred, new Map()).get(i.pred)!).set(i.gold, (byPred.get(i.pred)!.get(i.gold) ?? 0) + 1);
    const byGold = new Map<string, Map<string, string[]>>();
    for (const i of items) {
      const m = byGold.get(i.gold) ?? byGold.set(i.gold, new Map()).get(i.gold)!;
      const name = entities.find((e) => e.id === i.pred)?.name ?? i.pred;
      m.set(name, [...(m.get(name) ?? []), i.doc]);
    }
    for (const [gold, preds] of byGold) if (preds.size > 1) console.log('split', gold, [...preds].map(([n, d]) => `${n}×${d.length}`).join(' | '));
    for (const [pred, golds] of byPred) if (golds.size > 1) console.log('mixed', entities.find((e) => e.id === pred)?.name, [...golds].join(' '), entities.find((e) => e.id === pred)?.merges.map((m) => `${m.a}→${m.b}: ${m.reason}`).join('; '));
  }
}
