/**
 * Appends `items` to `into`, one push at a time. `into.push(...items)` passes every item as an
 * argument, which overflows the call stack past about 100k items (an event or an entity of a 100k
 * corpus gathers that many mentions: measured, "Maximum call stack size exceeded" at 97k documents).
 */
export function append<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}
