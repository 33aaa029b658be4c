/**
 * @module The tickets the submission benchmarks send are ones an agent's real submission would be: every
 * one is accepted (201) by the `after-sales-ticket` form through the records API, names a stored customer
 * whose tier the ticket takes, is about a product that customer owns, and reads differently from the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchTicketSubmissions, type StoredCustomer } from '../../../examples/demo-data/bench-ticket-data';
import { CHANNEL_SHARES } from '../../../examples/demo-data/demo-catalog';
import { createCustomers, customerSubmission } from '../../../examples/demo-data/demo-customers';
import { createRng } from '../../../examples/demo-data/prng';
import { installBundledTemplates } from '../../../runtime/cli/first-run';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

describe.each(DIALECTS)('bench ticket data on %s', (dialect) => {
  let h: Harness;
  let agent: TestLogin;
  const customers: StoredCustomer[] = [];

  beforeAll(async () => {
    h = await startHarness(dialect);
    await installBundledTemplates(h.runtime);
    agent = await createUserAndLogin(h, { username: 'hotline-agent', roles: ['agent'] });
    for (const customer of createCustomers(createRng(7), 12, '2026-06-01')) {
      const res = await h.request({
        method: 'POST',
        url: '/api/forms/after-sales-customer/records',
        payload: { data: customerSubmission(customer) },
        headers: agent.headers,
      });
      expect(res.status, res.text).toBe(201);
      customers.push({ id: res.body.id, customer });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends tickets the ticket form accepts, each about a product its stored customer owns', async () => {
    const tickets = benchTicketSubmissions(createRng(8), customers, 40);
    expect(new Set(tickets.map((t) => t.description)).size).toBe(tickets.length);
    for (const data of tickets) {
      const res = await h.request({
        method: 'POST',
        url: '/api/forms/after-sales-ticket/records',
        payload: { data },
        headers: agent.headers,
      });
      expect(res.status, res.text).toBe(201);
      const owner = customers.find((c) => c.id === data.customer)!;
      expect(res.body.customer).toBe(owner.id);
      expect(res.body.data.tier).toBe(owner.customer.tier);
      expect(owner.customer.products.map((p) => p.model)).toContain(res.body.data.model);
      expect(Object.keys(CHANNEL_SHARES)).toContain(res.body.data.channel);
      expect(res.body.stage).toBe('accept');
    }
  });
});
