/** The benchmark suites, by name. Each lives in its own file under bench/. */
import { runTempeval } from './tempeval.js';
import { runPubdate } from './pubdate.js';
import { runPolnear } from './polnear.js';
import { run as runMeantime } from './meantime.js';
import { runExtraction } from './extraction.js';
import { runDuplicates } from './duplicates.js';
import { runStories } from './stories.js';
import { runEntities } from './entities.js';
import { runServe } from './serve.js';
import { runScale } from './scale.js';
import { runIncremental } from './incremental.js';
import { runStages } from './stages.js';

export interface Suite {
  title: string;
  run(): Promise<void>;
  /** Slow suites run only when named on the command line. */
  onlyWhenAsked?: boolean;
}

export const SUITES: Record<string, Suite> = {
  extraction: { title: 'Article extraction (Zyte benchmark, 181 pages): P/R/F1 and pages/s vs Readability', run: runExtraction },
  tempeval: { title: 'TempEval-3 Task A: time expressions (extent and value F1)', run: runTempeval },
  pubdate: { title: 'Publication-date inference with the true date withheld', run: runPubdate },
  meantime: { title: 'MEANTIME cross-document event coreference (CoNLL F1) vs same-lemma', run: runMeantime },
  entities: { title: 'Entities: typed spans on GUM vs compromise, alias merging on MEANTIME, words/s', run: runEntities },
  duplicates: { title: 'Near-duplicates and rewritten copies (synthetic labelled corpus): P/R, LSH vs brute force', run: runDuplicates },
  stories: { title: 'Story clustering: B³ F1 on MEANTIME topic groups and synthetic stories vs trivial baselines', run: runStories },
  polnear: { title: 'PolNeAR attribution: quotes, content spans and speakers', run: () => runPolnear() },
  incremental: { title: 'Incremental resolution: the cost of adding one article at 1k and 10k documents, per resolver, vs full resolution', run: runIncremental },
  stages: { title: 'Annotation CPU per document: ms/doc of clean and each stage (synthetic articles) vs bare wink-nlp', run: runStages },
  serve: { title: 'parley serve: API latency p50/p99 at 10k documents, 50 clients on loopback; timeline first paint', run: runServe, onlyWhenAsked: true },
  scale: { title: 'Scale: full-pipeline docs/s, words/s, peak memory, DB size, query latency on SQLite and PostgreSQL; 1/2/3 workers; vs bare wink-nlp', run: runScale, onlyWhenAsked: true },
};
