/**
 * @module Claims due rows of a retry queue (`webhook_deliveries`, `notification_emails`) for one worker.
 * The claim is a short transaction that pushes the rows' `next_attempt_at` out by a lease, so the IO
 * happens outside any transaction; on PostgreSQL `FOR UPDATE SKIP LOCKED` lets several processes claim
 * side by side without taking the same row. A worker that dies mid-send loses nothing: the lease runs out
 * and the row is due again (at least once — receivers deduplicate on the stable id).
 */
import type { RuntimeContext } from '../runtime-context';

export interface ClaimOptions {
  table: 'webhook_deliveries' | 'notification_emails';
  limit: number;
  /** How long the claim holds; longer than one send with its timeout. */
  leaseMs: number;
}

export interface ClaimedRow {
  id: string;
  attempts: number;
  /** The claim's own `next_attempt_at`: finishing updates only a row still held by this claim. */
  leaseUntil: number;
  [column: string]: unknown;
}

export async function claimDueRows(runtime: RuntimeContext, options: ClaimOptions): Promise<ClaimedRow[]> {
  const now = runtime.clock.now().getTime();
  const leaseUntil = now + options.leaseMs;
  return runtime.db.knex.transaction(async (trx) => {
    const query = trx(options.table)
      .select('*')
      .where('status', 'pending')
      .andWhere('next_attempt_at', '<=', now)
      .orderBy([{ column: 'next_attempt_at' }, { column: 'id' }])
      .limit(options.limit);
    const rows = (await (runtime.db.dialect === 'postgres'
      ? query.forUpdate().skipLocked()
      : query)) as Record<string, unknown>[];
    if (rows.length === 0) return [];
    await trx(options.table)
      .whereIn(
        'id',
        rows.map((r) => r.id as string),
      )
      .update({ next_attempt_at: leaseUntil });
    return rows.map((r) => ({ ...r, id: String(r.id), attempts: Number(r.attempts), leaseUntil }));
  });
}
