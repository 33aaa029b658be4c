/**
 * @module Where an issue of the rule belongs in the designer: its JSON Pointer names the part — the
 * trigger, one aggregate, the condition, one action, or the rule's settings (title, time zone,
 * cool-down, anything else) — so each part shows its own problems.
 */
import { parsePointer } from '../../engine';

export interface RuleIssue {
  code: string;
  path: string;
  message: string;
}

export type IssuePart =
  | { part: 'settings' }
  | { part: 'trigger' }
  | { part: 'aggregate'; name: string }
  | { part: 'condition' }
  | { part: 'action'; index: number };

export function partOf(path: string): IssuePart {
  let tokens: string[];
  try {
    tokens = parsePointer(path);
  } catch {
    return { part: 'settings' };
  }
  const [head, second] = tokens;
  if (head === 'trigger') return { part: 'trigger' };
  if (head === 'aggregates' && second !== undefined) return { part: 'aggregate', name: second };
  if (head === 'condition') return { part: 'condition' };
  if (head === 'actions' && second !== undefined && /^\d+$/.test(second))
    return { part: 'action', index: Number(second) };
  return { part: 'settings' };
}

const samePart = (a: IssuePart, b: IssuePart) => JSON.stringify(a) === JSON.stringify(b);

/** The issues that belong to `part`. */
export function issuesFor(issues: readonly RuleIssue[], part: IssuePart): RuleIssue[] {
  return issues.filter((issue) => samePart(partOf(issue.path), part));
}
