/** @module Placeholder of the public fill page until its area is built (issue 4); the route is wired in app.tsx. */
export function FillPage() {
  return <p className="pad muted">public fill page</p>;
}
