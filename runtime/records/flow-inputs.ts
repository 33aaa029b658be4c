/**
 * @module What the record services hand the flow and how they answer its refusals. The customer tier
 * and priority of the flow context come from the request (`tier`, `priority` beside `data`) or else
 * from the record's fields of those names. A refused event becomes the HTTP error the API promises:
 * 409 when the stage does not allow it (or its guard says no, or the flow has ended), 403 when the
 * sender's roles may not take it, 422 when the stage's required fields are missing — always with the
 * engine's issues.
 */
import type { Issue, RefusalReason } from '../../engine';
import { UserError } from '../http/errors';
import type { RecordData } from './record-rows';

export interface ContextOverrides {
  tier?: string;
  priority?: string;
}

/** Tier and priority for the flow: explicit values first, then the record's `tier` / `priority` fields. */
export function tierAndPriority(data: RecordData, overrides: ContextOverrides = {}): ContextOverrides {
  const out: ContextOverrides = {};
  const tier = overrides.tier ?? data.tier;
  const priority = overrides.priority ?? data.priority;
  if (typeof tier === 'string' && tier !== '') out.tier = tier;
  if (typeof priority === 'string' && priority !== '') out.priority = priority;
  return out;
}

const MESSAGES: Record<RefusalReason, string> = {
  'invalid-event': 'The event is malformed',
  'invalid-snapshot': 'The record’s flow instance cannot be stepped',
  'flow-finished': 'The record’s flow has finished',
  'event-not-allowed': 'The record’s current stage does not allow this event',
  'guard-refused': 'The transition’s condition is not met',
  'role-not-allowed': 'Your roles may not take this transition',
  'required-field-missing': 'Fields the stage requires are missing',
};

export function refusalError(reason: RefusalReason, issues: Issue[]): Error {
  switch (reason) {
    case 'role-not-allowed':
      return new UserError(403, reason, MESSAGES[reason], issues);
    case 'required-field-missing':
      return new UserError(422, reason, MESSAGES[reason], issues);
    case 'invalid-event':
      return new UserError(400, reason, MESSAGES[reason], issues);
    case 'invalid-snapshot':
      // A stored snapshot the pinned flow cannot read is our fault, not the caller's.
      return new Error(`${MESSAGES[reason]}: ${issues.map((i) => i.message).join('; ')}`);
    default:
      return new UserError(409, reason, MESSAGES[reason], issues);
  }
}
