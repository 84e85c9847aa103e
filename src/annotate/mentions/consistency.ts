/**
 * Per-document consistency of the rules' types, before the tagger reads them: a name takes the type
 * the same name got from a stronger rule elsewhere in the document, a surname that of the person named
 * in full, an acronym that of the name it spells, an untyped name that of a typed name it is coordinated with.
 */
import type { Mention } from './layer.js';
import { translitWord } from './key.js';
import { gazetteer } from './gazetteer.js';

/** Rules weak enough that the same name typed by a stronger rule elsewhere in the document wins. */
const WEAK_RULES = new Set(['none', 'determiner', 'place-cue', 'speaker', 'name-shape', 'acronym']);

/**
 * Per-document consistency: a single word that is the surname of a person named in full elsewhere
 * in the document is that person ("Lavrov" after "Sergey Lavrov"); a weakly typed name takes the
 * type the same name got from a stronger rule elsewhere in the document.
 */
export function propagate(mentions: (Mention & { rule: string })[]): void {
  const surnames = new Set<string>();
  const strong = new Map<string, Mention['type']>();
  for (const m of mentions) {
    const words = m.key.split(' ');
    if (m.type === 'person' && words.length > 1) surnames.add(translitWord(words[words.length - 1]));
    if (!WEAK_RULES.has(m.rule) && m.type !== 'other') strong.set(m.key, m.type);
  }
  const byInitials = new Map<string, Mention['type']>();
  for (const m of mentions) {
    const words = m.key.split(' ').filter((w) => !['of', 'the', 'and', 'for'].includes(w));
    // only a name typed by a strong rule: "the Digital Humanities" (typed by its article alone) makes "DH" no organisation (GUM dev: 15 of 40 spelled acronyms were wrong so)
    if (words.length > 1 && m.type !== 'other' && !WEAK_RULES.has(m.rule)) byInitials.set(words.map((w) => w[0]).join(''), m.type);
  }
  for (const m of mentions) {
    // an acronym of a name in the same document has its type: "Kennedy Space Center" … "KSC"
    const spelled = m.rule === 'acronym' ? byInitials.get(m.key.replace(/ /g, '')) : undefined;
    if (spelled) {
      m.type = spelled;
      m.source = m.source.replace(/\/[^/]+$/, '/initials');
      m.rule = 'initials';
      continue;
    }
    // a city name that is the surname of a person named in full here is that person ("Valeska Paris" … "Paris")
    if (m.rule === 'gazetteer' && m.type === 'place' && !m.key.includes(' ') && surnames.has(translitWord(m.key)) && !gazetteer().countries.has(m.key)) {
      m.type = 'person';
      m.source = m.source.replace(/\/[^/]+$/, '/surname');
      m.rule = 'surname';
      continue;
    }
    if (!WEAK_RULES.has(m.rule)) continue;
    const known = strong.get(m.key);
    if (known && known !== m.type) {
      m.type = known;
      m.source = m.source.replace(/\/[^/]+$/, '/same-name');
      m.rule = 'same-name';
    } else if (!known && !m.key.includes(' ') && surnames.has(translitWord(m.key)) && m.type !== 'person') {
      m.type = 'person';
      m.source = m.source.replace(/\/[^/]+$/, '/surname');
      m.rule = 'surname';
    }
  }
}

/** An untyped name coordinated with a typed one takes its type: "in Crimea and Donbas". */
export function coordinate(text: string, mentions: (Mention & { rule: string })[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type !== 'other' || !['none', 'determiner'].includes(m.rule)) continue;
    const near = [mentions[i - 1], mentions[i + 1]].find((n) => {
      if (!n || n.type === 'other' || n.type === 'person') return false;
      const between = n.span.end <= m.span.start ? text.slice(n.span.end, m.span.start) : text.slice(m.span.end, n.span.start);
      return /^(?:,? (?:and|or) |, )$/.test(between);
    });
    if (near) {
      m.type = near.type;
      m.source = m.source.replace(/\/[^/]+$/, '/coordinated');
      m.rule = 'coordinated';
    }
  }
}
