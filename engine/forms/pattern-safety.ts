/**
 * @module Screens author-written regular expressions before they reach Ajv, which runs them on every
 * submission: a pattern must compile (with the `u` flag Ajv uses), stay short, and avoid the shapes
 * that backtrack exponentially — a repeated group whose body can itself vary in length (`(a+)+`,
 * `(a*)*`, `(a?)+`) or a repeated alternation whose branches can start alike (`(a|a)*`, `(\d|\w)+`).
 * Two repeats in a row that can match the same text (`\d*\d*x`, `.*=.*`) backtrack polynomially and
 * are refused too. The screen is deliberately conservative: some safe patterns (`(-\d+)*`) are refused
 * too, and the author can rewrite them without nesting. What remains is at worst quadratic in the
 * text, so the data validator never runs a pattern over a long text (see bounded-regexp).
 */
import { atomsOverlap } from './atom-overlap';
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
  /** The run of repeats before the group opened: what each alternative starts next to. */
  before: string[];
  /** The runs the finished alternatives ended with: what follows the group may meet any of them. */
  ends: string[];
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

/** Zero-width assertions neither repeat nor separate repeats. */
const ZERO_WIDTH = new Set(['^', '$', '\\b', '\\B']);

/** Repeats in one run beyond this many are refused outright: checking them pairwise would cost too much. */
const MAX_RUN = 8;

/** Comparisons of atoms one pattern may need; more is refused, so saving a form stays cheap. */
const MAX_COMPARISONS = 64;

type Overlap = (a: string, b: string) => boolean;

/**
 * Tracks `run`, the repeats since the last mandatory atom none of them can match, and refuses a new
 * repeat that can match what one of them matches (`\d*\d*x`, `.*=.*`): the engine would try every
 * way of splitting the text between them, polynomially many. A group's atoms were seen one by one;
 * where it closes, the run becomes what any of its alternatives (or, if it is optional, none) left.
 */
function adjacentRepeat(
  overlap: Overlap,
  run: string[],
  atom: string,
  isGroup: boolean,
  quantifier: ReturnType<typeof readQuantifier>,
): string | null {
  if (ZERO_WIDTH.has(atom) || isGroup) return null; // groups are handled where they close
  if (quantifier?.variable) {
    const other = run.find((earlier) => overlap(earlier, atom));
    if (other !== undefined) return `repeats ${other} and ${atom} can match the same text`;
    if (run.length >= MAX_RUN) return `more than ${MAX_RUN} repeats in a row`;
    run.push(atom);
    return null;
  }
  if (!run.some((earlier) => overlap(earlier, atom))) run.length = 0;
  return null;
}

/** The structural scan behind {@link patternProblem}; returns the reason a pattern is unsafe, if any. */
function unsafeReason(pattern: string): string | null {
  const stack: GroupFrame[] = [{ variable: false, firsts: [null], before: [], ends: [] }];
  const run: string[] = [];
  const restart = (atoms: readonly string[]) => run.splice(0, run.length, ...new Set(atoms));
  let comparisons = 0;
  const overlap: Overlap = (a, b) => {
    comparisons += 1;
    return comparisons > MAX_COMPARISONS || atomsOverlap(a, b);
  };
  let i = 0;
  while (i < pattern.length) {
    const frame = stack[stack.length - 1] as GroupFrame;
    const c = pattern[i] as string;
    if (c === '(') {
      const lookaround = /^\(\?(<?[=!]|<[A-Za-z]\w*>|:)?/.exec(pattern.slice(i));
      stack.push({ variable: false, firsts: [null], before: [...run], ends: [] });
      i += lookaround ? lookaround[0].length : 1;
      continue;
    }
    if (c === '|') {
      frame.firsts.push(null);
      frame.ends.push(...run);
      restart(frame.before);
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
      if (outer?.variable) {
        // Repeated or optional: its first atoms meet the run before it, and what follows meets both.
        const first = closed.firsts.find((f) => f === null || closed.before.some((b) => overlap(b, f)));
        if (first !== undefined) return 'repeated group next to a repeat that can match the same text';
        restart([...closed.before, ...closed.ends, ...run]);
      } else restart([...closed.ends, ...run]);
      if (run.length > MAX_RUN) return `more than ${MAX_RUN} repeats in a row`;
    } else {
      length = atomLength(pattern, i);
      atom = pattern.slice(i, i + length);
    }
    const parent = stack[stack.length - 1] as GroupFrame;
    const last = parent.firsts.length - 1;
    if (parent.firsts[last] === null) parent.firsts[last] = atom;
    const quantifier = readQuantifier(pattern, i + length);
    const adjacent = adjacentRepeat(overlap, run, atom, c === ')', quantifier);
    if (comparisons > MAX_COMPARISONS)
      return `more repeats than can be checked (${MAX_COMPARISONS} comparisons)`;
    if (adjacent !== null) return adjacent;
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
