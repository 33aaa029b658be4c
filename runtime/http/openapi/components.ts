/**
 * @module The document's components. Definition bodies are the engine's meta-schemas themselves —
 * the very objects `validateDefinition` compiles (the form schema through `form-schema-components.ts`,
 * which places its `$defs`). The auth and webhook routes check their input in code
 * (`checkTokenInput`, `checkWebhookInput`), so their schemas here are built from the constants those
 * checks export where there are any, and `tests/runtime/openapi` holds each schema to the verdicts of
 * its check. Responses describe what the services return.
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
import { FORM_DEFINITION, formSchemaComponents } from './form-schema-components';
import { ERROR_RESPONSES, jsonContent, schemaRef, type JsonObject } from './openapi-parts';

/** Definition kind → its component (the engine's meta-schema). */
export const DEFINITION_SCHEMAS = {
  form: FORM_DEFINITION,
  flow: 'FlowDefinition',
  rule: 'RuleDefinition',
  report: 'ReportDefinition',
  dashboard: 'DashboardDefinition',
  calendar: 'CalendarDefinition',
} as const;

const nullable = (type: string) => ({ type: [type, 'null'] });
const isoInstant = { type: 'string', format: 'date-time' };
const nullableInstant = { type: ['string', 'null'], format: 'date-time' };
const ISO_DATE_OR_INSTANT =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';
const stringList = { type: 'array', items: { type: 'string' } };

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

const userSchema = {
  type: 'object',
  required: ['id', 'username', 'roles'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: nullable('string'),
    email: nullable('string'),
    roles: stringList,
    skills: stringList,
    region: nullable('string'),
    team: nullable('string'),
  },
};

const apiTokenSchema = {
  type: 'object',
  required: ['id', 'userId', 'name', 'scopes', 'createdAt'],
  properties: {
    id: { type: 'string' },
    userId: { type: 'string' },
    name: { type: 'string' },
    scopes: stringList,
    createdAt: isoInstant,
    lastUsedAt: nullableInstant,
    revokedAt: nullableInstant,
  },
};

const storedDefinitionSchema = {
  type: 'object',
  required: ['kind', 'key', 'version', 'status', 'hash', 'body'],
  properties: {
    kind: { enum: Object.keys(DEFINITION_SCHEMAS) },
    key: { type: 'string' },
    version: { type: 'integer', description: '0 for the draft, 1, 2, … for published versions' },
    status: { enum: ['draft', 'published', 'retired'] },
    app: nullable('string'),
    hash: { type: 'string' },
    createdBy: nullable('string'),
    createdAt: isoInstant,
    body: { type: 'object', description: 'The definition document, valid against its kind’s schema' },
  },
};

const recordSchema = {
  type: 'object',
  required: ['id', 'form', 'formVersion', 'revision', 'data'],
  properties: {
    id: { type: 'string' },
    form: { type: 'string' },
    formVersion: { type: 'integer' },
    revision: { type: 'integer' },
    stage: nullable('string'),
    assignee: nullable('string'),
    customer: nullable('string'),
    team: nullable('string'),
    data: { type: 'object' },
    createdAt: isoInstant,
    createdBy: nullable('string'),
    updatedAt: isoInstant,
    updatedBy: nullable('string'),
    resolvedAt: nullableInstant,
    flow: {
      type: ['object', 'null'],
      properties: { key: { type: 'string' }, version: { type: 'integer' }, status: { type: 'string' } },
    },
    sla: { type: 'array', items: { type: 'object' }, description: 'Live readings of the SLA clocks' },
    events: { type: 'array', items: { type: 'object' }, description: 'Events the current stage accepts' },
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
    StoredDefinition: storedDefinitionSchema,
    DefinitionSummary: {
      type: 'object',
      required: ['key'],
      properties: {
        key: { type: 'string' },
        title: {},
        latestVersion: nullable('integer'),
        hasDraft: { type: 'boolean' },
      },
    },
    DefinitionVersion: {
      description: 'A stored definition without its body',
      type: 'object',
      properties: { ...storedDefinitionSchema.properties, body: false },
    },
    ImportAppResult: {
      type: 'object',
      required: ['app', 'imported', 'roles'],
      properties: {
        app: { type: 'string' },
        imported: {
          type: 'object',
          additionalProperties: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                key: { type: 'string' },
                version: { type: 'integer' },
                changed: { type: 'boolean' },
              },
            },
          },
        },
        roles: stringList,
      },
    },
    LoginInput: loginInputSchema,
    User: userSchema,
    LoginResult: {
      type: 'object',
      required: ['user', 'csrfToken'],
      properties: { user: schemaRef('User'), csrfToken: { type: 'string' } },
    },
    Me: {
      type: 'object',
      required: ['user'],
      properties: {
        user: {
          allOf: [schemaRef('User')],
          properties: { via: { enum: ['session', 'token'] }, scopes: stringList },
        },
        csrfToken: { type: 'string', description: 'For a session: the token to send as X-CSRF-Token' },
      },
    },
    TokenInput: tokenInputSchema,
    ApiToken: apiTokenSchema,
    CreatedApiToken: {
      allOf: [schemaRef('ApiToken')],
      required: ['token'],
      properties: { token: { type: 'string', description: 'The secret, shown only now' } },
    },
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
    Record: recordSchema,
    RecordDetail: {
      allOf: [schemaRef('Record')],
      properties: {
        timeline: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              type: { type: 'string' },
              at: isoInstant,
              actor: nullable('string'),
              payload: { type: 'object' },
            },
          },
        },
      },
    },
    RecordPage: {
      type: 'object',
      required: ['items', 'nextCursor'],
      properties: {
        items: { type: 'array', items: schemaRef('Record') },
        nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page' },
      },
    },
    RecordSla: {
      type: 'object',
      required: ['recordId', 'clocks'],
      properties: {
        recordId: { type: 'string' },
        stage: nullable('string'),
        at: isoInstant,
        clocks: {
          type: 'array',
          description: 'Each clock: state, due, business and wall elapsed, warnings, breaches, history',
          items: { type: 'object' },
        },
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
    ReportResult: {
      type: 'object',
      required: ['rows', 'outputs', 'option'],
      properties: {
        rows: { type: 'array', items: { type: 'object' } },
        outputs: { type: 'array', items: { type: 'object' } },
        option: { type: ['object', 'null'], description: 'The ECharts option when the spec has a chart' },
      },
    },
    DryRunInput: dryRunInputSchema,
    DryRunResult: {
      type: 'object',
      required: ['rule', 'version', 'from', 'to', 'firings', 'evaluated', 'suppressed'],
      properties: {
        rule: { type: 'string' },
        version: { type: 'integer' },
        from: { type: 'string' },
        to: { type: 'string' },
        firings: {
          type: 'array',
          items: { type: 'object' },
          description: 'Each firing: group, window and the records behind it',
        },
        evaluated: { type: 'integer' },
        suppressed: {
          type: 'object',
          properties: { duplicate: { type: 'integer' }, cooldown: { type: 'integer' } },
        },
      },
    },
    RuleFiring: {
      type: 'object',
      required: ['key', 'version', 'at'],
      properties: {
        key: { type: 'string', description: 'The idempotency key (rule, group, window)' },
        version: { type: 'integer' },
        group: nullable('string'),
        window: nullable('string'),
        at: isoInstant,
        records: {},
        created: {},
      },
    },
    Task: {
      type: 'object',
      required: ['id', 'form', 'data'],
      properties: {
        id: { type: 'string' },
        form: { type: 'string' },
        stage: nullable('string'),
        assignee: nullable('string'),
        customer: nullable('string'),
        createdAt: isoInstant,
        data: { type: 'object' },
        sla: {
          type: ['object', 'null'],
          description: 'The running or paused clock due soonest',
          properties: {
            clock: { type: 'string' },
            state: { type: 'string' },
            dueAt: nullableInstant,
            breached: { type: 'boolean' },
          },
        },
      },
    },
    Job: {
      type: 'object',
      required: ['id', 'kind', 'status', 'done', 'percent', 'issues'],
      properties: {
        id: { type: 'string' },
        kind: { type: 'string' },
        status: { enum: ['queued', 'running', 'done', 'failed'] },
        total: nullable('integer'),
        done: { type: 'integer' },
        percent: { type: 'number' },
        issues: { type: 'array', items: { type: 'object' }, description: 'Per-row problems' },
        result: { type: ['object', 'null'] },
        createdBy: nullable('string'),
        createdAt: isoInstant,
        updatedAt: isoInstant,
      },
    },
    JobEnvelope: { type: 'object', required: ['job'], properties: { job: schemaRef('Job') } },
    WebhookInput: webhookInputSchema,
    Webhook: {
      type: 'object',
      required: ['id', 'url', 'events', 'active'],
      properties: {
        id: { type: 'string' },
        url: { type: 'string' },
        events: stringList,
        active: { type: 'boolean' },
        createdAt: isoInstant,
      },
    },
    CreatedWebhook: {
      allOf: [schemaRef('Webhook')],
      required: ['secret'],
      properties: { secret: { type: 'string', description: 'The signing secret, shown only now' } },
    },
    WebhookDelivery: {
      type: 'object',
      required: ['id', 'webhookId', 'status', 'attempts'],
      properties: {
        id: { type: 'string' },
        webhookId: { type: 'string' },
        eventId: nullable('integer'),
        eventType: nullable('string'),
        status: { enum: ['pending', 'delivered', 'failed'] },
        attempts: { type: 'integer' },
        nextAttemptAt: nullableInstant,
        responseStatus: nullable('integer'),
        responseBody: nullable('string'),
        lastError: nullable('string'),
        createdAt: isoInstant,
        log: { type: 'array', items: { type: 'object' } },
      },
    },
    Notification: {
      type: 'object',
      required: ['id', 'type', 'body', 'createdAt'],
      properties: {
        id: { type: 'integer' },
        type: { type: 'string' },
        recordId: nullable('string'),
        body: { type: 'object' },
        createdAt: isoInstant,
        readAt: nullableInstant,
      },
    },
    NotificationList: {
      type: 'object',
      required: ['items', 'unread'],
      properties: {
        items: { type: 'array', items: schemaRef('Notification') },
        unread: { type: 'integer' },
      },
    },
    Health: {
      type: 'object',
      required: ['status', 'database'],
      properties: {
        status: { enum: ['ok', 'unavailable'] },
        database: { enum: ['sqlite', 'postgres'] },
        latencyMs: { type: 'number' },
      },
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
