/**
 * @module The engine's DefinitionContext over the stored definitions: what a new or changed definition
 * may refer to. Each definition is seen as its working copy — the draft if there is one, else the
 * latest published version — so a team can author a form and the flow that uses it side by side.
 */
import type { Knex } from 'knex';
import { bundleContext, type AppBundle, type DefinitionContext } from '../../engine';
import { readJson } from '../storage/json-value';

const PARTS = {
  form: 'forms',
  flow: 'flows',
  rule: 'rules',
  report: 'reports',
  dashboard: 'dashboards',
  calendar: 'calendars',
} as const;

/** The working copies as one bundle (reports also read the forms' option labels from it). */
export async function loadWorkingBundle(knex: Knex | Knex.Transaction): Promise<AppBundle> {
  const rows = (await knex('definitions')
    .select('kind', 'key', 'version', 'body')
    .orderBy(['kind', 'key', 'version'])) as {
    kind: keyof typeof PARTS;
    key: string;
    version: number;
    body: unknown;
  }[];
  const working = new Map<string, { kind: keyof typeof PARTS; version: number; body: unknown }>();
  for (const row of rows) {
    const id = `${row.kind}:${row.key}`;
    const seen = working.get(id);
    // Rows come in ascending version order: the draft (0) first, then published versions.
    if (!seen || (seen.version !== 0 && row.version > seen.version)) working.set(id, row);
  }
  const bundle: AppBundle = { format: 'closedloop-app', formatVersion: 1, key: 'stored' };
  for (const { kind, body } of working.values()) {
    const part = PARTS[kind];
    if (!part) continue;
    ((bundle[part] ??= []) as unknown[]).push(readJson(body));
  }
  return bundle;
}

/** Loads the working copies into a bundle-shaped view and answers from it. */
export async function loadDefinitionContext(knex: Knex | Knex.Transaction): Promise<DefinitionContext> {
  return bundleContext(await loadWorkingBundle(knex));
}
