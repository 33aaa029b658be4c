/**
 * @module The fields a stage requires before the ticket may leave it. A field counts as filled when it
 * holds something a person entered: not missing, `null`, blank text or an empty list (`0` and `false`
 * are answers). Only moves that complete the stage demand them: parking the ticket in a waiting
 * stage or cancelling it does not (see `walk-microsteps`).
 */
import type { FlowStageConfig } from './flow-definition.schema';
import type { RecordData } from './flow-event';

export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The required fields of `stage` that `data` leaves empty, in the order the stage lists them. */
export function missingRequiredFields(stage: FlowStageConfig | undefined, data: RecordData): string[] {
  return (stage?.meta?.requiredFields ?? []).filter(
    (field) => !isFilled(Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined),
  );
}
