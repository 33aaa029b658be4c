/** @module Placeholder of the forms until its area is built (issue 4); the route is wired in app.tsx. */
export function FormListPage() {
  return <p className="pad muted">forms</p>;
}
