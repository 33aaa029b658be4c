/**
 * Customers as the ticket app uses them, on SQLite and PostgreSQL: a ticket names a stored customer
 * record and takes its tier (and with it the SLA target), contact, phone and region from it; an unknown
 * customer is refused naming the field with nothing stored; changing the customer fills again; a
 * customer's service history spans tickets and complaints as far as the caller may read them; the
 * picker's search finds customers by part of the name, the phone or a serial number they own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { rowCount } from '../../helpers/row-count';
import { DIALECTS } from '../../helpers/test-databases';
import { complaintFor, STANDARD_CUSTOMER, template, ticketFor, VIP_CUSTOMER } from './customer-fixtures';

describe.each(DIALECTS)('customers on %s', (dialect) => {
  let h: Harness;
  let ann: TestLogin; // agent: tickets, customers and complaints, all of them
  let fay: TestLogin; // field engineer: only her own tickets, no complaints
  let max: TestLogin; // manager
  let vip: string;
  let standard: string;

  const submit = (who: TestLogin | null, form: string, data: unknown) =>
    h.request({
      method: 'POST',
      url: `/api/forms/${form}/records`,
      ...(who ? { headers: who.headers } : {}),
      payload: { data },
    });
  const get = (who: TestLogin, url: string) => h.request({ method: 'GET', url, headers: who.headers });
  const dueOf = (sla: { clock: string; due: string | null }[], clock: string) =>
    sla.find((c) => c.clock === clock)?.due;

  beforeAll(async () => {
    // A Tuesday morning on the cn-2026 working calendar: customers first, tickets from 10:00.
    h = await startHarness(dialect, '2026-11-24T09:58:00+08:00');
    await importApp(h.runtime, template('after-sales-ticket'), null);
    await importApp(h.runtime, template('after-sales-rca'), null);
    ann = await createUserAndLogin(h, { username: 'ann', roles: ['agent'] });
    fay = await createUserAndLogin(h, { username: 'fay', roles: ['field_engineer'] });
    max = await createUserAndLogin(h, { username: 'max', roles: ['manager'] });
    vip = (await submit(ann, 'after-sales-customer', VIP_CUSTOMER)).body.id;
    h.clock.advanceMinutes(1);
    standard = (await submit(ann, 'after-sales-customer', STANDARD_CUSTOMER)).body.id;
    h.clock.advanceMinutes(1);
    expect(vip).toEqual(expect.any(String));
    expect(standard).toEqual(expect.any(String));
  });
  afterAll(() => h?.close());

  let vipTicket: string;

  it('fills the ticket from its customer, so the VIP tier sets the SLA target', async () => {
    // The agent even picks "standard" by hand: the tier is read-only, the customer's wins.
    const res = await submit(ann, 'after-sales-ticket', ticketFor(vip, { tier: 'standard' }));
    expect(res.status, res.text).toBe(201);
    vipTicket = res.body.id;
    expect(res.body.customer).toBe(vip);
    expect(res.body.data).toMatchObject({
      tier: 'vip',
      contactName: VIP_CUSTOMER.name,
      contactPhone: VIP_CUSTOMER.phone,
      region: VIP_CUSTOMER.region,
    });
    // VIP × normal: accept within 30 working minutes; standard × normal would be 60.
    expect(dueOf(res.body.sla, 'accept-sla')).toBe(new Date('2026-11-24T10:30:00+08:00').toISOString());

    const other = await submit(ann, 'after-sales-ticket', ticketFor(standard, { contactName: '李娜的丈夫' }));
    expect(other.status, other.text).toBe(201);
    expect(other.body.data).toMatchObject({ tier: 'standard', contactName: '李娜的丈夫' });
    expect(dueOf(other.body.sla, 'accept-sla')).toBe(new Date('2026-11-24T11:00:00+08:00').toISOString());
  });

  it('refuses a customer that is not a customer record, naming the field, and stores nothing', async () => {
    const before = await rowCount(h.db.knex, 'records');
    for (const [who, id] of [
      [ann, 'CUST-0404'],
      [ann, vipTicket], // a record, but not of the customer form
      [null, 'CUST-0404'], // the public fill page is held to the same rule
    ] as const) {
      const res = await h.request({
        method: 'POST',
        url: '/api/forms/after-sales-ticket/records?locale=zh-CN',
        ...(who
          ? { headers: { ...who.headers, 'accept-language': 'zh-CN' } }
          : { headers: { 'accept-language': 'zh-CN' } }),
        payload: { data: ticketFor(id) },
      });
      expect(res.status, res.text).toBe(422);
      const issue = res.body.error.issues.find((i: { path: string }) => i.path === '/customer');
      expect(issue).toMatchObject({ code: 'unknown-customer' });
      expect(issue.message).toContain('客户');
    }
    expect(await rowCount(h.db.knex, 'records')).toBe(before);
    expect(await rowCount(h.db.knex, 'events', { type: 'record.created' })).toBe(before);
  });

  it('fills again when the customer changes, keeping what the same change typed', async () => {
    const read = await get(ann, `/api/records/${vipTicket}`);
    const res = await h.request({
      method: 'PATCH',
      url: `/api/records/${vipTicket}`,
      headers: { ...ann.headers, 'if-match': String(read.body.revision) },
      payload: { data: { customer: standard, contactPhone: '13911112222' } },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.customer).toBe(standard);
    expect(res.body.data).toMatchObject({
      tier: 'standard',
      contactName: STANDARD_CUSTOMER.name,
      contactPhone: '13911112222',
      region: STANDARD_CUSTOMER.region,
    });
    const back = await h.request({
      method: 'PATCH',
      url: `/api/records/${vipTicket}`,
      headers: { ...ann.headers, 'if-match': String(res.body.revision) },
      payload: { data: { customer: 'CUST-0404' } },
    });
    expect(back.status).toBe(422);
    expect(back.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/customer']);
    expect((await get(ann, `/api/records/${vipTicket}`)).body.customer).toBe(standard);
    // Back to the VIP for the history below.
    const again = await h.request({
      method: 'PATCH',
      url: `/api/records/${vipTicket}`,
      headers: { ...ann.headers, 'if-match': String(res.body.revision) },
      payload: { data: { customer: vip } },
    });
    expect(again.body.data.tier).toBe('vip');
  });

  it('lists the service history across tickets and complaints, newest first, as the caller may read', async () => {
    h.clock.advanceMinutes(10);
    const second = await submit(
      ann,
      'after-sales-ticket',
      ticketFor(vip, { model: 'L14 Air', productLine: 'laptop', serialNo: 'L14A0099887766' }),
    );
    expect(second.status, second.text).toBe(201);
    h.clock.advanceMinutes(10);
    const complaint = await submit(ann, 'after-sales-complaint', complaintFor(vip));
    expect(complaint.status, complaint.text).toBe(201);
    const assigned = await h.request({
      method: 'POST',
      url: `/api/records/${vipTicket}/assign`,
      headers: max.headers,
      payload: { assignee: fay.user.id },
    });
    expect(assigned.status, assigned.text).toBe(200);

    const all = await get(max, `/api/customers/${vip}/history`);
    expect(all.status, all.text).toBe(200);
    expect(all.body.customer).toMatchObject({
      id: vip,
      form: 'after-sales-customer',
      name: VIP_CUSTOMER.name,
      tier: 'vip',
      phone: VIP_CUSTOMER.phone,
      formTitle: { en: 'After-sales customer' },
    });
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([
      complaint.body.id,
      second.body.id,
      vipTicket,
    ]);
    expect(all.body.items[1]).toMatchObject({
      form: 'after-sales-ticket',
      formTitle: { 'zh-CN': '售后工单' },
      stage: 'accept',
      stageLabel: { en: expect.any(String) },
      summary: expect.stringContaining('L14 Air · L14A0099887766'),
    });
    expect(all.body.items[2].assignee).toBe(fay.user.id);

    // Fay reads only her own tickets and no complaints: just the one assigned to her.
    const hers = await get(fay, `/api/customers/${vip}/history`);
    expect(hers.body.items.map((i: { id: string }) => i.id)).toEqual([vipTicket]);

    const first = await get(max, `/api/customers/${vip}/history?limit=2`);
    expect(first.body.items).toHaveLength(2);
    const next = await get(max, `/api/customers/${vip}/history?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual([vipTicket]);
    expect(next.body.nextCursor).toBeNull();
    expect((await get(max, `/api/customers/${vip}/history?limit=0`)).status).toBe(400);
    expect((await h.request({ method: 'GET', url: `/api/customers/${vip}/history` })).status).toBe(401);
  });

  it('finds customers by part of the name, the phone or a serial number they own', async () => {
    const search = async (who: TestLogin, q: string) => {
      const res = await get(
        who,
        `/api/customers/search?form=after-sales-customer&q=${encodeURIComponent(q)}`,
      );
      expect(res.status, res.text).toBe(200);
      return res.body.items.map((i: { name: string }) => i.name);
    };
    expect(await search(ann, '南山精密')).toEqual([VIP_CUSTOMER.name]);
    expect(await search(ann, '86001234')).toEqual([STANDARD_CUSTOMER.name]);
    expect(await search(fay, 'l14a0099')).toEqual([VIP_CUSTOMER.name]);
    expect(await search(ann, 'nobody')).toEqual([]);
    expect(await search(ann, '')).toEqual([STANDARD_CUSTOMER.name, VIP_CUSTOMER.name]);
    const match = (await get(ann, '/api/customers/search?form=after-sales-customer&q=李娜')).body.items[0];
    expect(match).toMatchObject({ id: standard, tier: 'standard', phone: STANDARD_CUSTOMER.phone });
    expect(match.data.region).toEqual(STANDARD_CUSTOMER.region);

    expect((await get(ann, '/api/customers/search?q=x')).status).toBe(400);
    expect((await get(ann, '/api/customers/search?form=no-such-form&q=x')).status).toBe(404);
    const outsider = await createUserAndLogin(h, { username: 'viv', roles: ['viewer'] });
    expect((await get(outsider, '/api/customers/search?form=after-sales-customer&q=x')).status).toBe(403);
  });
});
