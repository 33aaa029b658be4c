/**
 * @module `exportApp(runtime, app)`: the app bundle as stored — the latest published version of every
 * definition tagged with the app, in the order of its last import, plus its roles and header. Parts
 * leave out `version` (storage sets it on publish), so the export imports back without new versions.
 */
import { BUNDLE_PARTS, type AppBundle, type RoleDefinition } from '../../engine';
import { notFound } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { PART_ORDER, type PartName } from './import-app';

interface AppRow {
  key: string;
  title: unknown;
  description: unknown;
  parts: unknown;
}

interface RoleRow {
  key: string;
  title: unknown;
  forms: unknown;
}

const KIND_PART = Object.fromEntries(PART_ORDER.map((part) => [BUNDLE_PARTS[part], part])) as Record<
  string,
  PartName
>;

export async function exportApp(runtime: RuntimeContext, appKey: string): Promise<AppBundle> {
  const knex = runtime.db.knex;
  const app = (await knex('apps').where({ key: appKey }).first()) as AppRow | undefined;
  if (!app) throw notFound(`App "${appKey}"`);

  // Newest first: the first row seen of each definition is its latest published version.
  const rows = (await knex('definitions')
    .where({ app: appKey })
    .andWhere('version', '>', 0)
    .orderBy([{ column: 'kind' }, { column: 'key' }, { column: 'version', order: 'desc' }])
    .select('kind', 'key', 'body')) as { kind: string; key: string; body: unknown }[];
  const byPart = new Map<PartName, Map<string, Record<string, unknown>>>();
  for (const row of rows) {
    const part = KIND_PART[row.kind];
    if (!part) continue;
    const docs = byPart.get(part) ?? new Map<string, Record<string, unknown>>();
    byPart.set(part, docs);
    if (!docs.has(row.key)) docs.set(row.key, readJson(row.body));
  }

  const order = readJson<Partial<Record<PartName, string[]>>>(app.parts) ?? {};
  const parts = Object.fromEntries(PART_ORDER.map((part) => [part, [] as Record<string, unknown>[]]));
  for (const part of PART_ORDER) {
    const position = new Map((order[part] ?? []).map((key, index) => [key, index]));
    // As imported; a definition the app gained since (none today) follows, by key.
    const docs = [...(byPart.get(part) ?? new Map<string, Record<string, unknown>>()).entries()].map(
      ([key, body]) => ({ key, body }),
    );
    docs.sort(
      (a, b) =>
        (position.get(a.key) ?? Infinity) - (position.get(b.key) ?? Infinity) || a.key.localeCompare(b.key),
    );
    parts[part] = docs.map(({ body }) => {
      const { version: _version, ...doc } = body;
      return doc;
    });
  }

  const roleRows = (await knex('app_roles')
    .where({ app: appKey })
    .orderBy('position')
    .select('key', 'title', 'forms')) as RoleRow[];
  const roles = roleRows.map((row) => {
    const role: Record<string, unknown> = { key: row.key };
    if (row.title !== null) role.title = readJson(row.title);
    if (row.forms !== null) role.forms = readJson(row.forms);
    return role as RoleDefinition;
  });

  const bundle: Record<string, unknown> = { format: 'closedloop-app', formatVersion: 1, key: app.key };
  if (app.title !== null) bundle.title = readJson(app.title);
  if (app.description !== null) bundle.description = readJson(app.description);
  return { ...bundle, ...parts, roles } as unknown as AppBundle;
}
