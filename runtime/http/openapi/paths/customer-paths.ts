/** @module The customers API (`runtime/http/customer-routes.ts`): the picker's search and a customer's service history. */
import { HISTORY_MAX_LIMIT } from '../../../customers/customer-history';
import { SEARCH_MAX_LIMIT } from '../../../customers/customer-search';
import { operation, pathParam, queryParam, schemaRef, type PathItems } from '../openapi-parts';

const tag = 'records';

export function customerPaths(): PathItems {
  return {
    '/api/customers/search': {
      get: operation('get', 'searchCustomers', {
        tag,
        summary: 'Find customers by name, phone or serial number in a customer form',
        description: 'Needs read access to the form; with `read-own` only the caller’s own records.',
        access: 'signed-in',
        parameters: [
          { ...queryParam('form', 'The customer form (a customer field’s `source`)'), required: true },
          queryParam('q', 'Text the name, phone, email, serial or model contains; the id itself'),
          queryParam('limit', `At most this many, 1 to ${SEARCH_MAX_LIMIT}`, {
            type: 'integer',
            minimum: 1,
            maximum: SEARCH_MAX_LIMIT,
          }),
        ],
        ok: { status: 200, description: 'Newest first', schema: schemaRef('CustomerMatches') },
        errors: [400, 404],
      }),
    },
    '/api/customers/{id}/history': {
      get: operation('get', 'customerHistory', {
        tag,
        summary: 'A customer’s service history across forms, newest first',
        description:
          'Every record whose customer is `id`, in the forms and as far as the caller may read them.',
        access: 'signed-in',
        parameters: [
          pathParam('id', 'The customer id (a customer record’s id, or the value a customer field holds)'),
          queryParam('limit', `Page size, 1 to ${HISTORY_MAX_LIMIT}`, {
            type: 'integer',
            minimum: 1,
            maximum: HISTORY_MAX_LIMIT,
          }),
          queryParam('cursor', 'The `nextCursor` of the previous page'),
        ],
        ok: { status: 200, description: 'One page', schema: schemaRef('CustomerHistory') },
        errors: [400],
      }),
    },
  };
}
