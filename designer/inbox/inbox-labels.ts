/**
 * @module Labels the inbox shows for keys: form titles (the form list), stage labels (the published
 * flows, by the form they move), priorities (the catalog) — each falling back to the key itself.
 */
import type { FlowDefinition } from '../../engine';
import { pickText, type UiLocale } from '../i18n/locale-context';
import type { DefinitionSummary } from '../records/definition-cache';

export interface StageOption {
  key: string;
  label: string;
}

export interface InboxLabels {
  formTitle(form: string): string;
  stageLabel(form: string, stage: string | null): string;
  /** Non-final stages of `form`, or of every form when it is empty. */
  stages(form: string): StageOption[];
}

type Text = Parameters<typeof pickText>[0];

export function inboxLabels(
  forms: readonly DefinitionSummary[],
  flows: readonly FlowDefinition[],
  locale: UiLocale,
): InboxLabels {
  const stagesOf = (form: string): StageOption[] =>
    flows
      .filter((flow) => flow.form === form)
      .flatMap((flow) =>
        Object.entries(flow.machine.states)
          .filter(([, config]) => config.type !== 'final')
          .map(([key, config]) => ({ key, label: pickText(config.meta?.label as Text, locale) || key })),
      );
  return {
    formTitle: (form) => {
      const title = forms.find((f) => f.key === form)?.title;
      return (title ? pickText(title, locale) : '') || form;
    },
    stageLabel: (form, stage) =>
      stage === null ? '' : (stagesOf(form).find((s) => s.key === stage)?.label ?? stage),
    stages: (form) => {
      const all = form ? stagesOf(form) : flows.flatMap((flow) => (flow.form ? stagesOf(flow.form) : []));
      const seen = new Set<string>();
      return all.filter((s) => !seen.has(s.key) && seen.add(s.key));
    },
  };
}
