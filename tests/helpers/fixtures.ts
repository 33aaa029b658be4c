/**
 * @module Loads data-driven test cases: every `*.json` file under `tests/fixtures/<area>/` holds one
 * case object or an array of them, each with a `name`. Adding a case means adding JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface FixtureCase {
  name: string;
  [key: string]: unknown;
}

/** All cases under `tests/fixtures/<area>` (recursively), each named `file › case`. */
export function loadFixtures<T extends FixtureCase = FixtureCase>(area: string): (T & { file: string })[] {
  const cases: (T & { file: string })[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) {
        const parsed = JSON.parse(readFileSync(full, 'utf8')) as T | T[];
        const file = full.slice(FIXTURES.length + 1);
        for (const c of Array.isArray(parsed) ? parsed : [parsed]) cases.push({ ...c, file });
      }
    }
  };
  walk(join(FIXTURES, area));
  return cases;
}

/** Reads one JSON fixture, e.g. `readFixture('forms/ticket.form.json')`. */
export function readFixture<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, relativePath), 'utf8')) as T;
}
