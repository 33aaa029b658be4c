/**
 * @module The one place errors become HTTP: `{ error: { code, message, issues? } }` with the status
 * of the error's class. Body-parser errors (bad JSON, too large) are user errors too, and so is an
 * expression of a definition that overspends its evaluation budget on the data of this request (a
 * guard or formula over a huge list): 422 with the engine's issue, not a server failure.
 */
import type { Context, Next } from 'koa';
import { ExpressionError } from '../../engine';
import { OperationalError, UserError } from './errors';
import type { Logger } from '../logger';

interface HttpLikeError {
  status?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

function fromHttpError(err: HttpLikeError): UserError | undefined {
  if (typeof err.status !== 'number' || err.status < 400 || err.status >= 500) return undefined;
  if (err.status === 413) return new UserError(413, 'too-large', 'The request body is too large');
  if (err.type === 'entity.parse.failed' || err.status === 400) {
    return new UserError(
      400,
      'bad-request',
      err.expose && err.message ? err.message : 'The request is malformed',
    );
  }
  const status = err.status as UserError['status'];
  return new UserError(status, 'http-error', err.expose && err.message ? err.message : 'Request refused');
}

export function errorMiddleware(logger: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
    } catch (caught) {
      const err = caught as Error & HttpLikeError;
      const user =
        err instanceof UserError
          ? err
          : err instanceof ExpressionError
            ? new UserError(422, 'expression-failed', err.message, err.issues)
            : fromHttpError(err);
      if (user) {
        ctx.status = user.status;
        ctx.body = {
          error: { code: user.code, message: user.message, ...(user.issues ? { issues: user.issues } : {}) },
        };
        return;
      }
      if (err instanceof OperationalError) {
        logger.warn('operational error', { path: ctx.path, error: err.message });
        ctx.status = 503;
        ctx.set('Retry-After', '5');
        ctx.body = {
          error: { code: 'unavailable', message: 'The service is temporarily unavailable; try again' },
        };
        return;
      }
      logger.error('unexpected error', {
        method: ctx.method,
        path: ctx.path,
        error: err?.stack ?? String(err),
      });
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: 'Something went wrong on our side' } };
    }
  };
}
