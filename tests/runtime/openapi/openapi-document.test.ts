/**
 * `buildOpenApi()` is a valid OpenAPI 3.1 document (the official schema, every `$ref` resolving, every
 * component schema compiling in Ajv 2020), and its request bodies are the schemas the runtime
 * validates with: the engine's meta-schemas by identity, the form schema by verdict, the auth and
 * webhook bodies by agreement with their checks.
 */
import { describe, expect, it } from 'vitest';
import {
  appBundleSchema,
  calendarDefinitionSchema,
  dashboardDefinitionSchema,
  flowDefinitionSchema,
  formDefinitionSchema,
  reportDefinitionSchema,
  ruleDefinitionSchema,
  schemaIssues,
} from '../../../engine';
import { checkTokenInput } from '../../../runtime/auth/api-tokens';
import { buildOpenApi } from '../../../runtime/http/openapi/build-openapi';
import { checkWebhookInput } from '../../../runtime/webhooks/check-webhook-input';
import { loadFixtures, readFixture } from '../../helpers/fixtures';
import {
  collectRefs,
  componentValidators,
  HTTP_METHODS,
  officialOpenApiValidator,
  resolveLocalRef,
} from './openapi-helpers';

const doc = buildOpenApi();
const components = doc.components as Record<string, Record<string, unknown>>;
const schemas = components.schemas!;
const validators = componentValidators(doc);

type Operation = { operationId: string; responses: Record<string, unknown>; requestBody?: unknown };
const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
  ([path, item]) =>
    HTTP_METHODS.filter((m) => m in item).map((method) => ({ path, method, op: item[method]! })),
);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1.0 with info, servers and the package version', () => {
    const pkg = readFixture<{ version: string }>('../../package.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Closedloop', version: pkg.version });
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('validates against the official OpenAPI 3.1 schema', () => {
    const validate = officialOpenApiValidator();
    const valid = validate(doc);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the official schema rejects a broken document (the check has teeth)', () => {
    const validate = officialOpenApiValidator();
    const broken = JSON.parse(JSON.stringify(doc)) as Record<string, any>;
    delete broken.paths['/healthz'].get.responses;
    broken.paths['/healthz'].get.parameters = [{ name: 'x', in: 'nowhere', schema: {} }];
    expect(validate(broken)).toBe(false);
    expect(validate({ openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: {} })).toBe(false);
  });

  it('round-trips through JSON unchanged', () => {
    const text = JSON.stringify(doc);
    expect(JSON.parse(text)).toEqual(doc);
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
  });

  it('resolves every $ref inside the document', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(100);
    const dangling = refs.filter(({ ref }) => resolveLocalRef(doc, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('compiles every component schema with Ajv 2020 (strict off)', () => {
    const names = Object.keys(schemas);
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) expect(() => validators.schemaOf(name), name).not.toThrow();
  });

  it('gives every operation a unique id, a success response, the error shape and a default', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => /^2\d\d$/.test(s)),
        `${method} ${path}`,
      ).toBe(true);
      expect(op.responses.default).toEqual({ $ref: '#/components/responses/Unexpected' });
      for (const status of statuses.filter((s) => /^4\d\d$/.test(s))) {
        const response = resolveLocalRef(doc, (op.responses[status] as { $ref: string }).$ref) as any;
        expect(response.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });

  it('describes 401 everywhere, 400 and 413 wherever a JSON body is read', () => {
    for (const { path, method, op } of operations) {
      expect(op.responses['401'], `${method} ${path}`).toBeDefined();
      if (op.requestBody) {
        expect(op.responses['400'], `${method} ${path}`).toBeDefined();
        expect(op.responses['413'], `${method} ${path}`).toBeDefined();
      }
    }
    const login = (doc.paths as any)['/api/auth/login'].post;
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413', '429']));
  });

  it('names the session cookie, the CSRF header and Bearer tokens', () => {
    expect(components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'closedloop_session' },
      csrfHeader: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      bearerToken: { type: 'http', scheme: 'bearer' },
    });
    const paths = doc.paths as any;
    expect(paths['/healthz'].get.security).toEqual([]);
    expect(paths['/api/openapi.json'].get.security).toEqual([]);
    expect(paths['/api/webhooks'].post.security).toEqual([
      { bearerToken: [] },
      { sessionCookie: [], csrfHeader: [] },
    ]);
    expect(paths['/api/forms/{key}/records'].post.security[0]).toEqual({});
  });

  it('shares one error shape: { error: { code, message, issues?: [{ code, path, params?, message }] } }', () => {
    const validate = validators.schemaOf('Error');
    expect(validate({ error: { code: 'not-found', message: 'Record not found' } })).toBe(true);
    expect(
      validate({
        error: {
          code: 'invalid',
          message: 'x',
          issues: [{ code: 'required', path: '/data/a', params: { key: 'a' }, message: 'Required' }],
        },
      }),
    ).toBe(true);
    expect(validate({ error: { code: 'invalid', message: 'x', issues: [{ code: 'required' }] } })).toBe(
      false,
    );
    expect(validate({ message: 'x' })).toBe(false);
  });
});

describe('request bodies are the schemas the runtime validates with', () => {
  it('uses the engine meta-schema objects themselves for flows, rules, reports, dashboards, calendars, apps', () => {
    expect(schemas.FlowDefinition).toBe(flowDefinitionSchema);
    expect(schemas.RuleDefinition).toBe(ruleDefinitionSchema);
    expect(schemas.ReportDefinition).toBe(reportDefinitionSchema);
    expect(schemas.DashboardDefinition).toBe(dashboardDefinitionSchema);
    expect(schemas.CalendarDefinition).toBe(calendarDefinitionSchema);
    expect(schemas.AppBundle).toBe(appBundleSchema);
  });

  it('points each definition route at its kind’s schema', () => {
    const paths = doc.paths as any;
    const kinds = { forms: 'FormDefinition', flows: 'FlowDefinition', rules: 'RuleDefinition' };
    for (const [plural, schema] of Object.entries(kinds)) {
      for (const op of [paths[`/api/${plural}`].post, paths[`/api/${plural}/{key}`].put]) {
        expect(op.requestBody.content['application/json'].schema).toEqual({
          $ref: `#/components/schemas/${schema}`,
        });
      }
    }
    expect(paths['/api/apps/import'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/AppBundle',
    });
    expect(paths['/api/reports/query'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ReportQueryInput',
    });
  });

  it('places every $defs entry of the form schema as a component', () => {
    for (const def of Object.keys(formDefinitionSchema.$defs)) {
      expect(schemas[`FormDefinition.${def}`], def).toBeDefined();
    }
    expect(JSON.stringify(schemas.FormDefinition)).not.toContain('#/$defs/');
  });

  const formCases = [
    ...loadFixtures<{ name: string; definition: unknown }>('forms/definition-cases').map((c) => ({
      name: c.name,
      definition: c.definition,
    })),
    { name: 'ticket.form.json', definition: readFixture('forms/definitions/ticket.form.json') },
    { name: 'survey.form.json', definition: readFixture('forms/definitions/survey.form.json') },
  ];

  it.each(formCases)('the form component agrees with the engine meta-schema: $name', ({ definition }) => {
    const engineAccepts = schemaIssues(formDefinitionSchema, definition, 'en').length === 0;
    expect(validators.schemaOf('FormDefinition')(definition)).toBe(engineAccepts);
  });

  it('the form component rejects what the meta-schema rejects, deep in the field tree', () => {
    const validate = validators.schemaOf('FormDefinition');
    const deep = (type: string) => ({
      key: 'f',
      fields: [
        { key: 's', type: 'section', fields: [{ key: 'g', type: 'group', fields: [{ key: 'x', type }] }] },
      ],
    });
    for (const doc of [deep('text'), deep('no-such-type'), { key: 'f', fields: [] }, { key: 'f' }]) {
      expect(validate(doc)).toBe(schemaIssues(formDefinitionSchema, doc, 'en').length === 0);
    }
    expect(validate(deep('text'))).toBe(true);
    expect(validate(deep('no-such-type'))).toBe(false);
  });

  const webhookBodies: unknown[] = [
    { url: 'https://example.com/hook', events: ['record.*'] },
    { url: 'HTTP://example.com/hook', events: ['*', 'sla.breached'], secret: 'x'.repeat(16) },
    { url: 'ftp://example.com/hook', events: ['record.*'] },
    { url: 'https://example.com/hook', events: [] },
    { url: 'https://example.com/hook', events: ['Record.Created'] },
    { url: 'https://example.com/hook', events: ['record.*'], secret: 'short' },
    { url: 'https://example.com/hook', events: ['record.*'], extra: true },
    { url: 'https://' + 'a'.repeat(2000), events: ['record.*'] },
    { events: ['record.*'] },
    { url: 'https://example.com/hook', events: Array.from({ length: 51 }, (_, i) => `e${i}`) },
    [],
  ];

  it.each(webhookBodies.map((body, i) => ({ i, body })))(
    'WebhookInput agrees with checkWebhookInput (#$i)',
    ({ body }) => {
      expect(validators.schemaOf('WebhookInput')(body)).toBe(checkWebhookInput(body).issues.length === 0);
    },
  );

  const tokenBodies: unknown[] = [
    { name: 'ci', scopes: ['records:write'] },
    { name: 'ci', scopes: ['*', 'reports:*'] },
    { name: '', scopes: ['records:write'] },
    { name: '   ', scopes: ['records:write'] },
    { name: 'ci', scopes: [] },
    { name: 'ci', scopes: ['records'] },
    { name: 'ci', scopes: ['Records:read'] },
    { name: 'x'.repeat(201), scopes: ['records:read'] },
    { scopes: ['records:read'] },
  ];

  it.each(tokenBodies.map((body, i) => ({ i, body })))(
    'TokenInput agrees with checkTokenInput (#$i)',
    ({ body }) => {
      let accepted = true;
      try {
        checkTokenInput(body);
      } catch {
        accepted = false;
      }
      expect(validators.schemaOf('TokenInput')(body)).toBe(accepted);
    },
  );
});
