/**
 * @module API token scopes: `area:read`, `area:write`, `area:*` or `*` (e.g. `records:write`,
 * `definitions:write`, `reports:read`, `tokens:write`). A scope covers itself; `area:*` covers the area's
 * scopes; `*` covers everything. `write` does not imply `read`: grant both when both are meant.
 * Session (browser) callers are not limited by scopes, only by their roles.
 */

export const SCOPE = /^(\*|[a-z][a-z0-9-]{0,31}:(read|write|\*))$/;

export function scopeCovers(held: string, wanted: string): boolean {
  if (held === '*' || held === wanted) return true;
  if (!held.endsWith(':*')) return false;
  const area = held.slice(0, -1);
  return wanted.startsWith(area) && wanted !== '*';
}

export function scopesCover(held: readonly string[], wanted: string): boolean {
  return held.some((scope) => scopeCovers(scope, wanted));
}
