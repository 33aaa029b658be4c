/**
 * @module People by name in reports: a dimension of user ids (the assignee, a user field) gets a label
 * per id — the user's display name, else the username — read from `users` for the ids in the rows only.
 */
import type { Knex } from 'knex';
import type { ResultRow, ValueLabels } from '../../engine';

export async function userValueLabels(
  knex: Knex,
  rows: ResultRow[],
  dimensions: string[],
): Promise<ValueLabels> {
  const labels: ValueLabels = {};
  for (const name of dimensions) {
    const ids = [...new Set(rows.map((r) => r[name]).filter((v): v is string => typeof v === 'string'))];
    if (ids.length === 0) continue;
    const users = (await knex('users').whereIn('id', ids).select('id', 'username', 'display_name')) as {
      id: string;
      username: string;
      display_name: string | null;
    }[];
    labels[name] = Object.fromEntries(users.map((u) => [u.id, u.display_name || u.username]));
  }
  return labels;
}
