/**
 * @module The defect spike trips a "≥ N screen failures per model per calendar month" rule exactly
 * once — for the spike's model and month — when the engine dry-runs that rule over the plan's tickets.
 */
import { describe, expect, it } from 'vitest';
import { dryRunRule, type RuleDefinition, type RuleRecord } from '../../../engine';
import { createDemoPlan } from '../../../examples/demo-data/demo-plan';
import { TICKET_FORM } from '../../../examples/demo-data/demo-template';

describe('the defect spike against a monthly threshold rule', () => {
  it('fires once, for the spike model in the spike month', () => {
    const plan = createDemoPlan({ tickets: 2_500, seed: 5 });
    const rule = {
      key: 'demo-screen-threshold',
      title: { 'zh-CN': '屏幕故障阈值', en: 'Screen-failure threshold' },
      enabled: true,
      timezone: 'Asia/Shanghai',
      trigger: { type: 'record.created', form: TICKET_FORM },
      aggregates: {
        monthly: {
          form: TICKET_FORM,
          measure: { op: 'count' },
          filter: { '==': [{ var: 'category' }, 'screen'] },
          window: { type: 'calendar', unit: 'month' },
          groupBy: ['model'],
        },
      },
      condition: {
        and: [
          { '==': [{ var: 'record.category' }, 'screen'] },
          { '>=': [{ var: 'aggregates.monthly' }, plan.spike.threshold] },
        ],
      },
      actions: [
        {
          type: 'notify',
          to: [{ role: 'manager' }],
          template: {
            'zh-CN': '{{record.model}} 屏幕故障超阈值',
            en: 'Screen failures over the threshold: {{record.model}}',
          },
        },
      ],
    } as unknown as RuleDefinition;
    // The rule sees each ticket as classified (category filled at intake or at acceptance).
    const records: RuleRecord[] = plan.tickets.map((t) => ({
      id: t.ref,
      form: TICKET_FORM,
      createdAt: new Date(t.createdAt).toISOString(),
      data: { ...t.submission, category: t.category },
    }));
    const dry = dryRunRule(rule, records, {
      from: new Date(plan.startsAt).toISOString(),
      to: new Date(plan.endsAt).toISOString(),
    });
    expect(dry.firings).toHaveLength(1);
    const [firing] = dry.firings;
    expect(JSON.stringify(firing)).toContain(plan.spike.model);
    expect(JSON.stringify(firing)).toContain(plan.spike.month);
    expect(firing!.records.length).toBeGreaterThanOrEqual(plan.spike.threshold);
  });
});
