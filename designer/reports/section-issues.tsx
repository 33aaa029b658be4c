/** @module The problems of one part of the report (engine in the browser, or the server's 422), shown in that part. */
import type { PointerIssue } from './report-issues';

export function SectionIssues({ issues, id }: { issues: readonly PointerIssue[]; id: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="report-issues" id={id} data-testid={id}>
      {issues.map((i, n) => (
        <li key={n} className="error">
          {i.message}
        </li>
      ))}
    </ul>
  );
}
