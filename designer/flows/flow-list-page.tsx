/** @module Placeholder of the flows until its area is built (issue 4); the route is wired in app.tsx. */
export function FlowListPage() {
  return <p className="pad muted">flows</p>;
}
