/** @module Placeholder of the flow designer until its area is built (issue 4); the route is wired in app.tsx. */
export function FlowDesignerPage() {
  return <p className="pad muted">flow designer</p>;
}
