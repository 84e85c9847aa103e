/**
 * Resolves a pronoun or title speaker ("he said", "the president concluded", "according to the
 * official") to the person it stands for: the subject of the nearest earlier sentence whose subject is
 * a person's name (subjects are the salient referents; "Lavrov dismissed the threat of action by
 * Vladimir Putin. “…,” he added" → Lavrov), or, for a title, the nearest earlier name written with that
 * title ("Russian Foreign Minister Sergey Lavrov"). Person names come from the `mentions` layer when a
 * document has one, else from runs of capitalised proper nouns (two or more words, or a surname seen
 * before in a full name). Unnamed sources ("officials", "one participant") are not resolved.
 */
import { createRequire } from 'node:module';
import type { NewsDoc, Span } from '../../model/doc.js';
import { cueAt } from './cues.js';
import { npBefore, RELATIVE_PRONOUN, RESTRICTIVE_PRONOUN, TITLE, type Range } from './np.js';
import { subjectOf } from './subject.js';
import { collectBack } from './phrase.js';
import { tokenRange, type Tok } from './tokens.js';

/** How far back (in tokens) a relative pronoun's antecedent may start ("Cass Beck, a former aide to the governor, who"). */
const MAX_RELATIVE_REACH = 25;
/** Singular personal pronouns that refer back to a person (possessives: the owner of "her remark that “…”"). */
const PERSON_PRONOUN = new Set(['he', 'she', 'his', 'her']);
/** Capitalised words that start a title rather than a name ("Foreign Minister", "Ms"). */
const NOT_NAME = /^(?:mr|mrs|ms|dr|prof|sir|the|foreign|defen[cs]e|prime|deputy|vice|state|interior|former|russian|ukrainian|us|u\.s\.)\.?$/i;

const require = createRequire(import.meta.url);

/** Countries, their demonyms and capitals (world-countries): single words that are never a person. */
const PLACE = new Set(
  (require('world-countries') as { name: { common: string }; capital: string[]; demonyms?: { eng?: { m: string } } }[]).flatMap((c) =>
    [c.name.common, ...c.capital, c.demonyms?.eng?.m ?? ''].map((w) => w.toLowerCase()),
  ),
);
for (const w of ['kremlin', 'kiev', 'nato', 'eu', 'un', 'pentagon', 'white']) PLACE.add(w);

/** A person name found in the text. */
interface Name extends Span {
  /** Lower-cased words of the name, title words removed. */
  words: string[];
  /** Lower-cased words written right before the name (its title), e.g. ["foreign", "minister"]. */
  title: string[];
}

/** Person names from the `mentions` layer, when another stage produced one. */
function namesFromMentions(doc: NewsDoc): Span[] | null {
  const layer = (doc.layers as Record<string, unknown>).mentions;
  if (!Array.isArray(layer)) return null;
  return layer
    .filter((m): m is { span: Span; type: string } => typeof m?.span?.start === 'number' && typeof m?.type === 'string')
    .filter((m) => m.type === 'person')
    .map((m) => m.span);
}

/** Person-like names: runs of capitalised proper nouns, title words stripped. */
function namesFromTokens(toks: readonly Tok[]): Span[] {
  const out: Span[] = [];
  const surnames = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].pos !== 'PROPN' || !/^\p{Lu}/u.test(toks[i].text)) continue;
    let j = i;
    while (j < toks.length && /^\p{Lu}/u.test(toks[j].text) && ['PROPN', 'NOUN', 'ADJ'].includes(toks[j].pos)) j++;
    let s = i;
    while (s < j && (NOT_NAME.test(toks[s].text) || TITLE.has(toks[s].lower))) s++;
    for (let k = s; k < j; k++) if (TITLE.has(toks[k].lower)) s = k + 1; // "Valdorian President Luka Mercer" → "Luka Mercer"
    const words = toks.slice(s, j);
    if (words.length >= 2 && words.length <= 4) {
      out.push({ start: words[0].start, end: words[words.length - 1].end });
      surnames.add(words[words.length - 1].lower);
    } else if (words.length === 1 && !PLACE.has(words[0].lower) && (surnames.has(words[0].lower) || s > i || cueAt(toks, j) !== null))
      out.push({ start: words[0].start, end: words[0].end });
    i = j - 1;
  }
  return out;
}

/** Finds person names and resolves pronoun/title speakers in one document. */
export class Antecedents {
  private found: Name[] | null = null;

  constructor(private readonly doc: NewsDoc, private readonly toks: readonly Tok[]) {}

  /**
   * The document's person names, found on first use: most documents resolve no pronoun or title
   * speaker, and finding them for every document was a fifth of the quote finder's time.
   */
  private get names(): Name[] {
    if (this.found === null) {
      const { doc, toks } = this;
      const spans = namesFromMentions(doc) ?? namesFromTokens(toks);
      this.found = spans.map((s) => {
        const [from] = tokenRange(toks, s);
        return {
          ...s,
          words: doc.text.slice(s.start, s.end).toLowerCase().split(/\s+/),
          title: toks.slice(Math.max(0, from - 3), from).map((t) => t.lower),
        };
      });
    }
    return this.found;
  }

  /** True when a cue stands right after the name (or right before it, inverted). */
  private nextToCue(n: Span): boolean {
    const [from, to] = tokenRange(this.toks, n);
    return [to, to + 1, from - 1].some((i) => i >= 0 && i < this.toks.length && cueAt(this.toks, i) !== null);
  }

  /** True when `range` is a pronoun or "the"+title that should be resolved to a name. */
  needsResolving(range: Range): boolean {
    const words = this.toks.slice(range[0], range[1]).map((t) => t.lower);
    if (words.length === 1) return PERSON_PRONOUN.has(words[0]) || RELATIVE_PRONOUN.has(words[0]) || RESTRICTIVE_PRONOUN.has(words[0]);
    return words[0] === 'the' && TITLE.has(words[words.length - 1]) && !this.toks.slice(range[0], range[1]).some((t) => t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && !NOT_NAME.test(t.text) && !TITLE.has(t.lower));
  }

  /** The name a pronoun/title at `range` stands for, searching back sentence by sentence; null if none. */
  resolve(range: Range, sentences: readonly Span[]): Span | null {
    const at = this.toks[range[0]].start;
    const words = this.toks.slice(range[0], range[1]).map((t) => t.lower);
    if (words.length === 1 && (RELATIVE_PRONOUN.has(words[0]) || RESTRICTIVE_PRONOUN.has(words[0]))) {
      // "Beck, who said": the phrase before the comma ("Cass Beck, a former aide, who said" → Cass Beck)
      // (or right before a restrictive pronoun: "a message that said" → a message)
      const floor = Math.max(0, range[0] - MAX_RELATIVE_REACH);
      const np = this.toks[range[0] - 1]?.text === ',' ? npBefore(this.toks, range[0] - 1, floor) : collectBack(this.toks, range[0] - 1, floor);
      return np ? { start: this.toks[np[0]].start, end: this.toks[np[1] - 1].end } : null;
    }
    if (words.length > 1) {
      const head = words[words.length - 1];
      const titled = this.names.filter((n) => n.end <= at && n.title.includes(head));
      if (titled.length > 0) return titled[titled.length - 1];
    }
    for (let s = sentences.length - 1; s >= 0; s--) {
      const sent = sentences[s];
      if (sent.start >= at) continue;
      const [from, to] = tokenRange(this.toks, { start: sent.start, end: Math.min(sent.end, at) });
      const subject = subjectOf(this.toks, from, to);
      const name = subject && this.names.find((n) => n.start >= this.toks[subject[0]].start && n.end <= this.toks[subject[1] - 1].end);
      if (name) return name;
      // else a name speaking in that sentence: right before or after a cue ("…, Medinsky said")
      const speaking = this.names.filter((n) => n.start >= sent.start && n.end <= Math.min(sent.end, at) && this.nextToCue(n));
      if (speaking.length > 0) return speaking[speaking.length - 1];
      // else the nearest name in that sentence
      const any = this.names.filter((n) => n.start >= sent.start && n.end <= Math.min(sent.end, at));
      if (any.length > 0) return any[any.length - 1];
    }
    return null;
  }
}
