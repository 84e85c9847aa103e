/**
 * Date hints derived from a domain pack's plain data (`pack.entities` roles, `pack.events`), so a pack
 * needs no separate hint file: a person named next to a title they held ("US Secretary of State
 * Antony Blinken", "Blinken, the Secretary of State") bounds the text to that tenure; an event is
 * mentioned when its ordinal ("second round") occurs with its place or the place's country anywhere
 * in the text, or a word of its kind ("talks", "summit", "massacre", "attack") occurs within a sentence of its place itself
 * (for a military event, with the title's own words: "attack at the Kramatorsk train station"). `pack.dateHints`, when a pack gives them, are used as well.
 */
import type { Pack } from '../../context.js';
import type { DateHint } from './hints.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (xs: string[]) => [...new Set(xs.filter((x) => x.length > 1))].map(esc).join('|');
/** "Former", "ex-", "then-" and "late" make a title say nothing about when the text was written. */
const NOT_CURRENT = '(?<!\\b(?:former|ex|then|late|ex-|then-)\\s?)';
/** Words allowed between a title and a name ("U.S. Secretary of State, Antony Blinken"). */
const BETWEEN = "[,\\s]+(?:[\\p{L}.'’-]+\\s+){0,2}?";
const ORDINAL = /\b(first|second|third|fourth|fifth|sixth)\s+round\b/i;
/** Words naming an event of each pack event type, looked for near the event's own place. */
const KIND_WORDS: Record<string, string> = {
  talks: 'talks|negotiations|round',
  meeting: 'summit|meeting|met|talks',
  agreement: 'deal|agreement|signed|initiative',
  military: 'attack(?:ed|s)?|strikes?|struck|bomb(?:ing|ed)|missiles?|shell(?:ing|ed)|explosions?|blasts?|blew up|destroy(?:ed)?|destruction|breach(?:ed)?|captured?|seized?|seizure',
  casualties: 'massacre|killings|murders?|bodies|mass graves?|atrocit(?:y|ies)|war crimes?',
};
/**
 * Types whose places see many events (a city is shelled for months): the title's own words besides
 * the place and the kind ("railway station" in "Missile strike on Kramatorsk railway station") must
 * also be near the place, so only that event is taken, never an earlier one at the same place.
 */
const NEEDS_TITLE_WORDS = new Set(['military']);
const STOP = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'at', 'to', 'and', 'by', 'for', 'with', 'from']);
/** Within one sentence and 80 characters: a kind word and a place that far apart still belong together. */
const NEAR = '[^.!?\\n]{0,80}?';

/** Spellings of a title ("Secretary of State" also "State Secretary"). */
function titleVariants(title: string): string[] {
  const out = [title];
  const of = /^(\w+) of (\w+)$/.exec(title);
  if (of) out.push(`${of[2]} ${of[1]}`);
  return out;
}

/** Words of `title` that name neither the place nor the kind of event, as an alternation ('' when none). */
function titleWords(title: string, places: string[], kind: string): string {
  const placeWords = new Set(places.flatMap((p) => p.toLowerCase().split(/\s+/)));
  const kindRe = new RegExp(`^(?:${kind})$`, 'i');
  return alt(title.split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !STOP.has(w.toLowerCase()) && !placeWords.has(w.toLowerCase()) && !kindRe.test(w)));
}

const cache = new WeakMap<Pack, DateHint[]>();

/** The date hints of `pack`: its own `dateHints` plus those derived from roles and events. */
export function dateHintsOf(pack: Pack): DateHint[] {
  const cached = cache.get(pack);
  if (cached) return cached;
  const hints: DateHint[] = [...(pack.dateHints ?? [])];
  const byId = new Map((pack.entities ?? []).map((e) => [e.id, e]));
  for (const e of pack.entities ?? []) {
    if (e.type !== 'person') continue;
    const names = alt([e.name, ...e.aliases]);
    const byTitle = new Map<string, { from: string; to: string | null }>();
    for (const r of e.roles) {
      if (!r.from) continue;
      const hull = byTitle.get(r.title);
      byTitle.set(r.title, hull ? { from: hull.from < r.from ? hull.from : r.from, to: hull.to === null || r.to === null ? null : hull.to > r.to ? hull.to : r.to } : { from: r.from, to: r.to });
    }
    for (const [title, span] of byTitle) {
      const t = alt(titleVariants(title));
      hints.push({ kind: 'role', what: `${e.name} as ${title}`, cue: [e.name, ...e.aliases].map((n) => n.toLowerCase()), pattern: `${NOT_CURRENT}(?:${t})${BETWEEN}(?:${names})|(?:${names}),\\s+(?:the\\s+)?(?:[\\p{L}.'’-]+\\s+){0,2}?(?:${t})`, from: span.from, to: span.to });
    }
  }
  for (const ev of pack.events ?? []) {
    const place = ev.place ? byId.get(ev.place) : undefined;
    if (!place) continue;
    const venue = alt([place.name, ...place.aliases]);
    const ordinal = ORDINAL.exec(ev.title)?.[0];
    if (ordinal) {
      const country = place.within ? byId.get(place.within) : undefined;
      const where = alt([place.name, ...place.aliases, ...(country ? [country.name, ...country.aliases, ...(country.demonyms ?? [])] : [])]);
      hints.push({ kind: 'event', what: ev.title, cue: [ordinal.toLowerCase()], pattern: ordinal.replace(/\s+/g, '\\s+'), with: where, from: ev.date, to: ev.end ?? ev.date });
    }
    const kind = KIND_WORDS[ev.type];
    if (!kind) continue;
    const cue = [place.name, ...place.aliases].map((n) => n.toLowerCase());
    const own = NEEDS_TITLE_WORDS.has(ev.type) ? titleWords(ev.title, [place.name, ...place.aliases], kind) : '';
    const pattern = own
      ? [[kind, venue, own], [kind, own, venue], [venue, own, kind], [own, venue, kind]].map((p) => p.map((x) => `(?:${x})`).join(NEAR)).join('|')
      : `(?:${kind})${NEAR}(?:${venue})|(?:${venue})${NEAR}(?:${kind})`;
    hints.push({ kind: 'event', what: ev.title, cue, pattern, from: ev.date, to: ev.end ?? ev.date });
  }
  cache.set(pack, hints);
  return hints;
}
