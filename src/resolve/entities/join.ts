/** Joining two in-document groups, shared by the person and organisation rules. */
import type { LocalGroup } from './local.js';
import { append } from '../../append.js';

/** Whether two groups can be one thing as far as the pack knows (not two different pack entities). */
export function agreesOnPack(a: LocalGroup, b: LocalGroup): boolean {
  return a.pack === null || b.pack === null || a.pack === b.pack;
}

/** Moves `from`'s mentions into `into`, recording why. */
export function join(from: LocalGroup, into: LocalGroup, reason: string): void {
  append(into.mentions, from.mentions);
  append(into.merges, from.merges).push({ reason, a: from.name, b: into.name });
  into.pack ??= from.pack;
  for (const k of from.keys) into.keys.add(k);
}
