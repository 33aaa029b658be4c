/** @module The problems of one part of a dashboard (engine in the browser, or the server), shown in that part. */
import type { PointerIssue } from './dashboard-edit-issues';

export function IssueList({ issues, testId }: { issues: readonly PointerIssue[]; testId: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="dashboard-edit-issues" data-testid={testId}>
      {issues.map((i, n) => (
        <li key={n} className="error">
          {i.message}
        </li>
      ))}
    </ul>
  );
}
