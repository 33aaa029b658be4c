/**
 * @module Published definition versions kept in memory, per database. A published `kind/key@version`
 * never changes once committed (publishing writes a new version; only its `app` tag can move, which is
 * not kept here), and records and flow instances read the version they pin on every step — so its body
 * is read and parsed once per process. A version first read inside a transaction is kept only after
 * the outermost transaction commits: it may be the very transaction that published it, and roll back.
 * "The latest version" is always asked of the database (one small query for its number): another
 * process sharing a PostgreSQL database may publish at any moment.
 */
import type { Knex } from 'knex';
import { notFound } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import type { StoredKind } from './definition-store';

type Executor = Knex | Knex.Transaction;

export interface PublishedVersion<T> {
  kind: StoredKind;
  key: string;
  version: number;
  /** Shared by every caller: read it, never change it. */
  body: T;
  hash: string;
}

/** Versions by `kind/key@version`, for each open database (its knex instance). */
const memory = new WeakMap<Knex, Map<string, PublishedVersion<unknown>>>();
/** Enough for every version of every definition a large app pins; the oldest read goes first. */
const MAX_KEPT = 2000;

function versionsOf(runtime: RuntimeContext): Map<string, PublishedVersion<unknown>> {
  let kept = memory.get(runtime.db.knex);
  if (!kept) {
    kept = new Map();
    memory.set(runtime.db.knex, kept);
  }
  return kept;
}

/** Runs `keep` once what `executor` read is committed: now outside a transaction, else on commit. */
function whenCommitted(executor: Executor, keep: () => void): void {
  const trx = executor as Knex.Transaction;
  if (!trx.isTransaction) return keep();
  let outermost = trx;
  while (outermost.parentTransaction) outermost = outermost.parentTransaction;
  // A rolled-back transaction keeps nothing; the rejection is the transaction owner's to handle.
  void outermost.executionPromise?.then(keep, () => undefined);
}

/** The published `kind/key@version`; 404 when that version is not published. */
export async function publishedVersion<T>(
  runtime: RuntimeContext,
  kind: StoredKind,
  key: string,
  version: number,
  executor: Executor = runtime.db.knex,
): Promise<PublishedVersion<T>> {
  const kept = versionsOf(runtime);
  const id = `${kind}/${key}@${version}`;
  const known = kept.get(id);
  if (known) return known as PublishedVersion<T>;
  const row = (await executor('definitions')
    .where({ kind, key, version })
    .andWhere('version', '>', 0)
    .first('version', 'body', 'hash')) as { version: number; body: unknown; hash: string } | undefined;
  if (!row) throw notFound(`Published ${kind} "${key}" version ${version}`);
  const read: PublishedVersion<T> = {
    kind,
    key,
    version: Number(row.version),
    body: readJson<T>(row.body),
    hash: row.hash,
  };
  whenCommitted(executor, () => {
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(id, read);
  });
  return read;
}

/** The number of the latest published version of `kind/key`, or null when none is published. */
export async function latestVersionNumber(
  executor: Executor,
  kind: StoredKind,
  key: string,
): Promise<number | null> {
  const row = (await executor('definitions')
    .where({ kind, key })
    .andWhere('version', '>', 0)
    .max({ version: 'version' })
    .first()) as { version: number | string | null } | undefined;
  return row?.version === null || row?.version === undefined ? null : Number(row.version);
}

/** The latest published version of `kind/key`; 404 when none is published. */
export async function latestPublishedVersion<T>(
  runtime: RuntimeContext,
  kind: StoredKind,
  key: string,
  executor: Executor = runtime.db.knex,
): Promise<PublishedVersion<T>> {
  const version = await latestVersionNumber(executor, kind, key);
  if (version === null) throw notFound(`Published ${kind} "${key}"`);
  return publishedVersion<T>(runtime, kind, key, version, executor);
}
