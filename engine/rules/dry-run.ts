/**
 * @module Replays a rule over past records in memory: what it would have fired, for which groups,
 * when, and the records behind each firing. Aggregates are computed by `computeAggregate` over the
 * records as they stood at each moment, keys and cool-downs are honoured as the runtime does, so this
 * is the reference the runtime's SQL dry run is tested against and what the designer shows.
 *
 * `records` are record versions in time order: the first occurrence of an id is its creation
 * (`record.created`), later ones are updates (`record.updated`, with the version before as
 * `previous`); a version whose stage differs from the one before also enters that stage. SLA events
 * are not in record data and come in `options.slaEvents`; schedule ticks are generated.
 */
import { RuleAggregates, type BucketedAggregate } from './aggregate-buckets';
import { aggregateRequests, type AggregateRequest } from './aggregate-requests';
import { computeAggregate, groupsIn } from './compute-aggregate';
import { evaluateRule, firingIdentity } from './evaluate-rule';
import type { RuleDefinition } from './rule-definition.schema';
import { groupKey, type GroupValues } from './rule-firing-key';
import { versionTime, type RuleEvent, type RuleRecord } from './rule-record';
import { scheduleTicks } from './rule-schedule';
import { matchesTrigger } from './rule-trigger';
import { momentMs, type Moment, type WindowInfo } from './rule-window';
import type { ResolvedAction } from './resolve-actions';

export interface DrySlaEvent {
  type: 'sla.warning' | 'sla.breach';
  recordId: string;
  stage?: string;
  flow?: string;
  at: string;
}

export interface DryRunOptions {
  /** Events in `[from, to)` are replayed; earlier records still count in aggregates. */
  from: Moment;
  to: Moment;
  /** Nothing after `now` is replayed (default: `to`). */
  now?: Moment;
  slaEvents?: readonly DrySlaEvent[];
  /** Recompute each aggregate over every visible record at each evaluation: the reference, for tests. */
  recount?: boolean;
}

export interface DryRunFiring {
  key: string;
  group: GroupValues;
  window: WindowInfo | null;
  /** When it would have fired (the event's time), ISO 8601. */
  at: string;
  event: RuleEvent;
  recordId: string | null;
  /** Ids of the records behind the firing: those the first aggregate counted (or the triggering record). */
  records: string[];
  aggregates: Record<string, number | null>;
  actions: ResolvedAction[];
}

export interface DryRunResult {
  firings: DryRunFiring[];
  /** Events that matched the trigger and were evaluated (per group for schedule ticks). */
  evaluated: number;
  /** Condition true but not fired: the key had fired already, or a cool-down was in force. */
  suppressed: { duplicate: number; cooldown: number };
}

interface Step {
  at: number;
  event: RuleEvent;
  /** A record version to apply before evaluating (record events only). */
  version?: RuleRecord;
  previous?: RuleRecord | null;
  recordId?: string;
}

function timeline(
  rule: RuleDefinition,
  records: readonly RuleRecord[],
  options: DryRunOptions,
  until: number,
): Step[] {
  const steps: Step[] = [];
  const last = new Map<string, RuleRecord>();
  const ordered = records
    .map((r, i) => ({ r, i, at: momentMs(versionTime(r)) }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  for (const { r, at } of ordered) {
    const previous = last.get(r.id) ?? null;
    const iso = new Date(at).toISOString();
    const type = previous ? 'record.updated' : 'record.created';
    steps.push({ at, version: r, previous, event: { type, form: r.form, recordId: r.id, at: iso } });
    if (r.stage && r.stage !== previous?.stage) {
      steps.push({
        at,
        previous,
        recordId: r.id,
        event: { type: 'stage.entered', form: r.form, stage: r.stage, recordId: r.id, at: iso },
      });
    }
    last.set(r.id, r);
  }
  const formOf = new Map<string, string>();
  for (const r of records) if (!formOf.has(r.id)) formOf.set(r.id, r.form);
  for (const e of options.slaEvents ?? []) {
    const form = formOf.get(e.recordId) ?? '';
    const at = momentMs(e.at);
    const event: RuleEvent = { type: e.type, form, recordId: e.recordId, at: new Date(at).toISOString() };
    if (e.stage !== undefined) event.stage = e.stage;
    if (e.flow !== undefined) event.flow = e.flow;
    steps.push({ at, recordId: e.recordId, event });
  }
  if (rule.trigger.type === 'schedule') {
    for (const at of scheduleTicks(rule.trigger.schedule, rule.timezone, momentMs(options.from), until)) {
      steps.push({ at, event: { type: 'schedule', rule: rule.key, at: new Date(at).toISOString() } });
    }
  }
  // Stable: at equal times record versions come first, so ticks and SLA events see them.
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.at - b.s.at || a.i - b.i)
    .map(({ s }) => s);
}

export function dryRunRule(
  rule: RuleDefinition,
  records: readonly RuleRecord[],
  options: DryRunOptions,
): DryRunResult {
  // A dry run is how a rule is tried before it is enabled.
  const candidate: RuleDefinition = { ...rule, enabled: true };
  const from = momentMs(options.from);
  const until = Math.min(momentMs(options.to), momentMs(options.now ?? options.to));
  const aggregatesOf = new RuleAggregates(candidate);
  const compute = (request: AggregateRequest): BucketedAggregate => {
    if (!options.recount) return aggregatesOf.compute(request);
    const computed = computeAggregate(request, aggregatesOf.all());
    return { value: computed.value, ids: () => computed.recordIds };
  };
  const firedKeys = new Set<string>();
  const lastFired = new Map<string, number>();
  const result: DryRunResult = { firings: [], evaluated: 0, suppressed: { duplicate: 0, cooldown: 0 } };

  const evaluate = (step: Step, record: RuleRecord | undefined, group?: GroupValues) => {
    const requests = aggregateRequests(candidate, record, step.at, group);
    const computed = requests.map((request) => ({ request, result: compute(request) }));
    const aggregates = Object.fromEntries(computed.map(({ request, result: r }) => [request.name, r.value]));
    result.evaluated += 1;
    const identity = firingIdentity(candidate, record, step.event, step.at, group);
    const lastFiredAt = lastFired.get(groupKey(identity.group)) ?? null;
    const previous = step.previous ?? null;
    const outcome = evaluateRule(candidate, {
      event: step.event,
      record,
      previous,
      group,
      aggregates,
      now: step.at,
      lastFiredAt,
    });
    if (outcome.reason === 'cooldown') result.suppressed.cooldown += 1;
    if (!outcome.fired) return;
    if (firedKeys.has(outcome.key)) {
      result.suppressed.duplicate += 1;
      return;
    }
    firedKeys.add(outcome.key);
    lastFired.set(groupKey(outcome.group), step.at);
    result.firings.push({
      key: outcome.key,
      group: outcome.group,
      window: outcome.window,
      at: new Date(step.at).toISOString(),
      event: step.event,
      recordId: record?.id ?? null,
      records: computed[0] ? computed[0].result.ids() : record ? [record.id] : [],
      aggregates,
      actions: outcome.actions,
    });
  };

  for (const step of timeline(candidate, records, options, until)) {
    if (step.at >= until) break;
    if (step.version) aggregatesOf.apply(step.version);
    if (step.at < from || !matchesTrigger(candidate, step.event)) continue;
    if (step.event.type !== 'schedule') {
      const record =
        step.version ?? (step.recordId !== undefined ? aggregatesOf.visible(step.recordId) : undefined);
      if (record) evaluate(step, record);
      continue;
    }
    const first = aggregateRequests(candidate, undefined, step.at)[0];
    const groups = first ? groupsIn(first, aggregatesOf.all()) : [{}];
    for (const group of groups) evaluate(step, undefined, group);
  }
  return result;
}
