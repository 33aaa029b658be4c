/**
 * @module Versioned definitions in the `definitions` table. A draft (version 0) is editable; publishing
 * copies it to the next version number, which never changes again — records and flow instances pin
 * the version they started with. Every save is checked by the engine's `validateDefinition` against
 * what is already stored, and recorded as an event.
 */
import type { Knex } from 'knex';
import {
  validateDefinition,
  type DefinitionKind,
  type FieldDefinition,
  type RuleDefinition,
} from '../../engine';
import { ensureFieldIndexes } from '../reports/ensure-field-indexes';
import { appendEvent } from '../events/append-event';
import { invalid, notFound, UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson, writeJson } from '../storage/json-value';
import { syncRuleTickTimer } from '../timers/rule-tick-timer';
import { contentHash } from './canonical-json';
import { loadDefinitionContext } from './stored-definition-context';

export type StoredKind = Exclude<DefinitionKind, 'app'>;

export const DRAFT_VERSION = 0;

export interface StoredDefinition<T = Record<string, unknown>> {
  kind: StoredKind;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  body: T;
  hash: string;
  /** The app bundle the definition belongs to (set by app import), or null. */
  app: string | null;
  createdBy: string | null;
  createdAt: string;
}

interface DefinitionRow {
  kind: StoredKind;
  key: string;
  version: number;
  status: StoredDefinition['status'];
  body: unknown;
  hash: string;
  app: string | null;
  created_by: string | null;
  created_at: number;
}

function fromRow<T>(row: DefinitionRow): StoredDefinition<T> {
  return {
    kind: row.kind,
    key: row.key,
    version: row.version,
    status: row.status,
    body: readJson<T>(row.body),
    hash: row.hash,
    app: row.app ?? null,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

type Executor = Knex | Knex.Transaction;

export interface SaveDraftOptions {
  /** Runs inside this transaction (an app import saves many definitions at once) instead of its own. */
  trx?: Knex.Transaction;
  /**
   * Tags every version of the definition with this app. Omitted, the definition keeps the app it
   * already belongs to, so editing one part of an imported app leaves it in the app.
   */
  app?: string;
  /** Refuses with 409 `already-exists` when any version of the definition exists (create, not update). */
  mustBeNew?: boolean;
}

export class DefinitionStore {
  constructor(private readonly runtime: RuntimeContext) {}

  private get knex(): Knex {
    return this.runtime.db.knex;
  }

  /** Checks `body` as a definition of `kind` against what is stored; throws 422 with the issues. */
  async check(kind: StoredKind, body: unknown, trx: Knex | Knex.Transaction = this.knex): Promise<void> {
    const context = await loadDefinitionContext(trx);
    const issues = validateDefinition(kind, body, { context });
    if (issues.length > 0) throw invalid(issues, `The ${kind} definition has problems`);
  }

  /** Runs `work` in `trx` when given, else in a transaction of its own. */
  private inTransaction<T>(
    trx: Knex.Transaction | undefined,
    work: (trx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    return trx ? work(trx) : this.knex.transaction(work);
  }

  /** Saves the editable draft of `kind`/`key` (creating it), after checking it. */
  async saveDraft(
    kind: StoredKind,
    key: string,
    body: Record<string, unknown>,
    actor: string | null,
    options: SaveDraftOptions = {},
  ): Promise<StoredDefinition> {
    if (body.key !== undefined && body.key !== key) {
      throw new UserError(
        422,
        'key-mismatch',
        `The document's key "${String(body.key)}" differs from "${key}" in the URL`,
        [{ code: 'key-mismatch', path: '/key', message: `Expected "${key}"` }],
      );
    }
    const doc = { ...body, key };
    delete (doc as { version?: unknown }).version;
    return this.inTransaction(options.trx, async (trx) => {
      const existing = (await trx('definitions').where({ kind, key }).select('app').first()) as
        { app: string | null } | undefined;
      if (existing && options.mustBeNew) {
        throw new UserError(409, 'already-exists', `A ${kind} "${key}" exists already; change it with PUT`);
      }
      await this.check(kind, doc, trx);
      let app = existing?.app ?? null;
      if (options.app !== undefined && options.app !== app) {
        // The app tag belongs to the definition, not to one version: every version moves with it.
        app = options.app;
        await trx('definitions').where({ kind, key }).update({ app });
      }
      const now = this.runtime.clock.now().getTime();
      const row = {
        kind,
        key,
        version: DRAFT_VERSION,
        status: 'draft',
        body: writeJson(doc),
        hash: contentHash(doc),
        app,
        created_by: actor,
        created_at: now,
      };
      await trx('definitions')
        .insert(row)
        .onConflict(['kind', 'key', 'version'])
        .merge(['body', 'hash', 'app', 'created_by', 'created_at']);
      await appendEvent(trx, {
        stream: 'definition',
        streamId: `${kind}:${key}`,
        type: 'definition.draft-saved',
        actor,
        at: now,
        payload: { kind, key, hash: row.hash },
      });
      return fromRow({ ...row, status: 'draft', body: doc } as DefinitionRow);
    });
  }

  /**
   * Publishes the draft as the next version and removes the draft. Publishing a draft identical to
   * the latest version returns that version instead of making a copy.
   */
  async publish(
    kind: StoredKind,
    key: string,
    actor: string | null,
    options: { trx?: Knex.Transaction } = {},
  ): Promise<StoredDefinition> {
    const published = await this.publishIn(kind, key, actor, options);
    // Indexes are built after the commit: on SQLite the transaction holds the only connection. A
    // caller with its own transaction builds them after committing (see `afterPublish`).
    if (!options.trx) await this.afterPublish(published);
    return published;
  }

  /** Storage work that follows a publish: expression indexes for a form's `indexed` fields. */
  async afterPublish(published: StoredDefinition): Promise<void> {
    if (published.kind !== 'form') return;
    const body = published.body as { key: string; fields: FieldDefinition[] };
    await ensureFieldIndexes(this.runtime.db, { key: body.key, fields: body.fields });
  }

  private async publishIn(
    kind: StoredKind,
    key: string,
    actor: string | null,
    options: { trx?: Knex.Transaction },
  ): Promise<StoredDefinition> {
    return this.inTransaction(options.trx, async (trx) => {
      const draftRow = (await trx('definitions').where({ kind, key, version: DRAFT_VERSION }).first()) as
        DefinitionRow | undefined;
      if (!draftRow) throw notFound(`Draft of ${kind} "${key}"`);
      const draft = fromRow<Record<string, unknown>>(draftRow);
      const latest = (await trx('definitions')
        .where({ kind, key })
        .andWhere('version', '>', 0)
        .orderBy('version', 'desc')
        .first()) as DefinitionRow | undefined;
      // The draft becomes the published version; without a draft the latest version is the working copy.
      await trx('definitions').where({ kind, key, version: DRAFT_VERSION }).delete();
      if (latest && latest.hash === draft.hash) {
        const unchanged = fromRow<Record<string, unknown>>(latest);
        // Also heals a scheduled rule published before its timer existed (a no-op when it does).
        if (kind === 'rule') await this.syncRuleTimer(trx, unchanged.body);
        return unchanged;
      }
      const version = (latest?.version ?? 0) + 1;
      const body = { ...draft.body, version };
      await this.check(kind, body, trx);
      const now = this.runtime.clock.now().getTime();
      const row = {
        kind,
        key,
        version,
        status: 'published',
        body: writeJson(body),
        hash: draft.hash,
        app: draft.app,
        created_by: actor,
        created_at: now,
      };
      await trx('definitions').insert(row);
      // The rule's next tick commits with the version that schedules it (or goes with one that does not).
      if (kind === 'rule') await this.syncRuleTimer(trx, body);
      await appendEvent(trx, {
        stream: 'definition',
        streamId: `${kind}:${key}`,
        type: 'definition.published',
        actor,
        at: now,
        payload: { kind, key, version },
      });
      return fromRow({ ...row, status: 'published', body } as DefinitionRow);
    });
  }

  /** Keeps a scheduled rule's tick timer in line with its latest published version. */
  private syncRuleTimer(trx: Knex.Transaction, body: Record<string, unknown>): Promise<void> {
    return syncRuleTickTimer(trx, body as unknown as RuleDefinition, this.runtime.clock.now().getTime());
  }

  /** A published version (the latest when `version` is omitted); 404 when there is none. */
  async getPublished<T = Record<string, unknown>>(
    kind: StoredKind,
    key: string,
    version?: number,
    trx: Executor = this.knex,
  ): Promise<StoredDefinition<T>> {
    const query = trx('definitions').where({ kind, key }).andWhere('version', '>', 0);
    const row = (await (version === undefined
      ? query.orderBy('version', 'desc').first()
      : query.andWhere({ version }).first())) as DefinitionRow | undefined;
    if (!row)
      throw notFound(`Published ${kind} "${key}"${version === undefined ? '' : ` version ${version}`}`);
    return fromRow<T>(row);
  }

  /** The draft if there is one, else the latest published version. */
  async getCurrent(kind: StoredKind, key: string, trx: Executor = this.knex): Promise<StoredDefinition> {
    const row = (await trx('definitions')
      .where({ kind, key })
      .orderByRaw('case when version = 0 then 0 else 1 end')
      .orderBy('version', 'desc')
      .first()) as DefinitionRow | undefined;
    if (!row) throw notFound(`${kind} "${key}"`);
    return fromRow(row);
  }

  /** Every version of one definition, newest first (the draft first of all). */
  async versions(kind: StoredKind, key: string): Promise<StoredDefinition[]> {
    const rows = (await this.knex('definitions')
      .where({ kind, key })
      .orderBy('version', 'desc')) as DefinitionRow[];
    if (rows.length === 0) throw notFound(`${kind} "${key}"`);
    const draft = rows.filter((r) => r.version === DRAFT_VERSION);
    return [...draft, ...rows.filter((r) => r.version !== DRAFT_VERSION)].map((r) => fromRow(r));
  }

  /** One line per definition of `kind`: its key, title, latest published version and whether a draft exists. */
  async list(
    kind: StoredKind,
  ): Promise<{ key: string; title: unknown; latestVersion: number | null; hasDraft: boolean }[]> {
    const rows = (await this.knex('definitions')
      .where({ kind })
      .orderBy(['key', { column: 'version', order: 'desc' }])) as DefinitionRow[];
    const byKey = new Map<string, DefinitionRow[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    return [...byKey.entries()].map(([key, versions]) => {
      const published = versions.find((v) => v.version > 0);
      const shown = published ?? versions[0];
      return {
        key,
        title: shown ? (readJson<{ title?: unknown }>(shown.body).title ?? null) : null,
        latestVersion: published?.version ?? null,
        hasDraft: versions.some((v) => v.version === DRAFT_VERSION),
      };
    });
  }
}
