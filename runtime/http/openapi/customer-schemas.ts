/**
 * @module Response schemas of the customers API, typed against the services' views: `CustomerMatch`
 * (`runtime/customers/customer-search.ts`), `CustomerHistory` and `HistoryEntry`
 * (`runtime/customers/customer-history.ts`). Only a customer record's `data` is open.
 */
import type { CustomerCard } from '../../customers/customer-card';
import type { CustomerHistory, HistoryEntry } from '../../customers/customer-history';
import type { CustomerMatch } from '../../customers/customer-search';
import { itemsOf, schemaRef, type JsonObject } from './openapi-parts';
import {
  arrayOf,
  closedObject,
  isoInstant,
  nullable,
  nullableInstant,
  nullableOf,
  userData,
} from './schema-builders';

const title = (description: string) => ({ ...nullableOf(schemaRef('LocalizedText')), description });

const cardProperties = {
  id: { type: 'string', description: 'The customer record id (what a customer field stores)' },
  form: { type: 'string', description: 'The customer form' },
  name: { ...nullable('string'), description: 'The `name` field, else the first text field' },
  tier: { ...nullable('string'), description: 'The `tier` field' },
  phone: { ...nullable('string'), description: 'The first phone field' },
} satisfies Record<keyof CustomerCard, JsonObject>;

export function customerSchemas(): Record<string, JsonObject> {
  return {
    CustomerMatch: closedObject<CustomerMatch>(
      { ...cardProperties, data: userData('The customer record’s data (the picker fills from it)') },
      {},
      'A customer the picker offers',
    ),
    CustomerMatches: itemsOf(schemaRef('CustomerMatch')),
    HistoryEntry: closedObject<HistoryEntry>(
      {
        id: { type: 'string', description: 'The record id' },
        form: { type: 'string' },
        formTitle: title('The form’s title'),
        stage: nullable('string'),
        stageLabel: title('The stage’s label in the record’s pinned flow'),
        createdAt: isoInstant,
        resolvedAt: nullableInstant,
        assignee: nullable('string'),
        summary: { type: 'string', description: 'Product · serial · first text of the record' },
      },
      {},
    ),
    CustomerHistory: closedObject<CustomerHistory>(
      {
        customer: nullableOf(
          closedObject<NonNullable<CustomerHistory['customer']>>(
            { ...cardProperties, formTitle: title('The customer form’s title') },
            {},
          ),
        ),
        items: arrayOf(schemaRef('HistoryEntry'), 'Newest first'),
        nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page' },
      },
      {},
      'A customer and the records about them the caller may read',
    ),
  };
}
