/**
 * @module Import jobs keep their uploaded file and where they stand, so a job interrupted by a crash resumes (filled in by the import work).
 */
import type { Knex } from 'knex';

export const name = '0005-import-files';

export async function up(_knex: Knex): Promise<void> {}

export async function down(_knex: Knex): Promise<void> {}
