/**
 * @module The `notifications` outbox consumer: turns assignments, SLA warnings and breaches, and `notify`
 * actions into `notifications` rows — one per event and recipient (the unique `dedupe_key` makes a
 * repeated batch add nothing) — and, when e-mail is configured, queues one `notification_emails` row per
 * notification for users with an address. It only writes rows; `send-due-emails.ts` does the SMTP.
 *
 * Consumed: `record.assigned` (to the assignee), `sla.warning` (to the assignee), `sla.breached` — and
 * `sla.breach`, the engine's timer name — (to the assignee and every `manager`), `action.requested` with
 * `kind: 'notify'` (to the recipients its params name; the assignee when they name none).
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from '../logger';
import type { OutboxConsumer, OutboxEvent } from '../outbox/drain-outbox';
import type { RuntimeContext } from '../runtime-context';
import { writeJson } from '../storage/json-value';
import { emailSubject, emailText } from './notification-email';
import {
  actionBody,
  assignedBody,
  slaBreachedBody,
  slaWarningBody,
  type NotificationBody,
} from './notification-texts';
import {
  loadRecordFacts,
  resolveRecipients,
  specsFromParams,
  type RecipientSpec,
  type RecordFacts,
} from './recipients';

export const NOTIFICATIONS_CONSUMER = 'notifications';

const BREACH_TYPES = new Set(['sla.breached', 'sla.breach']);
const CONSUMED = new Set(['record.assigned', 'sla.warning', ...BREACH_TYPES, 'action.requested']);

interface Planned {
  type: string;
  body: NotificationBody;
  specs: RecipientSpec[];
}

function assigneeOf(payload: Record<string, unknown>): string | null {
  for (const key of ['assignee', 'to', 'userId', 'user']) {
    const value = payload[key];
    if (typeof value === 'string' && value.length > 0) return value;
    if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') {
      return (value as { id: string }).id;
    }
  }
  return null;
}

function plan(event: OutboxEvent, record: RecordFacts): Planned | null {
  const p = event.payload;
  if (event.type === 'record.assigned') {
    return {
      type: 'assigned',
      body: assignedBody(record.id, record.stage, p.reason),
      specs: [{ assignee: true }],
    };
  }
  if (event.type === 'sla.warning') {
    return {
      type: 'sla.warning',
      body: slaWarningBody(record.id, record.stage, p),
      specs: [{ assignee: true }],
    };
  }
  if (BREACH_TYPES.has(event.type)) {
    return {
      type: 'sla.breached',
      body: slaBreachedBody(record.id, record.stage, p),
      specs: [{ assignee: true }, { role: 'manager' }],
    };
  }
  if (event.type === 'action.requested' && p.kind === 'notify') {
    const params = (typeof p.params === 'object' && p.params !== null ? p.params : {}) as Record<
      string,
      unknown
    >;
    const cause =
      typeof p.cause === 'object' && p.cause !== null
        ? (p.cause as { clock?: string; event?: string })
        : undefined;
    const specs = specsFromParams(params);
    return {
      type: cause ? 'escalation' : 'notify',
      body: actionBody(record.id, record.stage, {
        name: String(p.name ?? ''),
        params,
        ...(cause ? { cause } : {}),
      }),
      specs: specs.length > 0 ? specs : [{ assignee: true }],
    };
  }
  return null;
}

async function handle(
  event: OutboxEvent,
  trx: Knex.Transaction,
  runtime: RuntimeContext,
  email: boolean,
): Promise<void> {
  const facts = await loadRecordFacts(trx, event.stream, event.streamId, event.payload);
  const record = event.type === 'record.assigned' ? { ...facts, assignee: assigneeOf(event.payload) } : facts;
  const planned = plan(event, record);
  if (!planned) return;
  const { recipients, unknown, unmatched } = await resolveRecipients(
    trx,
    planned.specs,
    record,
    runtime.db.dialect,
  );
  if (unknown.length > 0) {
    runtime.logger.warn('notification recipients are not active users; skipped', {
      eventId: event.id,
      type: event.type,
      users: unknown,
    });
  }
  if (unmatched.length > 0) {
    runtime.logger.warn('notification lookups found nobody; skipped', {
      eventId: event.id,
      type: event.type,
      lookups: unmatched,
    });
  }
  const now = runtime.clock.now().getTime();
  for (const user of recipients) {
    const inserted = (await trx('notifications')
      .insert({
        user_id: user.id,
        type: planned.type,
        record_id: planned.body.recordId,
        body: writeJson(planned.body),
        dedupe_key: `${NOTIFICATIONS_CONSUMER}:${event.id}:${user.id}`,
        created_at: now,
      })
      .onConflict('dedupe_key')
      .ignore()
      .returning('id')) as ({ id: number } | number)[];
    const row = inserted[0];
    if (row === undefined || !email || !user.email) continue;
    await trx('notification_emails').insert({
      id: randomUUID(),
      notification_id: typeof row === 'object' ? Number(row.id) : Number(row),
      to_address: user.email,
      subject: emailSubject(planned.body),
      text: emailText(planned.body),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    });
  }
}

/**
 * The consumer; with `email: false` (no SMTP configured) no e-mails are queued — said once in the log
 * here, when the consumer is made, not on every event.
 */
export function createNotificationsConsumer(options: { email: boolean; logger?: Logger }): OutboxConsumer {
  if (!options.email) {
    options.logger?.info(
      'SMTP is not configured (SMTP_URL): notifications are in-app only, no e-mails are queued',
    );
  }
  return {
    name: NOTIFICATIONS_CONSUMER,
    accepts: (event) => CONSUMED.has(event.type),
    handle: (event, trx, runtime) => handle(event, trx, runtime, options.email),
  };
}
