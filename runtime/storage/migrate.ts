/**
 * @module Runs the schema migrations. They are TypeScript modules imported here (not files found on
 * disk at run time), so the same list runs under tsx, vitest and a bundled build.
 */
import type { Knex } from 'knex';
import * as initialSchema from './migrations/0001-initial-schema';
import * as appRoles from './migrations/0002-app-roles';
import * as deliveries from './migrations/0003-deliveries';
import * as ruleWebhooks from './migrations/0004-rule-webhooks';
import * as importFiles from './migrations/0005-import-files';
import * as firingDetails from './migrations/0006-firing-details';
import * as dashboardLinks from './migrations/0007-dashboard-links';
import * as assignmentIndex from './migrations/0008-assignment-index';
import * as timerClaimIndexes from './migrations/0009-timer-claim-indexes';

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** In order; append, never edit a migration that has shipped. */
const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  appRoles,
  deliveries,
  ruleWebhooks,
  importFiles,
  firingDetails,
  dashboardLinks,
  assignmentIndex,
  timerClaimIndexes,
];

const source: Knex.MigrationSource<Migration> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};

/** The names of the migrations this version knows, in order (a store that ran others is from a newer version). */
export const KNOWN_MIGRATIONS: readonly string[] = MIGRATIONS.map((m) => m.name);

/** Brings the database to the latest schema; returns the names of the migrations it ran. */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, ran] = (await knex.migrate.latest({ migrationSource: source })) as [number, string[]];
  return ran;
}
