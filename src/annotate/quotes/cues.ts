/**
 * The attribution cue lexicon: reporting verbs in all their inflections ("said", "told", "adds",
 * "stressing"), and the phrasal cues "according to" and "in a statement". Kept as plain lists so a
 * reviewer can see exactly what counts as a cue; the verbs are the common reporting verbs of news
 * English plus those most frequent as cues in PolNeAR's train split.
 */
import type { Tok } from './tokens.js';

/** Verbs reporting speech, as [base, third person, past, participle, -ing]. Irregulars spelled out. */
const IRREGULAR: string[][] = [
  ['say', 'says', 'said', 'said', 'saying'],
  ['tell', 'tells', 'told', 'told', 'telling'],
  ['write', 'writes', 'wrote', 'written', 'writing'],
  ['tweet', 'tweets', 'tweeted', 'tweeted', 'tweeting'],
  ['admit', 'admits', 'admitted', 'admitted', 'admitting'],
  ['reply', 'replies', 'replied', 'replied', 'replying'],
  ['deny', 'denies', 'denied', 'denied', 'denying'],
  ['testify', 'testifies', 'testified', 'testified', 'testifying'],
  ['think', 'thinks', 'thought', 'thought', 'thinking'],
  ['find', 'finds', 'found', 'found', 'finding'],
  ['show', 'shows', 'showed', 'shown', 'showing'],
  ['know', 'knows', 'knew', 'known', 'knowing'],
  ['feel', 'feels', 'felt', 'felt', 'feeling'],
  ['hear', 'hears', 'heard', 'heard', 'hearing'],
  ['worry', 'worries', 'worried', 'worried', 'worrying'],
];

/**
 * Verbs of knowing, finding and feeling: a cue only when a that-clause follows ("a poll shows that…",
 * "investigators found that…"), since they are far more often not about speech.
 */
const THAT_ONLY = new Set(
  ('find show know feel hear worry learn hope fear expect decide agree estimate suspect realize realise recognize wonder ' +
    'maintain signal indicate observe charge counter concede').split(' '),
);
/**
 * Verbs that characterise rather than report ("called his remarks “a wake-up call”", "lauded him for
 * “new ideas”"): a cue only when a quotation mark follows in the same stretch of text.
 */
const QUOTE_ONLY = new Set(
  'call laud praise denounce blast criticize criticise slam dismiss hail mock brand label dub term decry condemn scold continue yell shout chant characterize characterise cite'.split(' '),
);
/** How far (in tokens) a quotation mark may follow a quote-only verb. */
const MAX_TO_MARK = 12;

/** How many tokens may stand between a that-only verb and its "that" ("found last week that"). */
const MAX_TO_THAT = 3;

/** Regular reporting verbs (inflected by rule). */
const REGULAR =
  'add stress note conclude state argue insist warn claim announce emphasize emphasise explain declare report confirm ' +
  'acknowledge assert respond suggest post accuse urge predict believe recall complain vow pledge promise ' +
  'threaten ask observe remark maintain contend allege estimate reiterate underline underscore point mention ' +
  'reveal disclose concede retort caution signal indicate describe boast lament charge counter demand propose ' +
  'learn hope fear expect decide agree estimate suspect realize realise recognize wonder comment ' +
  'affirm whisper joke quip exclaim interject muse recount plead cite ' +
  'call laud praise denounce blast criticize criticise slam dismiss hail mock brand label dub term decry condemn scold continue yell shout ' +
  'chant characterize characterise';

function inflect(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const s = /(s|sh|ch|x|z)$/.test(base) ? base + 'es' : base + 's';
  return [base, s, stem + 'ed', stem + 'ed', stem + 'ing'];
}

/** Every inflected form of a reporting verb → its base form. */
export const VERB_FORMS: ReadonlyMap<string, string> = new Map(
  [...IRREGULAR, ...REGULAR.split(' ').map(inflect)].flatMap((forms) => forms.map((f) => [f, forms[0]] as [string, string])),
);

/** Verbs whose first object is the addressee, not the content ("told reporters that…"). */
export const ADDRESSEE_VERBS = new Set(['tell', 'ask', 'urge', 'warn', 'remind', 'assure']);

/** Verbs that introduce speech about someone: "accused Kyiv of…", "urged Moscow to…". */
export const OBJECT_VERBS = new Set(['accuse', 'urge', 'ask', 'charge', 'describe']);

/** Verbs that, after a quote, name a news outlet passing the quote on ("…,” reported Reuters). */
export const RELAY_VERBS = new Set(['report']);

/** True when an opening quotation mark follows within `MAX_TO_MARK` tokens, in the same sentence. */
function markAhead(toks: readonly Tok[], from: number): boolean {
  for (let k = from; k < toks.length && k < from + MAX_TO_MARK; k++) {
    if (/^(?:[“"«„]|''|``)$/.test(toks[k].text)) return true;
    if (/^[.!?]$/.test(toks[k].text)) return false;
  }
  return false;
}

/** Nouns naming research whose findings are reported like speech ("a new poll shows Vell ahead"). */
export const STUDY = new Set('poll polls polling survey surveys study studies report reports data analysis research inquiry investigation review audit figures numbers results census'.split(' '));
/** How far back (in tokens) a study noun may stand before its verb ("a survey by the institute in March found"). */
const MAX_STUDY_TO_VERB = 8;

/** True when the subject of the verb at `i` names a study: then "shows"/"found" report without "that". */
function studySubject(toks: readonly Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - MAX_STUDY_TO_VERB; k--) {
    if (STUDY.has(toks[k].lower)) return true;
    if (toks[k].pos === 'VERB' || toks[k].pos === 'PUNCT') return false;
  }
  return false;
}

/** A cue found in the token stream: tokens `[from, to)`, and the verb's base form. */
export interface Cue {
  from: number;
  to: number;
  base: string;
}

/** The cue starting at token `i`, if any. Verbs must be tagged as verbs (so "the said agreement" is not a cue). */
export function cueAt(toks: readonly Tok[], i: number): Cue | null {
  const t = toks[i];
  if (!t) return null;
  if (t.lower === 'according' && toks[i + 1]?.lower === 'to') return { from: i, to: i + 2, base: 'according to' };
  // "as a ministry memo put it, “…”"
  if ((t.lower === 'put' || t.lower === 'puts') && toks[i + 1]?.lower === 'it' && /^[,.;:]$/.test(toks[i + 2]?.text ?? '')) return { from: i, to: i + 2, base: 'put it' };
  // only a verb, "said" tagged AUX, or a noun or adjective `mistagged` can be a cue: other tags skip the lookup
  if (t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'NOUN' && t.pos !== 'ADJ') return null;
  const base = VERB_FORMS.get(t.lower);
  if (!base || !(t.pos === 'VERB' || (t.pos === 'AUX' && base === 'say') || mistagged(toks, i))) return null;
  // "goes without saying", "failed as predicted": idioms, not reports
  // ("was quoted as saying" is a report)
  if (['without', 'as'].includes(toks[i - 1]?.lower ?? '') && !(toks[i - 2]?.lower === 'quoted' && toks[i - 1].lower === 'as')) return null;
  if (THAT_ONLY.has(base) && !toks.slice(i + 1, i + 1 + MAX_TO_THAT).some((x) => x.lower === 'that') && !studySubject(toks, i)) return null;
  if (QUOTE_ONLY.has(base) && !markAhead(toks, i + 1)) return null;
  // "continued: “…”" reports; "would continue “to break barriers”" does not
  if (base === 'continue' && !/^[:,.;]$/.test(toks[i + 1]?.text ?? '')) return null;
  // "point out": the particle belongs to the cue
  if (base === 'point') return toks[i + 1]?.lower === 'out' ? { from: i, to: i + 2, base } : null;
  return { from: i, to: i + 1, base };
}

/** Words that, before a noun-tagged "notes"/"states", show it is a verb: a relative pronoun or a subject's head. */
const SUBJECT_TAGS = new Set(['NOUN', 'PROPN', 'PRON']);

/**
 * A reporting verb the tagger took for a noun or adjective ("The Post reports that", "the report, which
 * notes, “…”", "The complaint alleged that"): a third-person or past form right after a subject or a
 * relative pronoun, and right before "that" or a comma and a quotation mark.
 */
function mistagged(toks: readonly Tok[], i: number): boolean {
  const t = toks[i];
  const prev = toks[i - 1];
  if (!(t.pos === 'NOUN' || t.pos === 'ADJ') || !/(?:s|ed)$/.test(t.lower) || !prev) return false;
  if (!(SUBJECT_TAGS.has(prev.pos) || ['which', 'who', 'that', ','].includes(prev.lower))) return false;
  const next = toks[i + 1];
  return next?.lower === 'that' || (next?.text === ',' && /^(?:[“"«„]|''|``)$/.test(toks[i + 2]?.text ?? ''));
}

/** True for a participle or gerund cue ("saying", "adding") that takes the clause's subject as speaker. */
export function isIngCue(toks: readonly Tok[], cue: Cue): boolean {
  return toks[cue.from].lower.endsWith('ing') && cue.base !== 'according to';
}
