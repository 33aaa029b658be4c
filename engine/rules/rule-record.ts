/**
 * @module What rules read of a record, and of the event that woke them. Plain values the runtime
 * builds from its rows and the dry run takes from its input.
 */

/** One version of a record as rules see it. */
export interface RuleRecord {
  id: string;
  form: string;
  data: Record<string, unknown>;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601 of this version; the first version may leave it out (= createdAt). */
  updatedAt?: string;
  stage?: string | null;
  revision?: number;
  assignee?: string | null;
}

/** The event a rule is evaluated for: an outbox row, an SLA timer, or a schedule tick. */
export type RuleEvent =
  | { type: 'record.created' | 'record.updated'; form: string; recordId?: string; at: string }
  | { type: 'stage.entered'; form: string; stage: string; flow?: string; recordId?: string; at: string }
  | {
      type: 'sla.warning' | 'sla.breach';
      form: string;
      stage?: string;
      flow?: string;
      recordId?: string;
      at: string;
    }
  /** `rule` limits a tick to one rule; without it the tick is for every scheduled rule. */
  | { type: 'schedule'; rule?: string; at: string };

/** When a record version happened: its update time, or its creation for the first version. */
export function versionTime(record: RuleRecord): string {
  return record.updatedAt ?? record.createdAt;
}
