/**
 * The sweeper's claim reads the due index in its own order (migration 0009): on SQLite the plan
 * searches `timers_due_at_id_index` and sorts nothing, so claiming stays one index seek however many
 * timers are pending — and timers due at the same instant (a morning's worth of overnight tickets) are
 * not sorted afresh on every claim. SQLite only: PostgreSQL's planner picks a plan by the table's
 * statistics, so an empty test table says nothing about a full one (the benchmark row shows it there).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../runtime/logger';
import { claimQueryPlan } from '../../../runtime/timers/timer-sweeper';
import { ManualClock } from '../../helpers/manual-clock';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-databases';

describe('timer claim plan on sqlite', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await db.close();
  });

  it('searches the (due_at, id) index and needs no sort to claim the next due timer', async () => {
    const runtime = { db, clock: new ManualClock('2026-11-24T02:00:00Z'), logger: memoryLogger() };
    const plan = await claimQueryPlan(runtime);
    expect(
      plan.some((line) => /SEARCH timers USING INDEX timers_due_at_id_index \(due_at<\?\)/.test(line)),
    ).toBe(true);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN timers/);
  });
});
