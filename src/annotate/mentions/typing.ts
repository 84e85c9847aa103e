/**
 * Phase two, second half: the type of each name span, from the strongest evidence to the weakest:
 * 1. the pack's alias list; 2. a person title next to the name; 3. head words of organisations,
 * outlets and places ("Ministry", "News", "region"), acronyms; 4. the open gazetteers (countries,
 * cities, well-known organisations); 5. a given name from compromise's lexicon opening the name;
 * 6. context: "in/near/from X" (place), "X said" (speaker: person), "the X" (not a person);
 * 7. a run of two to four capitalised words with no other cue is a person's name.
 * Single words left untyped are settled per document in `propagate` (a surname of a named person).
 */
import type { Context } from '../../context.js';
import { lookupAlias, packIndex } from '../../packs/pack-index.js';
import type { MentionType } from './layer.js';
import { gazetteer } from './gazetteer.js';
import { foldName } from './key.js';
import { OUTLET_HEADS, ORG_HEADS, ORG_OPENERS, PLACE_HEADS, PLACE_OPENERS, SAID, TEAM_VERBS, THING_HEADS, THING_OPENERS, TITLE_HEADS } from './lexicon.js';
import type { NameSpan } from './refine.js';
import { isAcronym } from './candidates.js';
import { isCommonWord } from './vocabulary.js';
import { orgCue } from './org-cues.js';
import type { Token } from './tokens.js';

/** The type of a span and the rule that decided it. */
export interface Typed {
  type: MentionType;
  rule: string;
  pack?: string;
}

/**
 * Organisation heads that alone name no particular body ("University exhibits …", "Police say …"):
 * a one-word name made of one of them, without "the", gets no type from the rules (the tagger may still
 * give one); "the University" of a letter from its staff is that university (GUM types it so).
 */
const GENERIC_HEADS = new Set(['university', 'college', 'school', 'government', 'police', 'company', 'department', 'office', 'ministry',
  'agency', 'party', 'council', 'committee', 'group', 'service', 'services', 'bank', 'church', 'club', 'team', 'board', 'institute',
  'foundation', 'society', 'commission', 'court', 'administration', 'authority', 'computer']);

/** Words that qualify a place before its name ("Old Athens", "Greater London", "Northern Ireland"). Folded. */
const PLACE_QUALIFIERS = new Set(['old', 'new', 'greater', 'upper', 'lower', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern',
  'western', 'central', 'ancient', 'classical', 'downtown', 'metropolitan', 'inner', 'outer', 'historic', 'medieval', 'modern']);

/** Last words of things named after a person, which a given name does not make a person: "Marshall Plan", "Nobel Prize". */
const NAMED_AFTER = new Set(['plan', 'prize', 'award', 'awards', 'cup', 'act', 'doctrine', 'treaty', 'agreement', 'accord', 'festival',
  'project', 'program', 'programme', 'games', 'report', 'declaration', 'protocol', 'index', 'trophy', 'medal', 'lecture', 'memorial']);

/** Languages, which "in" does not make places ("completed in English"). Folded. */
const LANGUAGES = new Set(['english', 'french', 'german', 'spanish', 'russian', 'ukrainian', 'chinese', 'arabic', 'italian', 'portuguese',
  'japanese', 'korean', 'hindi', 'urdu', 'polish', 'dutch', 'greek', 'turkish', 'persian', 'farsi', 'hebrew', 'latin', 'swedish',
  'mandarin', 'cantonese', 'belarusian', 'kazakh', 'georgian', 'armenian', 'romanian', 'hungarian', 'czech', 'finnish', 'norwegian', 'danish']);

/** Titles of offices held by people (as opposed to "head" of a word list that also matches bodies). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'from', 'to', 'into', 'across', 'outside', 'inside', 'around', 'towards', 'toward']);
const OUTLET_CUES = /^\s*(?:news agency|agency|newspaper|daily|reported|reports|broadcaster|tv|television|radio|website|outlet)\b/i;
const OUTLET_BEFORE = /(?:\b(?:told|according to|reported by|quoted by|interview with)|(?:^|[,;]\s*)reported)\s+(?:the\s+)?$/i;
const PLACE_AFTER = /^\s+(?:(?:train|railway|bus|power|nuclear)\s+)?(?:regions?|oblasts?|provinces?|districts?|city|cities|border|areas?|stations?|airports?|villages?|towns?|river|lakes?|valley)\b/;

/** Nouns of time a place name may precede without modifying them ("in Coron today"). Lower case. */
const TIME_NOUNS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'now', 'morning', 'evening', 'night']);

/**
 * Bodies named by one capitalised word after "the" that is no organisation head elsewhere ("White House" is
 * a building, "Opera House" a venue): "the House passed the bill", "the Crown argued". GUM train and dev:
 * "the House" an organisation 10 times in 14, "the Crown" 2 in 2. Lower case.
 */
const BARE_BODIES = new Set(['house', 'crown']);

/** Articles and possessives before a noun. */
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'my', 'his', 'her', 'their', 'its', 'your', 'this', 'that', 'every', 'each']);

/** Lower-case place words before "of" and a place's name ("the town of Coron"). */
const PLACE_OF = new Set(['town', 'city', 'village', 'province', 'region', 'island', 'islands', 'district', 'county', 'state', 'port', 'capital', 'suburb', 'municipality', 'oblast', 'republic', 'kingdom', 'outskirts', 'streets']);

/** Types one span. `text` is the document text, `tokens` its tokens. */
export function typeSpan(text: string, tokens: readonly Token[], s: NameSpan, ctx: Context): Typed {
  // words of the name, hyphenated parts rejoined ("Chi-wai")
  const name = text.slice(tokens[s.first].start, tokens[s.last].end);
  const words = name.split(/\s+/);
  const key = foldName(name);
  const firstWord = foldName(words[0]);
  const lastWord = words[words.length - 1].toLowerCase();
  const before = text.slice(Math.max(0, tokens[s.first].start - 40), tokens[s.first].start);
  const after = text.slice(tokens[s.last].end, tokens[s.last].end + 40);
  const prev = s.first > 0 ? tokens[s.first - 1].text.toLowerCase() : '';
  const next = tokens[s.last + 1]?.text.toLowerCase() ?? '';
  const g = gazetteer();

  if (ctx.pack.entities) {
    const hit = lookupAlias(packIndex(ctx.pack), name);
    if (hit) return { type: hit.type, rule: 'pack', pack: hit.id };
  }
  // a name right before a common noun modifies it ("official Penn State departments"): the title is not its holder's
  const modifier = /^\p{Ll}/u.test(tokens[s.last + 1]?.text ?? '') && tokens[s.last + 1].pos === 'NOUN';
  // a title next to a body's or a place's name does not make it a person: "members of Congress", "Emperor Norton Bridge"
  const bodyOrPlace = ORG_HEADS.has(lastWord) || (words.length > 1 && PLACE_HEADS.has(lastWord));
  if (s.title && !modifier && !bodyOrPlace) return { type: 'person', rule: 'title' };
  if (OUTLET_HEADS.has(lastWord) && words.length > 1) return { type: 'outlet', rule: 'outlet-head' };
  const beforeJoiner = words.findIndex((w, i) => i > 0 && (w === 'for' || w === 'of')) - 1; // "Foundation for the Visual Arts"
  if (words.length === 1 && GENERIC_HEADS.has(lastWord) && prev !== 'the') return { type: 'other', rule: 'none' };
  if (ORG_HEADS.has(lastWord) || (beforeJoiner >= 0 && (ORG_HEADS.has(words[beforeJoiner].toLowerCase()) || /^cent(?:re|er)$/i.test(words[beforeJoiner]))) || (words.length > 2 && ORG_OPENERS.has(firstWord) && words.includes('of'))) {
    return { type: 'organization', rule: 'org-head' };
  }
  if ((PLACE_HEADS.has(lastWord) || PLACE_OPENERS.has(firstWord)) && words.length > 1) return { type: 'place', rule: 'place-head' };
  if (OUTLET_CUES.test(after) && !SAID.has(next)) return { type: 'outlet', rule: 'outlet-cue' };
  if (g.countries.has(key) && TEAM_VERBS.has(next)) return { type: 'organization', rule: 'team' };
  // a town named by an English word is that word after an article or possessive, or opening a sentence: "in the Spring", "Reading from line E"
  const commonWord = words.length === 1 && (DETERMINERS.has(prev) || s.first === 0 || /^[.!?:;"“]$/.test(prev)) && isCommonWord(key);
  if (g.countries.has(key) || (g.places.has(key) && !g.firstNames.has(firstWord) && !commonWord)) return { type: 'place', rule: 'gazetteer' };
  if (g.organizations.has(key)) return { type: 'organization', rule: 'gazetteer' };
  if (words.length === 1 && isAcronym(words[0])) return { type: 'organization', rule: 'acronym' };
  // a country, or a place after a word that qualifies places, ends the name: "Classical Greece", "Old Athens"
  const tail = foldName(words[words.length - 1]);
  if (words.length > 1 && !g.firstNames.has(firstWord) && (g.countries.has(tail) || (g.places.has(tail) && PLACE_QUALIFIERS.has(firstWord)))) {
    return { type: 'place', rule: 'place-tail' };
  }
  if (PLACE_AFTER.test(after)) return { type: 'place', rule: 'place-cue' }; // "Sumy region", "Kramatorsk train station"
  // "the town of Coron", "the province of Palawan": a place word in lower case, then "of", then the name
  if (prev === 'of' && s.first > 1 && PLACE_OF.has(tokens[s.first - 2].text)) return { type: 'place', rule: 'place-of' };
  if (g.firstNames.has(firstWord) && (words.length > 1 || !g.places.has(key)) && !(words.length > 1 && NAMED_AFTER.has(lastWord))) {
    return { type: 'person', rule: 'given-name' };
  }
  if (orgCue(tokens, s.first, s.last)) return { type: 'organization', rule: 'org-cue' };
  if (OUTLET_BEFORE.test(before) && /^\s*(?:reported|said|\.|,)/.test(after) && words.length > 1 && !SAID.has(next)) {
    return { type: 'outlet', rule: 'outlet-cue' };
  }
  if (/(?:^|[,;]["”’']?\s*)reported\s+$/.test(before) && !SAID.has(next)) return { type: 'outlet', rule: 'outlet-cue' };
  // "to Quistad's office", "in Ostrander's view": a possessor after the preposition, no place by that cue
  const possessor = /^['’]s$/.test(next);
  // nor a numbered thing ("to Tab 4", "in Case 22-506") or a verb after "to" ("to Resolve")
  // nor a name modifying the noun after it ("in L2 research", "in Petri dishes", "into Euro-Atlantic structures"): the place, if any, is that noun
  const notPlace = /^\d/.test(next) || tokens[s.first].pos === 'VERB' || (modifier && !TIME_NOUNS.has(next));
  if (PLACE_PREPOSITIONS.has(prev) && !possessor && !notPlace && !/according\s+to\s+$/i.test(before) && !g.demonyms.has(key) && !LANGUAGES.has(key)) {
    return { type: 'place', rule: 'place-cue' };
  }
  if (prev === 'the' && words.length === 1 && BARE_BODIES.has(lastWord)) return { type: 'organization', rule: 'org-head' };
  if (prev === 'the') return { type: words.length > 1 ? 'organization' : 'other', rule: 'determiner' };
  const afterAdverb = tokens[s.last + 1]?.pos === 'ADV' && SAID.has(tokens[s.last + 2]?.text.toLowerCase() ?? '');
  if (SAID.has(next) || afterAdverb || /^\s*,\s*\d{1,3}\s*,/.test(after)) return { type: 'person', rule: 'speaker' };
  // the speaker after the verb of a quote or clause: "…," said Ostrander
  if (SAID.has(prev) && s.first > 1 && /^[,”"’']$/.test(tokens[s.first - 2].text) && !isAcronym(words[0])) return { type: 'person', rule: 'speaker' };
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) && !/^\p{Lu}+$/u.test(w)) &&
    !THING_HEADS.has(lastWord) && !THING_OPENERS.has(firstWord) && !TITLE_HEADS.has(lastWord.replace(/s$/, ''))) {
    return { type: 'person', rule: 'name-shape' };
  }
  return { type: 'other', rule: 'none' };
}
