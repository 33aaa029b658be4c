/**
 * @module Shared set-up of the report route suites: a fresh harness on the dialect, a signed-in viewer,
 * and the suite's own forms, reports and records; closed after the suite.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../../runtime/config/database-url';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';

/**
 * The suite's `beforeAll` / `afterAll`: starts the harness, signs in `viewer` (role `viewer`), runs
 * `seed`, then hands the harness and the viewer to `ready`.
 */
export function useReportHarness(
  dialect: Dialect,
  seed: (h: Harness) => Promise<void>,
  ready: (h: Harness, viewer: TestLogin) => void,
): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const viewer = await createUserAndLogin(h, { username: 'viewer', roles: ['viewer'] });
    ready(h, viewer);
    await seed(h);
  });
  afterAll(() => h?.close());
}
