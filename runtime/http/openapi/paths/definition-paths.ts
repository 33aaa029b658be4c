/**
 * @module The definitions API, one set of paths per stored kind (`runtime/http/definition-routes.ts`),
 * and whole app bundles in and out (`runtime/http/app-routes.ts`). Bodies are the engine's meta-schemas.
 */
import type { StoredKind } from '../../../definitions/definition-store';
import { DEFINITION_PATHS } from '../../definition-routes';
import { DEFINITION_SCHEMAS, storedComponentOf } from '../definition-schemas';
import {
  itemsOf,
  LOCATION_HEADER,
  operation,
  pathParam,
  queryParam,
  schemaRef,
  type JsonObject,
  type PathItems,
} from '../openapi-parts';

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** The stored-definition view with its body the kind's schema. */
const storedOf = (kind: StoredKind): JsonObject => schemaRef(storedComponentOf(kind));

/** A signed-in caller reads the stored form; an anonymous one its published version only. */
const readableOf = (kind: StoredKind): JsonObject =>
  kind === 'form' ? { oneOf: [storedOf(kind), schemaRef('PublishedForm')] } : storedOf(kind);

export function definitionPaths(): PathItems {
  const paths: PathItems = {};
  for (const [kind, plural] of Object.entries(DEFINITION_PATHS) as [StoredKind, string][]) {
    const base = `/api/${plural}`;
    const Kind = capitalized(kind);
    const key = pathParam('key', `The ${kind}'s key`);
    const tag = 'definitions';
    const body = {
      schema: schemaRef(DEFINITION_SCHEMAS[kind]),
      description: `A ${kind} definition; checked against this schema, then its references (422 with issues)`,
    };

    paths[base] = {
      get: operation('get', `list${Kind}s`, {
        tag,
        summary: `Every ${kind}: key, title, latest published version, whether a draft exists`,
        access: 'signed-in',
        ok: { status: 200, description: 'The list', schema: itemsOf(schemaRef('DefinitionSummary')) },
      }),
      post: operation('post', `create${Kind}`, {
        tag,
        summary: `Create the draft of a new ${kind}`,
        access: 'signed-in',
        body,
        ok: { status: 201, description: 'The draft', schema: storedOf(kind), headers: LOCATION_HEADER },
        errors: [409, 422],
      }),
    };
    paths[`${base}/{key}`] = {
      get: operation('get', `get${Kind}`, {
        tag,
        summary:
          kind === 'form'
            ? 'The current form (the draft if there is one), or a published version; without signing in, the latest published version (customers fill forms from a link)'
            : `The current ${kind} (the draft if there is one), or a published version`,
        access: kind === 'form' ? 'optional' : 'signed-in',
        parameters: [
          key,
          queryParam('version', 'A published version number', { type: 'integer', minimum: 1 }),
        ],
        ok: { status: 200, description: `The ${kind}`, schema: readableOf(kind) },
        errors: [400, 404],
      }),
      put: operation('put', `save${Kind}Draft`, {
        tag,
        summary: `Save the draft of ${kind} \`key\` (creating it)`,
        access: 'signed-in',
        parameters: [key],
        body,
        ok: { status: 200, description: 'The draft', schema: storedOf(kind) },
        errors: [422],
      }),
    };
    paths[`${base}/{key}/publish`] = {
      post: operation('post', `publish${Kind}`, {
        tag,
        summary: `Publish the draft as the next version`,
        access: 'signed-in',
        parameters: [key],
        ok: { status: 200, description: 'The published version', schema: storedOf(kind) },
        errors: [404, 422],
      }),
    };
    paths[`${base}/{key}/versions`] = {
      get: operation('get', `list${Kind}Versions`, {
        tag,
        summary: 'The draft and every published version, without bodies',
        access: 'signed-in',
        parameters: [key],
        ok: { status: 200, description: 'The versions', schema: itemsOf(schemaRef('DefinitionVersion')) },
        errors: [404],
      }),
    };
  }

  paths['/api/apps/import'] = {
    post: operation('post', 'importApp', {
      tag: 'apps',
      summary: 'Import a whole app bundle: every part stored and published, or nothing',
      access: 'signed-in',
      body: { schema: schemaRef('AppBundle'), description: 'Each part is checked against its kind’s schema' },
      ok: { status: 201, description: 'Imported', schema: schemaRef('ImportAppResult') },
      errors: [409, 422],
    }),
  };
  paths['/api/apps/{app}/export'] = {
    get: operation('get', 'exportApp', {
      tag: 'apps',
      summary: 'Export an app as one bundle (a download)',
      access: 'signed-in',
      parameters: [pathParam('app', 'The app key')],
      ok: { status: 200, description: 'The bundle', schema: schemaRef('AppBundle') },
      errors: [404],
    }),
  };
  return paths;
}
