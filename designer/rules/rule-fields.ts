/**
 * @module The "fields" a rule's condition and actions may read, as the condition builder takes them:
 * the triggering record's fields (`record.<field>`, labelled from its form) and the declared aggregates
 * as numeric fields (`aggregates.<name>`, labelled with what they compute).
 */
import type { AggregateDefinition } from '../../engine/rules/rule-definition.schema';
import type { ConditionField } from '../conditions/condition-builder';

/** A form field with its label(s) as the designer offers it. */
export type LabelledField = ConditionField;

/** The form's fields under the `record.` prefix, labels kept. */
export function recordConditionFields(fields: readonly LabelledField[]): ConditionField[] {
  return fields.map((f) => ({ ...f, key: `record.${f.key}` }));
}

/** A short description of an aggregate: `count · month`, `sum(amount) · 30 days`. */
export function describeAggregate(aggregate: AggregateDefinition): string {
  const measure =
    aggregate.measure.op === 'count' ? 'count' : `${aggregate.measure.op}(${aggregate.measure.field})`;
  const window =
    aggregate.window.type === 'rolling'
      ? `${aggregate.window.days}d`
      : aggregate.window.unit +
        ('offset' in aggregate.window && aggregate.window.offset ? `${aggregate.window.offset}` : '');
  const by = aggregate.groupBy && aggregate.groupBy.length > 0 ? ` / ${aggregate.groupBy.join(', ')}` : '';
  return `${measure} · ${window}${by}`;
}

/** Each aggregate as a numeric field `aggregates.<name>` labelled `<name> (count · month / model)`. */
export function aggregateConditionFields(
  aggregates: Readonly<Record<string, AggregateDefinition>> | undefined,
): ConditionField[] {
  return Object.entries(aggregates ?? {}).map(([name, aggregate]) => ({
    key: `aggregates.${name}`,
    type: 'number',
    numeric: true,
    label: `${name} (${describeAggregate(aggregate)})`,
  }));
}

export function ruleConditionFields(
  recordFields: readonly LabelledField[],
  aggregates: Readonly<Record<string, AggregateDefinition>> | undefined,
): ConditionField[] {
  return [...recordConditionFields(recordFields), ...aggregateConditionFields(aggregates)];
}
