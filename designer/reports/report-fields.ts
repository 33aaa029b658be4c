/**
 * @module The fields a report may read from its form (and from a joined form, prefixed with the
 * join's alias): the record's system columns first, then the form's data fields as the engine lists
 * them, with their labels, whether they hold numbers and whether they are dates (time grains apply).
 */
import { listFormFields, type FormDefinition, type LocalizedText } from '../../engine';

export interface ReportFieldOption {
  /** The name a report uses (`category`, `createdAt`, `survey.rating`, `data.customer`). */
  name: string;
  /** The form field type, or `system` for a record column. */
  type: string;
  label?: LocalizedText;
  numeric: boolean;
  /** A date or timestamp: time grains apply. */
  time: boolean;
}

/** Record columns a report can group or filter by (ids and revisions are left out of the list). */
export const SYSTEM_FIELDS: readonly { name: string; time: boolean; label: LocalizedText }[] = [
  { name: 'createdAt', time: true, label: { en: 'Created at', 'zh-CN': '创建时间' } },
  { name: 'resolvedAt', time: true, label: { en: 'Resolved at', 'zh-CN': '解决时间' } },
  { name: 'updatedAt', time: true, label: { en: 'Updated at', 'zh-CN': '更新时间' } },
  { name: 'stage', time: false, label: { en: 'Stage', 'zh-CN': '阶段' } },
  { name: 'assignee', time: false, label: { en: 'Assignee', 'zh-CN': '处理人' } },
  { name: 'team', time: false, label: { en: 'Team', 'zh-CN': '团队' } },
  { name: 'customer', time: false, label: { en: 'Customer (record)', 'zh-CN': '客户（记录）' } },
];

const TIME_TYPES = new Set(['date', 'datetime']);
const SYSTEM_NAMES = new Set([...SYSTEM_FIELDS.map((f) => f.name), 'id', 'form', 'formVersion', 'revision']);

interface LabelledField {
  key?: string;
  label?: LocalizedText;
  fields?: LabelledField[];
}

function labelsOf(
  fields: readonly LabelledField[] | undefined,
  prefix: string,
  into: Map<string, LocalizedText>,
) {
  for (const f of fields ?? []) {
    const key = f.key === undefined ? undefined : prefix + f.key;
    if (key !== undefined && f.label) into.set(key, f.label);
    // Sections have no data key of their own; groups prefix their children.
    labelsOf(f.fields, key !== undefined && f.fields ? `${key}.` : prefix, into);
  }
}

/** The data fields of `form` as report fields, `prefix` (`survey.`) for a joined form. */
export function formReportFields(form: FormDefinition, prefix = ''): ReportFieldOption[] {
  let infos;
  try {
    infos = listFormFields(form);
  } catch {
    return [];
  }
  const labels = new Map<string, LocalizedText>();
  labelsOf(form.fields as unknown as LabelledField[], '', labels);
  return infos
    .filter((i) => !i.multiple)
    .map((i) => {
      // A data key that collides with a system column is named explicitly as data.
      const local = prefix === '' && SYSTEM_NAMES.has(i.key) ? `data.${i.key}` : i.key;
      const label = labels.get(i.key);
      return {
        name: prefix + local,
        type: i.type,
        ...(label ? { label } : {}),
        numeric: i.numeric,
        time: TIME_TYPES.has(i.type),
      };
    });
}

/** Everything the source form offers: system columns, then its data fields. */
export function sourceReportFields(form: FormDefinition): ReportFieldOption[] {
  return [
    ...SYSTEM_FIELDS.map((f) => ({
      name: f.name,
      type: 'system',
      label: f.label,
      numeric: false,
      time: f.time,
    })),
    ...formReportFields(form),
  ];
}
