/**
 * @module What the OpenAPI suites share: Ajv 2020 over the document (so `#/components/...` refs resolve
 * as they do for an OpenAPI tool) and the official OpenAPI 3.1 schema. The fixture
 * `tests/fixtures/openapi/oas-3.1-schema-2022-02-27.json` is the OAI's published
 * `https://spec.openapis.org/oas/3.1/schema/2022-02-27` (schemas/v3.1/schema.json of
 * OAI/OpenAPI-Specification), written compactly; its content is unchanged. It describes the document's
 * structure, not the JSON Schemas inside it (those are compiled one by one below).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFixture } from '../../helpers/fixtures';

export const DOCUMENT_ID = 'urn:closedloop:openapi';

/** Validates whole documents against the official OpenAPI 3.1 schema. */
export function officialOpenApiValidator(): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // A media range (`application/json`, `text/*`): the schema names the format without defining it.
  ajv.addFormat('media-range', /^[a-z*][a-z0-9!#$&^_.+*-]*\/[a-z0-9!#$&^_.+*-]+(\s*;.*)?$/i);
  return ajv.compile(withStaticMetaRefs(readFixture<object>('openapi/oas-3.1-schema-2022-02-27.json')));
}

/**
 * Ajv finds a `$dynamicAnchor` only at the root of a schema resource, and the OpenAPI schema keeps
 * `"$dynamicAnchor": "meta"` in `$defs/schema`. Without an extending dialect schema (this file is used
 * alone) every `"$dynamicRef": "#meta"` lands on that one anchor, so a static `$ref` to it means the same.
 */
function withStaticMetaRefs(value: unknown): any {
  if (Array.isArray(value)) return value.map(withStaticMetaRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === '$dynamicRef' && child === '#meta'
        ? ['$ref', '#/$defs/schema']
        : [key, withStaticMetaRefs(child)],
    ),
  );
}

/** Ajv 2020 holding the document: `schemaOf('FormDefinition')` validates against that component. */
export function componentValidators(document: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, discriminator: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  return {
    schemaOf(name: string): ValidateFunction {
      return ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/${name}` });
    },
  };
}

/** Every `$ref` string in a JSON value, with the JSON Pointer of where it sits. */
export function collectRefs(value: unknown, at = ''): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => collectRefs(v, `${at}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string'
      ? [{ at, ref: child }]
      : collectRefs(child, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

/** The value a local `#/...` reference points at, or undefined. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const token of ref.slice(2).split('/')) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key))
      return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `METHOD /path/{param}` for every operation of the document. */
export function documentedOperations(document: Record<string, unknown>): string[] {
  const paths = document.paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** A Koa router path (`/api/forms/:key`) as an OpenAPI path template (`/api/forms/{key}`). */
export const openApiPath = (routerPath: string) => routerPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
