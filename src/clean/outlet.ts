/**
 * The outlet that published an article: from its metadata (input fields, `og:site_name`, JSON-LD
 * publisher), else from credits and datelines in the text ("(Reuters) -", "MINSK, 26 February (BelTA)
 * –", a closing "-Xinhua"), promo lines naming the outlet, or a known domain of the article's URL.
 * A source the story merely cites ("…, reported Reuters") is not its outlet.
 */
import { OUTLETS } from './outlets.js';

const BY_ALIAS = new Map(OUTLETS.flatMap((o) => o.aliases.map((a) => [a.toLowerCase(), o.name] as const)));
const BY_DOMAIN = new Map(OUTLETS.flatMap((o) => o.domains.map((d) => [d, o.name] as const)));

/** A dateline's agency sits within this many characters of the start of its line. */
export const DATELINE_REACH = 90;
/** Datelines are in the first lines of a story; a credit in parentheses further down is a citation. */
export const DATELINE_LINES = 3;
/** Closing credits sit in the last kept lines. */
export const CREDIT_LINES = 2;

/** "KYIV, March 3 (Reuters) -", "(AP) —": the name in parentheses before a dash near the start of a line. */
const DATELINE = /\(([\p{Lu}][\p{L}&.' -]{1,40})\)\s*[-–—]/u;
/** A closing credit: "… operation. -Xinhua", "— AFP", "(Reuters)" at the end of a line. */
const TRAILING = /(?:[-–—]\s?|\()([\p{Lu}][\p{L}.]+(?: [\p{Lu}][\p{L}.]+){0,3})\)?\.?$/u;
/** A promo naming the outlet: "READ MORE FROM THE WASHINGTON EXAMINER", "GET THE FOX NEWS APP". */
const PROMO = /\b(?:more|stories|news) (?:from|on|at) (?:the )?([\p{L}&.' -]{2,50}?)(?: by clicking here)?$|\bget the ([\p{L}&.' -]{2,40}) app$/iu;

/** Canonical name for a known alias, else null. */
export function knownOutlet(name: string): string | null {
  return BY_ALIAS.get(name.trim().toLowerCase()) ?? null;
}

/** The outlet for a known domain (or its subdomain) of the URL, else null. */
export function outletOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const name = BY_DOMAIN.get(h);
    if (name) return name;
  }
  return null;
}

/** What outlet detection may look at. */
export interface OutletInput {
  /** The outlet from the input's own fields or the page metadata, if any. */
  declared?: string;
  url?: string;
  /** The article's kept lines, in order (datelines open them, credits close them). */
  lines: readonly string[];
  /** Lines the filter removed as promos (they may name the outlet). */
  promos: readonly string[];
}

/** The outlet and the evidence it came from (e.g. `dateline: (Reuters) -`), or null when nothing names one. */
export function detectOutlet(input: OutletInput): { outlet: string; evidence: string } | null {
  if (input.declared?.trim()) return { outlet: input.declared.trim(), evidence: 'metadata' };
  for (const line of input.lines.slice(0, DATELINE_LINES)) {
    const m = DATELINE.exec(line.slice(0, DATELINE_REACH));
    if (m) return { outlet: knownOutlet(m[1]) ?? m[1].trim(), evidence: `dateline: ${m[0]}` };
  }
  for (const line of input.lines.slice(-CREDIT_LINES).reverse()) {
    const m = TRAILING.exec(line);
    const name = m && knownOutlet(m[1]);
    if (name) return { outlet: name, evidence: `credit: ${m[0].trim()}` };
  }
  for (const line of input.promos) {
    const m = PROMO.exec(line);
    const raw = m && (m[1] ?? m[2]);
    if (raw) return { outlet: knownOutlet(raw) ?? titleCase(raw), evidence: `promo: ${line}` };
  }
  const byUrl = outletOfUrl(input.url);
  return byUrl ? { outlet: byUrl, evidence: `domain: ${input.url}` } : null;
}

function titleCase(s: string): string {
  return s.trim().toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
}
