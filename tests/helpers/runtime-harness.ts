/**
 * @module Drives a runtime in-process: `createApp` over a fresh test database with a manual clock,
 * requests injected into `app.callback()` without a socket (light-my-request).
 */
import { inject, type InjectOptions } from 'light-my-request';
import type { Dialect } from '../../runtime/config/database-url';
import { createApp, type Runtime } from '../../runtime/create-app';
import { memoryLogger } from '../../runtime/logger';
import { ManualClock } from './manual-clock';
import { createTestDatabase, type TestDatabase } from './test-databases';

export interface Harness {
  runtime: Runtime;
  db: TestDatabase;
  clock: ManualClock;
  logs: ReturnType<typeof memoryLogger>['lines'];
  request(options: InjectOptions): Promise<{ status: number; headers: Record<string, unknown>; body: any; text: string }>;
  close(): Promise<void>;
}

export async function startHarness(dialect: Dialect, start = '2026-11-24T09:00:00+08:00'): Promise<Harness> {
  const db = await createTestDatabase(dialect);
  const clock = new ManualClock(start);
  const logger = memoryLogger();
  const runtime = createApp({ db, clock, logger });
  const handler = runtime.app.callback();
  return {
    runtime,
    db,
    clock,
    logs: logger.lines,
    async request(options) {
      const response = await inject(handler, options);
      const text = response.payload;
      let body: unknown = text;
      if (String(response.headers['content-type'] ?? '').includes('json')) body = JSON.parse(text);
      return { status: response.statusCode, headers: response.headers, body, text };
    },
    close: () => db.drop(),
  };
}
