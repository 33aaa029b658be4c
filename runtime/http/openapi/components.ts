/**
 * @module The document's components. Definition bodies are the engine's meta-schemas themselves —
 * the very objects `validateDefinition` compiles (the form schema through `form-schema-components.ts`,
 * which places its `$defs`). The auth and webhook routes check their input in code
 * (`checkTokenInput`, `checkWebhookInput`), so their schemas here are built from the constants those
 * checks export where there are any, and `tests/runtime/openapi` holds each schema to the verdicts of
 * its check. Responses describe what the services return, each built in its area's `*-schemas.ts`
 * against the TypeScript view it describes.
 */
import {
  appBundleSchema,
  calendarDefinitionSchema,
  dashboardDefinitionSchema,
  flowDefinitionSchema,
  LOCALES,
  reportDefinitionSchema,
  ruleDefinitionSchema,
} from '../../../engine';
import { CSRF_HEADER } from '../../auth/auth-middleware';
import { SCOPE } from '../../auth/scopes';
import { SESSION_COOKIE } from '../../auth/session-cookie';
import type { Dialect } from '../../config/database-url';
import { adminSchemas } from './admin-schemas';
import { customerSchemas } from './customer-schemas';
import { effectSchemas } from './effect-schemas';
import { dashboardSchemas } from './dashboard-schemas';
import { DEFINITION_SCHEMAS, definitionSchemas } from './definition-schemas';
import { deliverySchemas } from './delivery-schemas';
import { formSchemaComponents } from './form-schema-components';
import { identitySchemas } from './identity-schemas';
import { jobSchemas } from './job-schemas';
import { ERROR_RESPONSES, jsonContent, schemaRef, type JsonObject } from './openapi-parts';
import { recordSchemas } from './record-schemas';
import { reportSchemas } from './report-schemas';
import { ruleSchemas } from './rule-schemas';

const ISO_DATE_OR_INSTANT =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';

const issueSchema = {
  type: 'object',
  description: 'One problem, the same shape everywhere (engine `Issue`)',
  required: ['code', 'path', 'message'],
  properties: {
    code: { type: 'string', description: 'Stable machine-readable code' },
    path: { type: 'string', description: 'JSON Pointer to the offending value ("" for the whole body)' },
    params: { type: 'object', description: 'Values the message was formatted with' },
    message: { type: 'string', description: 'Human-readable, in the requested language' },
  },
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: { type: 'array', items: schemaRef('Issue') },
      },
    },
  },
};

const contextOverrides = {
  tier: { type: ['string', 'null'], description: 'Customer tier for SLA targets (overrides the data)' },
  priority: { type: ['string', 'null'], description: 'Priority for SLA targets (overrides the data)' },
};

/** The body of `POST /api/webhooks`, as `checkWebhookInput` accepts it. */
export const webhookInputSchema = {
  type: 'object',
  required: ['url', 'events'],
  additionalProperties: false,
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 2000, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' },
    events: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'string',
        maxLength: 80,
        pattern: '^(\\*|[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*(\\.\\*)?)$',
        description: 'An event type ("sla.breached"), a family ("record.*") or "*"',
      },
    },
    secret: { type: 'string', minLength: 16, maxLength: 200, description: 'Generated when omitted' },
  },
};

/** The body of `POST /api/auth/tokens`, as `checkTokenInput` accepts it. */
export const tokenInputSchema = {
  type: 'object',
  required: ['name', 'scopes'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    scopes: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: { type: 'string', pattern: SCOPE.source },
      description: '`area:read`, `area:write`, `area:*` or `*`; no wider than the caller’s own',
    },
  },
};

/** The body of `POST /api/rules/:key/dry-run`: an ISO 8601 date or date-time each, `from` before `to`. */
export const dryRunInputSchema = {
  type: 'object',
  required: ['from', 'to'],
  properties: {
    from: { type: 'string', pattern: ISO_DATE_OR_INSTANT },
    to: { type: 'string', pattern: ISO_DATE_OR_INSTANT },
  },
};

/** The body of `POST /api/auth/login` (the route's own check). */
export const loginInputSchema = {
  type: 'object',
  required: ['username', 'password'],
  properties: { username: { type: 'string', maxLength: 200 }, password: { type: 'string' } },
};

export function buildComponents(): JsonObject {
  const schemas: Record<string, unknown> = {
    Issue: issueSchema,
    Error: errorSchema,
    // The engine's meta-schemas, the same objects the runtime validates with.
    ...formSchemaComponents(),
    [DEFINITION_SCHEMAS.flow]: flowDefinitionSchema,
    [DEFINITION_SCHEMAS.rule]: ruleDefinitionSchema,
    [DEFINITION_SCHEMAS.report]: reportDefinitionSchema,
    [DEFINITION_SCHEMAS.dashboard]: dashboardDefinitionSchema,
    [DEFINITION_SCHEMAS.calendar]: calendarDefinitionSchema,
    AppBundle: appBundleSchema,
    // Request bodies the routes check in code.
    LoginInput: loginInputSchema,
    TokenInput: tokenInputSchema,
    RecordInput: {
      type: 'object',
      required: ['data'],
      properties: { data: { type: 'object', description: 'Field values' }, ...contextOverrides },
    },
    RecordEventInput: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { type: 'string', minLength: 1, description: 'The flow event to send' },
        data: { type: 'object', description: 'Field values to set with the move' },
        ...contextOverrides,
      },
    },
    ReportQueryInput: {
      type: 'object',
      required: ['spec'],
      properties: {
        spec: schemaRef(DEFINITION_SCHEMAS.report),
        locale: { enum: [...LOCALES] },
        asOf: { type: 'string', description: 'ISO-8601 instant for backlog-style KPIs' },
      },
    },
    DryRunInput: dryRunInputSchema,
    WebhookInput: webhookInputSchema,
    // Responses, each typed against the view the service returns.
    ...definitionSchemas(),
    ...identitySchemas(),
    ...recordSchemas(),
    ...customerSchemas(),
    ...effectSchemas(),
    ...ruleSchemas(),
    ...jobSchemas(),
    ...reportSchemas(),
    ...dashboardSchemas(),
    ...deliverySchemas(),
    ...adminSchemas(),
    Health: {
      type: 'object',
      required: ['status', 'database'],
      properties: {
        status: { enum: ['ok', 'unavailable'] },
        database: { enum: ['sqlite', 'postgres'] satisfies Dialect[] },
        latencyMs: { type: 'integer', description: 'How long the database took to answer (not on 503)' },
      },
      additionalProperties: false,
    },
  };

  const responses: Record<string, unknown> = {
    Unexpected: {
      description: 'Something went wrong on the server (500), or it is temporarily unavailable (503)',
      content: jsonContent(schemaRef('Error')),
    },
  };
  for (const { name, description } of Object.values(ERROR_RESPONSES)) {
    responses[name] = { description, content: jsonContent(schemaRef('Error')) };
  }

  return {
    schemas,
    responses,
    securitySchemes: {
      sessionCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: 'The session cookie `POST /api/auth/login` sets (httpOnly, SameSite)',
      },
      csrfHeader: {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description: `With the session cookie, unsafe requests (POST / PUT / PATCH / DELETE) carry \`${CSRF_HEADER}\`: the \`csrfToken\` of the login answer`,
      },
      bearerToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'clt_…',
        description: 'An API token (`POST /api/auth/tokens`), limited by its scopes',
      },
    },
  };
}
