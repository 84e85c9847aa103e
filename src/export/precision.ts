/**
 * How precise an event's date is, in words for people: contract v1 has no `week`, so a week-precise
 * date is exported as a `start…end` range with precision `day`; shown as such it would read as a
 * single day. A day-precision range is shown as `week` when it spans seven days, else `days`.
 */
import type { ExportV1 } from '../model/export.js';

const DAY = 86_400_000;

export function shownPrecision(date: ExportV1['events'][number]['date']): string {
  if (date.precision !== 'day' || !date.start || !date.end || date.start === date.end) return date.precision;
  return (Date.parse(date.end) - Date.parse(date.start)) / DAY === 6 ? 'week' : 'days';
}
