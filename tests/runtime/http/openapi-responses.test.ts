/**
 * The OpenAPI document describes what the runtime really answers. The engine tour's app is imported and
 * driven through the API — tickets submitted, updated, noted, moved and assigned (one by one and in
 * bulk), an attachment uploaded, SLA clocks read through a warning and a breach (the manual clock
 * advanced, the timers swept), the inbox, notifications, a webhook with its deliveries, a threshold rule
 * firing and dry-run, reports, a CSV import job, API tokens, and a definition of every kind created,
 * saved, published and listed — and every JSON answer is validated against the schema the document
 * declares for its operation and status. The schemas are closed, so an undeclared property fails as a
 * missing required one does (shown against broken copies).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredKind } from '../../../runtime/definitions/definition-store';
import { DEFINITION_PATHS } from '../../../runtime/http/definition-routes';
import { buildOpenApi } from '../../../runtime/http/openapi/build-openapi';
import { waitForJob } from '../../../runtime/imports/job-store';
import { createNotificationsConsumer } from '../../../runtime/notifications/notifications-consumer';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import { sweepDueTimers } from '../../../runtime/timers/timer-sweeper';
import { deliverDueWebhooks } from '../../../runtime/webhooks/deliver-due-webhooks';
import { webhooksConsumer } from '../../../runtime/webhooks/webhook-consumer';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { jsonSuccessOperations, responseChecker } from './openapi-response-check';
import { flakyReceiver, NEW_DEFINITIONS, ticket, TOUR } from './openapi-response-fixtures';

describe.each(DIALECTS)('response schemas against real answers on %s', (dialect) => {
  const doc = buildOpenApi();
  const checker = responseChecker(doc);
  const reached = new Set<string>();
  let h: Harness;
  let admin: TestLogin;
  let designer: TestLogin;
  let manager: TestLogin;
  let agent: TestLogin;
  let engineer: TestLogin;
  let lead: TestLogin;

  type Caller = TestLogin | { authorization: string } | null;
  const headersOf = (as: Caller): Record<string, string> =>
    as === null ? {} : 'headers' in as ? { ...as.headers } : { authorization: as.authorization };

  /** Sends a request and validates its JSON answer against what the document declares for it. */
  async function call(
    as: Caller,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await h.request({
      method,
      url,
      headers: { ...headersOf(as), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
    if (String(res.headers['content-type'] ?? '').includes('application/json')) {
      const check = checker.check(method, url, res.status, res.body);
      if (res.status >= 200 && res.status < 300) reached.add(check.operationId);
      expect
        .soft(check.errors, `${method} ${url} → ${res.status} (${check.operationId} ${check.declared})`)
        .toEqual([]);
    }
    return res;
  }

  /** Like `call`, and the answer must have `status`. */
  async function expectCall(status: number, ...args: Parameters<typeof call>) {
    const res = await call(...args);
    expect(res.status, `${args[1]} ${args[2]}: ${res.text.slice(0, 500)}`).toBe(status);
    return res;
  }

  const drain = async () => {
    await drainOutboxFully(h.runtime, createRulesConsumer());
    await drainOutboxFully(h.runtime, createNotificationsConsumer({ email: false }));
    await drainOutboxFully(h.runtime, webhooksConsumer);
  };

  beforeAll(async () => {
    // A Monday morning on the cn-2026 working calendar the tour's flow runs on.
    h = await startHarness(dialect, '2026-10-12T09:00:00+08:00');
    admin = await createUserAndLogin(h, { username: 'ada', roles: ['admin'] });
    designer = await createUserAndLogin(h, { username: 'dana', roles: ['designer'] });
    manager = await createUserAndLogin(h, { username: 'max', roles: ['manager'] });
    agent = await createUserAndLogin(h, { username: 'wang', roles: ['agent'] });
    engineer = await createUserAndLogin(h, { username: 'gong', roles: ['engineer'] });
    lead = await createUserAndLogin(h, { username: 'zhao', roles: ['rd-lead'] });
  });
  afterAll(() => h?.close());

  it('answers health, the document, sign-in and the caller', async () => {
    await expectCall(200, null, 'GET', '/healthz');
    await expectCall(200, null, 'GET', '/api/openapi.json');
    await expectCall(200, null, 'POST', '/api/auth/login', {
      username: 'ada',
      password: 'correct horse battery staple',
    });
    const me = await expectCall(200, admin, 'GET', '/api/auth/me');
    expect(me.body.user).toMatchObject({ username: 'ada', via: 'session' });
  });

  it('imports the tour bundle and exports it', async () => {
    const imported = await expectCall(201, designer, 'POST', '/api/apps/import', TOUR);
    expect(imported.body.imported.forms.map((p: { key: string }) => p.key)).toEqual(['ticket', 'rd-task']);
    await expectCall(200, designer, 'GET', `/api/apps/${TOUR.key}/export`);
  });

  it('creates a webhook for record and SLA events', async () => {
    const created = await expectCall(201, admin, 'POST', '/api/webhooks', {
      url: 'https://erp.example.com/hooks',
      events: ['record.created', 'sla.*'],
    });
    expect(created.body.secret).toEqual(expect.any(String));
    await expectCall(200, admin, 'GET', '/api/webhooks');
  });

  let first: string;
  let second: string;

  it('submits, lists, reads, updates, moves and assigns tickets', async () => {
    const a = await expectCall(
      201,
      agent,
      'POST',
      '/api/forms/ticket/records',
      ticket('C-1', 'X100', 'screen'),
    );
    first = a.body.id;
    expect(a.body).toMatchObject({ stage: 'accept', flow: { key: 'ticket-sop', status: 'active' } });
    expect(a.body.sla.length).toBeGreaterThan(0);
    const b = await expectCall(
      201,
      agent,
      'POST',
      '/api/forms/ticket/records',
      ticket('C-2', 'X300', 'battery'),
    );
    second = b.body.id;

    const page = await expectCall(200, manager, 'GET', '/api/forms/ticket/records?limit=1');
    expect(page.body.nextCursor).toEqual(expect.any(String));
    await expectCall(
      200,
      manager,
      'GET',
      `/api/forms/ticket/records?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`,
    );

    const read = await expectCall(200, agent, 'GET', `/api/records/${first}`);
    const updated = await expectCall(
      200,
      agent,
      'PATCH',
      `/api/records/${first}`,
      { data: { serialNo: 'SN-0001' } },
      { 'if-match': String(read.body.revision) },
    );
    expect(updated.body.revision).toBe(read.body.revision + 1);

    const actions = await expectCall(200, agent, 'GET', `/api/records/${first}/actions`);
    expect(actions.body.items.map((a: { event: string }) => a.event)).toContain('ACCEPT');
    await expectCall(201, agent, 'POST', `/api/records/${first}/notes`, { text: 'Customer called back' });
    const moved = await expectCall(200, agent, 'POST', `/api/records/${first}/events`, { type: 'ACCEPT' });
    expect(moved.body.stage).toBe('diagnose');
    const assigned = await expectCall(200, manager, 'POST', `/api/records/${first}/assign`, {
      assignee: engineer.user.id,
      reason: 'knows the X100',
    });
    expect(assigned.body.assignee).toBe(engineer.user.id);
    await expectCall(200, null, 'GET', '/api/forms/ticket');
  });

  it('searches customers and reads a customer’s service history', async () => {
    const found = await expectCall(200, agent, 'GET', '/api/customers/search?form=ticket&q=x100');
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(first);
    const history = await expectCall(200, manager, 'GET', '/api/customers/C-1/history?limit=1');
    expect(history.body).toMatchObject({ customer: null, items: [{ id: first }] });
    await expectCall(200, manager, 'GET', `/api/customers/${first}/history`);
  });

  it('reads an improvement item’s effect, and refuses one without a KPI', async () => {
    // The tour has no improvement form: an item stored with the fields the effect reads, no tickets.
    await h.db.knex('records').insert({
      id: 'IMP-1',
      form_key: 'ticket',
      form_version: 1,
      revision: 1,
      data: JSON.stringify({ kpi: 'frt', goLive: '2026-10-01', targetValue: 20, targetType: 'relative' }),
      created_at: Date.parse('2026-10-01T00:00:00Z'),
      updated_at: Date.parse('2026-10-01T00:00:00Z'),
    });
    const effect = await expectCall(200, manager, 'GET', '/api/records/IMP-1/effect');
    expect(effect.body.verdict).toMatchObject({ provisional: true, verified: false });
    await expectCall(422, manager, 'GET', `/api/records/${first}/effect`);
  });

  it('uploads an attachment and reads it back', async () => {
    const uploaded = await expectCall(
      201,
      engineer,
      'POST',
      '/api/attachments?name=fix-report.txt',
      'replaced',
      {
        'content-type': 'text/plain',
      },
    );
    expect(uploaded.body).toMatchObject({ name: 'fix-report.txt', size: 8, contentType: 'text/plain' });
    const read = await expectCall(200, engineer, 'GET', `/api/attachments/${uploaded.body.hash}`);
    expect(read.text).toBe('replaced');
  });

  it('reads the SLA clocks through a warning and a breach, the timers swept', async () => {
    // The untouched ticket: accept within 15 business minutes, warnings at 50 % and 80 %.
    h.clock.advanceMinutes(16);
    expect((await sweepDueTimers(h.runtime)).fired).toBeGreaterThan(0);
    const sla = await expectCall(200, agent, 'GET', `/api/records/${second}/sla`);
    const accept = sla.body.clocks.find((c: { clock: string }) => c.clock === 'accept-sla');
    expect(accept.warnings.map((w: { fraction: number }) => w.fraction)).toEqual([0.5, 0.8]);
    expect(accept.breaches).toHaveLength(1);
    expect(accept.state).toBe('breached');

    // The accepted one: diagnose within 120 business minutes, its 50 % warning escalates to managers.
    h.clock.advanceMinutes(60);
    await sweepDueTimers(h.runtime);
    const detail = await expectCall(200, engineer, 'GET', `/api/records/${first}`);
    const types = detail.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['record.created', 'sla.warning', 'record.assigned']));
    await expectCall(200, engineer, 'GET', `/api/records/${first}/sla`);
  });

  it('lists inboxes, notifications and webhook deliveries', async () => {
    await drain();
    const mine = await expectCall(200, agent, 'GET', '/api/tasks');
    expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(second);
    await expectCall(200, engineer, 'GET', '/api/tasks');
    await expectCall(200, manager, 'GET', '/api/tasks?assignee=unassigned');
    await expectCall(200, manager, 'GET', '/api/tasks?assignee=team&sla=breached');
    await expectCall(200, manager, 'GET', '/api/tasks/people');
    const bulk = await expectCall(200, manager, 'POST', '/api/tasks/assign', {
      records: [second, 'no-such-record'],
      assignee: agent.user.id,
      reason: 'back to the agent',
    });
    expect(bulk.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);

    const notes = await expectCall(200, manager, 'GET', '/api/notifications');
    expect(notes.body.items.length).toBeGreaterThan(0);
    await expectCall(200, manager, 'POST', `/api/notifications/${notes.body.items[0].id}/read`);
    await expectCall(200, engineer, 'GET', '/api/notifications?unread=1');

    const receiver = flakyReceiver();
    await deliverDueWebhooks(h.runtime, { fetch: receiver });
    const [hook] = (await call(admin, 'GET', '/api/webhooks')).body.items;
    const deliveries = await expectCall(200, admin, 'GET', `/api/webhooks/${hook.id}/deliveries`);
    expect(deliveries.body.items.length).toBeGreaterThan(0);
    const delivery = deliveries.body.items[0];
    expect(delivery.log).toEqual([expect.objectContaining({ outcome: 'retrying', responseStatus: 503 })]);
    await expectCall(202, admin, 'POST', `/api/webhooks/${hook.id}/deliveries/${delivery.id}/retry`);
    await deliverDueWebhooks(h.runtime, { fetch: receiver });
    const done = await expectCall(200, admin, 'GET', `/api/webhooks/${hook.id}/deliveries?status=delivered`);
    expect(done.body.items[0].log).toHaveLength(2);
  });

  it('fires the threshold rule, lists its firings and dry-runs it', async () => {
    for (let i = 0; i < 10; i++) {
      h.clock.advanceMinutes(1);
      await expectCall(
        201,
        agent,
        'POST',
        '/api/forms/ticket/records',
        ticket(`C-${10 + i}`, 'X200', 'screen'),
      );
    }
    await drain();
    const firings = await expectCall(200, designer, 'GET', '/api/rules/screen-failure-threshold/firings');
    expect(firings.body.items).toHaveLength(1);
    expect(firings.body.items[0].created[0]).toMatchObject({ type: 'create-record', id: expect.any(String) });
    const period = { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };
    const dry = await expectCall(
      200,
      designer,
      'POST',
      '/api/rules/screen-failure-threshold/dry-run',
      period,
    );
    expect(dry.body.firings[0].actions.map((a: { type: string }) => a.type)).toEqual([
      'create-record',
      'notify',
    ]);
    await expectCall(200, designer, 'POST', '/api/rules/screen-failure-threshold/dry-run?draft=1', period);
    await expectCall(200, lead, 'GET', '/api/notifications');
  });

  it('runs a report spec and a published report', async () => {
    const query = await expectCall(200, manager, 'POST', '/api/reports/query', {
      spec: TOUR.reports[0],
      locale: 'zh-CN',
    });
    expect(query.body.rows.length).toBeGreaterThan(0);
    const data = await expectCall(200, manager, 'GET', '/api/reports/category-pareto/data?locale=en');
    expect(data.body.option).toEqual(expect.any(Object));
    const category = query.body.rows[0].category;
    const behind = await expectCall(200, manager, 'POST', '/api/reports/records', {
      report: 'category-pareto',
      point: { category },
      limit: 1,
    });
    expect(behind.body.records).toHaveLength(1);
  });

  it('imports a CSV file through a job with a per-row report', async () => {
    const csv = [
      'customer,tier,priority,channel,model,category,detail',
      'C-90,standard,normal,web,X100,noise,rattles',
      'C-91,gold,normal,web,X100,noise,unknown tier',
    ].join('\n');
    const started = await expectCall(202, designer, 'POST', '/api/forms/ticket/import', csv, {
      'content-type': 'text/csv',
    });
    await waitForJob(started.body.job.id);
    const job = await expectCall(200, designer, 'GET', `/api/jobs/${started.body.job.id}`);
    expect(job.body.job).toMatchObject({ status: 'done', result: { imported: 1, failed: 1 } });
    expect(job.body.job.issues).toEqual([expect.objectContaining({ row: 3, field: 'tier' })]);
  });

  it('reads the queues’ health as an admin', async () => {
    const health = await expectCall(200, admin, 'GET', '/api/admin/queues');
    expect(health.body.outbox.map((c: { consumer: string }) => c.consumer)).toEqual([
      'notifications',
      'rules',
      'webhooks',
    ]);
  });

  it('creates, lists, uses and revokes an API token', async () => {
    const created = await expectCall(201, admin, 'POST', '/api/auth/tokens', {
      name: 'erp sync',
      scopes: ['records:read'],
    });
    await expectCall(200, admin, 'GET', '/api/auth/tokens');
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const me = await expectCall(200, bearer, 'GET', '/api/auth/me');
    expect(me.body.user).toMatchObject({ via: 'token', scopes: ['records:read'] });
    await expectCall(200, bearer, 'GET', `/api/records/${first}`);
    await expectCall(204, admin, 'DELETE', `/api/auth/tokens/${created.body.id}`);
    await expectCall(200, admin, 'GET', '/api/auth/tokens');
  });

  it.each(Object.entries(DEFINITION_PATHS) as [StoredKind, string][])(
    'creates, reads, saves, publishes and lists a %s',
    async (kind, plural) => {
      const body = NEW_DEFINITIONS[kind];
      const key = body.key as string;
      await expectCall(201, designer, 'POST', `/api/${plural}`, body);
      await expectCall(200, designer, 'GET', `/api/${plural}/${key}`);
      await expectCall(200, designer, 'PUT', `/api/${plural}/${key}`, {
        ...body,
        description: { en: 'Saved' },
      });
      const published = await expectCall(200, designer, 'POST', `/api/${plural}/${key}/publish`);
      expect(published.body).toMatchObject({ version: 1, status: 'published' });
      await expectCall(200, designer, 'GET', `/api/${plural}/${key}?version=1`);
      await expectCall(200, designer, 'GET', `/api/${plural}/${key}/versions`);
      await expectCall(200, designer, 'GET', `/api/${plural}`);
    },
  );

  it('runs dashboards with shared filters and shares one through a read-only link', async () => {
    // `overview` was published by the definitions test above; a draft adds shared filters.
    const filters = encodeURIComponent(JSON.stringify({}));
    await expectCall(200, manager, 'GET', `/api/dashboards/overview/data?filters=${filters}&locale=en`);
    const draft = {
      ...NEW_DEFINITIONS.dashboard,
      filters: [
        { key: 'period', kind: 'dateRange', field: 'createdAt' },
        { key: 'model', kind: 'select', field: 'model' },
      ],
    };
    const query = await expectCall(200, manager, 'POST', '/api/dashboards/query', {
      dashboard: draft,
      filters: { period: { from: '2026-10-01' }, model: ['X200'] },
      locale: 'zh-CN',
    });
    expect(query.body.filters[1].options).toContain('X200');
    const link = await expectCall(201, manager, 'POST', '/api/dashboards/overview/links');
    await expectCall(200, manager, 'GET', '/api/dashboards/overview/links');
    await expectCall(200, null, 'GET', `/api/shared-dashboards/${link.body.token}/data?locale=en`);
    await expectCall(204, manager, 'DELETE', `/api/dashboards/overview/links/${link.body.id}`);
    await expectCall(404, null, 'GET', `/api/shared-dashboards/${link.body.token}/data`);
  });

  it('reached every operation that answers JSON on success', () => {
    expect(jsonSuccessOperations(doc).filter((id) => !reached.has(id))).toEqual([]);
  });

  describe('the schemas have teeth', () => {
    /** The document with one component changed. */
    const brokenCopy = (name: string, change: (schema: Record<string, any>) => void) => {
      const copy = JSON.parse(JSON.stringify(doc)) as Record<string, any>;
      change(copy.components.schemas[name]);
      return responseChecker(copy, `urn:closedloop:openapi:broken:${name}`);
    };

    it('refuses an answer with a property the schema does not declare', async () => {
      const url = `/api/records/${first}`;
      const res = await call(engineer, 'GET', url);
      expect(checker.check('GET', url, 200, res.body).valid).toBe(true);

      const withoutActor = brokenCopy('TimelineEntry', (schema) => delete schema.properties.actor);
      const check = withoutActor.check('GET', url, 200, res.body);
      expect(check.valid).toBe(false);
      expect(check.errors).toContainEqual(
        expect.objectContaining({
          keyword: 'additionalProperties',
          instancePath: '/timeline/0',
          params: { additionalProperty: 'actor' },
        }),
      );
      expect(checker.check('GET', url, 200, { ...res.body, colour: 'red' }).valid).toBe(false);
    });

    it('refuses an answer without a property the schema requires', async () => {
      const url = `/api/records/${second}/sla`;
      const res = await call(agent, 'GET', url);
      const withDepartment = brokenCopy('SlaClock', (schema) => {
        schema.required.push('department');
        schema.properties.department = { type: 'string' };
      });
      const check = withDepartment.check('GET', url, 200, res.body);
      expect(check.valid).toBe(false);
      expect(check.errors).toContainEqual(
        expect.objectContaining({
          keyword: 'required',
          instancePath: '/clocks/0',
          params: { missingProperty: 'department' },
        }),
      );
      const { clocks: _clocks, ...withoutClocks } = res.body;
      expect(checker.check('GET', url, 200, withoutClocks).valid).toBe(false);
    });
  });
});
