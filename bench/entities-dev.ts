/**
 * `node --import tsx bench/entities-dev.ts [--split dev|train] [--genre news] [--examples N] [--no-tagger] [--model FILE]`:
 * the entity figures on a tuning split of GUM (dev by default; never test) with an error breakdown —
 * missed, spurious, wrong type, wrong boundary — and examples of each, so that the mentions stage is
 * tuned on train + dev only. `--model FILE` scores a tagger model file other than the shipped one. `npm run bench -- entities` reports the held-out test split.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, haveData } from './shared.js';
import { readGum, readSplits, type GoldSpan, type GumDoc } from './entities-gum.js';
import { emptyScores, prf, score, typedSpans, type Scores } from './entities-score.js';
import { errorsOf, printErrors, type Example, type Raw } from './entities-errors.js';
import { findMentions } from '../src/annotate/mentions/stage.js';
import { makeTagger, useTagger, type TaggerModel } from '../src/annotate/mentions/tagger.js';
import { splitSentences } from '../src/annotate/sentences/stage.js';
import { makeContext } from '../src/context.js';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const ctx = makeContext({ pack: { name: 'none' } });

/** Parley's typed names in a GUM document (outlets count as organisations, as GUM types them). */
export function systemSpans(d: GumDoc): GoldSpan[] {
  const news = { id: d.id, text: d.text, removed: [], layers: { sentences: splitSentences(d.text) } } as never;
  return typedSpans(findMentions(news, ctx));
}

/** Every mention the stage gives, for explaining errors. */
export function rawMentions(d: GumDoc): Raw[] {
  const news = { id: d.id, text: d.text, removed: [], layers: { sentences: splitSentences(d.text) } } as never;
  return findMentions(news, ctx).map((m) => ({ start: m.span.start, end: m.span.end, type: m.type, source: m.source }));
}

function line(label: string, s: Scores): string {
  const f = (x: number) => x.toFixed(3);
  const [a, b] = [prf(s.all.strict), prf(s.all.partial)];
  return `${label.padEnd(22)} strict P/R/F1 ${f(a.p)}/${f(a.r)}/${f(a.f)}  partial F1 ${f(b.f)}  ` +
    `(per/org/pla strict F1 ${f(prf(s.person.strict).f)}/${f(prf(s.organization.strict).f)}/${f(prf(s.place.strict).f)})`;
}

function main(): void {
  if (!haveData('gum')) return;
  const which = opt('split') ?? 'dev';
  if (which === 'test') throw new Error('entities-dev never reads the test split: use npm run bench -- entities');
  const split = readSplits(join(DATA, 'gum', 'splits.md'));
  const dir = join(DATA, 'gum', 'dep');
  const docs = readdirSync(dir).filter((f) => f.endsWith('.conllu') && !f.includes('reddit'))
    .map((f) => readGum(join(dir, f)))
    .filter((d) => split(d.id) === which && (!opt('genre') || d.genre === opt('genre')));
  if (args.includes('--no-tagger')) useTagger(null);
  else if (opt('model')) useTagger(makeTagger(JSON.parse(readFileSync(opt('model')!, 'utf8')) as TaggerModel));
  const [news, all] = [emptyScores(), emptyScores()];
  const errors: Example[] = [];
  for (const d of docs) {
    const pred = systemSpans(d);
    score(all, d.gold, pred);
    if (d.genre === 'news') score(news, d.gold, pred);
    const found = errorsOf(d, d.gold, pred, args.includes('--why') ? rawMentions(d) : undefined);
    errors.push(...found);
  }
  console.log(`GUM ${which} split: ${docs.length} documents (${docs.filter((d) => d.genre === 'news').length} news)`);
  console.log(line('news', news));
  console.log(line('all genres', all));
  printErrors(errors, Number(opt('examples') ?? 15));
}

if (process.argv[1]?.endsWith('entities-dev.ts')) main();
