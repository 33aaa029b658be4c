/**
 * @module Which flow moves a form's records, and the engine `Flow` of a pinned `key@version` with the
 * business calendars it may need (the engine's built-in ones plus every published `calendar`).
 *
 * The flow of a form: among the published flows (latest version of each key) whose `form` is the
 * form's key, the one keyed `<form>-sop` if there is one, else the first by key. None: the form's
 * records have no flow and no stage.
 */
import type { Knex } from 'knex';
import { createFlow, type CalendarDefinition, type Flow, type FlowDefinition } from '../../engine';
import { DefinitionStore } from '../definitions/definition-store';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';

type Executor = Knex | Knex.Transaction;

export interface LoadedFlow {
  key: string;
  version: number;
  definition: FlowDefinition;
  flow: Flow;
}

interface LatestRow {
  key: string;
  version: number;
  hash: string;
  body: unknown;
}

/** The latest published version of every definition of `kind`. */
async function latestPublished(trx: Executor, kind: 'flow' | 'calendar'): Promise<LatestRow[]> {
  const rows = (await trx('definitions')
    .where({ kind })
    .andWhere('version', '>', 0)
    .orderBy([{ column: 'key' }, { column: 'version', order: 'desc' }])
    .select('key', 'version', 'hash', 'body')) as LatestRow[];
  const latest = new Map<string, LatestRow>();
  for (const row of rows) if (!latest.has(row.key)) latest.set(row.key, row);
  return [...latest.values()];
}

/** The published calendars by key (the engine adds its built-in ones), and a tag of their contents. */
export async function loadCalendars(
  trx: Executor,
): Promise<{ calendars: Record<string, CalendarDefinition>; tag: string }> {
  const rows = await latestPublished(trx, 'calendar');
  const calendars: Record<string, CalendarDefinition> = {};
  for (const row of rows) calendars[row.key] = readJson<CalendarDefinition>(row.body);
  return { calendars, tag: rows.map((r) => `${r.key}@${r.hash}`).join(',') };
}

/** Built flows are reused while neither the pinned flow nor the published calendars change. */
const cache = new Map<string, Flow>();
const MAX_CACHED = 200;

function build(definition: FlowDefinition, calendars: Record<string, CalendarDefinition>, tag: string): Flow {
  const id = `${definition.key}@${String(definition.version)}|${tag}`;
  let flow = cache.get(id);
  if (!flow) {
    flow = createFlow(definition, { calendars });
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(id, flow);
  }
  return flow;
}

/** The engine flow of the pinned `key@version`; 404 when that version is not published. */
export async function loadFlow(
  runtime: RuntimeContext,
  trx: Executor,
  key: string,
  version: number,
): Promise<LoadedFlow> {
  const stored = await new DefinitionStore(runtime).getPublished<FlowDefinition>('flow', key, version, trx);
  const { calendars, tag } = await loadCalendars(trx);
  return { key, version, definition: stored.body, flow: build(stored.body, calendars, tag) };
}

/** The flow that moves records of `formKey` (latest published version), or null; see the module note. */
export async function flowForForm(
  runtime: RuntimeContext,
  trx: Executor,
  formKey: string,
): Promise<LoadedFlow | null> {
  const candidates = (await latestPublished(trx, 'flow')).filter(
    (row) => readJson<{ form?: unknown }>(row.body).form === formKey,
  );
  if (candidates.length === 0) return null;
  const chosen = candidates.find((row) => row.key === `${formKey}-sop`) ?? candidates[0]!;
  return loadFlow(runtime, trx, chosen.key, chosen.version);
}
