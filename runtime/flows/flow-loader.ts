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
import { publishedVersion } from '../definitions/published-versions';
import type { RuntimeContext } from '../runtime-context';

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
}

/**
 * The latest published version of every definition of `kind`: numbers and hashes only, as it is asked
 * on every step — the bodies come from `publishedVersion`, read once per version.
 */
async function latestPublished(trx: Executor, kind: 'flow' | 'calendar'): Promise<LatestRow[]> {
  const rows = (await trx('definitions')
    .where({ kind })
    .andWhere('version', '>', 0)
    .orderBy([{ column: 'key' }, { column: 'version', order: 'desc' }])
    .select('key', 'version', 'hash')) as LatestRow[];
  const latest = new Map<string, LatestRow>();
  for (const row of rows)
    if (!latest.has(row.key)) latest.set(row.key, { ...row, version: Number(row.version) });
  return [...latest.values()];
}

/** The published calendars by key (the engine adds its built-in ones). */
async function calendarBodies(
  runtime: RuntimeContext,
  trx: Executor,
  rows: LatestRow[],
): Promise<Record<string, CalendarDefinition>> {
  const calendars: Record<string, CalendarDefinition> = {};
  for (const row of rows) {
    calendars[row.key] = (
      await publishedVersion<CalendarDefinition>(runtime, 'calendar', row.key, row.version, trx)
    ).body;
  }
  return calendars;
}

/** Built flows are reused while neither the pinned flow nor the published calendars change. */
const cache = new Map<string, Flow>();
const MAX_CACHED = 200;

/** The tag of the published calendars' contents: a built flow is reused while it stays the same. */
const calendarTag = (rows: LatestRow[]) => rows.map((r) => `${r.key}@${r.hash}`).join(',');

/**
 * The published calendars' versions, as `loadFlow` asks for them: a caller loading many flows in one
 * transaction that publishes no calendar (the timer sweeper's batch) reads them once and passes them on.
 */
export type PublishedCalendars = LatestRow[];

export const publishedCalendars = (trx: Executor): Promise<PublishedCalendars> =>
  latestPublished(trx, 'calendar');

/** The engine flow of the pinned `key@version`; 404 when that version is not published. */
export async function loadFlow(
  runtime: RuntimeContext,
  trx: Executor,
  key: string,
  version: number,
  calendars?: PublishedCalendars,
): Promise<LoadedFlow> {
  const stored = await publishedVersion<FlowDefinition>(runtime, 'flow', key, version, trx);
  const calendarRows = calendars ?? (await latestPublished(trx, 'calendar'));
  // Per process, shared by every database it opens: the content hash tells same-numbered versions apart.
  const id = `${key}@${version}#${stored.hash}|${calendarTag(calendarRows)}`;
  let flow = cache.get(id);
  if (!flow) {
    flow = createFlow(stored.body, { calendars: await calendarBodies(runtime, trx, calendarRows) });
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(id, flow);
  }
  return { key, version, definition: stored.body, flow };
}

/** The flow that moves records of `formKey` (latest published version), or null; see the module note. */
export async function flowForForm(
  runtime: RuntimeContext,
  trx: Executor,
  formKey: string,
): Promise<LoadedFlow | null> {
  const candidates: LatestRow[] = [];
  for (const row of await latestPublished(trx, 'flow')) {
    const flow = await publishedVersion<{ form?: unknown }>(runtime, 'flow', row.key, row.version, trx);
    if (flow.body.form === formKey) candidates.push(row);
  }
  if (candidates.length === 0) return null;
  const chosen = candidates.find((row) => row.key === `${formKey}-sop`) ?? candidates[0]!;
  return loadFlow(runtime, trx, chosen.key, chosen.version);
}
