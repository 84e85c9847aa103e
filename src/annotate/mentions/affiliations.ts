/**
 * Organisations read off how a text uses an untyped name, after the rules have typed the people:
 * - an acronym defined in brackets right after a name takes that name's type ("Korean People's Army
 *   (KPA)", "Movimento 5 Stelle (M5S)": an organisation when the name has no type, or when the rules
 *   split the name but its words spell the acronym), and keeps it wherever the document repeats it;
 * - a name a person belongs to: "Leung Kwok-hung of LSD", "Gary Fan of the Neo Democrats",
 *   "DAB's Ben Chan" — an organisation, unless the gazetteer or a cue made it a place.
 * Only names the rules left untyped or typed weakly change (`AFFILIABLE`); the new rules are strong
 * in `combine.ts`, so the tagger's silence does not undo them.
 */
import type { Token } from './tokens.js';
import type { RuleMention } from './stage.js';
import { isAcronym } from './candidates.js';

/** Rules weak enough for an affiliation or a bracketed definition to override. */
const AFFILIABLE = new Set(['none', 'determiner', 'acronym', 'name-shape', 'speaker']);

const OPEN = new Set(['(', '[']);
const CLOSE = new Set([')', ']']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

/** Retypes mentions (in place, sorted by position) by bracketed definitions and affiliations. */
export function affiliations(tokens: readonly Token[], mentions: RuleMention[]): void {
  const byFirst = new Map(mentions.map((m) => [m.first, m]));
  const byLast = new Map(mentions.map((m) => [m.last, m]));
  const set = (m: RuleMention, type: RuleMention['type'], rule: string) => {
    m.type = type;
    m.rule = rule;
    m.source = m.source.replace(/\/[^/]+$/, `/${rule}`);
  };
  for (const m of mentions) {
    if (!AFFILIABLE.has(m.rule)) continue;
    // "Korean People's Army (KPA)"
    if (m.first === m.last && isAcronym(tokens[m.first].text) && OPEN.has(tokens[m.first - 1]?.text ?? '') && CLOSE.has(tokens[m.last + 1]?.text ?? '')) {
      const long = byLast.get(m.first - 2);
      if (long && (long.last > long.first || long.type !== 'other')) {
        set(m, long.type === 'other' ? 'organization' : long.type, 'acronym-def');
        continue;
      }
      // the words before spell it though the rules split them: "Korean People's Army [KPA]"
      if (spelledBefore(tokens, m.first - 2, tokens[m.first].text)) {
        set(m, 'organization', 'acronym-def');
        continue;
      }
    }
    if (m.type === 'person' && m.rule !== 'acronym') continue;
    // "<person> of [the] X"
    let k = m.first - 1;
    if (tokens[k]?.text.toLowerCase() === 'the') k--;
    // (not a list of names, "of the Architectural, Surveying, Planning …", nor a name going on with a number, "Studio 54")
    const after = tokens[m.last + 1];
    const listed = after && ((after.text === ',' && /^\p{Lu}/u.test(tokens[m.last + 2]?.text ?? '')) || /^\d/.test(after.text));
    if (tokens[k]?.text === 'of' && byLast.get(k - 1)?.type === 'person' && !listed) {
      set(m, 'organization', 'affiliation');
      continue;
    }
    // "X's <person>"
    if (POSSESSIVE.has(tokens[m.last + 1]?.text ?? '') && byFirst.get(m.last + 2)?.type === 'person' && byFirst.get(m.last + 2)!.last > m.last + 2) {
      set(m, 'organization', 'affiliation');
    }
  }
  // a defined acronym keeps its type wherever else the document uses it ("… the KPA fired one shell")
  const defined = new Map(mentions.filter((m) => m.rule === 'acronym-def').map((m) => [m.key, m.type]));
  for (const m of mentions) {
    const type = defined.get(m.key);
    if (type && m.rule !== 'acronym-def' && AFFILIABLE.has(m.rule)) set(m, type, 'acronym-def');
  }
}

/** Small words a name's initials skip: "Union of Rationalist Atheists and Agnostics" is UAAR. */
const SKIPPED = new Set(['of', 'the', 'and', 'for', '&', 'de', 'on', 'in', ...POSSESSIVE]);

/** Whether the capitalised words ending at token `end` spell `acronym` by their initials (three letters at least). */
function spelledBefore(tokens: readonly Token[], end: number, acronym: string): boolean {
  const letters = acronym.replace(/\./g, '');
  if (letters.length < 3) return false;
  let k = letters.length - 1;
  for (let i = end; i >= 0 && k >= 0; i--) {
    const w = tokens[i].text;
    if (SKIPPED.has(w.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(w) || w[0] !== letters[k]) return false;
    k--;
  }
  return k < 0;
}
