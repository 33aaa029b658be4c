/**
 * @module Screens author-written regular expressions before they reach Ajv, which runs them on every
 * submission: a pattern must compile (with the `u` flag Ajv uses), stay short, and avoid the shapes
 * that backtrack exponentially — a repeated group whose body can itself vary in length (`(a+)+`,
 * `(a*)*`, `(a?)+`) or a repeated alternation whose branches can start alike (`(a|a)*`, `(\d|\w)+`).
 * The screen is deliberately conservative: some safe patterns (`(-\d+)*`) are refused too, and the
 * author can rewrite them without nesting.
 */
import { MAX_PATTERN_LENGTH } from './fields/common-field-schemas';

export type PatternProblem =
  | { kind: 'invalid'; detail: string }
  | { kind: 'too-long'; max: number }
  | { kind: 'unsafe'; reason: string };

interface GroupFrame {
  /** Something inside the group repeats a variable number of times. */
  variable: boolean;
  /** First atom of each alternative (`null` while an alternative is still empty). */
  firsts: (string | null)[];
}

/** Reads the quantifier at `i`: its length and whether it repeats without a fixed count. */
function readQuantifier(
  pattern: string,
  i: number,
): { length: number; variable: boolean; unbounded: boolean } | null {
  const c = pattern[i];
  if (c === '*' || c === '+') return withLazy(pattern, i, 1, true, true);
  if (c === '?') return withLazy(pattern, i, 1, true, false);
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (!m) return null;
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : m[3] === '' ? Infinity : Number(m[3]);
    return withLazy(pattern, i, m[0].length, high !== low, high === Infinity || high > 1);
  }
  return null;
}

function withLazy(pattern: string, i: number, length: number, variable: boolean, unbounded: boolean) {
  return { length: pattern[i + length] === '?' ? length + 1 : length, variable, unbounded };
}

/** Length of the atom at `i` (an escape, a class, or one character). */
function atomLength(pattern: string, i: number): number {
  if (pattern[i] === '\\') return 2;
  if (pattern[i] === '[') {
    let j = i + 1;
    if (pattern[j] === '^') j++;
    if (pattern[j] === ']') j++;
    while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
    return j + 1 - i;
  }
  return 1;
}

/** Whether two alternatives may begin with the same character (conservatively: unless both are distinct literals). */
function firstsOverlap(firsts: (string | null)[]): boolean {
  const literal = (atom: string | null) =>
    atom !== null && (/^[^\\[.(]$/.test(atom) || /^\\[^dDwWsSbBpPuxc0-9]$/.test(atom));
  const seen = new Set<string>();
  for (const atom of firsts) {
    if (!literal(atom)) return true;
    if (seen.has(atom as string)) return true;
    seen.add(atom as string);
  }
  return false;
}

/** The structural scan behind {@link patternProblem}; returns the reason a pattern is unsafe, if any. */
function unsafeReason(pattern: string): string | null {
  const stack: GroupFrame[] = [{ variable: false, firsts: [null] }];
  let i = 0;
  while (i < pattern.length) {
    const frame = stack[stack.length - 1] as GroupFrame;
    const c = pattern[i] as string;
    if (c === '(') {
      const lookaround = /^\(\?(<?[=!]|<[A-Za-z]\w*>|:)?/.exec(pattern.slice(i));
      stack.push({ variable: false, firsts: [null] });
      i += lookaround ? lookaround[0].length : 1;
      continue;
    }
    if (c === '|') {
      frame.firsts.push(null);
      i++;
      continue;
    }
    let atomVariable = false;
    let length: number;
    let atom: string;
    if (c === ')') {
      const closed = stack.pop() as GroupFrame;
      const outer = readQuantifier(pattern, i + 1);
      if (outer?.unbounded) {
        if (closed.variable) return `nested quantifier in ${pattern.slice(0, i + 1 + outer.length)}`;
        if (closed.firsts.length > 1 && firstsOverlap(closed.firsts))
          return 'repeated alternation whose branches overlap';
      }
      atomVariable = closed.variable;
      atom = '(';
      length = 1;
    } else {
      length = atomLength(pattern, i);
      atom = pattern.slice(i, i + length);
    }
    const parent = stack[stack.length - 1] as GroupFrame;
    const last = parent.firsts.length - 1;
    if (parent.firsts[last] === null) parent.firsts[last] = atom;
    const quantifier = readQuantifier(pattern, i + length);
    if (quantifier?.variable || atomVariable) parent.variable = true;
    i += length + (quantifier?.length ?? 0);
  }
  return null;
}

/** What is wrong with `pattern` as a field pattern, or `null` when it is usable. */
export function patternProblem(pattern: string): PatternProblem | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return { kind: 'too-long', max: MAX_PATTERN_LENGTH };
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return { kind: 'invalid', detail: (error as Error).message };
  }
  const reason = unsafeReason(pattern);
  return reason === null ? null : { kind: 'unsafe', reason };
}
