/**
 * @module The regex engine the form-data Ajv runs field patterns with: the platform's RegExp, but
 * never over more than {@link MAX_PATTERN_SUBJECT} characters. A backtracking engine's time grows
 * with the text; pattern-safety refuses the shapes that make it exponential or worse than quadratic,
 * and this bound keeps the quadratic rest small. A longer text fails the pattern (and, since every
 * field with a pattern has a length bound no higher than this, its length bound too).
 */

/** Longest text a field pattern is run over; fields with a pattern may not allow longer values. */
export const MAX_PATTERN_SUBJECT = 1000;

interface BoundedRegExp {
  test(text: string): boolean;
  toString(): string;
}

/** Ajv's `code.regExp` option: `(pattern, flags) → { test }`, named by `code` for standalone output. */
export function boundedRegExp(pattern: string, flags: string): BoundedRegExp {
  const regExp = new RegExp(pattern, flags);
  return {
    test: (text) => text.length <= MAX_PATTERN_SUBJECT && regExp.test(text),
    // Ajv keys compiled patterns by this string: it must differ between patterns.
    toString: () => `bounded:${String(regExp)}`,
  };
}
boundedRegExp.code = 'boundedRegExp';
