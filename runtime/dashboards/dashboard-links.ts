/**
 * @module Read-only links to a published dashboard, `/d/<token>`, for a wall screen or a customer
 * without an account. The token (32 random bytes, base64url) is shown once, when the link is made;
 * `dashboard_links.token_hash` keeps its SHA-256 as API tokens do, so a leaked database does not leak
 * working links and the lookup by hash leaks no timing. Creating and revoking append
 * `dashboard-link.*` events to the dashboard's definition stream (never the token or its hash).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sha256 } from '../auth/sessions';
import { appendEvent } from '../events/append-event';
import { notFound } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';

export interface DashboardLink {
  id: string;
  createdAt: string;
  createdBy: string | null;
}

/** Only the create call returns the token. */
export interface CreatedDashboardLink extends DashboardLink {
  token: string;
  /** The page address of the read-only view. */
  path: string;
}

interface LinkRow {
  id: string;
  dashboard_key: string;
  token_hash: string;
  created_by: string | null;
  created_at: number | string;
  revoked_at: number | string | null;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The one answer for an unknown, malformed or revoked token: which of them it was stays unsaid. */
export const sharedDashboardNotFound = () => notFound('Shared dashboard');

const linkView = (row: Pick<LinkRow, 'id' | 'created_by' | 'created_at'>): DashboardLink => ({
  id: row.id,
  createdAt: new Date(Number(row.created_at)).toISOString(),
  createdBy: row.created_by,
});

const streamOf = (dashboardKey: string) => ({
  stream: 'definition' as const,
  streamId: `dashboard:${dashboardKey}`,
});

/** Makes a link to dashboard `dashboardKey` (the caller checks that it is published). */
export async function createDashboardLink(
  runtime: RuntimeContext,
  dashboardKey: string,
  actor: string | null,
): Promise<CreatedDashboardLink> {
  const token = randomBytes(32).toString('base64url');
  const at = runtime.clock.now().getTime();
  const row: LinkRow = {
    id: randomUUID(),
    dashboard_key: dashboardKey,
    token_hash: sha256(token),
    created_by: actor,
    created_at: at,
    revoked_at: null,
  };
  await runtime.db.knex.transaction(async (trx) => {
    await trx('dashboard_links').insert(row);
    await appendEvent(trx, {
      ...streamOf(dashboardKey),
      type: 'dashboard-link.created',
      actor,
      at,
      payload: { dashboard: dashboardKey, linkId: row.id },
    });
  });
  return { ...linkView(row), token, path: `/d/${token}` };
}

/** The dashboard's live links, newest first, without their tokens. */
export async function listDashboardLinks(
  runtime: RuntimeContext,
  dashboardKey: string,
): Promise<DashboardLink[]> {
  const rows = (await runtime.db
    .knex('dashboard_links')
    .where({ dashboard_key: dashboardKey })
    .whereNull('revoked_at')
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ])) as LinkRow[];
  return rows.map(linkView);
}

/** Revokes link `id` of the dashboard (404 when it has no such link); revoking twice is harmless. */
export async function revokeDashboardLink(
  runtime: RuntimeContext,
  dashboardKey: string,
  id: string,
  actor: string | null,
): Promise<void> {
  const at = runtime.clock.now().getTime();
  await runtime.db.knex.transaction(async (trx) => {
    const row = (await trx('dashboard_links').where({ id, dashboard_key: dashboardKey }).first()) as
      LinkRow | undefined;
    if (!row) throw notFound(`Link "${id}" of dashboard "${dashboardKey}"`);
    if (row.revoked_at !== null && row.revoked_at !== undefined) return;
    await trx('dashboard_links').where({ id }).update({ revoked_at: at });
    await appendEvent(trx, {
      ...streamOf(dashboardKey),
      type: 'dashboard-link.revoked',
      actor,
      at,
      payload: { dashboard: dashboardKey, linkId: id },
    });
  });
}

/** The dashboard key behind a live link's token; 404 (the same for every reason) otherwise. */
export async function resolveDashboardLink(runtime: RuntimeContext, token: string): Promise<string> {
  // Malformed tokens are refused before the database is asked.
  if (!TOKEN.test(token)) throw sharedDashboardNotFound();
  const row = (await runtime.db
    .knex('dashboard_links')
    .where({ token_hash: sha256(token) })
    .first()) as LinkRow | undefined;
  if (!row || (row.revoked_at !== null && row.revoked_at !== undefined)) throw sharedDashboardNotFound();
  return row.dashboard_key;
}
