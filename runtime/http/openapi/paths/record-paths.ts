/** @module The records API (`runtime/http/record-routes.ts`): submit, list, read, update, move, assign, SLA, actions, notes. */
import { MAX_NOTE_LENGTH } from '../../../records/add-note';
import { MAX_LIMIT } from '../../../records/list-records';
import type { RecordAction } from '../../../records/record-actions';
import {
  ETAG_HEADER,
  itemsOf,
  LOCALE_PARAM,
  LOCATION_HEADER,
  operation,
  pathParam,
  queryParam,
  schemaRef,
  type PathItems,
} from '../openapi-parts';
import { closedObject, nullableOf, stringList } from '../schema-builders';

const localized = {
  ...nullableOf(schemaRef('LocalizedText')),
  description: 'The definition’s label; null when none',
};
const recordAction = closedObject<RecordAction>(
  {
    event: { type: 'string', description: 'Send it as `type` to `POST /api/records/{id}/events`' },
    label: localized,
    target: { type: ['string', 'null'], description: 'The stage it leads to' },
    targetLabel: localized,
    requiresData: { ...stringList, description: 'Fields the current stage requires before this move' },
    missing: { ...stringList, description: 'Those the record leaves empty now' },
  },
  {},
);

const formKey = pathParam('key', 'The form key');
const recordId = pathParam('id', 'The record id');
const tag = 'records';

export function recordPaths(): PathItems {
  return {
    '/api/forms/{key}/records': {
      post: operation('post', 'submitRecord', {
        tag,
        summary: 'Submit: validate against the published form, store, start its flow, fire rules',
        description: 'Anonymous callers may submit to public forms. 422 with an issue per field.',
        access: 'optional',
        parameters: [formKey, LOCALE_PARAM],
        body: { schema: schemaRef('RecordInput') },
        ok: {
          status: 201,
          description: 'The stored record',
          schema: schemaRef('Record'),
          headers: { ...LOCATION_HEADER, ...ETAG_HEADER },
        },
        errors: [404, 422],
      }),
      get: operation('get', 'listRecords', {
        tag,
        summary: 'List, filter and page the form’s records',
        access: 'signed-in',
        parameters: [
          formKey,
          queryParam('filter', 'A filter expression over the fields'),
          queryParam('sort', 'Fields to sort by'),
          queryParam('limit', `Page size, 1 to ${MAX_LIMIT}`, {
            type: 'integer',
            minimum: 1,
            maximum: MAX_LIMIT,
          }),
          queryParam('cursor', 'The `nextCursor` of the previous page'),
        ],
        ok: { status: 200, description: 'One page', schema: schemaRef('RecordPage') },
        errors: [400, 404],
      }),
    },
    '/api/records/{id}': {
      get: operation('get', 'getRecord', {
        tag,
        summary: 'One record with its SLA readings, the events it accepts and its timeline',
        access: 'signed-in',
        parameters: [recordId],
        ok: {
          status: 200,
          description: 'The record',
          schema: schemaRef('RecordDetail'),
          headers: ETAG_HEADER,
        },
        errors: [404],
      }),
      patch: operation('patch', 'updateRecord', {
        tag,
        summary: 'Update the data under `If-Match: <revision>`',
        description:
          '409 `stale-revision` when the record changed since that revision; 428 without `If-Match`.',
        access: 'signed-in',
        parameters: [
          recordId,
          LOCALE_PARAM,
          {
            name: 'If-Match',
            in: 'header',
            required: true,
            description: 'The revision read (`3`, `"3"` or `W/"3"`)',
            schema: { type: 'string' },
          },
        ],
        body: { schema: schemaRef('RecordInput') },
        ok: {
          status: 200,
          description: 'The updated record',
          schema: schemaRef('Record'),
          headers: ETAG_HEADER,
        },
        errors: [404, 409, 422, 428],
      }),
    },
    '/api/records/{id}/events': {
      post: operation('post', 'sendRecordEvent', {
        tag,
        summary: 'Move the record’s flow',
        description: '409 when its stage does not allow the event, 403 when the caller’s role may not.',
        access: 'signed-in',
        parameters: [recordId, LOCALE_PARAM],
        body: { schema: schemaRef('RecordEventInput') },
        ok: {
          status: 200,
          description: 'The moved record',
          schema: schemaRef('Record'),
          headers: ETAG_HEADER,
        },
        errors: [404, 409, 422],
      }),
    },
    '/api/records/{id}/assign': {
      post: operation('post', 'assignRecord', {
        tag,
        summary: 'Assign the record by hand to an active user, or unassign it (`assignee: null`)',
        description:
          'Needs read access to the record and `update` on its form. Appends `record.assigned` / ' +
          '`record.unassigned` with `manual: true`; 422 naming `/assignee` for an unknown or inactive user.',
        access: 'signed-in',
        parameters: [recordId],
        body: {
          schema: {
            type: 'object',
            required: ['assignee'],
            properties: {
              assignee: { type: ['string', 'null'], description: 'A user id, or null to unassign' },
              reason: { type: 'string', maxLength: 500 },
            },
            additionalProperties: false,
          },
        },
        ok: {
          status: 200,
          description: 'The record',
          schema: schemaRef('Record'),
          headers: ETAG_HEADER,
        },
        errors: [404, 422],
      }),
    },
    '/api/records/{id}/sla': {
      get: operation('get', 'getRecordSla', {
        tag,
        summary: 'Its SLA clocks: state, due, elapsed (business and wall), warnings, breaches',
        access: 'signed-in',
        parameters: [recordId],
        ok: { status: 200, description: 'The clocks', schema: schemaRef('RecordSla') },
        errors: [404],
      }),
    },
    '/api/records/{id}/actions': {
      get: operation('get', 'getRecordActions', {
        tag,
        summary: 'The flow events the caller may send now, with labels and the fields each move requires',
        description:
          'The current stage’s transitions whose `meta.roles` include one of the caller’s roles (admins: ' +
          'all); none without `update` on the form or once the flow has ended. Guards are not judged.',
        access: 'signed-in',
        parameters: [recordId],
        ok: { status: 200, description: 'The actions', schema: itemsOf(recordAction) },
        errors: [404],
      }),
    },
    '/api/records/{id}/notes': {
      post: operation('post', 'addRecordNote', {
        tag,
        summary: 'Add an internal note: a `note.added` entry in the timeline',
        description:
          'Needs read access and `update` on the form; 422 naming `/text` when it is empty or too long.',
        access: 'signed-in',
        parameters: [recordId],
        body: {
          schema: {
            type: 'object',
            required: ['text'],
            properties: { text: { type: 'string', minLength: 1, maxLength: MAX_NOTE_LENGTH } },
            additionalProperties: false,
          },
        },
        ok: { status: 201, description: 'The timeline entry', schema: schemaRef('TimelineEntry') },
        errors: [404, 422],
      }),
    },
  };
}
