/**
 * The `mentions` layer: every span of `doc.text` that names a person, organisation, place or outlet,
 * or stands for an office holder ("the Russian Foreign Minister"). Added to `Layers` by interface
 * merging so the core model never changes when this stage is added.
 */
import type { Span } from '../../model/doc.js';

/** What a mention names. `other` is a proper name whose kind the text does not reveal. */
export type MentionType = 'person' | 'organization' | 'place' | 'outlet' | 'other';

/** An office written next to a name or on its own: "Foreign Minister" of Russia. */
export interface TitleCue {
  /** The office, capitalised as a title: "Foreign Minister", "President". */
  title: string;
  /** The country or body the office belongs to, as a pack id or lower-case name; null when unstated. */
  of: string | null;
  /** The title words in the text. */
  span: Span;
}

/** A name written inside a longer name ("Texas" in "University of Texas"), see `nested.ts`. */
export interface InnerName {
  span: Span;
  type: MentionType;
  key: string;
}

/** One mention of a named thing. */
export interface Mention {
  span: Span;
  type: MentionType;
  /** Normalised name (folded case and diacritics, transliteration-neutral); equal keys are the same name. */
  key: string;
  /** The finder and the rule that typed it, e.g. `propn-run/title`. */
  source: string;
  /** `explicit` for a name; `implied` for a bare title standing for its holder. */
  evidence: 'explicit' | 'implied';
  /** The title written before or after the name ("Russian Foreign Minister Sergey Lavrov"), if any. */
  title?: TitleCue;
  /** The pack entity this name is an alias of, when a pack is loaded and the alias is unambiguous. */
  pack?: string;
  /** Names nested inside this one ("US" in "US State Department"); resolution does not read them. */
  inner?: InnerName[];
}

declare module '../../model/doc.js' {
  interface Layers {
    mentions: Mention[];
  }
}
