/**
 * @module What a record takes from its customer: the form's customer field with a `source` form and a
 * `fill` map (`{ "<field here>": "<field of the customer form>" }`), and the values it copies from the
 * chosen customer record. A read-only target always holds the customer's value (the ticket's tier, which
 * sets its SLA, is the customer's and not the agent's to change); an editable target keeps a value the
 * caller gave explicitly (a different contact person for this visit) and otherwise takes the customer's.
 */
import type { FormDefinition, LeafField } from './form-definition.schema';
import { formTree } from './form-tree';

export interface CustomerFill {
  /** The key of the form's customer field. */
  field: string;
  /** The form whose records are the customers. */
  source: string;
  /** `[target field of this form, field of the source form]` in definition order. */
  pairs: [string, string][];
}

/** The form's customer field with a source form, and what it fills; null when there is none. */
export function customerFillOf(form: FormDefinition): CustomerFill | null {
  const node = formTree(form).nodes.find((n) => n.field.type === 'customer');
  const field = node?.field;
  if (!node || field?.type !== 'customer' || field.source === undefined) return null;
  const fill = (field.fill ?? {}) as Record<string, string>;
  return { field: node.key, source: field.source, pairs: Object.entries(fill) };
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * `data` with the fill targets set from `customer` (the customer record's data). `given` holds the
 * values the caller sent explicitly (a submission's data, an update's patch): an editable target keeps
 * a non-empty given value. A source field the customer left empty changes nothing.
 */
export function fillFromCustomer(
  form: FormDefinition,
  data: Record<string, unknown>,
  customer: Record<string, unknown>,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const plan = customerFillOf(form);
  if (!plan || plan.pairs.length === 0) return data;
  const top = formTree(form).byKey;
  const out = { ...data };
  for (const [target, from] of plan.pairs) {
    const value = customer[from];
    if (isEmpty(value)) continue;
    const field = top.get(target)?.field as LeafField | undefined;
    const readOnly = field !== undefined && 'readOnly' in field && field.readOnly === true;
    if (!readOnly && !isEmpty(given[target])) continue;
    out[target] = structuredClone(value);
  }
  return out;
}
