/**
 * @module Export of a flow as plain XState v5: the definition's `machine` is already a machine config
 * (DESIGN decision 3), so the export is that object unchanged, as JSON that `createMachine` loads.
 * What XState cannot read from it is listed beside it: guards and actions are referenced by name (the
 * JSON-Logic bodies stay in the flow definition), and delayed `after` transitions name delays, which
 * XState needs as milliseconds through `.provide({ delays })`. The engine has no export function of
 * its own (the machine is exported unchanged), so this lives with the designer.
 */
import type { FlowDoc } from './flow-doc';

export interface DelayHint {
  name: string;
  minutes: number;
  /** Counted in business time by Closedloop; XState only knows wall-clock milliseconds. */
  business: boolean;
  ms: number;
}

/** The machine config to hand to `createMachine`. */
export function machineConfig(doc: FlowDoc): FlowDoc['machine'] {
  return structuredClone(doc.machine);
}

export function machineConfigJson(doc: FlowDoc): string {
  return JSON.stringify(machineConfig(doc), null, 2) + '\n';
}

/** The named delays the machine's `after` transitions use, with their wall-clock milliseconds. */
export function delayHints(doc: FlowDoc): DelayHint[] {
  const used = new Set(Object.values(doc.machine.states).flatMap((s) => Object.keys(s.after ?? {})));
  return [...used].map((name) => {
    const delay = doc.delays?.[name];
    const minutes = delay?.minutes ?? 0;
    return { name, minutes, business: delay?.business === true, ms: Math.round(minutes * 60_000) };
  });
}

/** A JavaScript snippet loading the export, with the delays XState needs provided. */
export function loadSnippet(doc: FlowDoc, fileName: string): string {
  const delays = delayHints(doc);
  const provide =
    delays.length === 0
      ? ''
      : `.provide({\n  delays: {\n${delays.map((d) => `    ${JSON.stringify(d.name)}: ${d.ms}, // ${d.minutes} min${d.business ? ' (business time in Closedloop)' : ''}`).join('\n')}\n  },\n})`;
  return `import { createMachine } from 'xstate';\nimport config from './${fileName}' with { type: 'json' };\n\nconst machine = createMachine(config)${provide};\n`;
}

export const exportFileName = (doc: FlowDoc) => `${doc.key}.xstate.json`;
