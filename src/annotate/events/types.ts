/**
 * The `eventMentions` layer: one record per event trigger found in the text, with its type, status,
 * time, place and actors (each as a span of the text, so every item points at its evidence).
 */
import type { Span } from '../../model/doc.js';

/** The design's event types; see `lexicon.ts` for the PLOVER code each maps to. */
export const EVENT_TYPES = [
  'talks', 'meeting', 'statement', 'demand', 'proposal', 'agreement', 'ceasefire', 'military', 'casualties',
  'sanctions', 'aid', 'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Did it happen, is it planned, does the text deny it, or can't we tell. */
export type EventStatus = 'happened' | 'planned' | 'denied' | 'unknown';

/** A piece of text that fills an argument of the event. */
export interface Arg {
  span: Span;
  text: string;
}

export interface EventMention {
  /** The sentence (or clause) that states the event. */
  span: Span;
  /** The word or phrase that names it ("talks", "killed", "phone conversation"). */
  trigger: Span;
  type: EventType;
  /** PLOVER event code where one fits. */
  plover: string | null;
  status: EventStatus;
  /** "the second round" → 2; a different ordinal is a different event. */
  ordinal: number | null;
  /** The time expression of the same clause, with its TIMEX3 value. */
  time: (Arg & { value: string }) | null;
  place: Arg | null;
  actors: Arg[];
  /** The stage and rule that made it. */
  source: string;
}

declare module '../../model/doc.js' {
  interface Layers {
    eventMentions: EventMention[];
  }
}
