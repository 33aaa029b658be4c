/**
 * @module The building blocks of the OpenAPI document: `$ref`s to components, JSON bodies, the error
 * responses every route shares and `operation(method, spec)`, which adds what every operation of this
 * runtime has in common — the security it accepts and the errors the middleware can answer with
 * (401 for a bad Bearer token on any route, 403 `csrf` on unsafe cookie requests, 400 / 413 for a
 * malformed or too-large JSON body, `default` for 500 / 503).
 */

export type JsonObject = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type PathItems = Record<string, Partial<Record<HttpMethod, JsonObject>>>;

/** The 4xx statuses the runtime's `UserError` can carry, each a shared response component. */
export const ERROR_RESPONSES = {
  400: {
    name: 'BadRequest',
    description: 'The request is malformed (bad JSON, a wrong parameter or body shape)',
  },
  401: { name: 'Unauthenticated', description: 'Not signed in, or the API token is unknown or revoked' },
  403: {
    name: 'Forbidden',
    description:
      'The caller may not do this (role, token scope, flow permission) or the CSRF header is missing',
  },
  404: { name: 'NotFound', description: 'No such resource' },
  409: { name: 'Conflict', description: 'The request conflicts with the current state' },
  413: { name: 'TooLarge', description: 'The request body is too large' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not JSON' },
  422: {
    name: 'Invalid',
    description: 'The values are invalid; `issues` names each problem by JSON Pointer',
  },
  428: { name: 'PreconditionRequired', description: 'The request needs `If-Match: <revision>`' },
  429: { name: 'RateLimited', description: 'Too many attempts; retry after the `Retry-After` seconds' },
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

export const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

export const jsonContent = (schema: JsonObject): JsonObject => ({ 'application/json': { schema } });

/** How an operation may be called. */
export type Access =
  /** No credentials needed (a Bearer token, if sent, must still be valid). */
  | 'public'
  /** Anonymous callers allowed (public forms); a signed-in caller acts as themselves. */
  | 'optional'
  /** A session or an API token is needed. */
  | 'signed-in';

export interface OperationSpec {
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  parameters?: JsonObject[];
  body?: {
    schema: JsonObject;
    description?: string;
    required?: boolean;
    /** Media types other than JSON, each with its schema (`schema` is then the JSON one, if any). */
    content?: Record<string, JsonObject>;
  };
  /** The success response. */
  ok: {
    status: number;
    description: string;
    schema?: JsonObject;
    /** `application/json` unless told. */
    contentType?: string;
    headers?: JsonObject;
  };
  /** Errors the route itself can answer with (the common ones are added by `operation`). */
  errors?: ErrorStatus[];
}

const UNSAFE: ReadonlySet<HttpMethod> = new Set(['post', 'put', 'patch', 'delete']);

function securityOf(method: HttpMethod, access: Access): JsonObject[] {
  if (access === 'public') return [];
  const session = UNSAFE.has(method) ? { sessionCookie: [], csrfHeader: [] } : { sessionCookie: [] };
  const credentials = [{ bearerToken: [] }, session];
  return access === 'optional' ? [{}, ...credentials] : credentials;
}

/** One operation object, with the common errors and the security of its access. */
export function operation(method: HttpMethod, operationId: string, spec: OperationSpec): JsonObject {
  const errors = new Set<ErrorStatus>(spec.errors ?? []);
  errors.add(401); // Any request with an unknown or revoked Bearer token.
  if (UNSAFE.has(method) && spec.access !== 'public') errors.add(403); // CSRF on cookie requests.
  if (spec.access === 'signed-in') errors.add(403); // Roles, token scopes.
  if (spec.body) {
    errors.add(400);
    errors.add(413);
  }
  const responses: JsonObject = {
    [String(spec.ok.status)]: {
      description: spec.ok.description,
      ...(spec.ok.headers ? { headers: spec.ok.headers } : {}),
      ...(spec.ok.schema
        ? { content: { [spec.ok.contentType ?? 'application/json']: { schema: spec.ok.schema } } }
        : {}),
    },
  };
  for (const status of [...errors].sort((a, b) => a - b)) {
    responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  }
  responses.default = { $ref: '#/components/responses/Unexpected' };
  return {
    operationId,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: securityOf(method, spec.access),
    ...(spec.parameters && spec.parameters.length > 0 ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: spec.body.required ?? true,
            ...(spec.body.description ? { description: spec.body.description } : {}),
            content: spec.body.content
              ? Object.fromEntries(
                  Object.entries(spec.body.content).map(([type, schema]) => [type, { schema }]),
                )
              : jsonContent(spec.body.schema),
          },
        }
      : {}),
    responses,
  };
}

export const pathParam = (name: string, description: string, schema: JsonObject = { type: 'string' }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});

export const queryParam = (name: string, description: string, schema: JsonObject = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

export const LOCALE_PARAM = queryParam('locale', 'Language of labels and messages', {
  enum: ['en', 'zh-CN'],
});

export const ETAG_HEADER = {
  ETag: { description: 'The record revision, for `If-Match`', schema: { type: 'string' } },
};

export const LOCATION_HEADER = {
  Location: { description: 'The URL of what was created', schema: { type: 'string' } },
};

/** `{ items: [...] }`, the shape of every list without paging. */
export const itemsOf = (items: JsonObject): JsonObject => ({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items } },
  additionalProperties: false,
});
