/**
 * @module The exact inputs of each declared aggregate for one evaluation: form, measure, filter, the
 * group's values and the window bounds. The runtime turns a request into one SQL query; the dry run
 * hands it to `computeAggregate`. Both must read the same records, so every choice is made here.
 */
import type { AggregateDefinition, AggregateMeasure, RuleDefinition } from './rule-definition.schema';
import type { GroupValues } from './rule-firing-key';
import type { RuleRecord } from './rule-record';
import { momentMs, recordMoment, windowOf, type Moment, type WindowInfo } from './rule-window';

export interface AggregateRequest {
  name: string;
  form: string;
  measure: AggregateMeasure;
  /** JSON-Logic over one record's data, or `undefined` for every record. */
  filter: unknown;
  /** The group-by fields, in order; a scheduled evaluation without a group groups by these. */
  groupFields: string[];
  /** Field → value the group has (`null` when the record leaves it empty: match `IS NULL`). */
  groupBy: GroupValues;
  /** The field placing records in the window, or `null` for their creation time. */
  dateField: string | null;
  /** The rule's zone, for reading date-only values of `dateField` as local days. */
  timezone: string;
  window: WindowInfo;
  /** Records with `from <= date < to` count. */
  from: string;
  to: string;
}

/** A field's value, own properties only (a field named `constructor` must not read the prototype). */
export const fieldValue = (data: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;

/** The group values of `record` for `fields` (missing → `null`). */
export function groupValuesOf(fields: readonly string[], data: Record<string, unknown>): GroupValues {
  const group: GroupValues = {};
  for (const field of fields) group[field] = fieldValue(data, field) ?? null;
  return group;
}

/** The moment a rule evaluation is anchored at for one aggregate: the record's date, or `now` without a record. */
export function anchorMoment(
  aggregate: AggregateDefinition,
  record: RuleRecord | undefined,
  now: Moment,
  timezone: string,
): number {
  return record ? recordMoment(record, aggregate.dateField, timezone) : momentMs(now);
}

/**
 * One request per declared aggregate, in declaration order. With a triggering record the group is the
 * record's values of the group-by fields and the window the one its date falls in (a back-dated
 * record is counted with its own window). Without one (a schedule tick) the window is the one `now`
 * falls in and the group is `group` when given, else every group (`groupBy` empty, `groupFields` set).
 * A calendar window's offset shifts either back by whole windows (`windowOf`): `from` / `to` are the
 * shifted bounds, so the runtime's SQL and `computeAggregate` need not know about offsets.
 */
export function aggregateRequests(
  rule: Pick<RuleDefinition, 'aggregates' | 'timezone'>,
  record: RuleRecord | undefined,
  now: Moment,
  group?: GroupValues,
): AggregateRequest[] {
  return Object.entries(rule.aggregates ?? {}).map(([name, aggregate]) => {
    const window = windowOf(
      aggregate.window,
      anchorMoment(aggregate, record, now, rule.timezone),
      rule.timezone,
    );
    const groupFields = [...(aggregate.groupBy ?? [])];
    const groupBy = record
      ? groupValuesOf(groupFields, record.data)
      : Object.fromEntries(
          groupFields.filter((f) => group && f in group).map((f) => [f, group?.[f] ?? null]),
        );
    return {
      name,
      form: aggregate.form,
      measure: aggregate.measure,
      filter: aggregate.filter,
      groupFields,
      groupBy,
      dateField: aggregate.dateField ?? null,
      timezone: rule.timezone,
      window,
      from: window.start,
      to: window.end,
    };
  });
}
