/**
 * Combines the rule-based names with the tagger's spans. The tagger (trained on GUM with the rules'
 * reading as features) finds names the rules missed, retypes weakly typed ones and drops weak ones it
 * does not read as names; the rules keep the last word where they know better:
 * - names typed by a strong rule (`STRONG_RULES`: pack alias, title, organisation head, gazetteer,
 *   place cue, spelled-out initials, given name; and a person-shaped name outside headlines) keep
 *   their span and type, and tagger spans overlapping them are dropped;
 * - a rule name the tagger does not tag becomes `other` (a proper name of no known kind) when no tagger
 *   span overlaps it, so resolution can still use it, and is dropped when a tagger span replaces it;
 * - an outlet stays an outlet when the tagger (which knows no outlets) calls it an organisation;
 * - a tagger span inside a shouting line, made only of title words ("Foreign Minister", plural
 *   "Senators"), a date written as one word ("8-May-2006") or only of a demonym ("Norwegians") is no
 *   name; titles and dates not even where a rule found the same words (GUM dev 0.677 → 0.680).
 * - a person span of the tagger ending in title words loses them ("Halvor Quistad Vice President");
 * - a tagger span cut after the word opening a longer rule name ("Port" of "Port Telmar") is dropped.
 * A tagger span the rules did not find gets its title (if any) and pack link read the rules' way.
 * The tagger adds a name or changes a rule's type only when it is sure enough (`NEW_NAME_MARGIN`,
 * `RETYPE_MARGIN`): where it hesitates, the rules' reading stands (GUM dev precision 0.754 → 0.783).
 */
import type { Context } from '../../context.js';
import { lookupAlias, packIndex } from '../../packs/pack-index.js';
import { foldName } from './key.js';
import type { RuleMention } from './stage.js';
import type { TagType } from './tagger.js';
import { titleBefore, whose } from './titles.js';
import { shoutingLines } from './candidates.js';
import { HONORIFICS, ORG_OPENERS, TIME_WORDS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.js';
import { isDemonymOnly } from './refine.js';
import { isCurrency } from './units.js';
import { titleCase } from './stretches.js';
import type { Token } from './tokens.js';
import { lowerWord, startsLower } from './chars.js';
import { isCommonWord } from './vocabulary.js';

/**
 * Rules that keep their span and type whatever the tagger says (tagger spans overlapping them are
 * dropped). Chosen on GUM dev (never test) and `--cv-news` (train news) together with the fixtures'
 * conventions: on GUM the tagger was right more often than the other rules where they disagreed, but
 * these rules carry what GUM's conventions do not teach (a place before "region", unfamiliar surnames).
 * `match-team` (a country playing in a sports report, `teams.ts`): +4 pts strict F1 in `--cv-news 4`
 * (0.745 → 0.787), where the tagger alone read the countries of a match report as places.
 * `place-of` ("the village of Robotyne"): GUM scores no name there (its head is "village"), but
 * unfamiliar villages are what war reports name so.
 */
export const STRONG_RULES = new Set(['place-of', 'pack', 'title', 'org-head', 'gazetteer', 'place-cue', 'initials', 'given-name', 'acronym-def', 'affiliation', 'surname', 'match-team', 'org-cue']);

/** Rules that are strong only outside title-case headlines and captions, where capitals say little, and not for a common opener (`commonOpener`). */
export const BODY_RULES = new Set(['name-shape']);

/**
 * A name opening with a common word — one the document also writes in lower case, one wink reads as
 * an adjective, verb or adverb ("Successful Stormtroopers", "Easy Rider"), or one of wink's English
 * vocabulary in lower case ("Civic Passion", `vocabulary.ts`) — is no person by its shape alone: there
 * the tagger decides. `--cv-news 4` strict F1 0.808 → 0.811, GUM dev 0.667 → 0.669; the vocabulary
 * test: GUM dev 0.681 → 0.683 (precision 0.738 → 0.746), `--cv-news 4` unchanged (0.814).
 */
function commonOpener(t: Token, lowerSeen: ReadonlySet<string>): boolean {
  return lowerSeen.has(t.text.toLowerCase()) || t.pos === 'ADJ' || t.pos === 'VERB' || t.pos === 'ADV' || isCommonWord(t.text.toLowerCase());
}

/** The names of a document: rule mentions re-spanned and re-typed by the tagger's spans. */
export function combine(text: string, tokens: readonly Token[], sentenceStart: boolean[], rules: RuleMention[], tagged: TaggedSpan[], ctx: Context): RuleMention[] {
  const headline = titleCase(tokens, sentenceStart);
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (startsLower(t.text)) lowerSeen.add(t.text);
  const isStrong = (r: RuleMention) => STRONG_RULES.has(r.rule) || (BODY_RULES.has(r.rule) && !headline[r.first] && !commonOpener(tokens[r.first], lowerSeen));
  const strong = rules.filter(isStrong);
  const overlaps = (a: { first: number; last: number }, b: { first: number; last: number }) => a.first <= b.last && b.first <= a.last;
  const byRange = new Map(rules.map((r) => [`${r.first}:${r.last}`, r]));
  const shouting = shoutingLines(text);
  const out: RuleMention[] = [...strong];
  for (const tag of tagged) {
    const t = trimTitle(tokens, tag);
    if (unsure(t, byRange.get(`${t.first}:${t.last}`))) continue;
    if (strong.some((p) => overlaps(p, t))) continue;
    if (cutAfterOpener(tokens, rules, t)) continue;
    const rule = byRange.get(`${t.first}:${t.last}`);
    // titles ("Foreign Minister", "Senators") and dates ("8-May-2006") are no names, whoever found them
    if (bareTitle(tokens, t, ctx) || isDate(text.slice(tokens[t.first].start, tokens[t.last].end)) || isFaith(tokens, t)) continue;
    if (rule) {
      const keep = rule.type === t.type || (rule.type === 'outlet' && t.type === 'organization');
      out.push(keep ? rule : { ...rule, type: t.type, source: rule.source.replace(/\/[^/]+$/, '/tagger'), rule: 'tagger' });
      continue;
    }
    const span = { start: tokens[t.first].start, end: tokens[t.last].end };
    if (shouting.some((s) => span.start >= s.start && span.end <= s.end) || isDemonymOnly(tokens, t.first, t.last, ctx) || isCurrency(tokens, t.last)) continue;
    const name = text.slice(span.start, span.end);
    const hit = ctx.pack.entities ? lookupAlias(packIndex(ctx.pack), name) : null;
    const title = t.type === 'person' ? titleBefore(tokens, t.first, ctx) : null;
    out.push({
      span,
      type: hit ? hit.type : t.type,
      key: foldName(name),
      source: hit ? 'tagger/pack' : 'tagger/tagger',
      evidence: 'explicit',
      rule: hit ? 'pack' : 'tagger',
      first: t.first,
      last: t.last,
      ...(title ? { title } : {}),
      ...(hit ? { pack: hit.id } : {}),
    });
  }
  for (const r of rules) {
    if (isStrong(r) || out.some((o) => overlaps(o, r))) continue;
    out.push({ ...r, type: 'other', source: r.type === 'other' ? r.source : r.source.replace(/\/[^/]+$/, '/untagged') });
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * A tagger span ending in a word that opens names ("Port", "Bank", "University": `ORG_OPENERS`) where
 * the rules' name goes on past it ("Port Telmar" tagged "Port"): the name was cut after its opening
 * word, and the rules' reading stands. GUM dev strict F1 0.699 → 0.700 (precision 0.789 → 0.790),
 * `--cv-news 4` unchanged (0.828).
 */
export function cutAfterOpener(tokens: readonly Token[], rules: readonly RuleMention[], t: TaggedSpan): boolean {
  if (!ORG_OPENERS.has(lowerWord(tokens[t.last].text))) return false;
  return rules.some((r) => r.first <= t.first && r.last > t.last);
}

/** A span of the tagger, with its confidence (`margin` in `tagger.ts`; none: sure). */
export interface TaggedSpan { first: number; last: number; type: TagType; margin?: number }

/**
 * How sure the tagger must be (its `margin`: best path against the span labelled O, in the shipped
 * model's score units) to add a name the rules did not find, and to type or retype a name the rules
 * found with another type (or none). Chosen on GUM dev and `--cv-news 4` (never test), over 0.5–32 and
 * 2–16: none → 32/8 raised strict F1 on dev 0.689 → 0.694 (precision 0.754 → 0.783) and `--cv-news 4`
 * 0.816 → 0.822 (precision 0.839 → 0.863). The units follow the model's training settings: check both
 * figures again after changing them (`bench/entities-dev.ts`, `npm run train:tagger -- --cv-news 4`).
 */
export const NEW_NAME_MARGIN = 32;
export const RETYPE_MARGIN = 8;

/** A tagger span too weak to add a name (`NEW_NAME_MARGIN`) or to change a rule's type (`RETYPE_MARGIN`); agreeing with the rule it is never. */
function unsure(tag: TaggedSpan, rule: RuleMention | undefined): boolean {
  if (tag.margin === undefined || (rule && rule.type === tag.type)) return false;
  return tag.margin < (rule ? RETYPE_MARGIN : NEW_NAME_MARGIN);
}

/** A span made only of title words and owners ("Foreign Minister", "US President") names no one: titles are read elsewhere. */
function bareTitle(tokens: readonly Token[], t: { first: number; last: number }, ctx: Context): boolean {
  const words = tokens.slice(t.first, t.last + 1);
  // plural titles too: "Senators will be asked to vote"
  const lower = (w: Token) => (TITLE_HEADS.has(lowerWord(w.text)) ? lowerWord(w.text) : lowerWord(w.text).replace(/s$/, ''));
  return words.some((w) => TITLE_HEADS.has(lower(w))) && words.every((w) => TITLE_HEADS.has(lower(w)) || TITLE_MODIFIERS.has(lower(w)) || whose(w.text, ctx) !== null);
}

/**
 * Religions and religious feasts and rites, which the tagger may read as places or people ("the Hajj",
 * "Islam 's most holy site"): none of the three kinds (GUM types them so: never a name of the three on
 * train/dev but once, "Christianity" as an organisation). Lower case.
 */
export const FAITHS = new Set(['islam', 'christianity', 'judaism', 'hinduism', 'buddhism', 'sikhism', 'hajj', 'umrah', 'ramadan', 'eid',
  'diwali', 'passover', 'hanukkah', 'easter', 'christmas', 'lent', 'sabbath', 'yom', 'kippur']);

/** A tagger span made only of `FAITHS` words: "Hajj", "Yom Kippur". */
export function isFaith(tokens: readonly Token[], t: { first: number; last: number }): boolean {
  for (let i = t.first; i <= t.last; i++) if (!FAITHS.has(lowerWord(tokens[i].text))) return false;
  return true;
}

/** A date written as one word ("8-May-2006", "10-February-2006"), which the tagger may read as a name. */
function isDate(name: string): boolean {
  return /\d/.test(name) && name.toLowerCase().split(/[^a-z]+/).some((w) => TIME_WORDS.has(w));
}

/** A person span of the tagger loses the title words it ends with: "Halvor Quistad Vice President" → "Halvor Quistad". */
function trimTitle(tokens: readonly Token[], t: TaggedSpan): TaggedSpan {
  if (t.type !== 'person') return t;
  let last = t.last;
  while (last > t.first && TITLE_HEADS.has(lowerWord(tokens[last].text)) && !HONORIFICS.has(lowerWord(tokens[last].text))) last--;
  if (last < t.last) while (last > t.first && TITLE_MODIFIERS.has(lowerWord(tokens[last].text)) && /^\p{Lu}/u.test(tokens[last].text)) last--;
  const isTitle = (i: number) => TITLE_HEADS.has(lowerWord(tokens[i].text)) || TITLE_MODIFIERS.has(lowerWord(tokens[i].text));
  // a span of title words only ("Foreign Minister") stays whole, for `bareTitle` to drop
  for (let i = t.first; i <= last; i++) if (!isTitle(i)) return last === t.last ? t : { ...t, last };
  return t;
}
