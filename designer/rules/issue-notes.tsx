/** @module The problems of one part of the rule, shown where that part is edited. */
import type { RuleIssue } from './rule-issues';

export function IssueNotes({ issues }: { issues: readonly RuleIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="rule-issues" role="list">
      {issues.map((issue, i) => (
        <li key={i} className="error">
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
