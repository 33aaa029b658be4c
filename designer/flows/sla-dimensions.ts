/**
 * @module The two axes of an SLA target table: customer tiers and priorities. The engine reads them
 * from the flow context (`tier`, `priority`, taken from the request or else the record's `tier` /
 * `priority` fields) and names only examples (`vip` / `key` / `standard`, `urgent` / `high` /
 * `normal` / `low`), so the designer takes the options of the form's `tier` and `priority` fields
 * when the form has them, those examples otherwise, plus any value a policy already uses.
 */
import type { FieldInfo } from '../../engine';
import type { SlaPolicyDoc, Text } from './flow-doc';

export interface DimensionValue {
  value: string;
  label: Text;
}

export interface SlaDimensions {
  tiers: DimensionValue[];
  priorities: DimensionValue[];
}

export const DEFAULT_TIERS: DimensionValue[] = [
  { value: 'vip', label: { 'zh-CN': 'VIP', en: 'VIP' } },
  { value: 'key', label: { 'zh-CN': '重点客户', en: 'Key account' } },
  { value: 'standard', label: { 'zh-CN': '普通客户', en: 'Standard' } },
];

export const DEFAULT_PRIORITIES: DimensionValue[] = [
  { value: 'urgent', label: { 'zh-CN': '紧急', en: 'Urgent' } },
  { value: 'high', label: { 'zh-CN': '高', en: 'High' } },
  { value: 'normal', label: { 'zh-CN': '普通', en: 'Normal' } },
  { value: 'low', label: { 'zh-CN': '低', en: 'Low' } },
];

/** A form field with the option labels the designer shows. */
export interface LabelledField extends FieldInfo {
  label?: Text | string;
  optionLabels?: Record<string, Text | string>;
}

function fromField(field: LabelledField | undefined, fallback: DimensionValue[]): DimensionValue[] {
  if (!field?.options || field.options.length === 0) return fallback;
  return field.options.map((value) => {
    const label = field.optionLabels?.[value];
    return {
      value,
      label: typeof label === 'string' ? { 'zh-CN': label, en: label } : (label ?? { en: value }),
    };
  });
}

function withUsed(values: DimensionValue[], used: Iterable<unknown>): DimensionValue[] {
  const out = [...values];
  for (const value of used) {
    const text = String(value);
    if (!out.some((v) => v.value === text)) out.push({ value: text, label: { en: text } });
  }
  return out;
}

function usedValues(policies: readonly SlaPolicyDoc[], key: 'tier' | 'priority'): unknown[] {
  return policies.flatMap((p) =>
    p.targets.flatMap((t) => {
      const value = t.when?.[key];
      return value === undefined ? [] : Array.isArray(value) ? value : [value];
    }),
  );
}

export function slaDimensions(
  fields: readonly LabelledField[] | undefined,
  policies: readonly SlaPolicyDoc[],
): SlaDimensions {
  const field = (key: string) => fields?.find((f) => f.key === key);
  return {
    tiers: withUsed(fromField(field('tier'), DEFAULT_TIERS), usedValues(policies, 'tier')),
    priorities: withUsed(fromField(field('priority'), DEFAULT_PRIORITIES), usedValues(policies, 'priority')),
  };
}
