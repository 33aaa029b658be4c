/** @module JSON Pointer (RFC 6901) building and reading, the `path` of every issue. */

/** Escapes one reference token: `~` → `~0`, `/` → `~1`. */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins tokens into a pointer: `pointer('fields', 2, 'key')` → `/fields/2/key`; no tokens → `''`. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

/** Appends tokens to an existing pointer. */
export function childPointer(base: string, ...tokens: (string | number)[]): string {
  return base + pointer(...tokens);
}

/** Splits a pointer into its unescaped tokens. */
export function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`not a JSON Pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
