/**
 * @module The webhook delivery worker: claims due deliveries, POSTs each signed body, and records what
 * happened — 2xx delivered; any other status, a timeout or a network error is an attempt in the log and
 * a retry after the backoff, until the attempts run out and the delivery is `failed` (STYLE.md 8: a
 * failing effect becomes recorded state). Time comes from `runtime.clock` only.
 */
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { claimDueRows, type ClaimedRow } from './claim-due-rows';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry-schedule';
import { RULE_WEBHOOK_EVENT } from './rule-deliveries';
import { readSecret, secretEnvName, type Environment } from './secret-ref';
import { signBody } from './sign-payload';
import type { WebhookBody } from './webhook-consumer';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface DeliverOptions {
  fetch?: FetchLike;
  /** At most this many deliveries are sent in this call. */
  limit?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  /** Where rule deliveries' secrets are read (`CLOSEDLOOP_SECRET_<REF>`); `process.env` by default. */
  env?: Environment;
}

export interface DeliverResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * How long a claim outlasts the send's timeout (reading the target, recording the outcome, clocks of
 * processes a little apart). Short, because it is also how long a delivery waits after a crash; one that
 * runs over is only sent again under its id, never lost.
 */
const LEASE_MARGIN_MS = 10_000;

/** How much of a receiver's answer the log keeps. */
const BODY_EXCERPT = 2000;

interface AttemptOutcome {
  ok: boolean;
  status: number | null;
  body: string | null;
  error: string | null;
}

/** Where a delivery goes and how it is signed (no secret: unsigned), or why it cannot be sent. */
type Target =
  | { url: string; secret: string | null; event: string }
  | { refused: string }
  /** Its subscription was deleted meanwhile (the cascade removed the delivery too). */
  | null;

async function targetOf(runtime: RuntimeContext, delivery: ClaimedRow, env: Environment): Promise<Target> {
  if (delivery.webhook_id === null || delivery.webhook_id === undefined) {
    const ref = (delivery.secret_ref as string | null) ?? null;
    const secret = ref === null ? null : readSecret(ref, env);
    if (ref !== null && secret === undefined) {
      return {
        refused: `the signing secret "${ref}" is not configured: set ${secretEnvName(ref)}; not sent unsigned`,
      };
    }
    return { url: delivery.url as string, secret: secret ?? null, event: RULE_WEBHOOK_EVENT };
  }
  const hook = (await runtime.db
    .knex('webhooks')
    .where({ id: delivery.webhook_id as string })
    .first('url', 'secret')) as { url: string; secret: string } | undefined;
  if (!hook) return null;
  const payload = readJson<WebhookBody>(delivery.payload);
  return { url: hook.url, secret: hook.secret, event: payload.event.type };
}

async function post(
  fetchFn: FetchLike,
  target: { url: string; secret: string | null; event: string },
  delivery: ClaimedRow,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const body = JSON.stringify(readJson<unknown>(delivery.payload));
  try {
    const response = await fetchFn(target.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Closedloop-Webhooks/1',
        'X-Closedloop-Delivery': delivery.id,
        'X-Closedloop-Event': target.event,
        ...(target.secret !== null ? { 'X-Closedloop-Signature': signBody(target.secret, body) } : {}),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    let text: string | null = null;
    try {
      text = (await response.text()).slice(0, BODY_EXCERPT);
    } catch {
      // The status is what counts; a body cut off mid-read is only a poorer log line.
    }
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, body: text, error: ok ? null : `HTTP ${response.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const error =
      e.name === 'TimeoutError'
        ? `timed out after ${timeoutMs} ms`
        : [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
    return { ok: false, status: null, body: null, error };
  }
}

/** Sends the deliveries that are due now; call it from a loop (`startDeliveryWorkers`) or a test. */
export async function deliverDueWebhooks(
  runtime: RuntimeContext,
  {
    fetch: fetchFn = fetch,
    limit = 20,
    timeoutMs = 10_000,
    maxAttempts = MAX_ATTEMPTS,
    env = process.env,
  }: DeliverOptions = {},
): Promise<DeliverResult> {
  const result: DeliverResult = { delivered: 0, retrying: 0, failed: 0 };
  for (let sent = 0; sent < limit; sent++) {
    // One claim per send: a process killed mid-send strands only the delivery it was sending, and only
    // for one send's lease — a batch claimed up front would hold every unsent row of it that long, and
    // its last rows would outlive a lease sized for one send.
    const [delivery] = await claimDueRows(runtime, {
      table: 'webhook_deliveries',
      limit: 1,
      leaseMs: timeoutMs + LEASE_MARGIN_MS,
    });
    if (!delivery) break;
    const target = await targetOf(runtime, delivery, env);
    if (target === null) continue;
    const started = runtime.clock.now().getTime();
    const outcome: AttemptOutcome =
      'refused' in target
        ? { ok: false, status: null, body: null, error: target.refused }
        : await post(fetchFn, target, delivery, timeoutMs);
    const now = runtime.clock.now().getTime();
    const attempt = delivery.attempts + 1;
    const next = outcome.ok ? null : nextAttemptAt(attempt, now, maxAttempts);
    const status = outcome.ok ? 'delivered' : next === null ? 'failed' : 'pending';
    const recorded = await runtime.db.knex.transaction(async (trx) => {
      // Only the claim that still holds the row records; a lease that ran out belongs to another worker now.
      const updated = await trx('webhook_deliveries')
        .where({ id: delivery.id, status: 'pending', next_attempt_at: delivery.leaseUntil })
        .update({
          status,
          attempts: attempt,
          next_attempt_at: next,
          response_status: outcome.status,
          response_body: outcome.body,
          last_error: outcome.error,
        });
      if (updated === 0) return false;
      await trx('webhook_attempts').insert({
        delivery_id: delivery.id,
        attempt,
        at: started,
        outcome: outcome.ok ? 'delivered' : status === 'failed' ? 'failed' : 'retrying',
        response_status: outcome.status,
        response_body: outcome.body,
        error: outcome.error,
        duration_ms: Math.max(0, now - started),
        next_attempt_at: next,
      });
      return true;
    });
    if (!recorded) continue;
    if (status === 'delivered') result.delivered += 1;
    else if (status === 'failed') {
      result.failed += 1;
      runtime.logger.warn('webhook delivery failed for good', {
        deliveryId: delivery.id,
        webhookId: delivery.webhook_id,
        attempts: attempt,
        error: outcome.error,
      });
    } else result.retrying += 1;
  }
  return result;
}
