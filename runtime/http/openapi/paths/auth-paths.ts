/** @module `/api/auth`: sessions and API tokens (`runtime/http/auth-routes.ts`). */
import { itemsOf, LOCATION_HEADER, operation, pathParam, schemaRef, type PathItems } from '../openapi-parts';

export function authPaths(): PathItems {
  return {
    '/api/auth/login': {
      post: operation('post', 'login', {
        tag: 'auth',
        summary: 'Sign in with a password: sets the session cookie, answers the CSRF token',
        description:
          '401 `invalid-credentials` alike for an unknown user, a wrong password or a deactivated account.',
        access: 'public',
        body: { schema: schemaRef('LoginInput') },
        ok: { status: 200, description: 'Signed in', schema: schemaRef('LoginResult') },
        errors: [429],
      }),
    },
    '/api/auth/logout': {
      post: operation('post', 'logout', {
        tag: 'auth',
        summary: 'End the session and clear its cookie',
        access: 'optional',
        ok: { status: 204, description: 'Signed out' },
      }),
    },
    '/api/auth/me': {
      get: operation('get', 'getMe', {
        tag: 'auth',
        summary: 'The caller, and for a session its CSRF token again',
        access: 'signed-in',
        ok: { status: 200, description: 'The caller', schema: schemaRef('Me') },
      }),
    },
    '/api/auth/tokens': {
      get: operation('get', 'listApiTokens', {
        tag: 'auth',
        summary: 'The caller’s API tokens, without secrets (`tokens:read`)',
        access: 'signed-in',
        ok: { status: 200, description: 'The tokens', schema: itemsOf(schemaRef('ApiToken')) },
      }),
      post: operation('post', 'createApiToken', {
        tag: 'auth',
        summary: 'Create an API token (`tokens:write`); the secret is shown once',
        access: 'signed-in',
        body: { schema: schemaRef('TokenInput') },
        ok: {
          status: 201,
          description: 'Created',
          schema: schemaRef('CreatedApiToken'),
          headers: LOCATION_HEADER,
        },
        errors: [422],
      }),
    },
    '/api/auth/tokens/{id}': {
      delete: operation('delete', 'revokeApiToken', {
        tag: 'auth',
        summary: 'Revoke a token (one’s own; admins any)',
        access: 'signed-in',
        parameters: [pathParam('id', 'The token id')],
        ok: { status: 204, description: 'Revoked' },
        errors: [404],
      }),
    },
  };
}
