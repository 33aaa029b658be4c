/**
 * @module What a store holds, in the words an operator checks after a backup or restore: records,
 * events, published definitions, users and files — counted, so "backed up 1,204 records" can be
 * compared with what the server shows.
 */
import type { Knex } from 'knex';
import { KNOWN_MIGRATIONS } from '../storage/migrate';

export interface StoreContents {
  records: number;
  events: number;
  definitions: number;
  users: number;
  attachments: number;
}

const COUNTED: readonly (keyof StoreContents)[] = [
  'records',
  'events',
  'definitions',
  'users',
  'attachments',
];

/** Counts what the store holds; null when it has no Closedloop schema yet (an empty database). */
export async function storeContents(knex: Knex): Promise<StoreContents | null> {
  if (!(await knex.schema.hasTable('records'))) return null;
  const counts = {} as StoreContents;
  for (const table of COUNTED) {
    const [row] = (await knex(table).count({ n: '*' })) as { n: number | string }[];
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

export function describeContents(c: StoreContents): string {
  const n = (x: number) => x.toLocaleString('en');
  return (
    `${n(c.records)} records, ${n(c.events)} events, ${n(c.definitions)} definition versions, ` +
    `${n(c.users)} users, ${n(c.attachments)} files`
  );
}

/** Whether anything a team made is in the store (a migrated but unused store holds nothing). */
export const holdsData = (c: StoreContents | null): c is StoreContents =>
  c !== null && (c.records > 0 || c.definitions > 0 || c.users > 0 || c.attachments > 0);

/**
 * The reason a backup's schema cannot be restored by this version, or null: it must be a Closedloop
 * store, and every migration it ran must be one this version knows (a newer version's backup would
 * lose what its newer schema holds).
 */
export function schemaProblem(tables: readonly string[], migrations: readonly string[]): string | null {
  if (!tables.includes('records') || !tables.includes('knex_migrations'))
    return 'it is not a Closedloop store (no records or knex_migrations table)';
  const unknown = migrations.filter((m) => !KNOWN_MIGRATIONS.includes(m));
  if (unknown.length > 0)
    return `it comes from a newer Closedloop (schema steps ${unknown.join(', ')}); restore it with that version`;
  return null;
}
