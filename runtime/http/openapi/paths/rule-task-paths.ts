/**
 * @module Rules beyond their definitions (`runtime/http/rule-routes.ts`: dry-run, firing history) and
 * the inbox (`runtime/http/task-routes.ts`).
 */
import { itemsOf, operation, pathParam, queryParam, schemaRef, type PathItems } from '../openapi-parts';

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
        summary: 'The inbox: open records assigned to someone, or the unassigned queue',
        description: 'Another person’s inbox is for managers (403 otherwise).',
        access: 'signed-in',
        parameters: [
          queryParam('assignee', '`me` (default), `unassigned` or a user id'),
          queryParam('form', 'Only this form’s records'),
          queryParam('stage', 'Only records in this stage'),
          queryParam('limit', '1 to 500 (default 100)', { type: 'integer', minimum: 1, maximum: 500 }),
        ],
        ok: { status: 200, description: 'The tasks', schema: itemsOf(schemaRef('Task')) },
        errors: [400],
      }),
    },
  };
}
