/** @module Placeholder of the inbox until its area is built (issue 4); the route is wired in app.tsx. */
export function InboxPage() {
  return <p className="pad muted">inbox</p>;
}
