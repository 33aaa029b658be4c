/** @module How many rows of `table` match `where`: what tests assert a write left behind (or did not). */
import type { Knex } from 'knex';

export async function rowCount(
  knex: Knex,
  table: string,
  where: Record<string, unknown> = {},
): Promise<number> {
  const [row] = (await knex(table).where(where).count({ n: '*' })) as { n: number | string }[];
  return Number(row?.n ?? 0);
}
