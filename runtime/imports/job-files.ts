/**
 * @module The uploaded file an import job works from (`job_files`): the bytes, their format and the
 * options the import was asked with, stored with the job row so a worker can run or resume the job after
 * the request — or the process — that accepted it is gone. Deleted when the job ends.
 */
import type { Knex } from 'knex';
import type { Locale } from '../../engine';
import type { Actor } from '../records/record-rows';
import { readJson, writeJson } from '../storage/json-value';
import type { ImportFormat } from './read-sheet';

/** What an import was asked to do, apart from the file itself. */
export interface ImportSettings {
  formKey: string;
  /** The published version to import into (the latest when absent). */
  formVersion?: number;
  format: ImportFormat;
  dryRun: boolean;
  actor: Actor;
  locale?: Locale;
  /** Zone of date-times written without an offset and of Excel date cells. */
  timeZone?: string;
  /** Rows stored per transaction. */
  batchSize?: number;
}

export interface StoredImport {
  file: Buffer;
  settings: ImportSettings;
}

export async function insertJobFile(
  trx: Knex.Transaction,
  jobId: string,
  stored: StoredImport,
  at: number,
): Promise<void> {
  const { settings } = stored;
  await trx('job_files').insert({
    job_id: jobId,
    format: settings.format,
    content: stored.file,
    byte_size: stored.file.length,
    options: writeJson({
      formKey: settings.formKey,
      formVersion: settings.formVersion ?? null,
      dryRun: settings.dryRun,
      actor: { id: settings.actor.id, ...(settings.actor.roles ? { roles: [...settings.actor.roles] } : {}) },
      locale: settings.locale ?? null,
      timeZone: settings.timeZone ?? null,
      batchSize: settings.batchSize ?? null,
    }),
    created_at: at,
  });
}

export async function readJobFile(db: Knex, jobId: string): Promise<StoredImport | undefined> {
  const row = (await db('job_files').where({ job_id: jobId }).first()) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const options = readJson<Record<string, unknown>>(row.options);
  const content = row.content;
  return {
    file: Buffer.isBuffer(content) ? content : Buffer.from(content as Uint8Array),
    settings: {
      formKey: options.formKey as string,
      ...(options.formVersion != null ? { formVersion: Number(options.formVersion) } : {}),
      format: row.format as ImportFormat,
      dryRun: options.dryRun === true,
      actor: options.actor as Actor,
      ...(options.locale != null ? { locale: options.locale as Locale } : {}),
      ...(options.timeZone != null ? { timeZone: options.timeZone as string } : {}),
      ...(options.batchSize != null ? { batchSize: Number(options.batchSize) } : {}),
    },
  };
}

export async function deleteJobFile(trx: Knex | Knex.Transaction, jobId: string): Promise<void> {
  await trx('job_files').where({ job_id: jobId }).delete();
}
