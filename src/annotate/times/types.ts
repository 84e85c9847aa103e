/**
 * The `times` layer: every time expression in a document, normalised to a TIMEX3 value. Each keeps its
 * anchor-free meaning (`Recipe`) so its value can be recomputed when the document's publication date
 * becomes known later (corpus resolution re-anchors without re-reading the text).
 */
import type { Span } from '../../model/doc.js';

/** TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** Which way from the anchor an under-specified expression points. */
export type Direction = 'ahead' | 'behind';

/** A calendar unit a relative expression counts in (TIMEX3 spelling; `DE` decade, `CE` century). */
export type Unit = 'D' | 'W' | 'WE' | 'M' | 'Q' | 'Y' | 'DE' | 'CE';

/** Parts of the day TIMEX3 names. */
export type DayPart = 'MO' | 'AF' | 'EV' | 'NI' | 'DT';

/**
 * What an expression means before it is placed on the calendar:
 * - `date`: calendar fields as written (a missing year is taken from the anchor in `direction`; `rel`
 *   −1/0/+1 for "last June"/"this June"/"next June");
 * - `weekday`: a weekday (1 = Monday), placed by direction, optionally with a time; `strict` −1/+1 for
 *   "last Monday"/"next Monday" (never the publication day itself);
 * - `shift`: `n` units from the anchor at that unit's granularity ("last week" = W −1; `WE` a weekend);
 * - `season` / `quarter`: a part of the year `yearShift` years from the anchor's year (null: by direction);
 * - `decade` / `century`: absolute (`199`, `19`);
 * - `same`: the day of the last dated expression before it ("the same day"), `offset` days on
 *   ("the next day" = +1);
 * - `fixed`: a value that needs no anchor (durations, sets, PRESENT_REF).
 */
export type Recipe =
  | { kind: 'date'; y?: number; m?: number; d?: number; hh?: number; mi?: number; part?: DayPart; wd?: number; rel?: number }
  | { kind: 'weekday'; wd: number; hh?: number; mi?: number; part?: DayPart; strict?: number }
  | { kind: 'shift'; unit: Unit; n: number; part?: DayPart }
  | { kind: 'season'; season: 'SP' | 'SU' | 'FA' | 'WI'; yearShift: number | null }
  | { kind: 'quarter'; q: number; yearShift: number | null }
  | { kind: 'same'; unit: 'D'; offset?: number; part?: DayPart }
  | { kind: 'fixed'; value: string };

/** One time expression as found, before it is anchored. */
export interface Candidate {
  span: Span;
  type: TimexType;
  recipe: Recipe;
  /** TIMEX3 `mod` (START, END, MID, APPROX, LESS_THAN, MORE_THAN), when the text has one. */
  mod?: string;
  direction?: Direction;
  /** Finder and rule that made it, e.g. `chrono:date`, `relative:shift`. */
  source: string;
}

/** One annotated time expression of the `times` layer. */
export interface Time extends Candidate {
  /** TIMEX3 value, e.g. `2022-03-03`, `2022-W09`, `P3D`, `PRESENT_REF`; `X` digits where unknown. */
  value: string;
  /** The date the value was computed from, and whether that is the publication date or an earlier mention. */
  anchor?: { date: string; by: 'publication' | 'mention' };
}

declare module '../../model/doc.js' {
  interface Layers {
    times: Time[];
  }
}
