/** The benchmark suites, by name. Each lives in its own file under bench/. */
import { runTempeval } from './tempeval.js';
import { runPolnear } from './polnear.js';

export interface Suite {
  title: string;
  run(): Promise<void>;
  /** Slow suites run only when named on the command line. */
  onlyWhenAsked?: boolean;
}

export const SUITES: Record<string, Suite> = {
  tempeval: { title: 'TempEval-3 Task A: time expressions (extent and value F1)', run: runTempeval },
  polnear: { title: 'PolNeAR attribution: quotes, content spans and speakers', run: () => runPolnear() },
};
