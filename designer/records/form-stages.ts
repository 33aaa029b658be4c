/**
 * @module The stages a form's records pass through, from the latest published flow that moves the form:
 * each key with its label in the UI locale (the key when it has none), final stages included — closed
 * records are looked up too.
 */
import type { FlowDefinition } from '../../engine';
import { pickText, type UiLocale } from '../i18n/locale-context';

export interface FormStage {
  key: string;
  label: string;
  final: boolean;
}

export function formStages(flows: readonly FlowDefinition[], form: string, locale: UiLocale): FormStage[] {
  const flow = flows.find((f) => f.form === form);
  if (!flow) return [];
  return Object.entries(flow.machine.states).map(([key, config]) => ({
    key,
    label: (config.meta?.label ? pickText(config.meta.label, locale) : '') || key,
    final: config.type === 'final',
  }));
}

/** The label of `stage` (the key itself when the flow does not know it; empty for no stage). */
export function stageLabelOf(stages: readonly FormStage[], stage: string | null): string {
  if (stage === null) return '';
  return stages.find((s) => s.key === stage)?.label ?? stage;
}
