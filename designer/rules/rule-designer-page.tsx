/** @module Placeholder of the rule designer until its area is built (issue 5); the route is wired in app.tsx. */
export function RuleDesignerPage() {
  return <p className="pad muted">rule designer</p>;
}
