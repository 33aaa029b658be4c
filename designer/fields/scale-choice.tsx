/**
 * @module A row of numbered choices (NPS 0–10, CES 1–7, stars 1–5) as native radio buttons drawn as
 * tiles: arrow keys, screen readers and tests get a real radio group, the eye gets a survey scale with
 * its two ends named.
 */
import type { ReactNode } from 'react';
import { useMessages } from '../i18n/define-messages';
import { fieldAria } from './control-attributes';
import type { FieldControlProps } from './field-props';
import { fieldMessages } from './field-messages';

export interface ScaleProps extends Omit<FieldControlProps, 'field'> {
  min: number;
  max: number;
  /** What each choice shows (the number by default) and its accessible name. */
  face?(n: number, chosen: boolean): ReactNode;
  name_?(n: number): string;
  low?: string;
  high?: string;
  className?: string;
}

export function ScaleChoice(props: ScaleProps) {
  const { id, name, label, value, onChange, onBlur, readOnly, required } = props;
  const { min, max, face, name_, low, high, className } = props;
  const t = useMessages(fieldMessages);
  const steps = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const current = typeof value === 'number' ? value : null;
  return (
    <div className={`scale ${className ?? ''}`}>
      <div className="scale-choices" role="radiogroup" aria-label={label} {...fieldAria(props)}>
        {steps.map((n) => (
          <label
            key={n}
            className={`scale-choice${current !== null && n <= current ? ' filled' : ''}${n === current ? ' chosen' : ''}`}
          >
            <input
              type="radio"
              id={n === min ? id : undefined}
              name={name}
              value={n}
              checked={n === current}
              disabled={readOnly}
              onChange={() => onChange(n)}
              onBlur={onBlur}
              aria-label={name_ ? name_(n) : String(n)}
            />
            <span aria-hidden="true">{face ? face(n, n === current) : n}</span>
          </label>
        ))}
        {current !== null && !readOnly && !required && (
          <button type="button" className="link-button scale-clear" onClick={() => onChange(null)}>
            {t('clearRating')}
          </button>
        )}
      </div>
      {(low || high) && (
        <div className="scale-ends" aria-hidden="true">
          <span>{low}</span>
          <span>{high}</span>
        </div>
      )}
    </div>
  );
}
