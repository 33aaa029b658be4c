/**
 * @module Response schemas of the definitions and apps API, typed against `StoredDefinition`
 * (`runtime/definitions/definition-store.ts`) and `ImportAppResult` (`runtime/apps/import-app.ts`).
 * A stored definition's `body` is the kind's own meta-schema; titles are the engine's bilingual text
 * schema itself.
 */
import { BUNDLE_PARTS } from '../../../engine';
import { localizedTextSchema } from '../../../engine/definitions/common-schemas';
import type { ImportAppResult, ImportedPart } from '../../apps/import-app';
import type { DefinitionStore, StoredDefinition, StoredKind } from '../../definitions/definition-store';
import { FORM_DEFINITION } from './form-schema-components';
import { schemaRef, type JsonObject } from './openapi-parts';
import {
  arrayOf,
  closedObject,
  enumOf,
  isoInstant,
  nullable,
  nullableOf,
  stringList,
  type PropertiesOf,
} from './schema-builders';

/** Definition kind → its component (the engine's meta-schema). */
export const DEFINITION_SCHEMAS = {
  form: FORM_DEFINITION,
  flow: 'FlowDefinition',
  rule: 'RuleDefinition',
  report: 'ReportDefinition',
  dashboard: 'DashboardDefinition',
  calendar: 'CalendarDefinition',
} as const satisfies Record<StoredKind, string>;

/** The component of a stored definition of `kind`: `StoredFormDefinition`, … */
export const storedComponentOf = (kind: StoredKind) => `Stored${DEFINITION_SCHEMAS[kind]}`;

const KINDS = Object.keys(DEFINITION_SCHEMAS) as StoredKind[];

type Summary = Awaited<ReturnType<DefinitionStore['list']>>[number];
type Version = Omit<StoredDefinition, 'body'>;
/** What anonymous callers see of a published form (`runtime/http/definition-routes.ts` `publicView`). */
type PublicForm = Pick<StoredDefinition, 'kind' | 'key' | 'version' | 'status' | 'body'>;

const versionProperties = (kind?: StoredKind): PropertiesOf<Version> => ({
  kind: kind
    ? { const: kind }
    : enumOf<StoredKind>()(['form', 'flow', 'rule', 'report', 'dashboard', 'calendar']),
  key: { type: 'string' },
  version: { type: 'integer', description: '0 for the draft, 1, 2, … for published versions' },
  status: enumOf<StoredDefinition['status']>()(['draft', 'published', 'retired']),
  app: { ...nullable('string'), description: 'The app bundle it belongs to' },
  hash: { type: 'string', description: 'Hash of the canonical body' },
  createdBy: nullable('string'),
  createdAt: isoInstant,
});

function storedOf(kind: StoredKind): JsonObject {
  return closedObject<StoredDefinition>(
    { ...versionProperties(kind), body: schemaRef(DEFINITION_SCHEMAS[kind]) },
    {},
    `A stored ${kind}: the draft or a published version`,
  );
}

export function definitionSchemas(): Record<string, JsonObject> {
  const imported = arrayOf(
    closedObject<ImportedPart>(
      {
        key: { type: 'string' },
        version: { type: 'integer' },
        changed: { type: 'boolean', description: 'Whether this import published a new version' },
      },
      {},
    ),
  );
  return {
    LocalizedText: localizedTextSchema,
    Text: {
      type: 'object',
      description: 'Text in zh-CN and/or en, as the runtime wrote it',
      properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
      additionalProperties: false,
    },
    ...Object.fromEntries(KINDS.map((kind) => [storedComponentOf(kind), storedOf(kind)])),
    PublishedForm: closedObject<PublicForm>(
      {
        kind: { const: 'form' },
        key: { type: 'string' },
        version: { type: 'integer', minimum: 1 },
        status: { const: 'published' },
        body: schemaRef(DEFINITION_SCHEMAS.form),
      },
      {},
      'A published form as anonymous callers see it',
    ),
    DefinitionSummary: closedObject<Summary>(
      {
        key: { type: 'string' },
        title: nullableOf(schemaRef('LocalizedText')),
        latestVersion: { ...nullable('integer'), description: 'null while only a draft exists' },
        hasDraft: { type: 'boolean' },
      },
      {},
    ),
    DefinitionVersion: closedObject<Version>(versionProperties(), {}, 'A stored definition without its body'),
    ImportAppResult: closedObject<ImportAppResult>(
      {
        app: { type: 'string' },
        imported: {
          type: 'object',
          description: 'Each part of the bundle: key, version and whether it changed',
          required: Object.keys(BUNDLE_PARTS),
          properties: Object.fromEntries(Object.keys(BUNDLE_PARTS).map((part) => [part, imported])),
          additionalProperties: false,
        },
        roles: stringList,
      },
      {},
    ),
  };
}
