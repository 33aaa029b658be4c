/**
 * @module `buildOpenApi()`: the OpenAPI 3.1 description of every route the runtime registers
 * (`GET /api/openapi.json`). Request bodies are the schemas the runtime validates with — the engine's
 * meta-schemas by reference — and every error is the one `Error` shape. Success answers are closed
 * schemas built against the services' TypeScript views (`*-schemas.ts`); only user data (record data,
 * definition bodies, event payloads) stays open. Each area's paths live in `paths/*-paths.ts`;
 * `tests/runtime/openapi` fails when a registered route is missing here, and
 * `tests/runtime/http/openapi-responses.test.ts` validates real answers against these schemas.
 */
import { readFileSync } from 'node:fs';
import { buildComponents } from './components';
import type { JsonObject, PathItems } from './openapi-parts';
import { adminPaths } from './paths/admin-paths';
import { attachmentPaths } from './paths/attachment-paths';
import { authPaths } from './paths/auth-paths';
import { customerPaths } from './paths/customer-paths';
import { effectPaths } from './paths/effect-paths';
import { dashboardPaths } from './paths/dashboard-paths';
import { definitionPaths } from './paths/definition-paths';
import { importPaths } from './paths/import-paths';
import { recordPaths } from './paths/record-paths';
import { reportPaths } from './paths/report-paths';
import { ruleTaskPaths } from './paths/rule-task-paths';
import { systemPaths } from './paths/system-paths';
import { webhookPaths } from './paths/webhook-paths';

/** The package version, read once from `package.json`. */
export const API_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const TAGS = [
  ['system', 'Health, metrics and this description'],
  ['auth', 'Sessions (cookie + CSRF header) and API tokens (Bearer)'],
  ['definitions', 'Forms, flows, rules, reports, dashboards and calendars: drafts and published versions'],
  ['apps', 'Whole app bundles in and out'],
  ['records', 'Submitted records, their flow and SLA clocks'],
  ['reports', 'Report data, charts and CSV'],
  ['dashboards', 'Dashboard data with shared filters, and read-only links'],
  ['rules', 'Rule dry-runs and firing history'],
  ['webhooks', 'Outgoing webhooks and their delivery log'],
  ['notifications', 'The caller’s in-app notifications'],
  ['admin', 'Operations views for admins: the queues’ health'],
] as const;

function mergePaths(...groups: PathItems[]): PathItems {
  const paths: PathItems = {};
  for (const group of groups) {
    for (const [path, item] of Object.entries(group)) {
      for (const method of Object.keys(item)) {
        if (paths[path]?.[method as keyof (typeof paths)[string]])
          throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`);
      }
      paths[path] = { ...paths[path], ...item };
    }
  }
  return paths;
}

export function buildOpenApi(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Closedloop',
      version: API_VERSION,
      summary: 'No-code platform for after-sales service teams',
      description:
        'Forms, SOP flows under SLA, threshold rules and KPI reports over one store. All bodies are JSON; ' +
        'every error is `{ error: { code, message, issues? } }`, each issue `{ code, path, params?, message }` ' +
        'with `path` a JSON Pointer. Sign in with `POST /api/auth/login` (session cookie; send the returned ' +
        '`csrfToken` as `X-CSRF-Token` on POST / PUT / PATCH / DELETE) or use an API token as ' +
        '`Authorization: Bearer clt_…`.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'This runtime' }],
    tags: TAGS.map(([name, description]) => ({ name, description })),
    paths: mergePaths(
      systemPaths(),
      authPaths(),
      definitionPaths(),
      recordPaths(),
      customerPaths(),
      effectPaths(),
      attachmentPaths(),
      importPaths(),
      reportPaths(),
      dashboardPaths(),
      ruleTaskPaths(),
      webhookPaths(),
      adminPaths(),
    ),
    components: buildComponents(),
  };
}
