/**
 * A published rule whose condition overspends its evaluation budget (five maps nested over a hundred
 * numbers: its text passes every save-time check) does not hold up the rules: the consumer records a
 * `rule.evaluation-failed` event with the engine's issue for each record it could not judge, moves on,
 * and the tour's threshold rule still fires; a dry run of the costly rule answers 422 naming the
 * issue, not a server error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExpression, type RuleDefinition } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { submitRecord } from '../../../runtime/records/record-service';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import { readJson } from '../../../runtime/storage/json-value';
import { rowCount } from '../../helpers/row-count';
import { createUserAndLogin, startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { tourApp, tourTicket } from '../../helpers/tour-tickets';

const hundred = Array.from({ length: 100 }, (_, i) => i);
let costly: unknown = { '+': [1, 1] };
for (let i = 0; i < 5; i++) costly = { map: [hundred, costly] };

describe.each(DIALECTS)('a rule that cannot be evaluated, on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, '2026-10-05T09:00:00+08:00');
    const tour = tourApp();
    await importApp(h.runtime, tour, null);
    const rule = structuredClone(tour.rules![0]!) as RuleDefinition;
    const costlyRule = {
      ...rule,
      key: 'costly-screen-rule',
      condition: { and: [{ some: [costly, { '==': [{ var: '' }, 0] }] }, rule.condition] },
    } as RuleDefinition;
    expect(checkExpression(costlyRule.condition)).toEqual([]);
    const store = new DefinitionStore(h.runtime);
    await store.saveDraft('rule', costlyRule.key, costlyRule as unknown as Record<string, unknown>, 'admin');
    await store.publish('rule', costlyRule.key, 'admin');
  });
  afterAll(() => h?.close());

  it('records the failure per record, moves on, and lets the other rules fire', async () => {
    for (let n = 0; n < 10; n++)
      await submitRecord(h.runtime, 'ticket', { data: tourTicket(n, { category: 'screen' }) }, { id: null });
    await drainOutboxFully(h.runtime, createRulesConsumer());

    const failures = (await h.db
      .knex('events')
      .where({ type: 'rule.evaluation-failed' })
      .select('stream_id', 'payload')) as { stream_id: string; payload: unknown }[];
    expect(failures).toHaveLength(10);
    for (const f of failures) {
      expect(f.stream_id).toBe('costly-screen-rule');
      const payload = readJson<{ issues: { code: string }[] }>(f.payload);
      expect(payload.issues.map((i) => i.code)).toEqual(['expression-too-costly']);
    }
    // The tour's threshold rule, judged beside it, fired at the tenth screen failure.
    expect(await h.db.knex('rule_firings').pluck('idempotency_key')).toEqual([
      'screen-failure-threshold|model=X200|2026-10',
    ]);
    expect(await rowCount(h.db.knex, 'records', { form_key: 'rd-task' })).toBe(1);
    // Nothing is left for the consumer: the failures are not retried.
    expect(await drainOutboxFully(h.runtime, createRulesConsumer())).toBe(0);
  });

  it('answers a dry run of the costly rule with 422 and the issue', async () => {
    const admin = await createUserAndLogin(h, { username: 'rule-admin', roles: ['admin'] });
    const res = await h.request({
      method: 'POST',
      url: '/api/rules/costly-screen-rule/dry-run',
      headers: admin.headers,
      payload: { from: '2026-10-01', to: '2026-11-01' },
    });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('expression-failed');
    expect(res.body.error.issues.map((i: { code: string }) => i.code)).toEqual(['expression-too-costly']);
  });
});
