/** The delivery loop `closedloop serve` runs: one tick drains both consumers and sends what is due. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../../runtime/events/append-event';
import { startDeliveryWorkers } from '../../../runtime/notifications/start-delivery-workers';
import {
  startHarness,
  type Harness,
  createUserAndLogin,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { recordEvent, seedTeam } from './notification-fixtures';

describe.each(DIALECTS)('delivery workers on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await createUserAndLogin(h, { username: 'admin', roles: ['admin'] });
    await seedTeam(h.db.knex, h.clock.now().getTime());
  });
  afterAll(() => h?.close());

  it('runs the consumers and the webhook sender on a tick, logs that e-mail is off, and stops', async () => {
    const created = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'http://erp.test/hook', events: ['record.*'] },
    });
    expect(created.status).toBe(201);
    await recordEvent(h.db.knex, h.clock.now().getTime(), 'record.assigned', { assignee: 'agent-li' });
    await appendEvent(h.db.knex, {
      stream: 'system',
      streamId: 'x',
      type: 'system.noise',
      at: h.clock.now().getTime(),
      payload: {},
    });
    const posted: string[] = [];
    let ticked!: () => void;
    const tick = new Promise<void>((resolve) => (ticked = resolve));
    const stop = startDeliveryWorkers(h.runtime, {
      intervalMs: 3_600_000,
      fetch: async (url) => {
        posted.push(url);
        return new Response('ok', { status: 200 });
      },
      onTick: () => ticked(),
    });
    await tick;
    await stop();
    expect(posted).toEqual(['http://erp.test/hook']);
    expect(await h.db.knex('notifications').count({ n: '*' })).toEqual([{ n: 1 }]);
    expect(await h.db.knex('webhook_deliveries').where({ status: 'delivered' }).count({ n: '*' })).toEqual([
      { n: 1 },
    ]);
    expect(h.logs.filter((l) => String(l.message).startsWith('SMTP is not configured'))).toHaveLength(1);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
