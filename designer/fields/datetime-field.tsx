/**
 * @module The date-and-time control. The browser's picker gives a wall time without a zone; the
 * value is that time with the device's UTC offset (`2026-10-01T09:30:00+08:00`), the instant the
 * person meant. A stored value is shown in the device's time zone.
 */
import { controlAttributes } from './control-attributes';
import type { FieldControlProps, FieldOf } from './field-props';

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** `2026-10-01T09:30` (local wall time) → `2026-10-01T09:30:00+08:00`; '' → null. */
export function withOffset(local: string): string | null {
  if (local === '') return null;
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const seconds = local.length === 16 ? ':00' : '';
  return `${local}${seconds}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An instant → the local wall time the picker shows (`YYYY-MM-DDTHH:mm`); '' when not an instant. */
export function toLocalInput(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

export function DatetimeField(props: FieldControlProps<FieldOf<'datetime'>>) {
  const { value, onChange } = props;
  return (
    <input
      {...controlAttributes<HTMLInputElement>(props, 'readOnly')}
      type="datetime-local"
      value={toLocalInput(value)}
      onChange={(e) => onChange(withOffset(e.target.value))}
    />
  );
}
