/**
 * @module `importApp(runtime, bundle, actor)`: stores a whole app bundle or nothing. The bundle is checked
 * as one document against what is stored (issues point into the bundle: `/flows/0/machine/…`); then, in
 * one transaction, every part is saved as a draft and published in dependency order, tagged with the
 * app, and the app's header and roles are replaced. An unchanged part keeps its version, so importing
 * the same bundle twice creates nothing new. Called by `POST /api/apps/import` and the CLI alike.
 */
import type { Knex } from 'knex';
import { BUNDLE_PARTS, pointer, validateDefinition, type AppBundle, type Issue } from '../../engine';
import { DefinitionStore, type StoredDefinition } from '../definitions/definition-store';
import { loadDefinitionContext } from '../definitions/stored-definition-context';
import { appendEvent } from '../events/append-event';
import { invalid, UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { writeJson } from '../storage/json-value';

export type PartName = keyof typeof BUNDLE_PARTS;

/** The bundle arrays in the order their parts may depend on each other: calendars first, dashboards last. */
export const PART_ORDER = Object.keys(BUNDLE_PARTS) as PartName[];

export interface ImportedPart {
  key: string;
  version: number;
  /** Whether this import published a new version (false: the stored version was already the same). */
  changed: boolean;
}

export interface ImportAppResult {
  app: string;
  imported: Record<PartName, ImportedPart[]>;
  roles: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses parts whose key already belongs to a different app: importing one app must not take over another's. */
async function checkOwnership(trx: Knex.Transaction, bundle: AppBundle): Promise<void> {
  const issues: Issue[] = [];
  for (const part of PART_ORDER) {
    const kind = BUNDLE_PARTS[part];
    const docs = (bundle[part] ?? []) as { key: string }[];
    for (const [index, doc] of docs.entries()) {
      const owner = (await trx('definitions')
        .where({ kind, key: doc.key })
        .whereNotNull('app')
        .whereNot('app', bundle.key)
        .select('app')
        .first()) as { app: string } | undefined;
      if (owner) {
        issues.push({
          code: 'owned-by-another-app',
          path: pointer(part, index, 'key'),
          params: { kind, key: doc.key, app: owner.app },
          message: `The ${kind} "${doc.key}" belongs to the app "${owner.app}"`,
        });
      }
    }
  }
  if (issues.length > 0) {
    throw new UserError(409, 'app-conflict', 'Some parts of the bundle belong to another app', issues);
  }
}

/** Role keys must be unique within the app: a user's role names one set of permissions. */
function duplicateRoles(bundle: Record<string, unknown>): Issue[] {
  const seen = new Set<string>();
  const roles = Array.isArray(bundle.roles) ? (bundle.roles as { key?: unknown }[]) : [];
  return roles.flatMap((role, index) => {
    if (!isPlainObject(role) || typeof role.key !== 'string') return [];
    if (!seen.has(role.key)) {
      seen.add(role.key);
      return [];
    }
    return [
      {
        code: 'duplicate-role',
        path: pointer('roles', index, 'key'),
        params: { key: role.key },
        message: `The role "${role.key}" is defined twice`,
      },
    ];
  });
}

/** Re-roots the issues of a part's own check (paths into the part) at the part's place in the bundle. */
function rerooted(err: unknown, base: string): unknown {
  if (!(err instanceof UserError) || !err.issues) return err;
  const issues = err.issues.map((issue) => ({ ...issue, path: base + issue.path }));
  return new UserError(err.status, err.code, err.message, issues);
}

async function latestVersion(trx: Knex.Transaction, kind: string, key: string): Promise<number> {
  const row = (await trx('definitions').where({ kind, key }).max({ v: 'version' }).first()) as
    { v: number | null } | undefined;
  return Number(row?.v ?? 0);
}

export async function importApp(
  runtime: RuntimeContext,
  input: unknown,
  actor: string | null,
): Promise<ImportAppResult> {
  if (!isPlainObject(input)) throw new UserError(400, 'bad-request', 'An app bundle must be a JSON object');
  const store = new DefinitionStore(runtime);
  const publishedForms: StoredDefinition[] = [];
  const result = await runtime.db.knex.transaction(async (trx) => {
    const context = await loadDefinitionContext(trx);
    const issues = [...validateDefinition('app', input, { context }), ...duplicateRoles(input)];
    if (issues.length > 0) throw invalid(issues, 'The app bundle has problems');
    const bundle = input as unknown as AppBundle;
    await checkOwnership(trx, bundle);

    const imported = Object.fromEntries(PART_ORDER.map((part) => [part, []])) as unknown as Record<
      PartName,
      ImportedPart[]
    >;
    const members = new Set<string>();
    for (const part of PART_ORDER) {
      const kind = BUNDLE_PARTS[part];
      const docs = (bundle[part] ?? []) as unknown as (Record<string, unknown> & { key: string })[];
      for (const [index, doc] of docs.entries()) {
        members.add(`${kind}:${doc.key}`);
        const before = await latestVersion(trx, kind, doc.key);
        try {
          await store.saveDraft(kind, doc.key, doc, actor, { trx, app: bundle.key });
          const published = await store.publish(kind, doc.key, actor, { trx });
          if (kind === 'form') publishedForms.push(published);
          imported[part].push({
            key: doc.key,
            version: published.version,
            changed: published.version > before,
          });
        } catch (err) {
          throw rerooted(err, pointer(part, index));
        }
      }
    }

    // The bundle says what the app holds: definitions it no longer lists leave the app (they stay stored).
    const tagged = (await trx('definitions').where({ app: bundle.key }).distinct('kind', 'key')) as {
      kind: string;
      key: string;
    }[];
    const dropped = tagged.filter((d) => !members.has(`${d.kind}:${d.key}`));
    for (const { kind, key } of dropped) await trx('definitions').where({ kind, key }).update({ app: null });

    const now = runtime.clock.now().getTime();
    const header = {
      title: bundle.title === undefined ? null : writeJson(bundle.title),
      description: bundle.description === undefined ? null : writeJson(bundle.description),
      parts: writeJson(
        Object.fromEntries(PART_ORDER.map((part) => [part, imported[part].map((p) => p.key)])),
      ),
      imported_by: actor,
      imported_at: now,
    };
    await trx('apps')
      .insert({ key: bundle.key, ...header })
      .onConflict('key')
      .merge(Object.keys(header));
    await trx('app_roles').where({ app: bundle.key }).delete();
    const roles = bundle.roles ?? [];
    if (roles.length > 0) {
      await trx('app_roles').insert(
        roles.map((role, position) => ({
          app: bundle.key,
          key: role.key,
          position,
          title: role.title === undefined ? null : writeJson(role.title),
          forms: role.forms === undefined ? null : writeJson(role.forms),
        })),
      );
    }

    await appendEvent(trx, {
      stream: 'definition',
      streamId: `app:${bundle.key}`,
      type: 'app.imported',
      actor,
      at: now,
      payload: {
        app: bundle.key,
        changed: PART_ORDER.flatMap((part) =>
          imported[part].filter((p) => p.changed).map((p) => `${BUNDLE_PARTS[part]}:${p.key}@${p.version}`),
        ),
        removed: dropped.map((d) => `${d.kind}:${d.key}`),
        roles: roles.map((r) => r.key),
      },
    });
    return { app: bundle.key, imported, roles: roles.map((r) => r.key) };
  });
  for (const form of publishedForms) await store.afterPublish(form);
  return result;
}
