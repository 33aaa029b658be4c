/**
 * @module Summaries of a sample of per-ticket values (minutes, scores): mean and median. Effect
 * verification shows one of them as the KPI's value before and after the change.
 */

/** Throws on a value that is not a finite number: the runtime passes measured values, so this is a bug. */
export function assertFiniteValues(values: readonly number[], name: string): void {
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${name} holds a value that is not a finite number: ${String(v)}`);
    }
  }
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The middle value, or the mean of the two middle values of an even-sized sample. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return medianOfSorted(Float64Array.from(values).sort());
}

export function medianOfSorted(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
