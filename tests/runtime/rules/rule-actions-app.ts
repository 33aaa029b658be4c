/**
 * @module Shared set-up of the rule-action suites: the engine tour's app (ticket and rd-task forms, the
 * ticket SOP) with the suite's own rules in place of the tour's threshold rule, an admin who reads what
 * a user would see (records with their timeline, firing history), and draining / replaying the `rules`
 * outbox consumer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AppBundle } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import type { Dialect } from '../../../runtime/config/database-url';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';

const TOUR = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;

/** The parts of a bundle the suites add to, loosely typed: the import checks them. */
interface LooseBundle {
  forms: { key: string; fields: unknown[] }[];
  flows: unknown[];
  rules: unknown[];
}

/** A rule on new tickets (when `condition` holds) with these actions. */
export function ticketRule(key: string, condition: unknown, actions: unknown[]) {
  return {
    key,
    title: { 'zh-CN': key, en: key },
    enabled: true,
    timezone: 'Asia/Shanghai',
    trigger: { type: 'record.created', form: 'ticket' },
    condition,
    actions,
  };
}

/** JSON-Logic: the new ticket's `field` equals `value`. */
export const whenTicket = (field: string, value: unknown) => ({ '==': [{ var: `record.${field}` }, value] });

export interface AppParts {
  rules: unknown[];
  flows?: unknown[];
  /** Extra fields of the ticket form. */
  ticketFields?: unknown[];
  /** Extra forms, e.g. reference data a lookup recipient reads. */
  forms?: { key: string; fields: unknown[] }[];
}

/** The tour app with `parts` added and only the given rules. */
export function tourWith(parts: AppParts): AppBundle {
  const bundle = structuredClone(TOUR) as unknown as LooseBundle;
  const ticket = bundle.forms.find((f) => f.key === 'ticket')!;
  ticket.fields.push(...(parts.ticketFields ?? []));
  bundle.forms.push(...(parts.forms ?? []));
  bundle.flows.push(...(parts.flows ?? []));
  bundle.rules = parts.rules;
  return bundle as unknown as AppBundle;
}

/** Imports the app and signs in an admin (who may read every record and the firing history). */
export async function setUpApp(h: Harness, bundle: AppBundle): Promise<TestLogin> {
  await importApp(h.runtime, bundle, null);
  return createUserAndLogin(h, { username: 'admin', roles: ['admin'] });
}

export interface RuleActionsSuite {
  /** Before the app is imported (users, receivers): the parts the tour app gets. */
  parts: (h: Harness) => AppParts | Promise<AppParts>;
  /** Once the app is in: the suite keeps the harness and the admin (and may set up more). */
  ready: (h: Harness, admin: TestLogin) => void | Promise<void>;
  /** After the suite, before the harness closes. */
  cleanUp?: () => void | Promise<void>;
}

/**
 * The suite's `beforeAll` / `afterAll`: a fresh harness on `dialect` with the tour app (plus the suite's
 * parts) imported and an admin signed in; closed after the suite.
 */
export function useRuleActionsApp(dialect: Dialect, suite: RuleActionsSuite): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const admin = await setUpApp(h, tourWith(await suite.parts(h)));
    await suite.ready(h, admin);
  });
  afterAll(async () => {
    await suite.cleanUp?.();
    await h?.close();
  });
}

export const ticket = (over: Record<string, unknown> = {}) => ({
  customer: 'C-1',
  tier: 'standard',
  priority: 'normal',
  channel: 'phone',
  model: 'X200',
  category: 'screen',
  detail: 'The screen flickers',
  ...over,
});

/** Submits a ticket as `who`; returns the stored record. */
export async function submitTicket(h: Harness, who: TestLogin, data: Record<string, unknown>) {
  const res = await h.request({
    method: 'POST',
    url: '/api/forms/ticket/records',
    headers: who.headers,
    payload: { data },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; revision: number; assignee: string | null; stage: string | null };
}

/** What `GET /api/records/:id` shows `who`. */
export async function recordAsSeen(h: Harness, who: TestLogin, id: string) {
  const res = await h.request({ method: 'GET', url: `/api/records/${id}`, headers: who.headers });
  expect(res.status).toBe(200);
  return res.body as {
    id: string;
    form: string;
    revision: number;
    stage: string | null;
    assignee: string | null;
    data: Record<string, unknown>;
    flow: { key: string; version: number; status: string } | null;
    events: { event: string }[];
    timeline: { type: string; actor: string | null; payload: Record<string, unknown> }[];
  };
}

export interface FiringView {
  key: string;
  records: string[];
  created: { type: string; id?: string; problems?: string[] }[];
}

/** The firing history of a rule (`GET /api/rules/:key/firings`), oldest first. */
export async function firingsOf(h: Harness, who: TestLogin, rule: string): Promise<FiringView[]> {
  const res = await h.request({ method: 'GET', url: `/api/rules/${rule}/firings`, headers: who.headers });
  expect(res.status).toBe(200);
  return [...(res.body.items as FiringView[])].reverse();
}

export const drainRules = (h: Harness) => drainOutboxFully(h.runtime, createRulesConsumer());

/** Feeds every event to the rules consumer again, as a crash before the cursor moved would. */
export async function replayRules(h: Harness) {
  await h.db.knex('outbox_cursors').where({ consumer: 'rules' }).update({ last_tx_id: 0, last_event_id: 0 });
  return drainRules(h);
}

/** Row counts of everything a firing may write: a replay must leave them all as they were. */
export async function storeCounts(h: Harness) {
  const tables = [
    'records',
    'record_revisions',
    'flow_instances',
    'events',
    'rule_firings',
    'webhook_deliveries',
    'notifications',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = (await h.db.knex(table).count({ n: '*' })) as { n: number | string }[];
    counts[table] = Number(row!.n);
  }
  return counts;
}
