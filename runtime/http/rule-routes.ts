/**
 * @module Rules beyond their definitions: `POST /api/rules/:key/dry-run` `{ from, to }` — what the
 * published rule (or its draft, `?draft=1`) would have fired over that period — and
 * `GET /api/rules/:key/firings`, the firing history with what each firing created, each firing in the
 * dry run's shape (`group` as field values, `window` as `{ key, start, end }`).
 */
import type Router from '@koa/router';
import type { RuleDefinition } from '../../engine';
import { requireRole, requireScope } from '../auth/access';
import { DefinitionStore } from '../definitions/definition-store';
import { dryRunStoredRule } from '../rules/dry-run-service';
import { firingHistory } from '../rules/firing-history';
import type { RuntimeContext } from '../runtime-context';
import { UserError } from './errors';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function period(body: unknown): { from: string; to: string } {
  const { from, to } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const issues = (['from', 'to'] as const)
    .filter(
      (name) =>
        typeof { from, to }[name] !== 'string' ||
        !ISO_INSTANT.test(String({ from, to }[name])) ||
        Number.isNaN(Date.parse(String({ from, to }[name]))),
    )
    .map((name) => ({
      code: 'invalid-date',
      path: `/${name}`,
      message: `${name} must be an ISO 8601 date or date-time`,
    }));
  if (issues.length > 0) throw new UserError(422, 'invalid', 'The period is invalid', issues);
  if (Date.parse(String(from)) >= Date.parse(String(to))) {
    throw new UserError(422, 'invalid', 'The period is empty', [
      { code: 'empty-period', path: '/to', message: 'to must be after from' },
    ]);
  }
  return { from: String(from), to: String(to) };
}

export function registerRuleRoutes(router: Router, runtime: RuntimeContext): void {
  const store = new DefinitionStore(runtime);

  router.post('/api/rules/:key/dry-run', async (ctx) => {
    requireRole(ctx, 'designer');
    requireScope(ctx, 'definitions:read');
    const range = period(ctx.request.body);
    const stored =
      ctx.query.draft === '1'
        ? await store.getCurrent('rule', ctx.params.key!)
        : await store.getPublished('rule', ctx.params.key!);
    const result = await dryRunStoredRule(runtime.db.knex, stored.body as unknown as RuleDefinition, range);
    ctx.body = { rule: stored.key, version: stored.version, ...range, ...result };
  });

  router.get('/api/rules/:key/firings', async (ctx) => {
    requireRole(ctx, 'designer', 'manager');
    requireScope(ctx, 'definitions:read');
    ctx.body = { items: await firingHistory(runtime.db.knex, ctx.params.key!) };
  });
}
