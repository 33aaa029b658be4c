/**
 * @module A bulk load with the secondary indexes built once at the end, as a DBA loads a big table:
 * the indexes of the given tables (those made by CREATE INDEX: not primary keys or constraints) are
 * read with their exact definitions, dropped, the load runs, and they are created again from the same
 * definitions — the same store afterwards, built by sorting once instead of a million random B-tree
 * inserts into a dozen indexes (the expression indexes each parse the record's JSON again). On SQLite
 * the connection's page cache is raised and its foreign-key checks are deferred to one
 * `foreign_key_check` while the load runs, and both set back afterwards.
 */
import type { Knex } from 'knex';

interface IndexDefinition {
  name: string;
  sql: string;
}

async function secondaryIndexes(
  knex: Knex,
  dialect: 'sqlite' | 'postgres',
  tables: readonly string[],
): Promise<IndexDefinition[]> {
  if (dialect === 'sqlite') {
    const rows = (await knex('sqlite_master')
      .where({ type: 'index' })
      .whereIn('tbl_name', tables)
      .whereNotNull('sql')
      .select('name', 'sql')) as IndexDefinition[];
    return rows;
  }
  const result = (await knex.raw(
    `select i.indexname as name, i.indexdef as sql from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any(?)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables as string[]],
  )) as { rows: IndexDefinition[] };
  return result.rows;
}

export async function withIndexesBuiltAfter<T>(
  knex: Knex,
  dialect: 'sqlite' | 'postgres',
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const indexes = await secondaryIndexes(knex, dialect, tables);
  for (const index of indexes) await knex.raw(`drop index "${index.name}"`);
  // SQLite's 2 MB page cache makes every random primary-key insert a page miss past a few thousand
  // rows; the load's one connection gets 512 MB while it runs, and its own setting back after.
  const cacheSize =
    dialect === 'sqlite'
      ? ((await knex.raw('pragma cache_size')) as { cache_size: number }[])[0]!.cache_size
      : 0;
  if (dialect === 'sqlite') await knex.raw('pragma cache_size = -524288');
  // The loader writes each revision and clock with the record it belongs to; checking the reference
  // on each of millions of rows is a random primary-key probe apiece. Checked once at the end instead.
  if (dialect === 'sqlite') await knex.raw('pragma foreign_keys = off');
  try {
    return await load();
  } finally {
    for (const index of indexes) await knex.raw(index.sql);
    if (dialect === 'sqlite') {
      await knex.raw(`pragma cache_size = ${Number(cacheSize)}`);
      await knex.raw('pragma foreign_keys = on');
      const broken = (await knex.raw('pragma foreign_key_check')) as unknown[];
      if (broken.length > 0)
        throw new Error(`the bulk load left ${broken.length} rows referring to no record`);
    }
  }
}
