/**
 * @module The dry run's replay, with the same answer as the engine's `dryRunRule` at a size the
 * engine cannot take: the engine recomputes every aggregate over every visible record at every
 * evaluation (a million tickets entering a stage × a million records), while this keeps, per declared
 * aggregate, the records in its scope filed by window and group as their versions arrive, so a count
 * is a lookup. The timeline, the evaluation (`evaluateRule`), keys, duplicates and cool-downs are the
 * engine's own; only where each aggregate's records are found differs. Sums and averages add the
 * bucket's values in the engine's order (records in the order first seen), so even the rounding is
 * the same; a request the buckets cannot answer (a group given only in part) and the groups of a
 * schedule tick are computed by the engine over the visible records, as before.
 */
import {
  aggregateRequests,
  computeAggregate,
  evaluateExpression,
  evaluateRule,
  firingIdentity,
  groupKey,
  isTruthy,
  matchesTrigger,
  scheduleTicks,
  windowOf,
  type AggregateRequest,
  type DryRunResult,
  type GroupValues,
  type RuleDefinition,
  type RuleEvent,
  type RuleRecord,
} from '../../engine';
import {
  groupsIn,
  recordMoment,
  type AggregateDefinition,
  type DryRunOptions,
} from '../../engine/rules/index';

interface Step {
  at: number;
  event: RuleEvent;
  version?: RuleRecord;
  previous?: RuleRecord | null;
  recordId?: string;
}

const ms = (moment: string | number | Date): number => {
  const value =
    moment instanceof Date ? moment.getTime() : typeof moment === 'number' ? moment : Date.parse(moment);
  if (!Number.isFinite(value)) throw new Error(`not a timestamp: ${String(moment)}`);
  return value;
};

const own = (data: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;

/** The engine's timeline (`dry-run.ts`): record versions, the stages they enter, SLA events, ticks; stable by time. */
function timeline(
  rule: RuleDefinition,
  records: readonly RuleRecord[],
  options: DryRunOptions,
  until: number,
): Step[] {
  const steps: Step[] = [];
  const last = new Map<string, RuleRecord>();
  const ordered = records
    .map((r, i) => ({ r, i, at: ms(r.updatedAt ?? r.createdAt) }))
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
  if ((options.slaEvents ?? []).length > 0) {
    const formOf = new Map<string, string>();
    for (const r of records) if (!formOf.has(r.id)) formOf.set(r.id, r.form);
    for (const e of options.slaEvents ?? []) {
      const at = ms(e.at);
      const event: Extract<RuleEvent, { type: 'sla.warning' | 'sla.breach' }> = {
        type: e.type,
        form: formOf.get(e.recordId) ?? '',
        recordId: e.recordId,
        at: new Date(at).toISOString(),
      };
      if (e.stage !== undefined) event.stage = e.stage;
      if (e.flow !== undefined) event.flow = e.flow;
      steps.push({ at, recordId: e.recordId, event });
    }
  }
  if (rule.trigger.type === 'schedule') {
    for (const at of scheduleTicks(rule.trigger.schedule, rule.timezone, ms(options.from), until)) {
      steps.push({ at, event: { type: 'schedule', rule: rule.key, at: new Date(at).toISOString() } });
    }
  }
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.at - b.s.at || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * One declared aggregate's records filed by bucket: a calendar window's own period (offset 0), or a
 * local day for rolling windows; within it by the exact group values (`1` and `"1"` apart, as the
 * engine compares them).
 */
class AggregateBuckets {
  private readonly buckets = new Map<string, Set<string>>();
  private readonly placeOf = new Map<string, string>();
  private readonly fields: string[];
  private readonly dayWindow = { type: 'calendar', unit: 'day', offset: 0 } as const;
  private readonly ownWindow: AggregateDefinition['window'];

  constructor(
    private readonly definition: AggregateDefinition,
    private readonly timezone: string,
  ) {
    this.fields = [...(definition.groupBy ?? [])];
    this.ownWindow =
      definition.window.type === 'calendar' ? { ...definition.window, offset: 0 } : this.dayWindow;
  }

  private groupOf(values: (field: string) => unknown): string {
    return JSON.stringify(this.fields.map((f) => values(f) ?? null));
  }

  /** Files the record's new version (or removes it when out of scope). */
  place(version: RuleRecord): void {
    const before = this.placeOf.get(version.id);
    if (before !== undefined) {
      this.buckets.get(before)?.delete(version.id);
      this.placeOf.delete(version.id);
    }
    if (version.form !== this.definition.form) return;
    const filter = this.definition.filter;
    if (filter !== undefined && !isTruthy(evaluateExpression(filter, version.data))) return;
    const at = recordMoment(version, this.definition.dateField, this.timezone);
    const start = ms(windowOf(this.ownWindow, at, this.timezone).start);
    const key = `${start}|${this.groupOf((f) => own(version.data, f))}`;
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Set()));
    bucket.add(version.id);
    this.placeOf.set(version.id, key);
  }

  /** Whether the request names every group field (a record's evaluation, or a tick's group). */
  answers(request: AggregateRequest): boolean {
    return this.fields.every((f) => Object.prototype.hasOwnProperty.call(request.groupBy, f));
  }

  /** The ids in the request's window and group (unordered). */
  members(request: AggregateRequest): string[] {
    const group = this.groupOf((f) => request.groupBy[f]);
    const from = ms(request.from);
    const to = ms(request.to);
    const ids: string[] = [];
    if (this.definition.window.type === 'calendar') {
      for (const id of this.buckets.get(`${from}|${group}`) ?? []) ids.push(id);
      return ids;
    }
    for (let day = from; day < to; day = ms(windowOf(this.dayWindow, day, this.timezone).end)) {
      for (const id of this.buckets.get(`${day}|${group}`) ?? []) ids.push(id);
    }
    return ids;
  }
}

export function replayDryRun(
  rule: RuleDefinition,
  records: readonly RuleRecord[],
  options: DryRunOptions,
): DryRunResult {
  const candidate: RuleDefinition = { ...rule, enabled: true };
  const from = ms(options.from);
  const until = Math.min(ms(options.to), ms(options.now ?? options.to));
  const current = new Map<string, RuleRecord>();
  const seenAt = new Map<string, number>();
  const indexes = new Map(
    Object.entries(candidate.aggregates ?? {}).map(([name, def]) => [
      name,
      new AggregateBuckets(def, candidate.timezone),
    ]),
  );
  const firedKeys = new Set<string>();
  const lastFired = new Map<string, number>();
  const result: DryRunResult = { firings: [], evaluated: 0, suppressed: { duplicate: 0, cooldown: 0 } };

  const inFirstSeenOrder = (ids: string[]) => ids.sort((a, b) => seenAt.get(a)! - seenAt.get(b)!);
  const aggregate = (request: AggregateRequest): { value: number | null; ids: () => string[] } => {
    const index = indexes.get(request.name);
    if (!index || !index.answers(request)) {
      const computed = computeAggregate(request, [...current.values()]);
      return { value: computed.value, ids: () => computed.recordIds };
    }
    const ids = index.members(request);
    const ordered = () => inFirstSeenOrder(ids);
    const measure = request.measure;
    if (measure.op === 'count') return { value: ids.length, ids: ordered };
    const values = ordered()
      .map((id) => own(current.get(id)!.data, measure.field))
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const sum = values.reduce((a, b) => a + b, 0);
    if (measure.op === 'sum') return { value: sum, ids: ordered };
    return { value: values.length === 0 ? null : sum / values.length, ids: ordered };
  };

  const evaluate = (step: Step, record: RuleRecord | undefined, group?: GroupValues) => {
    const requests = aggregateRequests(candidate, record, step.at, group);
    const computed = requests.map((request) => ({ request, result: aggregate(request) }));
    const aggregates = Object.fromEntries(computed.map(({ request, result: r }) => [request.name, r.value]));
    result.evaluated += 1;
    const identity = firingIdentity(candidate, record, step.event, step.at, group);
    const lastFiredAt = lastFired.get(groupKey(identity.group)) ?? null;
    const outcome = evaluateRule(candidate, {
      event: step.event,
      record,
      previous: step.previous ?? null,
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
    if (step.version) {
      if (!seenAt.has(step.version.id)) seenAt.set(step.version.id, seenAt.size);
      current.set(step.version.id, step.version);
      for (const index of indexes.values()) index.place(step.version);
    }
    if (step.at < from || !matchesTrigger(candidate, step.event)) continue;
    if (step.event.type !== 'schedule') {
      const record = step.version ?? (step.recordId !== undefined ? current.get(step.recordId) : undefined);
      if (record) evaluate(step, record);
      continue;
    }
    const first = aggregateRequests(candidate, undefined, step.at)[0];
    const groups = first ? groupsIn(first, [...current.values()]) : [{}];
    for (const group of groups) evaluate(step, undefined, group);
  }
  return result;
}
