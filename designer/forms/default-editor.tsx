/**
 * @module The default value of a field, entered with an input that fits its type: text, a number,
 * the survey scale, ticked or not, one or several of its options, a date, a date-time, a region.
 * The engine checks the value against the field (e.g. a default that is not an option).
 */
import { pickText, useLocale } from '../i18n/locale-context';
import { useMessages } from '../i18n/define-messages';
import { fromLocalInput, toLocalInput } from '../conditions/local-datetime';
import { scaleOf } from './engine-field-types';
import type { FieldProps } from './form-draft-tree';
import { formsMessages } from './forms-messages';
import type { FieldOption } from './options-editor';
import { ChoiceInput, Described, IssueMessages, NumberInput, TextInput } from './property-inputs';

interface DefaultEditorProps {
  name: string;
  field: FieldProps;
  onChange(value: unknown): void;
  issues?: readonly string[];
}

const NUMBER_TYPES = new Set(['number', 'integer', 'money']);

type Region = { province?: string; city?: string; district?: string };

function RegionDefault({
  name,
  value,
  onChange,
  issues,
}: {
  name: string;
  value: unknown;
  onChange(v: unknown): void;
  issues: readonly string[];
}) {
  const t = useMessages(formsMessages);
  const region = (typeof value === 'object' && value !== null ? value : {}) as Region;
  const set = (part: keyof Region, text: string) => {
    const next: Region = { ...region, [part]: text || undefined };
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v));
    onChange(Object.keys(clean).length > 0 ? clean : undefined);
  };
  return (
    <fieldset className="property-fieldset">
      <legend>{name}</legend>
      {(['province', 'city', 'district'] as const).map((part) => (
        <label key={part}>
          {t(`panel.${part}`)}
          <input type="text" value={region[part] ?? ''} onChange={(e) => set(part, e.target.value)} />
        </label>
      ))}
      <IssueMessages messages={issues} />
    </fieldset>
  );
}

export function DefaultEditor({ name, field, onChange, issues = [] }: DefaultEditorProps) {
  const t = useMessages(formsMessages);
  const { locale } = useLocale();
  const value = field.default;
  const options = Array.isArray(field.options) ? (field.options as FieldOption[]) : undefined;
  const choices = options?.map((o) => ({ value: o.value, label: pickText(o.label, locale) || o.value }));
  const scale = scaleOf(field.type);

  if (field.type === 'region')
    return <RegionDefault name={name} value={value} onChange={onChange} issues={issues} />;
  if (NUMBER_TYPES.has(field.type))
    return (
      <NumberInput
        name={name}
        value={value}
        onChange={onChange}
        issues={issues}
        integer={field.type === 'integer'}
      />
    );
  if (scale) {
    const steps = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i));
    return (
      <ChoiceInput
        name={name}
        value={value === undefined ? undefined : String(value)}
        choices={steps.map((s) => ({ value: s, label: s }))}
        onChange={(v) => onChange(v === undefined ? undefined : Number(v))}
        issues={issues}
      />
    );
  }
  if (field.type === 'checkbox')
    return (
      <ChoiceInput
        name={name}
        value={value === undefined ? undefined : String(value)}
        choices={[
          { value: 'true', label: t('panel.ticked') },
          { value: 'false', label: t('panel.unticked') },
        ]}
        onChange={(v) => onChange(v === undefined ? undefined : v === 'true')}
        issues={issues}
      />
    );
  if (choices && field.multiple === true) {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    const toggle = (v: string, on: boolean) => {
      const next = on ? [...chosen, v] : chosen.filter((c) => c !== v);
      onChange(next.length > 0 ? next : undefined);
    };
    return (
      <fieldset className="property-fieldset">
        <legend>{name}</legend>
        {choices.map((c) => (
          <label key={c.value} className="inline">
            <input
              type="checkbox"
              checked={chosen.includes(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
            />
            {c.label}
          </label>
        ))}
        <IssueMessages messages={issues} />
      </fieldset>
    );
  }
  if (choices)
    return <ChoiceInput name={name} value={value} choices={choices} onChange={onChange} issues={issues} />;
  if (field.type === 'date' || field.type === 'datetime') {
    const isDate = field.type === 'date';
    return (
      <Described label={name} issues={issues}>
        {(d) => (
          <input
            type={isDate ? 'date' : 'datetime-local'}
            {...d}
            value={isDate ? (typeof value === 'string' ? value : '') : toLocalInput(value)}
            onChange={(e) => onChange(isDate ? e.target.value || undefined : fromLocalInput(e.target.value))}
          />
        )}
      </Described>
    );
  }
  return <TextInput name={name} value={value} onChange={onChange} issues={issues} />;
}
