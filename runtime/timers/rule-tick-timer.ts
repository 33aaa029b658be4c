/**
 * @module The next tick of a scheduled rule as one row of the durable `timers` table
 * (`rule-tick:<rule key>`, kind `rule-tick`, no record). Publishing a rule version keeps the row in
 * step, in the publish transaction: an enabled scheduled version gets it, any other version removes
 * it. The sweeper runs the tick (`runScheduledRule`) and moves the row on to the next one.
 */
import type { Knex } from 'knex';
import { nextScheduledAt, type RuleDefinition, type RuleSchedule } from '../../engine/rules/index';
import { readJson, writeJson } from '../storage/json-value';

export const RULE_TICK_KIND = 'rule-tick';

export const ruleTickTimerId = (ruleKey: string) => `rule-tick:${ruleKey}`;

/** What a rule-tick timer carries: the tick it stands for and the schedule that tick belongs to. */
export interface RuleTickPayload {
  rule: string;
  /** The scheduled instant (epoch ms) this timer runs; `due_at` may be later after a failed try. */
  tick: number;
  schedule: RuleSchedule;
  timezone: string;
}

/** The schedule of a rule that should have a tick timer: enabled and schedule-triggered. */
export function activeSchedule(
  rule: Pick<RuleDefinition, 'enabled' | 'trigger' | 'timezone'>,
): { schedule: RuleSchedule; timezone: string } | undefined {
  if (rule.enabled === false || rule.trigger.type !== 'schedule') return undefined;
  return { schedule: rule.trigger.schedule, timezone: rule.timezone };
}

const sameSchedule = (payload: Partial<RuleTickPayload>, schedule: RuleSchedule, timezone: string) =>
  payload.timezone === timezone &&
  payload.schedule?.every === schedule.every &&
  payload.schedule?.at === schedule.at;

/** Sets the rule's timer to `tick` (insert or replace), clearing any failure of the previous tick. */
export async function setRuleTick(
  trx: Knex.Transaction,
  ruleKey: string,
  active: { schedule: RuleSchedule; timezone: string },
  tick: number,
  now: number,
): Promise<void> {
  const payload: RuleTickPayload = { rule: ruleKey, tick, ...active };
  const row = {
    due_at: tick,
    kind: RULE_TICK_KIND,
    record_id: null,
    payload: writeJson(payload),
    claimed_by: null,
    claimed_until: null,
    attempts: 0,
    last_error: null,
  };
  await trx('timers')
    .insert({ id: ruleTickTimerId(ruleKey), ...row, created_at: now })
    .onConflict('id')
    .merge(Object.keys(row));
}

/**
 * Brings the rule's timer in line with the version just published. A pending tick of the same
 * schedule is left as it is — also one that is overdue and not yet swept, so publishing a change while
 * the runtime catches up does not lose the missed run (the run reads the latest version anyway). A
 * new or changed schedule starts at its next tick after `now`.
 */
export async function syncRuleTickTimer(
  trx: Knex.Transaction,
  rule: Pick<RuleDefinition, 'key' | 'enabled' | 'trigger' | 'timezone'>,
  now: number,
): Promise<void> {
  const id = ruleTickTimerId(rule.key);
  const active = activeSchedule(rule);
  if (!active) {
    await trx('timers').where({ id }).delete();
    return;
  }
  const existing = (await trx('timers').where({ id }).first('payload')) as { payload: unknown } | undefined;
  if (
    existing &&
    sameSchedule(readJson<Partial<RuleTickPayload>>(existing.payload), active.schedule, active.timezone)
  )
    return;
  await setRuleTick(trx, rule.key, active, nextScheduledAt(active.schedule, active.timezone, now), now);
}
