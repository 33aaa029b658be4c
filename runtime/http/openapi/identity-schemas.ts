/**
 * @module Response schemas of the auth API, typed against what the routes send: the public part of
 * `UserView` (`runtime/http/auth-routes.ts` `publicUser`), the caller with how they signed in, and
 * `ApiTokenView` (`runtime/auth/api-tokens.ts`).
 */
import type { AuthUser } from '../../auth/access';
import type { ApiTokenView } from '../../auth/api-tokens';
import type { UserView } from '../../auth/users';
import { schemaRef, type JsonObject } from './openapi-parts';
import {
  closedObject,
  enumOf,
  isoInstant,
  nullable,
  nullableInstant,
  stringList,
  type PropertiesOf,
} from './schema-builders';

/** What a client sees of a user: no `active` flag or timestamps, nothing about credentials. */
type PublicUser = Omit<UserView, 'active' | 'createdAt'>;

const userProperties: PropertiesOf<PublicUser> = {
  id: { type: 'string' },
  username: { type: 'string' },
  displayName: nullable('string'),
  email: nullable('string'),
  roles: stringList,
  skills: stringList,
  region: nullable('string'),
  team: nullable('string'),
};

const tokenProperties: PropertiesOf<ApiTokenView> = {
  id: { type: 'string' },
  userId: { type: 'string' },
  name: { type: 'string' },
  scopes: stringList,
  createdAt: isoInstant,
  lastUsedAt: nullableInstant,
  revokedAt: nullableInstant,
};

export function identitySchemas(): Record<string, JsonObject> {
  return {
    User: closedObject<PublicUser>(userProperties, {}),
    LoginResult: closedObject<{ user: PublicUser; csrfToken: string }>(
      { user: schemaRef('User'), csrfToken: { type: 'string', description: 'Send as X-CSRF-Token' } },
      {},
    ),
    Me: closedObject<{ user: PublicUser & Pick<AuthUser, 'via' | 'scopes'>; csrfToken?: string }>(
      {
        user: closedObject<PublicUser & Pick<AuthUser, 'via' | 'scopes'>>(
          {
            ...userProperties,
            via: enumOf<AuthUser['via']>()(['session', 'token']),
            scopes: { ...stringList, description: 'A token’s scopes; `["*"]` for a session' },
          },
          {},
        ),
        csrfToken: { type: 'string', description: 'For a session: the token to send as X-CSRF-Token' },
      },
      { csrfToken: true },
    ),
    ApiToken: closedObject<ApiTokenView>(tokenProperties, {}),
    CreatedApiToken: closedObject<ApiTokenView & { token: string }>(
      { ...tokenProperties, token: { type: 'string', description: 'The secret, shown only now' } },
      {},
    ),
  };
}
