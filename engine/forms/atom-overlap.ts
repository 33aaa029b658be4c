/**
 * @module Whether two regex atoms (`a`, `\d`, `[^@]`, `.`) can match the same character — the question
 * behind polynomial backtracking: `\d*\d*x` or `.*=.*` retry every split of a run between two
 * repeats that both accept its characters. Answered by running the atoms themselves (with the `u` flag
 * Ajv uses), as one lookahead pair, over a text of every character of the Basic Multilingual Plane and
 * a sample of the others, so class syntax never has to be re-implemented here.
 */

/** Every code point tried, in one string: all of the BMP (surrogates excepted) and every 256th above. */
let probeText: string | undefined;

function probe(): string {
  if (probeText === undefined) {
    const points: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) points.push(cp);
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 0x100) points.push(cp);
    probeText = points.map((cp) => String.fromCodePoint(cp)).join('');
  }
  return probeText;
}

/** Whether `atom` runs as a one-character matcher (classes, escapes, `.`); groups and backreferences do not. */
function runnable(atom: string): boolean {
  if (atom === '(') return false;
  try {
    new RegExp(`^(?:${atom})$`, 'u');
    return true;
  } catch {
    return false;
  }
}

/** The character a literal atom stands for (`a`, `\.`), or `null` for classes, escapes like `\d`, `.` and groups. */
function literalOf(atom: string): string | null {
  if (/^[^\\[.(]$/u.test(atom)) return atom;
  if (/^\\[^A-Za-z0-9]$/u.test(atom)) return atom.slice(1);
  return null;
}

const answers = new Map<string, boolean>();

/** Whether some character matches both atoms; a group (`(`) or an atom that cannot be run overlaps everything. */
export function atomsOverlap(a: string, b: string): boolean {
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const [la, lb] = [literalOf(a), literalOf(b)];
  let overlap: boolean;
  if (!runnable(a) || !runnable(b)) overlap = true;
  else if (la !== null && lb !== null) overlap = la === lb;
  else if (la !== null) overlap = new RegExp(`^(?:${b})$`, 'u').test(la);
  else if (lb !== null) overlap = new RegExp(`^(?:${a})$`, 'u').test(lb);
  // One native scan: is there a character where both atoms match?
  else overlap = new RegExp(`(?=${a})(?:${b})`, 'u').test(probe());
  // Authored patterns are few and short; the memo only has to outlive one definition check.
  if (answers.size > 10_000) answers.clear();
  answers.set(key, overlap);
  return overlap;
}
