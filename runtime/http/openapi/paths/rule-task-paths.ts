/**
 * @module Rules beyond their definitions (`runtime/http/rule-routes.ts`: dry-run, firing history) and
 * the inbox (`runtime/http/task-routes.ts`: tasks, bulk assignment, people).
 */
import { MAX_REASON_LENGTH } from '../../../records/assign-record';
import { MAX_BULK_RECORDS, type BulkAssignResult } from '../../../records/bulk-assign';
import type { Person } from '../../../records/list-people';
import { SLA_LEVELS } from '../../../records/list-tasks';
import { itemsOf, operation, pathParam, queryParam, schemaRef, type PathItems } from '../openapi-parts';
import { closedObject, isoInstant, nullable, stringList } from '../schema-builders';

const bulkResult = {
  oneOf: [
    closedObject<Extract<BulkAssignResult, { ok: true }>>(
      { id: { type: 'string' }, ok: { const: true }, assignee: nullable('string') },
      {},
    ),
    closedObject<Extract<BulkAssignResult, { ok: false }>>(
      {
        id: { type: 'string' },
        ok: { const: false },
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' } },
          additionalProperties: false,
        },
      },
      {},
    ),
  ],
};

const person = closedObject<Person>(
  {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: nullable('string'),
    roles: stringList,
    team: nullable('string'),
    active: { type: 'boolean' },
  },
  {},
);

const ruleKey = pathParam('key', 'The rule key');

export function ruleTaskPaths(): PathItems {
  return {
    '/api/rules/{key}/dry-run': {
      post: operation('post', 'dryRunRule', {
        tag: 'rules',
        summary: 'What the published rule (or its draft) would have fired over a period (designers)',
        access: 'signed-in',
        parameters: [ruleKey, queryParam('draft', '`1`: dry-run the draft instead', { enum: ['1'] })],
        body: { schema: schemaRef('DryRunInput') },
        ok: { status: 200, description: 'The would-be firings', schema: schemaRef('DryRunResult') },
        errors: [404, 422],
      }),
    },
    '/api/rules/{key}/firings': {
      get: operation('get', 'listRuleFirings', {
        tag: 'rules',
        summary: 'The rule’s firing history, newest first (at most 500; designers and managers)',
        access: 'signed-in',
        parameters: [ruleKey],
        ok: { status: 200, description: 'The firings', schema: itemsOf(schemaRef('RuleFiring')) },
      }),
    },
    '/api/tasks': {
      get: operation('get', 'listTasks', {
        tag: 'records',
        summary:
          'The inbox: open records assigned to someone, the caller’s team queue, or the unassigned queue',
        description:
          'Another person’s inbox is for managers (403 otherwise). The team queue holds the open records of ' +
          'forms the caller reads in full, not assigned to the caller: unassigned, in a stage owned by one of ' +
          'the caller’s roles, or of the caller’s team (every one for a manager in no team). `serverTime` is ' +
          'the server’s clock, to count SLA countdowns against.',
        access: 'signed-in',
        parameters: [
          queryParam('assignee', '`me` (default), `team`, `unassigned` or a user id'),
          queryParam('form', 'Only this form’s records'),
          queryParam('stage', 'Only records in this stage'),
          queryParam('priority', 'Only records whose `priority` field has this value'),
          queryParam('sla', 'Only records whose most urgent clock is at this level', {
            enum: [...SLA_LEVELS],
          }),
          queryParam('q', 'Text to find in the record’s values or id (case-insensitive)'),
          queryParam('limit', '1 to 500 (default 100)', { type: 'integer', minimum: 1, maximum: 500 }),
        ],
        ok: {
          status: 200,
          description: 'The tasks',
          schema: {
            type: 'object',
            required: ['items', 'serverTime'],
            properties: {
              items: { type: 'array', items: schemaRef('Task') },
              serverTime: { ...isoInstant, description: 'The server’s clock when the levels were judged' },
            },
            additionalProperties: false,
          },
        },
        errors: [400],
      }),
    },
    '/api/tasks/assign': {
      post: operation('post', 'bulkAssignTasks', {
        tag: 'records',
        summary:
          'Assign several records to a person or a role (round-robin among its holders), with a reason',
        description:
          'Managers and admins. Each record needs read access and `update` on its form and is assigned in ' +
          'a transaction of its own: the answer has an outcome per record. 422 when the body is invalid, ' +
          'the assignee is not an active user or nobody active holds the role.',
        access: 'signed-in',
        body: {
          schema: {
            type: 'object',
            required: ['records'],
            properties: {
              records: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: MAX_BULK_RECORDS },
              assignee: { type: ['string', 'null'], description: 'A user id, or null to unassign' },
              role: { type: 'string', description: 'A role key: each record goes to one of its holders' },
              reason: { type: 'string', maxLength: MAX_REASON_LENGTH },
            },
            additionalProperties: false,
          },
        },
        ok: {
          status: 200,
          description: 'The outcome per record, in the order asked',
          schema: {
            type: 'object',
            required: ['results'],
            properties: { results: { type: 'array', items: bulkResult } },
            additionalProperties: false,
          },
        },
        errors: [403, 422],
      }),
    },
    '/api/tasks/people': {
      get: operation('get', 'listTaskPeople', {
        tag: 'records',
        summary: 'The people records mention: names and roles, to show and to pick assignees',
        access: 'signed-in',
        ok: { status: 200, description: 'Every user', schema: itemsOf(person) },
      }),
    },
  };
}
