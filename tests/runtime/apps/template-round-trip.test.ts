/**
 * An app export → import round trip loses nothing, for every bundled template, on SQLite and
 * PostgreSQL: the templates installed into one store, each app exported and imported into a second,
 * empty store, and exported again — the second exports equal the first, and every published
 * definition (kind, key, version, body) of the first store is in the second, unchanged.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppBundle } from '../../../engine';
import { exportApp } from '../../../runtime/apps/export-app';
import { importApp } from '../../../runtime/apps/import-app';
import { bundledTemplates } from '../../../runtime/cli/bundled-templates';
import { installBundledTemplates } from '../../../runtime/cli/first-run';
import type { Dialect } from '../../../runtime/config/database-url';
import { memoryLogger } from '../../../runtime/logger';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { ManualClock } from '../../helpers/manual-clock';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

const TEMPLATES = bundledTemplates();

async function published(db: TestDatabase): Promise<string[]> {
  const rows = (await db
    .knex('definitions')
    .where('version', '>', 0)
    .select('kind', 'key', 'version', 'app', 'body')) as {
    kind: string;
    key: string;
    version: number;
    app: string | null;
    body: unknown;
  }[];
  return rows
    .map((r) =>
      JSON.stringify([
        r.kind,
        r.key,
        r.version,
        r.app,
        typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
      ]),
    )
    .sort();
}

describe.each(DIALECTS)('every template through export and import on %s', (dialect: Dialect) => {
  let first: TestDatabase;
  let second: TestDatabase;
  const runtimeOf = (db: TestDatabase): RuntimeContext => ({
    db,
    clock: new ManualClock('2026-11-24T09:00:00+08:00'),
    logger: memoryLogger(),
  });

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(dialect), createTestDatabase(dialect)]);
    await installBundledTemplates(runtimeOf(first));
  }, 120_000);
  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  it('exports each app, imports it into an empty store, and gets the same apps and definitions back', async () => {
    const apps = TEMPLATES.map((t) => (JSON.parse(readFileSync(t.file, 'utf8')) as AppBundle).key);
    expect(apps.length).toBeGreaterThanOrEqual(5);
    const exported: AppBundle[] = [];
    for (const app of apps) exported.push(await exportApp(runtimeOf(first), app));
    // In the templates' install order, since an app may refer to another's forms.
    for (const bundle of exported)
      await importApp(runtimeOf(second), JSON.parse(JSON.stringify(bundle)), null);
    for (const [i, app] of apps.entries())
      expect(await exportApp(runtimeOf(second), app)).toEqual(exported[i]);
    expect(await published(second)).toEqual(await published(first));
  });
});
