/** @module A stage's name in the UI locale, its key when it has none. */
import { pickText, type UiLocale } from '../i18n/locale-context';
import type { FlowDoc } from './flow-doc';

export function stageLabel(doc: FlowDoc, stage: string, locale: UiLocale): string {
  return pickText(doc.machine.states[stage]?.meta?.label, locale) || stage;
}
