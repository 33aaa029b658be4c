/**
 * @module The customers API: the picker's search over a customer form (`GET /api/customers/search?form=
 * &q=&limit=`; read access to that form, only the caller's own records with `read-own`) and a
 * customer's service history across forms (`GET /api/customers/:id/history?limit=&cursor=`; signed in,
 * each form's records as the caller may read them). The services in `runtime/customers/` do the work.
 */
import type Router from '@koa/router';
import { requireScope, requireUser } from '../auth/access';
import { requireListAccess } from '../auth/form-permissions';
import { customerHistory } from '../customers/customer-history';
import { searchCustomers } from '../customers/customer-search';
import type { RuntimeContext } from '../runtime-context';
import { UserError } from './errors';

const stringParam = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function registerCustomerRoutes(router: Router, runtime: RuntimeContext): void {
  router.get('/api/customers/search', async (ctx) => {
    const form = stringParam(ctx.query.form);
    if (!form) {
      throw new UserError(400, 'bad-request', '`form` must name the customer form', [
        { code: 'bad-request', path: '/form', message: 'Expected the key of the customer form' },
      ]);
    }
    const { user, onlyOwn } = await requireListAccess(runtime, ctx, form);
    ctx.body = await searchCustomers(runtime, form, {
      q: stringParam(ctx.query.q),
      limit: stringParam(ctx.query.limit),
      ...(onlyOwn ? { onlyFor: user.id } : {}),
    });
  });

  router.get('/api/customers/:id/history', async (ctx) => {
    requireUser(ctx);
    const user = requireScope(ctx, 'records:read');
    ctx.body = await customerHistory(runtime, user, ctx.params.id!, {
      limit: stringParam(ctx.query.limit),
      cursor: stringParam(ctx.query.cursor),
    });
  });
}
