/**
 * @module The runtime's three error classes (STYLE.md 7): a user error becomes a 4xx with the issues
 * that name what is wrong; an operational error (a database that went away) becomes 503 and may be
 * retried; anything else is unexpected — 500, logged in full, shown as a bare message.
 */
import type { Issue } from '../../engine';

export class UserError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428 | 429,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class OperationalError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'OperationalError';
  }
}

export const notFound = (what: string) => new UserError(404, 'not-found', `${what} not found`);

export const invalid = (issues: Issue[], message = 'The request has invalid values') =>
  new UserError(422, 'invalid', message, issues);
