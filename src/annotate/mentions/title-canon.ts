/**
 * One spelling per office, so that "foreign minister", "FM", "Minister of Foreign Affairs" and
 * "Foreign Minister" compare equal, and "Defense"/"Defence" do too.
 */

const REWRITES: [RegExp, string][] = [
  [/\bdefense\b/g, 'defence'],
  [/^fm$/, 'foreign minister'],
  [/^pm$/, 'prime minister'],
  [/^minister (?:of|for) foreign affairs$/, 'foreign minister'],
  [/^minister (?:of|for) (defence|finance|justice|interior|culture|economy|energy|health)$/, '$1 minister'],
  [/^(?:state secretary|secretary of state)$/, 'secretary of state'],
  [/^premier$/, 'prime minister'],
  [/^top diplomat$/, 'foreign minister'],
  [/^(?:kremlin )?(?:leader|chief)$/, 'president'],
  [/^head of state$/, 'president'],
  [/^secretary[- ]general$/, 'secretary general'],
  [/^defence ministry spokesman$/, 'defence ministry spokesman'],
];

/** "foreign minister" → "Foreign Minister"; the canonical spelling of a title, in title case. */
export function canonicalTitle(raw: string): string {
  let t = raw
    .toLowerCase()
    .replace(/[.,]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|a|an|then|former|acting|new|current) /, '')
    .trim();
  for (const [re, to] of REWRITES) t = t.replace(re, to);
  return t.replace(/\b(?!of\b|the\b|for\b|and\b|in\b)[a-z]/g, (c) => c.toUpperCase());
}
