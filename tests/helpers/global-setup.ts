/**
 * @module Vitest global setup: makes a real PostgreSQL available to every suite through
 * `CLOSEDLOOP_TEST_PG_URL`, starting a throwaway server when none is given.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres, type RunningPostgres } from './postgres-server';

let server: RunningPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.CLOSEDLOOP_TEST_PG_URL;
  if (!url) {
    server = await startPostgres();
    url = server.url;
  }
  project.provide('postgresUrl', url);
}

export function teardown(): void {
  server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
