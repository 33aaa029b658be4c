/** @module Placeholder of the reports until its area is built (issue 5); the route is wired in app.tsx. */
export function ReportListPage() {
  return <p className="pad muted">reports</p>;
}
