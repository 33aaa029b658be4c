/**
 * The audit trail records who, when and what for every change, and cannot be edited through the API —
 * on SQLite and PostgreSQL, through the in-process runtime. Every write operation of the OpenAPI
 * document is either a change (one successful call, signed in, must append exactly the expected events
 * naming the caller, the manual clock's instant and what changed) or a read (a successful call appends
 * nothing); an operation in neither list fails the suite by name. Then every operation of the document
 * is called again with hostile bodies, signed in and not, and every event row that existed before is
 * byte-for-byte unchanged; the route table has no write route outside the document, and the runtime's
 * source writes to `events` only by appending.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../runtime/http/openapi/build-openapi';
import { buildRouter } from '../../../runtime/http/routes';
import { waitForAllJobs } from '../../../runtime/imports/job-store';
import {
  createTestUser,
  createUserAndLogin,
  loginAs,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { AUDIT_BUNDLE, AUDIT_DEFINITIONS, AUDIT_FORM, HOSTILE_BODIES } from './audit-fixtures';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
/** Every operation of the document as "METHOD /path/{param}". */
const OPERATIONS = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map((m) => `${m.toUpperCase()} ${path}`),
);
const WRITES = OPERATIONS.filter((op) => (WRITE_METHODS as readonly string[]).includes(op.split(' ')[0]!));

/** Write operations that only read: a successful call appends nothing. */
const READ_ONLY = [
  'POST /api/reports/query',
  'POST /api/reports/records',
  'POST /api/dashboards/query',
  'POST /api/rules/{key}/dry-run',
];

interface ExpectedEvent {
  type: string;
  stream: string;
  streamId: string;
  /** The fields that identify the thing and the change (the stored payload may hold more). */
  payload: Record<string, unknown>;
}

interface StoredEvent {
  id: number;
  stream: string;
  stream_id: string;
  type: string;
  actor: string | null;
  at: number;
  payload: Record<string, unknown>;
}

type Response = Awaited<ReturnType<Harness['request']>>;

/** One successful call of a change, what it must answer and the events it must append. */
interface Change {
  op: string;
  /** The request, signed in as the admin unless it is the sign-in itself. */
  request: () => InjectOptions;
  status: number;
  /** The user the events name, when not the signed-in admin (a login names who signed in). */
  actor?: () => string;
  events: (res: Response) => ExpectedEvent[];
  /** Work the call started that finishes after it answers (an import job's rows). */
  settle?: () => Promise<void>;
}

/** Every file under `dir` ending in `.ts`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe.each(DIALECTS)('the audit trail on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  let agentId: string;
  let recordId = '';
  let revision = 0;
  let tokenId = '';
  let linkId = '';
  let webhookId = '';
  let deliveryId = '';
  let notificationId = 0;
  let attachmentHash = '';
  let jobId = '';
  let secondSession: TestLogin;
  /** The trail before any operation was called (the users' creation and the admin's sign-in). */
  let initialTrail: Record<string, unknown>[] = [];

  const signedIn = () => admin.headers;
  const json = (method: Method, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    ({ method, url, payload: payload as string, headers: { ...signedIn(), ...headers } }) as InjectOptions;
  const recordEvent = (type: string, payload: Record<string, unknown>, id = recordId): ExpectedEvent => ({
    type,
    stream: 'record',
    streamId: id,
    payload,
  });

  /** Raw rows of the trail in id order, every column, and the payload also as the database's own text. */
  const trailRows = async () =>
    (await h.db.knex.raw(
      `select *, ${dialect === 'postgres' ? 'payload::text' : 'payload'} as payload_text from events order by id`,
    )) as unknown;
  const rowsOf = (raw: unknown): Record<string, unknown>[] =>
    dialect === 'postgres'
      ? (raw as { rows: Record<string, unknown>[] }).rows
      : (raw as Record<string, unknown>[]);

  const lastEventId = async () =>
    Number(((await h.db.knex('events').max({ m: 'id' }).first()) as { m: unknown }).m ?? 0);
  const eventsAfter = async (id: number): Promise<StoredEvent[]> =>
    ((await h.db.knex('events').where('id', '>', id).orderBy('id')) as Record<string, unknown>[]).map(
      (row) => ({
        ...(row as unknown as StoredEvent),
        id: Number(row.id),
        at: Number(row.at),
        payload:
          typeof row.payload === 'string'
            ? JSON.parse(row.payload)
            : (row.payload as Record<string, unknown>),
      }),
    );

  const definitionChanges: Change[] = AUDIT_DEFINITIONS.flatMap(({ kind, plural, body }): Change[] => {
    const key = body.key;
    const stream = { stream: 'definition', streamId: `${kind}:${key}` };
    return [
      {
        op: `POST /api/${plural}`,
        request: () => json('POST', `/api/${plural}`, body),
        status: 201,
        events: () => [{ ...stream, type: 'definition.draft-saved', payload: { kind, key } }],
      },
      {
        op: `PUT /api/${plural}/{key}`,
        request: () =>
          json('PUT', `/api/${plural}/${key}`, {
            ...body,
            title: { ...body.title, en: `${body.title.en} (saved)` },
          }),
        status: 200,
        events: () => [{ ...stream, type: 'definition.draft-saved', payload: { kind, key } }],
      },
      {
        op: `POST /api/${plural}/{key}/publish`,
        request: () => json('POST', `/api/${plural}/${key}/publish`, undefined),
        status: 200,
        events: () => [{ ...stream, type: 'definition.published', payload: { kind, key, version: 1 } }],
      },
    ];
  });

  /** The changes, in the order they run (later ones use what earlier ones made). */
  const CHANGES: Change[] = [
    {
      op: 'POST /api/auth/login',
      request: () => ({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'audit-admin', password: 'correct horse battery staple' },
      }),
      status: 200,
      actor: () => admin.user.id,
      events: () => [{ type: 'user.logged-in', stream: 'user', streamId: admin.user.id, payload: {} }],
    },
    ...definitionChanges,
    {
      op: 'POST /api/apps/import',
      request: () => json('POST', '/api/apps/import', AUDIT_BUNDLE),
      status: 201,
      events: () => [
        {
          type: 'definition.draft-saved',
          stream: 'definition',
          streamId: 'form:audit-extra-form',
          payload: { kind: 'form', key: 'audit-extra-form' },
        },
        {
          type: 'definition.published',
          stream: 'definition',
          streamId: 'form:audit-extra-form',
          payload: { kind: 'form', key: 'audit-extra-form', version: 1 },
        },
        {
          type: 'app.imported',
          stream: 'definition',
          streamId: 'app:audit-extra',
          payload: { app: 'audit-extra', changed: ['form:audit-extra-form@1'], removed: [] },
        },
      ],
    },
    {
      op: 'POST /api/forms/{key}/records',
      request: () => json('POST', `/api/forms/${AUDIT_FORM}/records`, { data: { title: 'Screen flickers' } }),
      status: 201,
      events: (res) => {
        recordId = res.body.id;
        revision = res.body.revision;
        return [
          recordEvent('record.created', {
            form: AUDIT_FORM,
            revision: 1,
            data: { title: 'Screen flickers' },
            flow: { key: 'audit-flow', version: 1 },
          }),
          recordEvent('stage.entered', { stage: 'open' }),
        ];
      },
    },
    {
      op: 'PATCH /api/records/{id}',
      request: () =>
        json(
          'PATCH',
          `/api/records/${recordId}`,
          { data: { detail: 'Since Monday' } },
          { 'if-match': String(revision) },
        ),
      status: 200,
      events: () => [
        recordEvent('record.updated', {
          form: AUDIT_FORM,
          revision: 2,
          changes: [expect.objectContaining({ field: 'detail', after: 'Since Monday' })],
        }),
      ],
    },
    {
      op: 'POST /api/records/{id}/notes',
      request: () => json('POST', `/api/records/${recordId}/notes`, { text: 'Called the customer' }),
      status: 201,
      events: () => [recordEvent('note.added', { form: AUDIT_FORM, text: 'Called the customer' })],
    },
    {
      op: 'POST /api/records/{id}/assign',
      request: () =>
        json('POST', `/api/records/${recordId}/assign`, { assignee: agentId, reason: 'Knows X200' }),
      status: 200,
      events: () => [
        recordEvent('record.assigned', {
          assignee: agentId,
          previous: null,
          reason: 'Knows X200',
          manual: true,
        }),
      ],
    },
    {
      op: 'POST /api/tasks/assign',
      request: () =>
        json('POST', '/api/tasks/assign', { records: [recordId], assignee: null, reason: 'Back to queue' }),
      status: 200,
      events: () => [
        recordEvent('record.unassigned', { assignee: null, previous: agentId, reason: 'Back to queue' }),
      ],
    },
    {
      op: 'POST /api/records/{id}/events',
      request: () => json('POST', `/api/records/${recordId}/events`, { type: 'CLOSE' }),
      status: 200,
      events: () => [
        recordEvent('flow.event', {
          form: AUDIT_FORM,
          flow: 'audit-flow',
          event: 'CLOSE',
          from: 'open',
          to: 'closed',
        }),
        recordEvent('stage.exited', { stage: 'open' }),
        recordEvent('stage.entered', { stage: 'closed' }),
      ],
    },
    {
      op: 'POST /api/attachments',
      request: () => ({
        method: 'POST',
        url: '/api/attachments?name=receipt.txt',
        payload: 'Receipt no. 42',
        headers: { ...signedIn(), 'content-type': 'text/plain' },
      }),
      status: 201,
      events: (res) => {
        attachmentHash = res.body.hash;
        return [
          {
            type: 'attachment.stored',
            stream: 'system',
            streamId: `attachment:${attachmentHash}`,
            payload: { hash: attachmentHash, name: 'receipt.txt', contentType: 'text/plain' },
          },
        ];
      },
    },
    {
      op: 'POST /api/forms/{key}/import',
      request: () => ({
        method: 'POST',
        url: `/api/forms/${AUDIT_FORM}/import`,
        payload: 'title,detail\nImported one,From the old system\n',
        headers: { ...signedIn(), 'content-type': 'text/csv' },
      }),
      status: 202,
      settle: waitForAllJobs,
      events: (res) => {
        jobId = res.body.job.id;
        const job = { stream: 'system', streamId: jobId };
        return [
          { ...job, type: 'job.created', payload: { kind: 'import', form: AUDIT_FORM, dryRun: false } },
          {
            type: 'record.created',
            stream: 'record',
            streamId: expect.any(String) as unknown as string,
            payload: { form: AUDIT_FORM, data: { title: 'Imported one', detail: 'From the old system' } },
          },
          {
            type: 'stage.entered',
            stream: 'record',
            streamId: expect.any(String) as unknown as string,
            payload: { stage: 'open' },
          },
          { ...job, type: 'job.done', payload: { kind: 'import', form: AUDIT_FORM, imported: 1, failed: 0 } },
        ];
      },
    },
    {
      op: 'POST /api/auth/tokens',
      request: () => json('POST', '/api/auth/tokens', { name: 'erp-sync', scopes: ['records:read'] }),
      status: 201,
      events: (res) => {
        tokenId = res.body.id;
        return [
          {
            type: 'api-token.created',
            stream: 'user',
            streamId: admin.user.id,
            payload: { tokenId, name: 'erp-sync', scopes: ['records:read'] },
          },
        ];
      },
    },
    {
      op: 'DELETE /api/auth/tokens/{id}',
      request: () => json('DELETE', `/api/auth/tokens/${tokenId}`, undefined),
      status: 204,
      events: () => [
        { type: 'api-token.revoked', stream: 'user', streamId: admin.user.id, payload: { tokenId } },
      ],
    },
    {
      op: 'POST /api/dashboards/{key}/links',
      request: () => json('POST', '/api/dashboards/audit-dashboard/links', undefined),
      status: 201,
      events: (res) => {
        linkId = res.body.id;
        return [
          {
            type: 'dashboard-link.created',
            stream: 'definition',
            streamId: 'dashboard:audit-dashboard',
            payload: { dashboard: 'audit-dashboard', linkId },
          },
        ];
      },
    },
    {
      op: 'DELETE /api/dashboards/{key}/links/{id}',
      request: () => json('DELETE', `/api/dashboards/audit-dashboard/links/${linkId}`, undefined),
      status: 204,
      events: () => [
        {
          type: 'dashboard-link.revoked',
          stream: 'definition',
          streamId: 'dashboard:audit-dashboard',
          payload: { dashboard: 'audit-dashboard', linkId },
        },
      ],
    },
    {
      op: 'POST /api/webhooks',
      request: () =>
        json('POST', '/api/webhooks', { url: 'https://erp.example.com/hooks', events: ['record.*'] }),
      status: 201,
      events: (res) => {
        webhookId = res.body.id;
        return [
          {
            type: 'webhook.created',
            stream: 'system',
            streamId: `webhook:${webhookId}`,
            payload: { webhookId, url: 'https://erp.example.com/hooks', events: ['record.*'] },
          },
        ];
      },
    },
    {
      op: 'POST /api/webhooks/{id}/deliveries/{delivery}/retry',
      request: () => json('POST', `/api/webhooks/${webhookId}/deliveries/${deliveryId}/retry`, undefined),
      status: 202,
      events: () => [
        {
          type: 'webhook.delivery-retried',
          stream: 'system',
          streamId: `webhook:${webhookId}`,
          payload: { webhookId, deliveryId },
        },
      ],
    },
    {
      op: 'DELETE /api/webhooks/{id}',
      request: () => json('DELETE', `/api/webhooks/${webhookId}`, undefined),
      status: 204,
      events: () => [
        {
          type: 'webhook.deleted',
          stream: 'system',
          streamId: `webhook:${webhookId}`,
          payload: { webhookId },
        },
      ],
    },
    {
      op: 'POST /api/notifications/{id}/read',
      request: () => json('POST', `/api/notifications/${notificationId}/read`, undefined),
      status: 200,
      events: () => [
        { type: 'notification.read', stream: 'user', streamId: admin.user.id, payload: { notificationId } },
      ],
    },
    {
      op: 'POST /api/auth/logout',
      request: () => ({ method: 'POST', url: '/api/auth/logout', headers: secondSession.headers }),
      status: 204,
      events: () => [{ type: 'user.logged-out', stream: 'user', streamId: admin.user.id, payload: {} }],
    },
  ];

  /** The read-only operations' successful calls. */
  const READS: Record<string, () => InjectOptions> = {
    'POST /api/reports/query': () =>
      json('POST', '/api/reports/query', { spec: AUDIT_DEFINITIONS[4].body, locale: 'en' }),
    'POST /api/reports/records': () =>
      json('POST', '/api/reports/records', { report: 'audit-report', point: {}, limit: 5 }),
    'POST /api/dashboards/query': () =>
      json('POST', '/api/dashboards/query', { dashboard: AUDIT_DEFINITIONS[5].body, filters: {} }),
    'POST /api/rules/{key}/dry-run': () =>
      json('POST', '/api/rules/audit-rule/dry-run', {
        from: '2026-11-01T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
      }),
  };

  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await createUserAndLogin(h, { username: 'audit-admin', roles: ['admin'] });
    agentId = (await createTestUser(h, { username: 'audit-agent', roles: ['agent'] })).id;
    initialTrail = rowsOf(await trailRows());
  }, 60_000);
  afterAll(() => h?.close());

  it('lists every write operation of the document as a change or a read', () => {
    const listed = new Set([...CHANGES.map((c) => c.op), ...READ_ONLY]);
    const unlisted = WRITES.filter((op) => !listed.has(op));
    expect(unlisted, `write operations in neither the changes nor the reads: ${unlisted.join(', ')}`).toEqual(
      [],
    );
    const unknown = [...listed].filter((op) => !WRITES.includes(op));
    expect(unknown, 'listed operations the document does not have').toEqual([]);
    expect(READ_ONLY.filter((op) => CHANGES.some((c) => c.op === op))).toEqual([]);
  });

  it(
    'appends, for each change, exactly its events naming who, when and what',
    { timeout: 120_000 },
    async () => {
      const seen = new Set<string>();
      for (const change of CHANGES) {
        // Set-up the next change needs that no operation of the document makes: a second session to end,
        // a delivery to retry, a notification to read.
        if (change.op === 'POST /api/auth/logout') secondSession = await loginAs(h, 'audit-admin');
        if (change.op === 'POST /api/webhooks/{id}/deliveries/{delivery}/retry') {
          deliveryId = `audit-delivery-${dialect}`;
          await h.db.knex('webhook_deliveries').insert({
            id: deliveryId,
            webhook_id: webhookId,
            event_id: await lastEventId(),
            payload: JSON.stringify({ type: 'record.created' }),
            status: 'failed',
            attempts: 5,
            created_at: h.clock.now().getTime(),
          });
        }
        if (change.op === 'POST /api/notifications/{id}/read') {
          const [row] = await h.db.knex('notifications').insert(
            {
              user_id: admin.user.id,
              type: 'sla.warning',
              record_id: recordId,
              body: JSON.stringify({ text: 'Due soon' }),
              created_at: h.clock.now().getTime(),
            },
            ['id'],
          );
          notificationId = Number(typeof row === 'object' ? (row as { id: number }).id : row);
        }

        // Each call at its own instant, so an event carrying a stale or made-up time shows.
        h.clock.set(new Date(h.clock.now().getTime() + 60_000));
        const at = h.clock.now().getTime();
        const before = await lastEventId();
        const res = await h.request(change.request());
        expect(res.status, `${change.op}: ${res.text.slice(0, 400)}`).toBe(change.status);
        await change.settle?.();
        const appended = await eventsAfter(before);
        const expected = change.events(res);
        const actor = change.actor?.() ?? admin.user.id;
        expect(
          appended.map((e) => e.type),
          `${change.op} appended ${JSON.stringify(appended.map((e) => e.type))}`,
        ).toEqual(expected.map((e) => e.type));
        appended.forEach((event, i) => {
          const want = expected[i]!;
          const label = `${change.op} → ${event.type}`;
          expect(event.actor, `${label}: who`).toBe(actor);
          expect(event.at, `${label}: when`).toBe(at);
          expect({ stream: event.stream, streamId: event.stream_id }, `${label}: which`).toEqual({
            stream: want.stream,
            streamId: want.streamId,
          });
          expect(event.payload, `${label}: what`).toMatchObject(want.payload);
        });
        seen.add(change.op);
      }
      expect([...seen].sort()).toEqual(CHANGES.map((c) => c.op).sort());
    },
  );

  it('names no one for a customer’s public submission, and appends nothing for a read', async () => {
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    const before = await lastEventId();
    const res = await h.request({
      method: 'POST',
      url: `/api/forms/${AUDIT_FORM}/records`,
      payload: { data: { title: 'From the website' } },
    });
    expect(res.status, res.text).toBe(201);
    const appended = await eventsAfter(before);
    expect(appended.map((e) => e.type)).toEqual(['record.created', 'stage.entered']);
    for (const event of appended) {
      expect(event.actor).toBeNull();
      expect(event.at).toBe(h.clock.now().getTime());
      expect(event.stream_id).toBe(res.body.id);
    }
    expect(appended[0]!.payload).toMatchObject({ form: AUDIT_FORM, data: { title: 'From the website' } });

    for (const op of READ_ONLY) {
      const start = await lastEventId();
      const read = await h.request(READS[op]!());
      expect(read.status, `${op}: ${read.text.slice(0, 400)}`).toBe(200);
      expect(
        (await eventsAfter(start)).map((e) => e.type),
        `${op} appended events`,
      ).toEqual([]);
    }
  });

  it(
    'keeps every stored event byte for byte after every operation is called with hostile bodies',
    { timeout: 180_000 },
    async () => {
      const before = rowsOf(await trailRows());
      // The trail the changes above left, one or more events each.
      expect(before.length).toBeGreaterThan(CHANGES.length);
      const anyEventId = String(before[0]!.id);
      /** The operation's path with real ids where there are some, else an event's id (to aim at the trail). */
      const urlOf = (path: string) =>
        path
          .replace(
            '{key}',
            path.startsWith('/api/dashboards')
              ? 'audit-dashboard'
              : path.startsWith('/api/rules')
                ? 'audit-rule'
                : AUDIT_FORM,
          )
          .replace('{app}', 'audit-extra')
          .replace('{hash}', attachmentHash)
          .replace('{token}', 'no-such-token')
          .replace('{delivery}', anyEventId)
          .replace(
            '{id}',
            path.startsWith('/api/records') ? recordId : path.startsWith('/api/jobs') ? jobId : anyEventId,
          );
      // Ending a session is not an attack on the trail; the admin's own is kept for the calls after it.
      const targets = OPERATIONS.filter((op) => op !== 'POST /api/auth/logout');
      for (const op of targets) {
        const [method, path] = op.split(' ') as [Method, string];
        for (const body of HOSTILE_BODIES) {
          for (const headers of [signedIn(), {}]) {
            const res = await h.request({
              method,
              url: `${urlOf(path)}?id=${anyEventId}&actor=mallory`,
              headers: { ...headers, 'content-type': 'application/json', 'if-match': '1' },
              ...(method === 'GET' ? {} : { payload: body }),
            });
            expect(res.status, `${op} → ${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
          }
        }
      }
      // Addresses a client might guess for the trail itself.
      for (const method of WRITE_METHODS) {
        for (const url of [
          '/api/events',
          `/api/events/${anyEventId}`,
          `/api/records/${recordId}/events/${anyEventId}`,
          '/api/audit',
        ]) {
          const res = await h.request({
            method,
            url,
            headers: { ...signedIn(), 'content-type': 'application/json' },
            payload: HOSTILE_BODIES[0],
          });
          expect([404, 405], `${method} ${url} → ${res.status}`).toContain(res.status);
        }
      }
      const after = rowsOf(await trailRows());
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length).toBeGreaterThanOrEqual(before.length);
      // And what was there before the successful calls of every operation, too.
      expect(initialTrail.length).toBeGreaterThan(0);
      expect(after.slice(0, initialTrail.length)).toEqual(initialTrail);
    },
  );

  it('has no route that writes to the trail other than by appending', () => {
    const router = buildRouter(h.runtime);
    const routes = router.stack.flatMap((layer) =>
      layer.methods
        .filter((m) => m !== 'HEAD')
        .map((m) => `${m} ${String(layer.path).replace(/:(\w+)/g, '{$1}')}`),
    );
    const writeRoutes = routes.filter((r) => (WRITE_METHODS as readonly string[]).includes(r.split(' ')[0]!));
    // Every write route is an operation of the document, so each was checked above to append only.
    expect(
      writeRoutes.filter((r) => !WRITES.includes(r)),
      'write routes outside the document',
    ).toEqual([]);
    expect([...new Set(writeRoutes)].sort()).toEqual([...WRITES].sort());
    expect(routes.filter((r) => /event|audit|trail|timeline/i.test(r.split(' ')[1]!))).toEqual([
      'POST /api/records/{id}/events',
    ]);

    // In the runtime's source (what the API can reach), the trail is only ever inserted into, by
    // append-event.ts; migrations, backup and the CLI run outside the API.
    const root = join(import.meta.dirname, '../../../runtime');
    const outsideApi = ['storage/migrations/', 'backup/', 'cli/'];
    const offenders: string[] = [];
    const appendSites: string[] = [];
    for (const file of sourceFiles(root)) {
      const name = relative(root, file);
      if (outsideApi.some((dir) => name.startsWith(dir))) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\(\s*['"`]events['"`]\s*\)([^;]*)/g)) {
        const chain = match[1]!;
        const writes = /\.(update|delete|del|truncate|insert|upsert|merge|onConflict)\s*\(/.test(chain);
        const allowed = name === 'events/append-event.ts' && /^\s*\.insert\(/.test(chain);
        if (writes && !allowed) offenders.push(`${name}: ${match[0].slice(0, 120)}`);
        if (allowed) appendSites.push(name);
      }
      for (const match of text.matchAll(
        /\b(update\s+"?events"?\s+set|delete\s+from\s+"?events"?|truncate\s+(table\s+)?"?events"?|insert\s+into\s+"?events"?)/gi,
      ))
        offenders.push(`${name}: ${match[0]}`);
    }
    expect(offenders).toEqual([]);
    // The scan saw the trail's one writer (it is not looking in the wrong place).
    expect(appendSites).toEqual(['events/append-event.ts', 'events/append-event.ts']);
  });
});
