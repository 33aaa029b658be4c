/**
 * @module The template the demo fills — `templates/after-sales-ticket.app.json` — and what the plan reads
 * from it instead of repeating it: the forms, the flow, each stage's required fields and the SLA target
 * (minutes, first matching policy target wins, as the engine decides) for a tier, priority and complexity.
 */
import type { AppBundle, FlowDefinition, FormDefinition } from '../../engine';
import bundleJson from '../../templates/after-sales-ticket.app.json';

export const TEMPLATE_KEY = 'after-sales-ticket';
export const TICKET_FORM = 'after-sales-ticket';
export const CUSTOMER_FORM = 'after-sales-customer';
export const TICKET_FLOW = 'after-sales-ticket-sop';

export const demoBundle = (): AppBundle => structuredClone(bundleJson) as unknown as AppBundle;

export function demoForm(key: string): FormDefinition {
  const form = (demoBundle().forms ?? []).find((f) => f.key === key);
  if (!form) throw new Error(`the template has no form "${key}"`);
  return form;
}

export function demoFlow(): FlowDefinition {
  const flow = (demoBundle().flows ?? []).find((f) => f.key === TICKET_FLOW);
  if (!flow) throw new Error(`the template has no flow "${TICKET_FLOW}"`);
  return flow;
}

interface PolicyView {
  key: string;
  targets: { when?: Record<string, string>; minutes: number }[];
}

const flow = demoFlow();
const policies = new Map(
  ((flow.sla as { policies?: PolicyView[] } | undefined)?.policies ?? []).map((p) => [p.key, p]),
);
type StageMeta = { requiredFields?: string[]; sla?: string[] };
const stageMeta = (stage: string): StageMeta =>
  ((flow.machine.states as Record<string, { meta?: StageMeta }>)[stage]?.meta ?? {}) as StageMeta;

/** The fields `stage` requires before a ticket may leave it, as the template's flow lists them. */
export function requiredFieldsOf(stage: string): string[] {
  return stageMeta(stage).requiredFields ?? [];
}

/** The SLA target in minutes of `stage`'s first clock for this context (undefined: no clock). */
export function slaTargetMinutes(
  stage: string,
  context: Record<string, string | undefined>,
): number | undefined {
  const key = stageMeta(stage).sla?.[0];
  const policy = key ? policies.get(key) : undefined;
  if (!policy) return undefined;
  const target = policy.targets.find((t) =>
    Object.entries(t.when ?? {}).every(([field, value]) => context[field] === value),
  );
  return target?.minutes;
}
