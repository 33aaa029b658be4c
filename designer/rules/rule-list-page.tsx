/** @module Placeholder of the rules until its area is built (issue 5); the route is wired in app.tsx. */
export function RuleListPage() {
  return <p className="pad muted">rules</p>;
}
