/**
 * Role errors: a person given an office they do not hold ("Donald Trump, the US senator" where every
 * other source, or the pack, says president) — a spinner's synonym swap or a careless rewrite.
 * Two finders (title before the name; name, then an appositive title) feed a per-surname tally that
 * is incremental: `RoleStats.add` one document at a time.
 */
import type { NewsDoc } from '../../model/doc.js';
import { BoundedMemo } from '../../memo.js';
import type { PackFacts } from './pack-facts.js';

/** Offices that distinguish people; longer titles first so "vice president" wins over "president". */
export const ROLE_TITLES = [
  'vice president', 'prime minister', 'foreign minister', 'defence minister', 'defense minister',
  'secretary of state', 'state secretary', 'president', 'senator', 'congressman', 'congresswoman', 'chancellor',
  'governor', 'mayor', 'king', 'queen', 'ambassador', 'spokesman', 'spokeswoman',
];
/** Weight of one role error. */
export const ROLE_WEIGHT = 0.5;
/** Other documents that must agree on a role before a different one counts as an error. */
export const MIN_ROLE_DOCS = 2;

/** The titles as a pattern, each word's first letter in either case ("President" / "president"). */
const ROLE = ROLE_TITLES.map((t) => t.replace(/\b(\w)/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/ /g, '\\s+')).join('|');
const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}";
/** "President Vladimir Putin", "US Secretary of State Oda Marrin" (not after former/ex-/late). */
const BEFORE = new RegExp(`(?<!(?:[Ff]ormer|[Ee]x-|[Ll]ate|[Tt]hen)\\s*)\\b(${ROLE})\\s+(${NAME})`, 'gu');
/** "Donald Trump, the US senator," / "Ilse Brandvik, Osmark's foreign minister". */
const AFTER = new RegExp(`(${NAME}),\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}.’']*\\s+){0,2}(${ROLE})\\b(?!,?\\s+\\p{Lu})`, 'gu');

/** Spellings of one office ("defence"/"defense"); "state secretary" is left to the spun-phrase finder. */
const SAME_TITLE: Record<string, string> = { 'state secretary': 'secretary of state', 'defence minister': 'defense minister' };

/** A title case-folded, spaces collapsed, variant spellings unified. */
export function canonicalTitle(title: string): string {
  const t = title.toLowerCase().replace(/\s+/g, ' ');
  return SAME_TITLE[t] ?? t;
}

/** One stated role: who (by full name when given, else surname), which title, and where. */
export interface StatedRole {
  /** The name as written, case-folded ("gorm ulla"), possessive dropped. */
  name: string;
  surname: string;
  title: string;
  start: number;
  end: number;
}

/**
 * Texts whose stated roles are remembered: an incremental run reads a new document's roles to load
 * their tallies, to count them in and to score them.
 */
const memo = new BoundedMemo<readonly StatedRole[]>(2048);

/** The roles `text` gives to named people. Shared: do not mutate. */
export function statedRoles(text: string): readonly StatedRole[] {
  return memo.get(text, () => findRoles(text));
}

function findRoles(text: string): StatedRole[] {
  const out: StatedRole[] = [];
  const push = (name: string, title: string, start: number, end: number) => {
    const folded = name.replace(/['’]s$/, '').toLowerCase().replace(/\s+/g, ' ');
    out.push({ name: folded, surname: folded.split(' ').pop()!, title: canonicalTitle(title), start, end });
  };
  for (const m of text.matchAll(BEFORE)) push(m[2], m[1], m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(AFTER)) push(m[1], m[2], m.index!, m.index! + m[0].length);
  return out;
}

/** Two titles are compatible when one contains the other ("president" / "president of the united states"). */
function compatible(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

/** Per surname, per title, the documents that state it. */
export class RoleStats {
  /** Name → title stated for it → the documents stating it. */
  readonly tally = new Map<string, Map<string, Set<string>>>();

  add(doc: Pick<NewsDoc, 'id' | 'text'>): void {
    this.addStated(doc.id, statedRoles(doc.text));
  }

  /** Counts the roles a document states (`statedRoles` of its text). */
  addStated(id: string, roles: readonly StatedRole[]): void {
    for (const r of roles) {
      const titles = this.tally.get(r.name) ?? this.tally.set(r.name, new Map()).get(r.name)!;
      (titles.get(r.title) ?? titles.set(r.title, new Set()).get(r.title)!).add(id);
    }
  }

  /**
   * Titles other documents (at least `MIN_ROLE_DOCS` of them) give `name`, keyed as written: a full
   * name only meets the same full name (two people may share a surname), a bare surname only itself.
   */
  establishedTitles(name: string, exceptDoc: string): string[] {
    const out: string[] = [];
    for (const [title, docs] of this.tally.get(name) ?? []) {
      if ([...docs].filter((d) => d !== exceptDoc).length >= MIN_ROLE_DOCS) out.push(title);
    }
    return out;
  }
}

/** Role errors in `doc`: a stated title compatible with none of the pack's or the corpus's titles. */
export function findRoleErrors(doc: Pick<NewsDoc, 'id' | 'text'>, stats: RoleStats, pack: PackFacts) {
  const out: { start: number; end: number; text: string; weight: number; reason: string }[] = [];
  for (const r of statedRoles(doc.text)) {
    const known = [...(pack.roles.get(r.surname) ?? []), ...stats.establishedTitles(r.name, doc.id)];
    if (known.length === 0 || known.some((k) => compatible(k, r.title))) continue;
    const text = doc.text.slice(r.start, r.end);
    out.push({ start: r.start, end: r.end, text, weight: ROLE_WEIGHT, reason: `"${text}": elsewhere ${[...new Set(known)].join(' / ')}` });
  }
  return out;
}
