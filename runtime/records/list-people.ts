/**
 * @module The people records mention (`GET /api/tasks/people`): every user's id, username, display
 * name, roles and whether they are active — so the inbox and the timeline show names instead of ids,
 * and a dispatcher can pick an assignee or a role. Nothing private (no e-mail, no password state).
 */
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';

export interface Person {
  id: string;
  username: string;
  displayName: string | null;
  roles: string[];
  team: string | null;
  active: boolean;
}

export async function listPeople(runtime: RuntimeContext): Promise<Person[]> {
  const rows = (await runtime.db
    .knex('users')
    .orderBy('username')
    .select('id', 'username', 'display_name', 'roles', 'team', 'active')) as {
    id: string;
    username: string;
    display_name: string | null;
    roles: unknown;
    team: string | null;
    active: boolean | number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name ?? null,
    roles: readJson<string[]>(row.roles) ?? [],
    team: row.team ?? null,
    active: Boolean(row.active),
  }));
}
