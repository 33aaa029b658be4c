/**
 * @module A record's customer reference, resolved inside the writing transaction: when the form's
 * customer field names a `source` form, its value must be the id of a record of that form, and the
 * field's `fill` targets are copied from that record (engine `fillFromCustomer`) before the data is
 * validated — so a ticket's tier, and with it every SLA target, is the customer's.
 *
 * The public fill page is held to the same rule: an anonymous submission must name an existing
 * customer record too. Record ids are random UUIDs, so a link that carries one (`/f/ticket?customer=…`)
 * works and guessing does not; the answer does not say whether the id exists in another form.
 */
import type { Knex } from 'knex';
import {
  createIssue,
  customerFillOf,
  fillFromCustomer,
  formDataMessages,
  pickText,
  type FieldDefinition,
  type Issue,
  type Locale,
} from '../../engine';
import type { PublishedForm } from '../records/published-form';
import type { RecordData } from '../records/record-rows';
import { readJson } from '../storage/json-value';

export interface ResolvedCustomer {
  /** The data with the fill targets set from the customer record (unchanged without one). */
  data: RecordData;
  /** `unknown-customer` at the customer field when its value names no record of the source form. */
  issues: Issue[];
}

/** The label of the top-level field `key` (sections are transparent) in `locale`, else the key. */
function fieldLabel(form: PublishedForm, key: string, locale: Locale): string {
  const topLevel = (fields: readonly FieldDefinition[]): FieldDefinition[] =>
    fields.flatMap((f) => (f.type === 'section' ? topLevel(f.fields) : [f]));
  const field = topLevel(form.definition.fields).find((f) => f.key === key);
  return pickText(field?.label, locale) || key;
}

/**
 * Resolves the customer `data` names. `given` is what the caller sent explicitly (an editable fill
 * target keeps it); `previous` is the stored data on an update, where an unchanged customer is not
 * looked up again (its record may have changed since, the ticket keeps what it was filled with).
 */
export async function resolveCustomer(
  trx: Knex | Knex.Transaction,
  form: PublishedForm,
  data: RecordData,
  options: { given: RecordData; previous?: RecordData; locale: Locale },
): Promise<ResolvedCustomer> {
  const plan = customerFillOf(form.definition);
  if (!plan) return { data, issues: [] };
  const id = data[plan.field];
  // Missing, not a string or too long: the validator names that problem.
  if (typeof id !== 'string' || id === '' || id.length > 64) return { data, issues: [] };
  if (options.previous && options.previous[plan.field] === id) return { data, issues: [] };
  const row = (await trx('records').where({ id, form_key: plan.source }).first('data')) as
    { data: unknown } | undefined;
  if (!row) {
    const label = fieldLabel(form, plan.field, options.locale);
    const params = { label, id, form: plan.source };
    return {
      data,
      issues: [createIssue(formDataMessages, 'unknown-customer', `/${plan.field}`, params, options.locale)],
    };
  }
  const customer = readJson<RecordData>(row.data) ?? {};
  return { data: fillFromCustomer(form.definition, data, customer, options.given), issues: [] };
}
