/** Data-driven SLA and stepping scenarios from `tests/fixtures/flows/*.scenarios.json`. */
import { describe, expect, it } from 'vitest';
import { runScenario, scenarios } from './flow-test-kit';

describe('flow scenarios', () => {
  it('has scenarios to run', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
  });

  for (const scenario of scenarios) {
    it(`${scenario.file} › ${scenario.name}`, () => {
      runScenario(scenario, { roundTrip: false });
    });

    it(`${scenario.file} › ${scenario.name} (snapshots stored as JSON between steps)`, () => {
      const live = runScenario(scenario, { roundTrip: false });
      const stored = runScenario(scenario, { roundTrip: true });
      // A database round trip between steps changes nothing the runtime would see.
      expect(JSON.parse(JSON.stringify(stored.results))).toEqual(JSON.parse(JSON.stringify(live.results)));
    });
  }
});
