/**
 * @module Expression indexes for the fields a published form marks `indexed` (DESIGN.md 7), so report
 * filters and groupings on them do not scan every record: PostgreSQL
 * `CREATE INDEX IF NOT EXISTS records_<form>_<field> ON records ((data->>'field')) WHERE form_key = '<form>'`,
 * SQLite the same over `json_extract(data, '$.field')` — the exact expressions the report SQL uses for
 * text values, so the planners can match them. Call it when a form is published; it is idempotent.
 */
import { createHash } from 'node:crypto';
import type { FieldDefinition } from '../../engine';
import type { Database } from '../storage/open-database';

const FORM_KEY = /^[a-z][a-z0-9_-]*$/;
const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
/** PostgreSQL truncates identifiers beyond 63 bytes, which would make distinct names collide. */
const MAX_NAME = 63;

export interface IndexableForm {
  key: string;
  fields: readonly FieldDefinition[];
}

/** Keys of the top-level fields marked `indexed` (sections are transparent; groups hold lists). */
export function indexedFieldKeys(fields: readonly FieldDefinition[]): string[] {
  const keys: string[] = [];
  for (const field of fields) {
    const f = field as { type: string; key: string; indexed?: unknown; fields?: FieldDefinition[] };
    if (f.type === 'section' && f.fields) keys.push(...indexedFieldKeys(f.fields));
    else if (f.type !== 'group' && f.indexed === true) keys.push(f.key);
  }
  return keys;
}

export function fieldIndexName(form: string, field: string): string {
  if (!FORM_KEY.test(form)) throw new Error(`Form key "${form}" cannot name an index`);
  if (!FIELD_KEY.test(field)) throw new Error(`Field key "${field}" cannot name an index`);
  const name = `records_${form.replace(/-/g, '_')}_${field}`;
  if (name.length <= MAX_NAME) return name;
  const hash = createHash('sha256').update(`${form}/${field}`).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_NAME - 9)}_${hash}`;
}

/** Creates the missing indexes of `form`'s indexed fields; returns the names of all of them. */
export async function ensureFieldIndexes(db: Database, form: IndexableForm): Promise<string[]> {
  const names: string[] = [];
  for (const field of indexedFieldKeys(form.fields)) {
    // Both keys are checked against strict patterns by fieldIndexName, so inlining them is safe.
    const name = fieldIndexName(form.key, field);
    const expression = db.dialect === 'postgres' ? `(data->>'${field}')` : `json_extract(data, '$.${field}')`;
    await db.knex.raw(
      `CREATE INDEX IF NOT EXISTS "${name}" ON records (${expression}) WHERE form_key = '${form.key}'`,
    );
    names.push(name);
  }
  return names;
}
