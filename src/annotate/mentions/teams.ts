/**
 * National teams in a sports report: a country that plays ("Sweden defeated South Korea", "Group F —
 * Sweden 1 – 0 Korea Republic") is its national team, an organisation (GUM and CoNLL both type teams
 * so), and it stays the team in every other sentence of the same report ("Sweden had higher ball
 * possession", "a chance to put Sweden in the lead"), where nothing in the sentence says so. Only a
 * country (or a place-typed name) that the text shows playing becomes a team, so a report that also
 * names the host city keeps that city a place, and an article with no match in it changes nothing.
 */
import { gazetteer } from './gazetteer.js';
import { TEAM_VERBS } from './lexicon.js';
import type { RuleMention } from './stage.js';
import type { Token } from './tokens.js';

/** A score between two sides' names, "Sweden 1 – 0 Korea Republic", "Belgium 3-0 Panama" (one or two digits each). */
const SCORE = /^\s+\d{1,2}\s*[–—-]\s*\d{1,2}\s+$/;

/** Words that, in a report with a score in it, put a country on the pitch: the team verbs and these. */
const MATCH_WORDS = new Set([...TEAM_VERBS, 'faced', 'faces', 'played', 'plays', 'lost', 'won', 'wins', 'against', 'vs', 'versus']);

/** Rules a team reading overrides: the gazetteer's and context cues' "place", and untyped names. */
const PLACE_RULES = new Set(['gazetteer', 'place-cue', 'place-head', 'coordinated', 'none', 'determiner', 'team']);

/**
 * Retypes (in place) every mention of a country the document shows playing as that team (rule `match-team`, strong in `combine.ts`).
 * Only in a sports report, one with a score between two names: elsewhere one "Russia beat …" must not
 * turn every other "Russia" of a war report into an organisation (the single sentence keeps its own
 * `team` reading from `typing.ts`).
 */
export function teams(text: string, tokens: readonly Token[], mentions: RuleMention[]): void {
  const g = gazetteer();
  const sides = mentions.filter((m) => m.type === 'place' || m.type === 'other' || m.rule === 'team');
  const playing = new Set<string>();
  for (let i = 0; i + 1 < sides.length; i++) {
    const [a, b] = [sides[i], sides[i + 1]];
    const between = text.slice(a.span.end, b.span.start);
    if (SCORE.test(between)) playing.add(a.key).add(b.key);
  }
  if (playing.size === 0) return;
  const lower = (i: number) => tokens[i]?.text.toLowerCase() ?? '';
  for (const m of sides) {
    if (!g.countries.has(m.key) && m.rule !== 'team') continue;
    // "Sweden defeated …", "… defeated debutants Panama"
    if (m.rule === 'team' || MATCH_WORDS.has(lower(m.last + 1)) || MATCH_WORDS.has(lower(m.first - 1)) || MATCH_WORDS.has(lower(m.first - 2))) playing.add(m.key);
  }
  for (const m of mentions) {
    if (!playing.has(m.key) || !PLACE_RULES.has(m.rule)) continue;
    m.type = 'organization';
    m.rule = 'match-team';
    m.source = m.source.replace(/\/[^/]+$/, '/match-team');
  }
}
