/**
 * @module Shared set-up of the scheduled-rule suites: a small app (complaints, R&D tasks and a daily
 * 18:00 Shanghai check that opens one task per model with three or more screen complaints in the
 * month, and its variant reviewing last month on the 1st), publishing rule variants, submitting
 * complaints at a given time and reading what the scheduler did.
 */
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { submitRecord } from '../../../runtime/records/record-service';
import { readJson } from '../../../runtime/storage/json-value';
import { sweepDueTimers } from '../../../runtime/timers/timer-sweeper';
import { createTestUser, type Harness } from '../../helpers/runtime-harness';

export const shanghai = (local: string) => `${local}+08:00`;

const text = (en: string) => ({ 'zh-CN': en, en });

export const RULE_KEY = 'daily-screen-check';
export const TIMER_ID = `rule-tick:${RULE_KEY}`;

export const dailyRule = {
  key: RULE_KEY,
  title: text('Daily screen check'),
  enabled: true,
  timezone: 'Asia/Shanghai',
  trigger: { type: 'schedule', form: 'complaint', schedule: { every: 'day', at: '18:00' } },
  aggregates: {
    screens: {
      form: 'complaint',
      measure: { op: 'count' },
      filter: { '==': [{ var: 'fault' }, 'screen'] },
      window: { type: 'calendar', unit: 'month' },
      groupBy: ['model'],
    },
  },
  condition: { '>=': [{ var: 'aggregates.screens' }, 3] },
  actions: [
    {
      type: 'create-record',
      form: 'rd-task',
      map: {
        title: { cat: [{ var: 'group.model' }, ' screen failures ', { var: 'window.key' }] },
        model: { var: 'group.model' },
        month: { var: 'window.key' },
        count: { var: 'aggregates.screens' },
      },
    },
  ],
};

/**
 * The daily rule as a monthly review of the last complete month: at 09:00 on the 1st, one task per
 * model with three or more screen complaints in the month before (a calendar month, offset −1).
 */
export const lastMonthReview = {
  ...dailyRule,
  title: text('Monthly screen review'),
  trigger: { ...dailyRule.trigger, schedule: { every: 'month', at: '09:00' } },
  aggregates: {
    screens: { ...dailyRule.aggregates.screens, window: { type: 'calendar', unit: 'month', offset: -1 } },
  },
};

export const bundle = {
  format: 'closedloop-app',
  formatVersion: 1,
  key: 'screen-watch',
  title: text('Screen watch'),
  forms: [
    {
      key: 'complaint',
      title: text('Complaint'),
      fields: [
        { key: 'model', type: 'text', label: text('Model'), required: true },
        {
          key: 'fault',
          type: 'select',
          label: text('Fault'),
          required: true,
          options: ['screen', 'battery'].map((value) => ({ value, label: text(value) })),
        },
      ],
    },
    {
      key: 'rd-task',
      title: text('R&D task'),
      fields: [
        { key: 'title', type: 'text', label: text('Title'), required: true },
        { key: 'model', type: 'text', label: text('Model'), required: true },
        { key: 'month', type: 'text', label: text('Month') },
        { key: 'count', type: 'integer', label: text('Complaints') },
      ],
    },
  ],
  rules: [dailyRule],
};

/** Publishes `rule` (a variant of the daily rule) as the next version. */
export async function publishRule(h: Harness, rule: Record<string, unknown>): Promise<void> {
  const store = new DefinitionStore(h.runtime);
  await store.saveDraft('rule', rule.key as string, rule, 'admin');
  await store.publish('rule', rule.key as string, 'admin');
}

/** Submits complaints at `at` (the clock stays there). */
export async function complaintsAt(
  h: Harness,
  at: string,
  model: string,
  fault: string,
  n = 1,
): Promise<void> {
  h.clock.set(at);
  for (let i = 0; i < n; i++)
    await submitRecord(h.runtime, 'complaint', { data: { model, fault } }, { id: null });
}

export const sweep = (h: Harness, workerId = 'test') => sweepDueTimers(h.runtime, { limit: 50, workerId });

export async function tickTimer(h: Harness, id = TIMER_ID) {
  const row = (await h.db.knex('timers').where({ id }).first()) as
    { due_at: number | string; kind: string; record_id: string | null; payload: unknown } | undefined;
  return (
    row && {
      due: new Date(Number(row.due_at)).toISOString(),
      kind: row.kind,
      recordId: row.record_id,
      payload: readJson<{ rule: string; tick: number }>(row.payload),
    }
  );
}

export async function rdTasks(h: Harness) {
  const rows = (await h.db.knex('records').where({ form_key: 'rd-task' }).orderBy('id').select('data')) as {
    data: unknown;
  }[];
  return rows
    .map((r) => readJson<{ title: string; model: string; month: string; count: number }>(r.data))
    .sort((a, b) => (a.model + a.month).localeCompare(b.model + b.month));
}

/** An admin's API token headers: unlike a session, a token does not expire while the clock jumps. */
export async function adminHeaders(h: Harness) {
  const user = await createTestUser(h, { username: 'admin', roles: ['admin'] });
  const { token } = await createApiToken(h.runtime, user.id, {
    name: 'test',
    scopes: ['definitions:read', 'definitions:write'],
  });
  return { authorization: `Bearer ${token}` };
}
