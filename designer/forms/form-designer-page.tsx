/** @module Placeholder of the form designer until its area is built (issue 4); the route is wired in app.tsx. */
export function FormDesignerPage() {
  return <p className="pad muted">form designer</p>;
}
