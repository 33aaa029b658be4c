/** @module The screen of author-written patterns against invalid syntax and catastrophic backtracking. */
import { describe, expect, it } from 'vitest';
import { patternProblem } from '../../../engine/forms/pattern-safety';

describe('patternProblem', () => {
  it.each(['(a+)+', '(a*)*', '(a|a)*', '(\\d|\\w)+', '((ab)*c)*', '(a?)+', '^(x+x+)+y$', '(.*a){2,}'])(
    'refuses %s',
    (pattern) => {
      expect(patternProblem(pattern)?.kind).toBe('unsafe');
    },
  );

  it.each([
    '^SN-[0-9]{6}$',
    '^[A-Z]{2}(\\d{4})+$',
    '^(a|b)*$',
    '[(]+',
    '\\(a+\\)+',
    '^(?:\\+86)?1[3-9]\\d{9}$',
    '(ab){2}',
  ])('accepts %s', (pattern) => expect(patternProblem(pattern)).toBeNull());

  it('refuses invalid and overlong patterns', () => {
    expect(patternProblem('(a')?.kind).toBe('invalid');
    expect(patternProblem('a'.repeat(501))).toEqual({ kind: 'too-long', max: 500 });
  });
});
