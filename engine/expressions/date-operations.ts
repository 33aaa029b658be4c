/**
 * @module Date and duration operations the product adds to JSON-Logic. Dates are ISO 8601 strings
 * (`2026-10-01` or `2026-10-01T09:30:00+08:00`) or epoch milliseconds; a date-only string means
 * midnight UTC of that day. Results are ISO strings (date_add) or numbers (date_diff), never Date
 * objects, so expression results stay plain JSON.
 */

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks';

const UNIT_MS: Record<DurationUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

/** Epoch ms of a date value, or `null` when it is not a date. */
export function toEpoch(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value.length > 40) return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null;
  const ms = Date.parse(value.length === 10 ? value + 'T00:00:00Z' : value);
  return Number.isNaN(ms) ? null : ms;
}

function unitMs(unit: unknown): number | null {
  return typeof unit === 'string' && unit in UNIT_MS ? UNIT_MS[unit as DurationUnit] : null;
}

/** The clock expressions see as "now"; set by evaluateExpression for the duration of one evaluation. */
let currentNow: number = Date.now();

export function withNow<T>(now: number, run: () => T): T {
  const saved = currentNow;
  currentNow = now;
  try {
    return run();
  } finally {
    currentNow = saved;
  }
}

export const dateOperations = {
  /** `{"now": []}` → the evaluation's clock as an ISO string. */
  now: (): string => new Date(currentNow).toISOString(),
  /** `{"date_add": [date, amount, unit]}` → ISO string, or null for a bad date. */
  date_add: (date: unknown, amount: unknown, unit: unknown): string | null => {
    const at = toEpoch(date);
    const ms = unitMs(unit);
    if (at === null || ms === null || typeof amount !== 'number' || !Number.isFinite(amount)) return null;
    return new Date(at + amount * ms).toISOString();
  },
  /** `{"date_diff": [later, earlier, unit]}` → (later − earlier) in unit, fractional; null for bad dates. */
  date_diff: (later: unknown, earlier: unknown, unit: unknown): number | null => {
    const a = toEpoch(later);
    const b = toEpoch(earlier);
    const ms = unitMs(unit);
    if (a === null || b === null || ms === null) return null;
    return (a - b) / ms;
  },
  /** `{"date_before": [a, b]}` → a is strictly earlier than b. */
  date_before: (a: unknown, b: unknown): boolean => {
    const x = toEpoch(a);
    const y = toEpoch(b);
    return x !== null && y !== null && x < y;
  },
  /** `{"date_after": [a, b]}` → a is strictly later than b. */
  date_after: (a: unknown, b: unknown): boolean => {
    const x = toEpoch(a);
    const y = toEpoch(b);
    return x !== null && y !== null && x > y;
  },
};
