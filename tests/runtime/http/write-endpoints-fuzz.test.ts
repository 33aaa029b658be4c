/**
 * Every write endpoint the OpenAPI document lists, on SQLite and PostgreSQL, fed random and hostile
 * bodies (fast-check): any JSON, objects with `__proto__` / `constructor` / `prototype` keys, the
 * fields the endpoints read with values of the wrong type, huge strings, deep nesting — signed in as an
 * admin or not at all, at an existing or an unknown key / id. Whatever comes, the answer is never a
 * 5xx; a refusal (4xx) is the one error shape with a message, and nothing is stored (the events, which
 * every write appends, the records and the definitions keep their counts). Beside the properties, per
 * endpoint with a JSON body: invalid UTF-8 is 400 and a body over the 1 MB limit is 413, nothing stored.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import type { Dialect } from '../../../runtime/config/database-url';
import { buildOpenApi } from '../../../runtime/http/openapi/build-openapi';
import { submitRecord } from '../../../runtime/records/submit-record';
import { rowCount } from '../../helpers/row-count';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { tourApp, tourTicket } from '../../helpers/tour-tickets';

interface WriteOperation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** It reads a JSON body (the attachment and import uploads take files; some take no body). */
  jsonBody: boolean;
}

const doc = buildOpenApi() as {
  paths: Record<string, Record<string, { requestBody?: { content?: object } }>>;
};
const WRITES: WriteOperation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  (['post', 'put', 'patch', 'delete'] as const)
    .filter((m) => item[m])
    .map((m) => ({
      method: m.toUpperCase() as WriteOperation['method'],
      path,
      jsonBody: Object.keys(item[m]!.requestBody?.content ?? {}).includes('application/json'),
    })),
);

/** The names the endpoints read from their bodies, so wrong types reach the checks behind the parser. */
const FIELD_NAMES = [
  'data',
  'key',
  'title',
  'fields',
  'machine',
  'text',
  'username',
  'password',
  'scopes',
  'name',
  'event',
  'assignee',
  'filters',
  'report',
  'definition',
  'forms',
  'flows',
  'rules',
  'url',
  'events',
  'records',
  'period',
  'ids',
  'dryRun',
  'version',
  'cards',
  'source',
  'measures',
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** A JSON object's text from entries (written by hand: an object literal's `__proto__` would not be a key). */
const objectText = (entries: [string, string][]) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

const jsonText = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
const bodyText: fc.Arbitrary<string> = fc.oneof(
  jsonText,
  fc
    .array(fc.tuple(fc.constantFrom(...FIELD_NAMES, ...HOSTILE_KEYS), jsonText), { maxLength: 6 })
    .map(objectText),
  fc
    .tuple(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...HOSTILE_KEYS), jsonText)
    .map(([field, hostile, v]) => objectText([[field, objectText([[hostile, v]])]])),
  fc
    .tuple(fc.constantFrom(...FIELD_NAMES), fc.integer({ min: 10_000, max: 300_000 }))
    .map(([field, n]) => objectText([[field, JSON.stringify('長'.repeat(n))]])),
  fc
    .tuple(fc.constantFrom(...FIELD_NAMES), fc.integer({ min: 50, max: 3_000 }), fc.boolean())
    .map(([field, depth, arrays]) =>
      objectText([
        [
          field,
          arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
        ],
      ]),
    ),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The path (keys and indexes) of every value inside `value`, the root's children first. */
function pathsIn(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsIn(v, [...prefix, k])]);
}

/** `definition` with the value at `path` replaced by `value`, or removed when `value` is undefined. */
function mutated(definition: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(definition);
  let parent = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

async function storeCounts(h: Harness) {
  return {
    events: await rowCount(h.db.knex, 'events'),
    records: await rowCount(h.db.knex, 'records'),
    definitions: await rowCount(h.db.knex, 'definitions'),
  };
}

describe.each(DIALECTS)('write endpoints under random and hostile input on %s', (dialect: Dialect) => {
  let h: Harness;
  let admin: TestLogin;
  let recordId: string;

  beforeAll(async () => {
    h = await startHarness(dialect);
    await importApp(h.runtime, tourApp(), null);
    const record = await submitRecord(h.runtime, 'ticket', { data: tourTicket(1) }, { id: null });
    recordId = record.id;
    admin = await createUserAndLogin(h, { username: 'fuzz-admin', roles: ['admin'] });
  }, 60_000);
  afterAll(() => h?.close());

  /** The endpoint's path with each parameter an existing key / id or an unknown one. */
  const urlOf = (path: string, known: boolean) =>
    path
      .replace('{key}', known ? 'ticket' : 'no-such-key')
      .replace('{id}', known && path.startsWith('/api/records') ? recordId : 'no-such-id')
      .replace('{delivery}', 'no-such-delivery');

  it(
    'answers every write endpoint without a 5xx, and stores nothing when it refuses',
    { timeout: 300_000 },
    async () => {
      const seen = new Map<string, Set<number>>();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...WRITES.filter((w) => w.path !== '/api/auth/logout')),
          bodyText,
          fc.boolean(),
          fc.boolean(),
          async (op, body, signedIn, known) => {
            const before = await storeCounts(h);
            const res = await h.request({
              method: op.method,
              url: urlOf(op.path, known),
              headers: { 'content-type': 'application/json', ...(signedIn ? admin.headers : {}) },
              payload: body,
            });
            const statuses = seen.get(`${op.method} ${op.path}`) ?? new Set();
            seen.set(`${op.method} ${op.path}`, statuses.add(res.status));
            expect(
              res.status,
              `${op.method} ${op.path} → ${res.status}: ${res.text.slice(0, 300)}`,
            ).toBeLessThan(500);
            if (res.status >= 400) {
              expect(res.body.error.code, res.text.slice(0, 300)).toEqual(expect.any(String));
              expect(res.body.error.message.length).toBeGreaterThan(0);
              expect(await storeCounts(h)).toEqual(before);
            }
          },
        ),
        { numRuns: 600 },
      );
      // The runs reached every endpoint (fast-check's choices are uniform over them).
      expect(seen.size).toBe(WRITES.length - 1);
    },
  );

  it(
    'saves a mutated definition as a draft or refuses it with issues naming paths, never a 5xx',
    { timeout: 300_000 },
    async () => {
      const tour = tourApp() as unknown as Record<string, Json[]>;
      const kinds = (['forms', 'flows', 'rules', 'reports'] as const).map((plural) => ({
        plural,
        definition: tour[plural]![0] as { key: string } & Record<string, Json>,
      }));
      const outcomes = { saved: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...kinds),
          fc.nat(),
          fc.option(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { nil: undefined }),
          async ({ plural, definition }, pick, value) => {
            const paths = pathsIn(definition);
            const path = paths[pick % paths.length]!;
            // The key stays, so the draft lands on the tour's definition and publishing it is tried too.
            if (path.length === 1 && path[0] === 'key') return;
            const body = mutated(definition, path, value);
            const before = await storeCounts(h);
            const url = `/api/${plural}/${definition.key}`;
            const headers = { 'content-type': 'application/json', ...admin.headers };
            const saved = await h.request({ method: 'PUT', url, headers, payload: JSON.stringify(body) });
            const at = `${plural} ${JSON.stringify(path)} = ${JSON.stringify(value)?.slice(0, 100)}`;
            expect(saved.status, `${at} → ${saved.text.slice(0, 300)}`).toBeLessThan(500);
            if (saved.status >= 400) {
              outcomes.refused++;
              expect(saved.status, at).toBe(422);
              expect(saved.body.error.issues.length, at).toBeGreaterThan(0);
              for (const issue of saved.body.error.issues) expect(issue.path, at).toEqual(expect.any(String));
              expect(await storeCounts(h)).toEqual(before);
              return;
            }
            outcomes.saved++;
            const published = await h.request({ method: 'POST', url: `${url}/publish`, headers });
            expect(published.status, `${at}, published → ${published.text.slice(0, 300)}`).toBeLessThan(500);
          },
        ),
        { numRuns: 300 },
      );
      // Both kinds of outcome happened: the mutations reach past the first check.
      expect(outcomes.saved).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    },
  );

  it.each(WRITES.filter((w) => w.jsonBody && w.method !== 'DELETE'))(
    '$method $path: invalid UTF-8 is 400 and a body over 1 MB is 413, nothing stored',
    async (op) => {
      const before = await storeCounts(h);
      const url = urlOf(op.path, true);
      const headers = { 'content-type': 'application/json; charset=utf-8', ...admin.headers };
      const broken = Buffer.concat([
        Buffer.from('{"data":{"detail":"'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}}'),
      ]);
      const bad = await h.request({ method: op.method, url, headers, payload: broken });
      expect(bad.status, bad.text.slice(0, 300)).toBe(400);
      const huge = await h.request({
        method: op.method,
        url,
        headers,
        payload: objectText([['data', JSON.stringify('x'.repeat(1_100_000))]]),
      });
      expect(huge.status, huge.text.slice(0, 300)).toBe(413);
      expect(huge.body.error.code).toBe('too-large');
      expect(await storeCounts(h)).toEqual(before);
    },
  );
});
