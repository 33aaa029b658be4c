/**
 * @module A user's in-app notifications: the list (optionally unread only, newest first) with the unread
 * count, and marking one read. Marking read appends `notification.read` in the same transaction; marking
 * an already read notification changes nothing.
 */
import { appendEvent } from '../events/append-event';
import { notFound } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import type { NotificationBody } from './notification-texts';

export interface NotificationView {
  id: number;
  type: string;
  recordId: string | null;
  body: NotificationBody;
  createdAt: string;
  readAt: string | null;
}

interface NotificationRow {
  id: number;
  user_id: string;
  type: string;
  record_id: string | null;
  body: unknown;
  created_at: number;
  read_at: number | null;
}

function view(row: NotificationRow): NotificationView {
  return {
    id: Number(row.id),
    type: row.type,
    recordId: row.record_id,
    body: readJson<NotificationBody>(row.body),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    readAt: row.read_at === null ? null : new Date(Number(row.read_at)).toISOString(),
  };
}

export async function listNotifications(
  runtime: RuntimeContext,
  userId: string,
  { unreadOnly = false, limit = 50 }: { unreadOnly?: boolean; limit?: number } = {},
): Promise<{ items: NotificationView[]; unread: number }> {
  const query = runtime.db
    .knex('notifications')
    .where({ user_id: userId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  if (unreadOnly) query.whereNull('read_at');
  const rows = (await query) as NotificationRow[];
  const [count] = (await runtime.db
    .knex('notifications')
    .where({ user_id: userId })
    .whereNull('read_at')
    .count({ n: '*' })) as { n: number | string }[];
  return { items: rows.map(view), unread: Number(count?.n ?? 0) };
}

/** Marks one of the user's notifications read; another user's is "not found", not "forbidden". */
export async function markNotificationRead(
  runtime: RuntimeContext,
  userId: string,
  id: number,
): Promise<NotificationView> {
  const now = runtime.clock.now().getTime();
  return runtime.db.knex.transaction(async (trx) => {
    const row = (await trx('notifications').where({ id, user_id: userId }).first()) as
      NotificationRow | undefined;
    if (!row) throw notFound('Notification');
    if (row.read_at !== null) return view(row);
    await trx('notifications').where({ id }).update({ read_at: now });
    await appendEvent(trx, {
      stream: 'user',
      streamId: userId,
      type: 'notification.read',
      actor: userId,
      at: now,
      payload: { notificationId: Number(id) },
    });
    return view({ ...row, read_at: now });
  });
}
