/**
 * @module Set-up shared by the inbox, actions, notes and bulk-assignment suites: the engine tour's app
 * imported (ticket form + SOP flow + roles: agents read their own tickets, engineers and managers all),
 * tickets submitted anonymously (the accept stage assigns them round-robin to the agents), and calls
 * as a signed-in user.
 */
import { importApp } from '../../../runtime/apps/import-app';
import { submitRecord } from '../../../runtime/records/record-service';
import type { Harness, TestLogin } from '../../helpers/runtime-harness';
import { tourBundle } from './record-fixtures';

// A Tuesday, 09:00 in Shanghai: a full office day on cn-2026 (accept within 15 business minutes).
export const TOUR_START = '2026-11-24T09:00:00+08:00';

export const importTour = (h: Harness) => importApp(h.runtime, tourBundle, null);

export function ticketData(customer: string, extra: Record<string, unknown> = {}) {
  return {
    customer,
    tier: 'standard',
    priority: 'normal',
    channel: 'phone',
    model: 'X100',
    category: 'screen',
    detail: `Screen flickers at ${customer}`,
    ...extra,
  };
}

/** Submits a ticket as the public would; returns its id. */
export async function submitTicket(h: Harness, customer: string, extra: Record<string, unknown> = {}) {
  const record = await submitRecord(h.runtime, 'ticket', { data: ticketData(customer, extra) }, { id: null });
  return record.id;
}

/** A request as `login` (or anonymous with null). */
export function caller(h: Harness) {
  return (login: TestLogin | null, method: string, url: string, payload?: unknown) =>
    h.request({
      method: method as 'GET',
      url,
      headers: login?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
}
