/**
 * @module The records of a rule's declared aggregates, kept filed by window and group as the dry run
 * replays their versions, so a count is a lookup: recomputing every aggregate over every visible record
 * at every evaluation is a million tickets entering a stage × a million records. Sums and averages add
 * the bucket's values in the order the records were first seen — `computeAggregate`'s order over the
 * visible records — so even the rounding is the same. A request the buckets cannot answer (a group
 * given only in part, as a schedule tick's) is computed by `computeAggregate` over the visible records.
 */
import { evaluateExpression, isTruthy } from '../expressions/evaluate-expression';
import type { AggregateRequest } from './aggregate-requests';
import { computeAggregate } from './compute-aggregate';
import type { AggregateDefinition, RuleDefinition } from './rule-definition.schema';
import type { RuleRecord } from './rule-record';
import { momentMs as ms, recordMoment, windowOf } from './rule-window';

const own = (data: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;

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

/** An aggregate's value and, when asked, the records behind it (in first-seen order). */
export interface BucketedAggregate {
  value: number | null;
  ids(): string[];
}

/** The declared aggregates of `rule` over the versions `apply`-ed so far. */
export class RuleAggregates {
  private readonly current = new Map<string, RuleRecord>();
  private readonly seenAt = new Map<string, number>();
  private readonly indexes: Map<string, AggregateBuckets>;

  constructor(rule: RuleDefinition) {
    this.indexes = new Map(
      Object.entries(rule.aggregates ?? {}).map(([name, def]) => [
        name,
        new AggregateBuckets(def, rule.timezone),
      ]),
    );
  }

  /** A record's new version becomes the one visible, filed where it now belongs. */
  apply(version: RuleRecord): void {
    if (!this.seenAt.has(version.id)) this.seenAt.set(version.id, this.seenAt.size);
    this.current.set(version.id, version);
    for (const index of this.indexes.values()) index.place(version);
  }

  /** The version visible now of a record. */
  visible(id: string): RuleRecord | undefined {
    return this.current.get(id);
  }

  /** Every visible version, in first-seen order. */
  all(): RuleRecord[] {
    return [...this.current.values()];
  }

  compute(request: AggregateRequest): BucketedAggregate {
    const index = this.indexes.get(request.name);
    if (!index || !index.answers(request)) {
      const computed = computeAggregate(request, this.all());
      return { value: computed.value, ids: () => computed.recordIds };
    }
    const ids = index.members(request);
    const ordered = () => ids.sort((a, b) => this.seenAt.get(a)! - this.seenAt.get(b)!);
    const measure = request.measure;
    if (measure.op === 'count') return { value: ids.length, ids: ordered };
    const values = ordered()
      .map((id) => own(this.current.get(id)!.data, measure.field))
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const sum = values.reduce((a, b) => a + b, 0);
    if (measure.op === 'sum') return { value: sum, ids: ordered };
    return { value: values.length === 0 ? null : sum / values.length, ids: ordered };
  }
}
