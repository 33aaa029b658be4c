/**
 * @module Every submission and every step of the demo plan is valid for the template: each submission
 * and the record data after each step validate with the engine's compiled forms, and each ticket's
 * events walk the template's flow (engine `createFlow`, with the sender's role) to the stage the plan says.
 */
import { describe, expect, it } from 'vitest';
import { compileForm, createFlow } from '../../../engine';
import { customerSubmission } from '../../../examples/demo-data/demo-customers';
import { createDemoPlan } from '../../../examples/demo-data/demo-plan';
import { CUSTOMER_FORM, demoFlow, demoForm, TICKET_FORM } from '../../../examples/demo-data/demo-template';

const plan = createDemoPlan({ tickets: 2_500, seed: 99 });

describe('demo plan against the after-sales-ticket template', () => {
  it('validates every customer with the products they own', () => {
    const form = compileForm(demoForm(CUSTOMER_FORM));
    for (const c of plan.customers) {
      expect(c.products.length, c.ref).toBeGreaterThan(0);
      const checked = form.validate(customerSubmission(c));
      expect(checked.issues, c.ref).toEqual([]);
    }
  });

  it('validates every submission and the data after every step, and walks the flow as planned', () => {
    const form = compileForm(demoForm(TICKET_FORM));
    const flow = createFlow(demoFlow());
    for (const t of plan.tickets) {
      let checked = form.validate(t.submission, { now: new Date(t.createdAt) });
      expect(checked.issues, t.ref).toEqual([]);
      let data = checked.value;
      let { snapshot } = flow.start({ data, tier: t.tier, priority: t.priority }, new Date(t.createdAt));
      for (const step of t.steps) {
        if (step.data) {
          checked = form.validate({ ...data, ...step.data }, { now: new Date(step.at) });
          expect(checked.issues, `${t.ref} ${step.event}`).toEqual([]);
          data = checked.value;
        }
        const result = flow.send(
          snapshot,
          { type: step.event, ...(step.data ? { data: step.data } : {}), tier: t.tier, priority: t.priority },
          new Date(step.at),
          { roles: [step.role] },
        );
        expect(
          result.ok ? 'ok' : `${result.reason} ${JSON.stringify(result.issues)}`,
          `${t.ref} ${step.event}`,
        ).toBe('ok');
        snapshot = result.snapshot;
      }
      expect(snapshot.stage, t.ref).toBe(t.finalStage);
    }
  });
});
