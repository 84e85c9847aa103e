/**
 * Where malformed JSON goes wrong, as "line L, column C". V8's `JSON.parse` messages give a position
 * only for some errors, so a small iterative validator (no recursion: 10k-deep nesting is fine) finds
 * the offset of the first syntax error, and V8's message supplies the wording.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Offset of the first JSON syntax error in `s`, or -1 when `s` is valid JSON. */
export function jsonErrorOffset(s: string): number {
  const n = s.length;
  let i = 0;
  const stack: string[] = [];
  let expectValue = true;
  const ws = () => {
    while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(s)) return false;
        i = ESCAPE.lastIndex;
      } else if (c < 0x20) return false;
      else i++;
    }
    return false;
  };
  const key = (): boolean => {
    if (s[i] !== '"' || !string()) return false;
    ws();
    if (s[i] !== ':') return false;
    i++;
    return true;
  };
  for (;;) {
    ws();
    if (expectValue) {
      const c = s[i];
      expectValue = false;
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (s[i] === (c === '{' ? '}' : ']')) i++;
        else if (c === '{' && !key()) return i;
        else {
          stack.push(c);
          expectValue = true;
        }
      } else if (c === '"') {
        if (!string()) return i;
      } else if (s.startsWith('true', i) || s.startsWith('null', i)) i += 4;
      else if (s.startsWith('false', i)) i += 5;
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(s)) return i;
        i = NUMBER.lastIndex;
      }
      continue;
    }
    if (stack.length === 0) return i < n ? i : -1;
    const top = stack[stack.length - 1];
    if (s[i] === ',') {
      i++;
      ws();
      if (top === '{' && !key()) return i;
      expectValue = true;
    } else if (s[i] === (top === '{' ? '}' : ']')) {
      i++;
      stack.pop();
    } else return i;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(s: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = s.indexOf('\n'); k >= 0 && k < offset; k = s.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Parses JSON, or explains where and why it is malformed ("line 3, column 7: Expected …"). */
export function parseJson(s: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(s) };
  } catch (err) {
    const offset = jsonErrorOffset(s);
    const { line, column } = lineColumn(s, offset < 0 ? s.length : offset);
    const why = (err as Error).message.replace(/,? ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    return { error: `line ${line}, column ${column}: ${why}` };
  }
}
