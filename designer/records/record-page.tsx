/** @module Placeholder of the record page until its area is built (issue 4); the route is wired in app.tsx. */
export function RecordPage() {
  return <p className="pad muted">record page</p>;
}
