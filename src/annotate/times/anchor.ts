/**
 * Anchors found expressions: computes each TIMEX3 value against the publication date (null when
 * unknown) and, for "the same day" and bare clock times, against the last fully dated expression
 * before it. A weekday written with a date ("Monday, June 2") that disagrees with the year chosen is
 * flagged in `source` (`…:weekday-mismatch`) instead of silently becoming another weekday.
 */
import type { Candidate, Time } from './types.js';
import { valueOf } from './value.js';
import { isoWeekday, parseYmd } from './calendar.js';

const FULL_DAY = /^\d{4}-\d{2}-\d{2}/;

/** Values for `found` (in text order) anchored at `publication`. */
export function anchorTimes(found: readonly Candidate[], publication: string | null): Time[] {
  let lastDay: string | null = null;
  return found.map((given) => {
    const { value: _value, anchor: _anchor, ...c } = given as Time;
    c.source = c.source.replace(/:weekday-mismatch$/, '');
    const value = valueOf(c.recipe, { publication, lastDay, direction: c.direction });
    const usesMention = (c.recipe.kind === 'same' || (c.recipe.kind === 'date' && c.recipe.m === undefined && c.recipe.y === undefined)) && lastDay !== null;
    const anchorDate = usesMention ? lastDay : publication;
    const time: Time = { ...c, value };
    if (anchorDate && !isAbsolute(c)) time.anchor = { date: anchorDate, by: usesMention ? 'mention' : 'publication' };
    if (c.recipe.kind === 'date' && c.recipe.wd !== undefined && c.recipe.d !== undefined) {
      const day = parseYmd(value);
      if (day && isoWeekday(day) !== c.recipe.wd) time.source = `${c.source}:weekday-mismatch`;
    }
    if (FULL_DAY.test(value) && c.type !== 'DURATION' && c.type !== 'SET') lastDay = value.slice(0, 10);
    return time;
  });
}

function isAbsolute(c: Candidate): boolean {
  return c.recipe.kind === 'fixed' || (c.recipe.kind === 'date' && c.recipe.y !== undefined);
}
