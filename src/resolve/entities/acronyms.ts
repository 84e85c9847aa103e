/**
 * Acronyms a document defines: "Singapore Airlines (SIA)", "the Drenvik Energy Board (DEB)". A name
 * followed by an acronym in brackets that can abbreviate it is the strongest evidence a text gives that
 * two spellings name one body, even when the acronym is not the name's initials ("SIA", "EADS").
 */
import { foldName } from '../../annotate/mentions/key.js';
import type { Mention } from '../../annotate/mentions/layer.js';
import type { NewsDoc } from '../../model/doc.js';

/** At most this many characters between the name and its bracketed acronym: " (", a space or two. */
const MAX_GAP = 3;

/**
 * Whether `short` can abbreviate `long`, by Schwartz & Hearst's rule (PSB 2003, "A simple algorithm
 * for identifying abbreviation definitions"): the short form's letters and digits occur in the long
 * form in order, matched from the end, and its first letter starts a word of the long form.
 * "SIA"/"Singapore Airlines" and "EADS"/"European Aeronautic Defence and Space" pass; "NATO"/"Kremlin" fails.
 */
export function abbreviates(short: string, long: string): boolean {
  const s = foldName(short).replace(/ /g, '');
  const l = foldName(long);
  if (s.length < 2 || l.length <= s.length || !l.includes(' ')) return false;
  let li = l.length - 1;
  for (let si = s.length - 1; si >= 0; si--) {
    const c = s[si];
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && l[li - 1] !== ' '))) li--;
    if (li < 0) return false;
    li--;
  }
  return true;
}

/**
 * Pairs (name, acronym) of `doc`'s explicit mentions where the acronym, all capitals, stands in
 * brackets right after the name, has the name's type (or none: `other`) and abbreviates it.
 */
export function bracketAcronyms(doc: NewsDoc, mentions: readonly Mention[]): [Mention, Mention][] {
  const byStart = new Map<number, Mention>();
  for (const m of mentions) byStart.set(m.span.start, m);
  const out: [Mention, Mention][] = [];
  for (const m of mentions) {
    const after = doc.text.slice(m.span.end, m.span.end + MAX_GAP + 1);
    const open = after.indexOf('(');
    if (open < 0 || open > 1) continue;
    let at = m.span.end + open + 1;
    while (doc.text[at] === ' ') at++;
    const acronym = byStart.get(at);
    if (!acronym || acronym === m || (acronym.type !== m.type && acronym.type !== 'other')) continue;
    const short = doc.text.slice(acronym.span.start, acronym.span.end);
    const close = doc.text.slice(acronym.span.end, acronym.span.end + 2).trimStart();
    if (!close.startsWith(')') || !/^[\p{Lu}\d&.-]+$/u.test(short)) continue;
    if (abbreviates(short, doc.text.slice(m.span.start, m.span.end))) out.push([m, acronym]);
  }
  return out;
}
