/**
 * @module The region control: province, then city, then district, as deep as the field's `level`
 * asks. The value keeps only the parts filled (`{ province, city }`), null when none is; the engine
 * says when a level is missing.
 */
import { REGION_LEVELS } from '../../engine/forms/fields/region-field';
import { useMessages } from '../i18n/define-messages';
import { controlAttributes } from './control-attributes';
import { fieldMessages } from './field-messages';
import type { FieldControlProps, FieldOf } from './field-props';

type Region = Partial<Record<(typeof REGION_LEVELS)[number], string>>;

export function RegionField(props: FieldControlProps<FieldOf<'region'>>) {
  const { field, name, value, onChange, describedBy } = props;
  // Each part is a control of its own, but only the first takes the label's id and the focus ref, and
  // the group, not each part, is described by the help and messages.
  const attributes = controlAttributes<HTMLInputElement>({ ...props, describedBy: undefined }, 'readOnly');
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
            {...attributes}
            id={i === 0 ? attributes.id : undefined}
            name={`${name}.${level}`}
            ref={i === 0 ? attributes.ref : undefined}
            value={region[level] ?? ''}
            onChange={(e) => set(level, e.target.value)}
            maxLength={64}
            autoComplete={
              level === 'province' ? 'address-level1' : level === 'city' ? 'address-level2' : 'off'
            }
          />
        </label>
      ))}
    </div>
  );
}
