/**
 * @module Vitest global setup: makes a real PostgreSQL available to every suite through
 * `CLOSEDLOOP_TEST_PG_URL`, starting a throwaway server when none is given; and builds the designer
 * once (when stale) for the browser suites and the `closedloop serve` processes tests start.
 */
import type { TestProject } from 'vitest/node';
import { ensureDesignerBuilt } from '../../runtime/designer/designer-build';
import { startPostgres, type RunningPostgres } from './postgres-server';

let server: RunningPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.CLOSEDLOOP_TEST_PG_URL;
  if (!url) {
    server = await startPostgres();
    url = server.url;
  }
  project.provide('postgresUrl', url);
  await ensureDesignerBuilt();
}

export function teardown(): void {
  server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
