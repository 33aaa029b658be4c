/** SLA targets as a tier × priority table: read, edited and written back with the same meaning. */
import { describe, expect, it } from 'vitest';
import { selectTarget } from '../../../engine';
import type { SlaPolicy } from '../../../engine/flows';
import type { SlaTargetDoc } from '../../../designer/flows/flow-doc';
import { gridFromTargets, setCell, targetsFromGrid } from '../../../designer/flows/sla-grid';
import { slaDimensions } from '../../../designer/flows/sla-dimensions';
import { formFieldOptions } from '../../../designer/flows/form-field-options';
import { ticketForm, ticketSop } from './tour-flow';

const TIERS = ['vip', 'key', 'standard'];
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];
const policy = (key: string) => ticketSop().sla!.policies.find((p) => p.key === key)!;

/** Minutes the engine gives every tier × priority (and data) under `targets`. */
function budget(targets: SlaTargetDoc[], data: Record<string, unknown> = {}) {
  const p = { key: 'p', onPriorityChange: 'restart', targets } as unknown as SlaPolicy;
  return TIERS.flatMap((tier) =>
    PRIORITIES.map((priority) => selectTarget(p, { tier, priority, data }).minutes),
  );
}

describe('SLA grid', () => {
  it('reads the diagnose targets as cells over a default', () => {
    const grid = gridFromTargets(policy('diagnose-sla').targets, TIERS, PRIORITIES);
    expect(grid.defaultMinutes).toBe(120);
    expect(grid.cells).toEqual({
      vip: { urgent: 60, high: 90, normal: 90, low: 90 },
      key: { urgent: 90, high: 90 },
    });
    expect(grid.others).toEqual([]);
  });

  for (const key of ['accept-sla', 'diagnose-sla', 'execute-sla', 'follow-up-sla', 'resolution-sla']) {
    it(`writes ${key} back with the same meaning`, () => {
      const targets = policy(key).targets;
      const back = targetsFromGrid(gridFromTargets(targets, TIERS, PRIORITIES), TIERS, PRIORITIES);
      expect(budget(back)).toEqual(budget(targets));
      expect(back.at(-1)!.when).toBeUndefined();
    });
  }

  it('groups equal cells: a whole row as the tier, the rest by priority lists', () => {
    const grid = gridFromTargets(policy('execute-sla').targets, TIERS, PRIORITIES);
    expect(targetsFromGrid(grid, TIERS, PRIORITIES)).toEqual([
      { when: { tier: 'vip' }, minutes: 1440 },
      { when: { tier: 'key' }, minutes: 2880 },
      { minutes: 4320 },
    ]);
    const edited = setCell(grid, 'key', 'urgent', 600);
    expect(targetsFromGrid(edited, TIERS, PRIORITIES)).toEqual([
      { when: { tier: 'vip' }, minutes: 1440 },
      { when: { tier: 'key', priority: 'urgent' }, minutes: 600 },
      { when: { tier: 'key', priority: ['high', 'normal', 'low'] }, minutes: 2880 },
      { minutes: 4320 },
    ]);
    const cleared = setCell(setCell(edited, 'vip', 'low', undefined), 'standard', 'low', 30);
    expect(budget(targetsFromGrid(cleared, TIERS, PRIORITIES))).toEqual([
      1440, 1440, 1440, 4320, 600, 2880, 2880, 2880, 4320, 4320, 4320, 30,
    ]);
  });

  it('keeps targets on other fields first, so they still decide before the table', () => {
    const targets = policy('plan-sla').targets;
    const grid = setCell(gridFromTargets(targets, TIERS, PRIORITIES), 'vip', 'urgent', 120);
    expect(grid.others).toHaveLength(2);
    const back = targetsFromGrid(grid, TIERS, PRIORITIES);
    expect(back.slice(0, 2)).toEqual(targets.slice(0, 2));
    expect(budget(back, { complexity: 'low' })[0]).toBe(240);
    expect(budget(back)[0]).toBe(120);
  });

  it('writes no default when the default is cleared (the engine then reports the policy)', () => {
    const grid = gridFromTargets(policy('follow-up-sla').targets, TIERS, PRIORITIES);
    const { defaultMinutes: _, ...without } = grid;
    expect(targetsFromGrid(without, TIERS, PRIORITIES)).toEqual([]);
  });

  it('takes tiers and priorities from the form, else the engine’s examples, plus values policies use', () => {
    const fields = formFieldOptions(ticketForm());
    const dims = slaDimensions(fields, [
      { key: 'x', onPriorityChange: 'restart', targets: [{ when: { tier: 'gold' }, minutes: 1 }] },
    ]);
    expect(dims.tiers.map((t) => t.value)).toEqual(['vip', 'key', 'standard', 'gold']);
    expect(dims.tiers[1]!.label).toEqual({ 'zh-CN': '重点客户', en: 'Key account' });
    expect(dims.priorities.map((t) => t.value)).toEqual(PRIORITIES);
    expect(slaDimensions(undefined, []).priorities.map((p) => p.value)).toEqual(PRIORITIES);
  });
});
