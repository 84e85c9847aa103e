/**
 * What a resolver's full run built (its clusterer, its groups), kept by the items object the run
 * returned, so the `incremental.state` call that follows it on the same items builds the state from
 * it instead of running again.
 */
import type { Corpus } from './resolve.js';

export class RunMemo<T> {
  private readonly runs = new WeakMap<object, T>();

  constructor(private readonly resolver: string) {}

  /** Returns `items`, remembering `built` for them. */
  keep(items: Corpus, built: T): Corpus {
    this.runs.set(items, built);
    return items;
  }

  /** What the run that returned `items` built; throws if this resolver did not return them. */
  get(items: Corpus): T {
    const built = this.runs.get(items);
    if (built === undefined) throw new Error(`${this.resolver}: state asked for items this resolver did not build`);
    return built;
  }
}
