/**
 * @module The team handling a record: whenever someone is assigned, the record's `team` becomes their
 * team, so reports by team and the team queue follow the work as it moves from the service desk to
 * engineers and field service. Left as it was when the record is unassigned or the person has no team
 * (the last team that handled it still sees it in its queue). Callers pass the team from the user row
 * they already read to check the assignee.
 */

/** The columns to write with an assignment: `assignee`, and `team` when the assignee has one. */
export function assignmentColumns(
  assignee: string | null,
  team: string | null | undefined,
): { assignee: string | null; team?: string } {
  return assignee !== null && team ? { assignee, team } : { assignee };
}
