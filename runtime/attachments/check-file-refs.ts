/**
 * @module Every file a record's data refers to (attachment and signature fields, inside repeating
 * groups too) must have been uploaded: a reference to a hash the store does not hold would be a
 * broken link in the record forever. Missing ones become 422 issues at the reference's path.
 */
import type { Knex } from 'knex';
import { listFormFields, type FormDefinition, type Issue, type Locale } from '../../engine';

const FILE_FIELD_TYPES = new Set(['attachment', 'signature']);

interface FileRefAt {
  path: string;
  hash: string;
}

function refsIn(value: unknown, path: string, multiple: boolean): FileRefAt[] {
  const items = multiple ? (Array.isArray(value) ? value : []) : [value];
  const found: FileRefAt[] = [];
  items.forEach((item, index) => {
    const hash = (item as { hash?: unknown } | null)?.hash;
    if (typeof hash === 'string') found.push({ path: multiple ? `${path}/${index}` : path, hash });
  });
  return found;
}

/** The file references in validated data, with the JSON Pointer of each. */
export function fileRefsOf(form: FormDefinition, data: Record<string, unknown>): FileRefAt[] {
  const found: FileRefAt[] = [];
  for (const field of listFormFields(form)) {
    if (!FILE_FIELD_TYPES.has(field.type)) continue;
    const multiple = field.type === 'attachment';
    const [group, inner] = field.key.split('.');
    if (inner === undefined) {
      found.push(...refsIn(data[field.key], `/${field.key}`, multiple));
      continue;
    }
    const rows = data[group!];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, index) =>
      found.push(
        ...refsIn((row as Record<string, unknown>)?.[inner], `/${group}/${index}/${inner}`, multiple),
      ),
    );
  }
  return found;
}

/** Issues for references to files that were never uploaded (empty when all are stored). */
export async function missingFileIssues(
  knex: Knex | Knex.Transaction,
  form: FormDefinition,
  data: Record<string, unknown>,
  locale: Locale = 'en',
): Promise<Issue[]> {
  const refs = fileRefsOf(form, data);
  if (refs.length === 0) return [];
  const stored = new Set(
    (
      (await knex('attachments')
        .whereIn('hash', [...new Set(refs.map((r) => r.hash))])
        .select('hash')) as { hash: string }[]
    ).map((r) => r.hash),
  );
  return refs
    .filter((ref) => !stored.has(ref.hash))
    .map((ref) => ({
      code: 'file-not-uploaded',
      path: ref.path,
      params: { hash: ref.hash },
      message:
        locale === 'zh-CN' ? '该文件未上传成功，请重新上传' : 'This file was not uploaded; upload it again',
    }));
}
