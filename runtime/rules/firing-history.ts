/**
 * @module The firing history of a rule (`GET /api/rules/:key/firings`), newest first, each firing in
 * the dry run's shape: `group` as the field values and `window` as `{ key, start, end }` (null without
 * aggregates), plus `groupKey`, the stored key text, and what each action created.
 *
 * The stored group values keep each value's type. Their fields are put back in the key's order (the
 * rule's `groupBy` order) and the window's in `key, start, end` order: PostgreSQL's JSONB sorts keys.
 *
 * Rows stored before migration 0006 have no `group_values` or `window`: their group is read back from
 * `group_key` (`parseGroupKey` — values come back as text, the key cannot keep a number's type) and
 * their window from `window_key` in the time zone of the rule version that fired (`windowOfKey`, the
 * same bounds `windowOf` gave). Only a key no rule version can place keeps `start`/`end` null.
 */
import type { Knex } from 'knex';
import { groupKey, parseGroupKey, windowOfKey, type GroupValues, type WindowInfo } from '../../engine';
import { readJson } from '../storage/json-value';

/** A firing's window; `start`/`end` are null only for an old row whose window cannot be placed. */
export type FiringWindow = WindowInfo | { key: string; start: null; end: null };

/** What one action of a firing did (`create-record` with the new record's id, `…-refused` with why). */
export interface FiringOutcome {
  type: string;
  id?: string;
  problems?: string[];
}

/** One row of `GET /api/rules/:key/firings`. */
export interface FiringView {
  /** The idempotency key (rule, group, window). */
  key: string;
  version: number;
  group: GroupValues;
  /** The group's key text (`model=X200`, `*` without group fields), as in the idempotency key. */
  groupKey: string;
  window: FiringWindow | null;
  at: string;
  records: string[];
  created: FiringOutcome[];
}

interface FiringRow {
  rule_version: number;
  idempotency_key: string;
  group_key: string | null;
  group_values: unknown;
  window_key: string | null;
  window: unknown;
  at: number | string;
  records: unknown;
  created: unknown;
}

/** The time zone of each published version of the rule, and the latest one's for a version not found. */
async function ruleTimezones(
  knex: Knex | Knex.Transaction,
  ruleKey: string,
): Promise<(version: number) => string | null> {
  const rows = (await knex('definitions')
    .where({ kind: 'rule', key: ruleKey })
    .andWhere('version', '>', 0)
    .orderBy('version', 'desc')
    .select('version', 'body')) as { version: number; body: unknown }[];
  const zones = new Map<number, string>();
  for (const row of rows) {
    const timezone = readJson<{ timezone?: unknown }>(row.body).timezone;
    if (typeof timezone === 'string') zones.set(Number(row.version), timezone);
  }
  const latest = zones.values().next().value ?? null;
  return (version) => zones.get(Number(version)) ?? latest;
}

/** The stored values with their fields in the key's order, the rule's `groupBy` order (as in the dry run). */
function inKeyOrder(values: GroupValues, fromKey: GroupValues): GroupValues {
  const fields = [...Object.keys(fromKey), ...Object.keys(values).filter((field) => !(field in fromKey))];
  return Object.fromEntries(fields.filter((field) => field in values).map((field) => [field, values[field]]));
}

export async function firingHistory(knex: Knex | Knex.Transaction, ruleKey: string): Promise<FiringView[]> {
  const rows = (await knex('rule_firings')
    .where({ rule_key: ruleKey })
    .orderBy('at', 'desc')
    .limit(500)) as FiringRow[];
  // Only rows from before 0006 need the rule's time zones.
  const timezoneOf = rows.some((row) => row.window === null && row.window_key !== null)
    ? await ruleTimezones(knex, ruleKey)
    : () => null;

  const windowFor = (row: FiringRow): FiringWindow | null => {
    if (row.window !== null && row.window !== undefined) {
      // Rebuilt in the dry run's order: PostgreSQL's JSONB does not keep the order of keys.
      const { key, start, end } = readJson<WindowInfo>(row.window);
      return { key, start, end };
    }
    if (row.window_key === null) return null;
    const timezone = timezoneOf(row.rule_version);
    return (
      (timezone !== null ? windowOfKey(row.window_key, timezone) : null) ?? {
        key: row.window_key,
        start: null,
        end: null,
      }
    );
  };

  return rows.map((row) => {
    const parsed = row.group_key !== null ? parseGroupKey(row.group_key) : {};
    const stored = readJson<GroupValues | null>(row.group_values);
    const group = stored ? inKeyOrder(stored, parsed) : parsed;
    return {
      key: row.idempotency_key,
      version: row.rule_version,
      group,
      groupKey: row.group_key ?? groupKey(group),
      window: windowFor(row),
      at: new Date(Number(row.at)).toISOString(),
      records: readJson<string[]>(row.records),
      created: readJson<FiringOutcome[]>(row.created),
    };
  });
}
