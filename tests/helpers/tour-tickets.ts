/**
 * @module The engine tour's app bundle and tickets submitted to it over HTTP, as the report and
 * dashboard browser suites set them up: a complete ticket (customer, priority, detail, tier, channel,
 * model) with the fields a test cares about laid over it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AppBundle } from '../../engine';

export function tourApp(): AppBundle {
  const path = join(import.meta.dirname, '..', '..', 'examples', 'engine-tour', 'after-sales.app.json');
  return JSON.parse(readFileSync(path, 'utf8')) as AppBundle;
}

/** Submits a record to a form through the public API (as a customer would) and returns its id. */
export async function submitRecord(
  baseUrl: string,
  form: string,
  data: Record<string, unknown>,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/forms/${form}/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The data of ticket number `n` of the tour's ticket form: `fields` over a complete default. */
export function tourTicket(n: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customer: `Customer ${n}`,
    priority: 'normal',
    detail: `Problem ${n}`,
    tier: 'standard',
    channel: 'web',
    model: 'X200',
    ...fields,
  };
}

/** Submits ticket number `n` of the tour's ticket form with `fields` over a complete default. */
export function submitTicket(baseUrl: string, n: number, fields: Record<string, unknown>): Promise<string> {
  return submitRecord(baseUrl, 'ticket', tourTicket(n, fields));
}
