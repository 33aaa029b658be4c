/**
 * @module The team handling a record: whenever someone is assigned, the record's `team` becomes their
 * team, so reports by team and the team queue follow the work as it moves from the service desk to
 * engineers and field service. Left as it was when the record is unassigned or the person has no team
 * (the last team that handled it still sees it in its queue).
 */
import type { Knex } from 'knex';

/** The columns to write with an assignment: `assignee`, and `team` when the assignee has one. */
export async function assignmentColumns(
  trx: Knex.Transaction,
  assignee: string | null,
): Promise<{ assignee: string | null; team?: string }> {
  if (assignee === null) return { assignee };
  const user = (await trx('users').where({ id: assignee }).first('team')) as { team: string | null } | undefined;
  return user?.team ? { assignee, team: user.team } : { assignee };
}
