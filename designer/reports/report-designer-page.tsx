/** @module Placeholder of the report designer until its area is built (issue 5); the route is wired in app.tsx. */
export function ReportDesignerPage() {
  return <p className="pad muted">report designer</p>;
}
