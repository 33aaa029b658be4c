/**
 * @module The options of a choice field (select, radio, product): a value each (what records store
 * and conditions compare) with its label in zh-CN and en; add, remove and reorder. Problems the engine
 * finds in one option (a duplicate value) are shown on that option.
 */
import { useMessages } from '../i18n/define-messages';
import type { PlacedIssue } from './issue-paths';
import { formsMessages } from './forms-messages';
import { Described, IssueMessages, localized } from './property-inputs';

export interface FieldOption {
  value: string;
  label?: { 'zh-CN'?: string; en?: string };
}

interface OptionsEditorProps {
  name: string;
  value: unknown;
  onChange(options: FieldOption[] | undefined): void;
  /** Issues of the `options` property; `rest` like `/1/value` names the option. */
  issues?: readonly PlacedIssue[];
}

function nextValue(options: readonly FieldOption[]): string {
  const taken = new Set(options.map((o) => o.value));
  let n = options.length + 1;
  while (taken.has(`option${n}`)) n++;
  return `option${n}`;
}

export function OptionsEditor({ name, value, onChange, issues = [] }: OptionsEditorProps) {
  const t = useMessages(formsMessages);
  const options = Array.isArray(value) ? (value as FieldOption[]) : [];
  const set = (next: FieldOption[]) => onChange(next.length > 0 ? next : undefined);
  const update = (i: number, option: FieldOption) => set(options.map((o, j) => (j === i ? option : o)));
  const swap = (i: number, j: number) => {
    const next = [...options];
    [next[i], next[j]] = [next[j] as FieldOption, next[i] as FieldOption];
    set(next);
  };
  const issuesOf = (i: number) =>
    issues.filter((p) => p.rest === `/${i}` || p.rest.startsWith(`/${i}/`)).map((p) => p.issue.message);
  const listIssues = issues.filter((p) => !/^\/\d+/.test(p.rest)).map((p) => p.issue.message);
  const labelOf = (option: FieldOption, locale: 'zh-CN' | 'en', text: string): FieldOption => {
    const label = localized({ ...option.label, [locale]: text });
    const { label: _old, ...rest } = option;
    return label ? { ...rest, label } : rest;
  };

  return (
    <fieldset className="options-editor">
      <legend>{name}</legend>
      {options.map((option, i) => (
        <div key={i} role="group" aria-label={t('options.option', { n: i + 1 })} className="option-row">
          <Described label={t('options.value')} issues={issuesOf(i)}>
            {(d) => (
              <input
                type="text"
                {...d}
                value={option.value}
                onChange={(e) => update(i, { ...option, value: e.target.value })}
              />
            )}
          </Described>
          <Described label={t('panel.zh', { name: t('options.option', { n: i + 1 }) })}>
            {(d) => (
              <input
                type="text"
                {...d}
                value={option.label?.['zh-CN'] ?? ''}
                onChange={(e) => update(i, labelOf(option, 'zh-CN', e.target.value))}
              />
            )}
          </Described>
          <Described label={t('panel.en', { name: t('options.option', { n: i + 1 }) })}>
            {(d) => (
              <input
                type="text"
                {...d}
                value={option.label?.en ?? ''}
                onChange={(e) => update(i, labelOf(option, 'en', e.target.value))}
              />
            )}
          </Described>
          <div className="row option-actions">
            <button
              type="button"
              aria-label={t('options.up', { n: i + 1 })}
              disabled={i === 0}
              onClick={() => swap(i, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={t('options.down', { n: i + 1 })}
              disabled={i === options.length - 1}
              onClick={() => swap(i, i + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={t('options.remove', { n: i + 1 })}
              onClick={() => set(options.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        </div>
      ))}
      <IssueMessages messages={listIssues} />
      <button type="button" onClick={() => set([...options, { value: nextValue(options) }])}>
        + {t('options.add')}
      </button>
    </fieldset>
  );
}
