/**
 * @module Runs one tick of a scheduled rule inside the sweeper's per-timer transaction, the way the
 * engine's dry run replays it: the groups are enumerated in SQL from the first aggregate's records
 * (`groupsInSql`), each group's aggregates are computed in SQL, the engine decides, and each firing is
 * stored under its idempotency key (`storeFiring`) — so a retried or raced tick fires nothing twice.
 * Then the timer moves on to the next tick after now. The latest published version of the rule is
 * what runs; a rule that is gone, disabled or no longer scheduled loses its timer instead.
 *
 * Misfire policy: when the runtime was down over several ticks, the rule runs once, for the latest
 * tick that is due (not once per missed tick), evaluated as of that tick's time (records created
 * after it do not count), and the timer then moves to the next tick in the future. However late the
 * tick is — a monthly report missed by days is still wanted — it runs; the `rule.scheduled-run` event
 * says how many ticks were skipped.
 *
 * Windows are those of the tick (`aggregateRequests` at the tick's time), so a calendar window with
 * an offset reads the period before: a monthly review on the 1st with offset −1 reads the month just
 * ended, whose key (`2026-10`) the firing carries. As of the tick, like everything else: a record
 * entered later but dated in that month is counted by a later tick only if one still reads that month.
 */
import type { Knex } from 'knex';
import {
  aggregateRequests,
  evaluateRule,
  firingIdentity,
  listFormFields,
  type FieldInfo,
  type FormDefinition,
  type RuleDefinition,
  type RuleEvent,
} from '../../engine';
import { groupKey, nextScheduledAt, scheduleTicks, type GroupValues } from '../../engine/rules/index';
import { appendEvent } from '../events/append-event';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import type { FireOutcome, TimerRow } from '../timers/fire-timer';
import { activeSchedule, setRuleTick, type RuleTickPayload } from '../timers/rule-tick-timer';
import { aggregateInSql } from './aggregate-in-sql';
import { groupsInSql } from './groups-in-sql';
import { latestFormFields } from './latest-form-fields';
import { storeFiring } from './store-firing';

/** The actor of the scheduler's own events (a firing's are the rules'). */
export const SCHEDULER_ACTOR = 'system:scheduler';

async function latestRule(trx: Knex.Transaction, key: string): Promise<RuleDefinition | undefined> {
  const row = (await trx('definitions')
    .where({ kind: 'rule', key })
    .andWhere('version', '>', 0)
    .orderBy('version', 'desc')
    .first('body')) as { body: unknown } | undefined;
  return row && readJson<RuleDefinition>(row.body);
}

/** The latest scheduled instant in `[since, now]`, and how many earlier ones in that span it skips. */
function latestDueTick(
  active: NonNullable<ReturnType<typeof activeSchedule>>,
  since: number,
  now: number,
): { tick: number; skipped: number } | undefined {
  const ticks = scheduleTicks(active.schedule, active.timezone, since, now + 1);
  const tick = ticks[ticks.length - 1];
  return tick === undefined ? undefined : { tick, skipped: ticks.length - 1 };
}

/** Evaluates every group at `tick` and stores what fires; returns [groups evaluated, firings stored]. */
async function evaluateTick(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  rule: RuleDefinition,
  tick: number,
): Promise<[number, number]> {
  const at = new Date(tick).toISOString();
  const event: RuleEvent = { type: 'schedule', rule: rule.key, at };
  const fields = new Map<string, Promise<Map<string, FieldInfo>>>();
  const fieldsOf = (form: string) => {
    if (!fields.has(form)) fields.set(form, latestFormFields(trx, form));
    return fields.get(form)!;
  };
  const first = aggregateRequests(rule, undefined, tick)[0];
  const groups: GroupValues[] = first
    ? (await groupsInSql(trx, runtime.db.dialect, first, await fieldsOf(first.form), { asOf: tick })).groups
    : [{}];
  let stored = 0;
  for (const group of groups) {
    const aggregates: Record<string, number | null> = {};
    let behind: string[] | undefined;
    for (const request of aggregateRequests(rule, undefined, tick, group)) {
      const result = await aggregateInSql(trx, runtime.db.dialect, request, await fieldsOf(request.form), {
        cutOff: { at: tick },
      });
      aggregates[request.name] = result.value;
      behind ??= result.recordIds;
    }
    const identity = firingIdentity(rule, undefined, event, tick, group);
    const last = (await trx('rule_firings')
      .where({ rule_key: rule.key, group_key: groupKey(identity.group) })
      .max({ at: 'at' })
      .first()) as { at: number | null } | undefined;
    const outcome = evaluateRule(rule, {
      event,
      group,
      aggregates,
      now: tick,
      lastFiredAt: last?.at ? Number(last.at) : null,
    });
    if (!outcome.fired) continue;
    const fired = await storeFiring(runtime, trx, {
      rule,
      outcome,
      records: behind ?? [],
      recordId: null,
      at: tick,
    });
    if (fired) stored += 1;
  }
  return [groups.length, stored];
}

export async function runScheduledRule(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  timer: TimerRow,
  now: number,
): Promise<FireOutcome> {
  const payload = readJson<Partial<RuleTickPayload>>(timer.payload) ?? {};
  const ruleKey = payload.rule ?? timer.id.replace(/^rule-tick:/, '');
  const rule = await latestRule(trx, ruleKey);
  const active = rule && activeSchedule(rule);
  if (!rule || !active) {
    await trx('timers').where({ id: timer.id }).delete();
    return 'stale';
  }
  const since = Math.min(typeof payload.tick === 'number' ? payload.tick : Infinity, Number(timer.due_at));
  const due = latestDueTick(active, since, now);
  if (!due) {
    // Not a tick of this schedule yet (the row was edited by hand, or clocks disagree): wait for the next.
    await setRuleTick(trx, rule.key, active, nextScheduledAt(active.schedule, active.timezone, now), now);
    return 'not-due';
  }
  const [groups, fired] = await evaluateTick(runtime, trx, rule, due.tick);
  const next = nextScheduledAt(active.schedule, active.timezone, now);
  await setRuleTick(trx, rule.key, active, next, now);
  if (due.skipped > 0) {
    runtime.logger.warn('scheduled rule missed ticks; ran the latest once', {
      rule: rule.key,
      tick: new Date(due.tick).toISOString(),
      skipped: due.skipped,
    });
  }
  await appendEvent(trx, {
    stream: 'rule',
    streamId: rule.key,
    type: 'rule.scheduled-run',
    actor: SCHEDULER_ACTOR,
    at: now,
    payload: {
      rule: rule.key,
      version: rule.version ?? null,
      tick: new Date(due.tick).toISOString(),
      skippedTicks: due.skipped,
      groups,
      fired,
      next: new Date(next).toISOString(),
    },
  });
  return 'fired';
}
