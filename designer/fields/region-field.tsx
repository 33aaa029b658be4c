/**
 * @module The region control: province, then city, then district, as deep as the field's `level`
 * asks. The value keeps only the parts filled (`{ province, city }`), null when none is; the engine
 * says when a level is missing.
 */
import { REGION_LEVELS } from '../../engine/forms/fields/region-field';
import { useMessages } from '../i18n/define-messages';
import { fieldMessages } from './field-messages';
import type { FieldControlProps, FieldOf } from './field-props';

type Region = Partial<Record<(typeof REGION_LEVELS)[number], string>>;

export function RegionField({
  field,
  id,
  name,
  value,
  onChange,
  onBlur,
  readOnly,
  required,
  invalid,
  describedBy,
  inputRef,
}: FieldControlProps<FieldOf<'region'>>) {
  const t = useMessages(fieldMessages);
  const levels = REGION_LEVELS.slice(0, REGION_LEVELS.indexOf(field.level ?? 'district') + 1);
  const region: Region = typeof value === 'object' && value !== null ? (value as Region) : {};
  const set = (level: (typeof REGION_LEVELS)[number], text: string) => {
    const next: Region = {};
    for (const part of levels) {
      const v = part === level ? text : region[part];
      if (v) next[part] = v;
    }
    onChange(Object.keys(next).length > 0 ? next : null);
  };
  return (
    <div className="region" role="group" aria-describedby={describedBy}>
      {levels.map((level, i) => (
        <label key={level}>
          <span className="region-part">{t(level)}</span>
          <input
            id={i === 0 ? id : undefined}
            name={`${name}.${level}`}
            value={region[level] ?? ''}
            onChange={(e) => set(level, e.target.value)}
            onBlur={onBlur}
            readOnly={readOnly}
            maxLength={64}
            autoComplete={
              level === 'province' ? 'address-level1' : level === 'city' ? 'address-level2' : 'off'
            }
            aria-required={required || undefined}
            aria-invalid={invalid || undefined}
            ref={i === 0 ? (inputRef as React.Ref<HTMLInputElement>) : undefined}
          />
        </label>
      ))}
    </div>
  );
}
