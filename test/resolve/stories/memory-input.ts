/** The input of an incremental `stories` step over state and items held in memory, recording the state keys it reads. */
import type { NewsDoc } from '../../../src/model/doc.js';
import { DocSet } from '../../../src/resolve/doc-set.js';
import type { IncrementalInput } from '../../../src/resolve/resolve.js';
import type { Story } from '../../../src/resolve/stories/resolver.js';

/** `added` taken in over `stored` documents, `state` and stored story `items`; every state key read is pushed to `read`. */
export function memoryInput(stored: readonly NewsDoc[], added: NewsDoc[], state: Map<string, unknown>, items: Map<string, Story>, read: string[]): IncrementalInput {
  return {
    docs: new DocSet(async (ids) => new Map(stored.filter((d) => ids.includes(d.id)).map((d): [string, NewsDoc] => [d.id, d]))),
    added,
    changed: [],
    order: async () => new Map(),
    state: async (keys) => (read.push(...keys), new Map(keys.filter((k) => state.has(k)).map((k) => [k, state.get(k)]))),
    stateOf: async () => new Map(),
    items: async <T,>(_kind: string, ids: string[]) => new Map(ids.flatMap((id): [string, T][] => (items.has(id) ? [[id, items.get(id) as T]] : []))),
    delta: { upsert: {}, remove: {} },
  };
}
