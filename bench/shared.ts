import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `../shared/data` beside the project. */
export const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data');

/** True when the data set folder exists; otherwise prints why the suite is skipped. */
export function haveData(folder: string): boolean {
  if (existsSync(join(DATA, folder))) return true;
  console.log(`skipped: ${join(DATA, folder)} is absent (the evaluation data lives in ../shared/data)`);
  return false;
}
