/** @module The example bundle's ticket SOP flow (and its form), as the flow designer tests start from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinition } from '../../../engine';
import type { FlowDoc } from '../../../designer/flows/flow-doc';

export const TOUR_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'examples',
  'engine-tour',
  'after-sales.app.json',
);

export function tourBundle(): { flows: FlowDoc[]; forms: FormDefinition[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(TOUR_PATH, 'utf8')) as { flows: FlowDoc[]; forms: FormDefinition[] };
}

/** A fresh copy of the `ticket-sop` flow. */
export function ticketSop(): FlowDoc {
  return tourBundle().flows.find((f) => f.key === 'ticket-sop')!;
}

export function ticketForm(): FormDefinition {
  return tourBundle().forms.find((f) => (f as { key: string }).key === 'ticket')!;
}
