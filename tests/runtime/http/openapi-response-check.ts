/**
 * @module Checks real answers against the OpenAPI document: the operation is found by method and path
 * template (`/api/records/{id}` for `/api/records/R-1?x=1`), its response by status (else `default`),
 * and the JSON body validated with Ajv 2020 against the schema the document declares there, `$ref`s
 * resolving inside the document as they do for an OpenAPI tool.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { resolveLocalRef } from '../openapi/openapi-helpers';

type Document = Record<string, unknown>;
type Operation = { operationId: string; responses: Record<string, unknown> };

export interface ResponseCheck {
  operationId: string;
  /** The response key of the document used: `200`, `404`, `default`. */
  declared: string;
  valid: boolean;
  errors: ErrorObject[];
}

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (...tokens: string[]) =>
  tokens.map((t) => '/' + encodeURIComponent(escapeToken(t))).join('');

/** A path template as an anchored expression; literal segments outrank parameters when both match. */
function templateMatcher(template: string) {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return { template, pattern: new RegExp(`^${source}$`), params: (template.match(/\{/g) ?? []).length };
}

export function responseChecker(document: Document, id = 'urn:closedloop:openapi:responses') {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document as object, id);
  const paths = document.paths as Record<string, Record<string, Operation>>;
  const templates = Object.keys(paths)
    .map(templateMatcher)
    .sort((a, b) => a.params - b.params);
  const compiled = new Map<string, ValidateFunction>();

  function operationOf(method: string, url: string): { path: string; op: Operation } {
    const path = new URL(url, 'http://localhost').pathname;
    const verb = method.toLowerCase();
    const found = templates.find((t) => t.pattern.test(path) && paths[t.template]?.[verb]);
    if (!found) throw new Error(`The document has no operation for ${method} ${path}`);
    return { path: found.template, op: paths[found.template]![verb]! };
  }

  return {
    operationOf,
    /** Validates a JSON body answered to `method url` with `status`. */
    check(method: string, url: string, status: number, body: unknown): ResponseCheck {
      const { path, op } = operationOf(method, url);
      const declared = String(status) in op.responses ? String(status) : 'default';
      const response = op.responses[declared] as
        { $ref?: string; content?: Record<string, unknown> } | undefined;
      if (!response) throw new Error(`${op.operationId} declares no ${status} and no default`);
      // A shared response component is addressed where it lives; an inline one inside its operation.
      const base = response.$ref
        ? response.$ref.slice(1)
        : pointerOf('paths', path, method.toLowerCase(), 'responses', declared);
      const target = (response.$ref ? resolveLocalRef(document, response.$ref) : response) as {
        content?: Record<string, unknown>;
      };
      if (!target.content?.['application/json'])
        throw new Error(`${op.operationId} ${declared} declares no JSON body`);
      const pointer = `${base}${pointerOf('content', 'application/json', 'schema')}`;
      let validate = compiled.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `${id}#${pointer}` });
        compiled.set(pointer, validate);
      }
      const valid = validate(body) as boolean;
      return { operationId: op.operationId, declared, valid, errors: validate.errors ?? [] };
    },
  };
}

/** Operations whose success answer is a JSON body: what a response test should reach. */
export function jsonSuccessOperations(document: Document): string[] {
  const paths = document.paths as Record<string, Record<string, Operation>>;
  return Object.values(paths).flatMap((item) =>
    Object.values(item).flatMap((op) =>
      Object.entries(op.responses).some(
        ([status, response]) =>
          /^2\d\d$/.test(status) &&
          Boolean((response as { content?: Record<string, unknown> }).content?.['application/json']),
      )
        ? [op.operationId]
        : [],
    ),
  );
}
