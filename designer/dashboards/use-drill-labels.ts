/**
 * @module Names for what the records behind a point hold by key — stage labels from the published flows,
 * people's names for user ids — read once, the first time the viewer drills in (the page does not pay
 * for them before). Whatever cannot be read shows its key.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FlowDefinition } from '../../engine';
import { inboxLabels } from '../inbox/inbox-labels';
import { useLocale } from '../i18n/locale-context';
import {
  formList,
  people as loadPeople,
  personName,
  publishedFlows,
  type DefinitionSummary,
  type Person,
} from '../records/definition-cache';
import type { DrillLabels } from './drill-panel';

export function useDrillLabels(wanted: boolean): DrillLabels {
  const { locale } = useLocale();
  const [forms, setForms] = useState<DefinitionSummary[]>([]);
  const [flows, setFlows] = useState<FlowDefinition[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    if (!wanted || asked) return;
    setAsked(true);
    void formList().then(setForms, () => undefined);
    void publishedFlows().then(setFlows, () => undefined);
    void loadPeople().then(setPeople, () => undefined);
  }, [wanted, asked]);

  return useMemo(() => {
    const labels = inboxLabels(forms, flows, locale);
    return {
      stage: (form, stage) => labels.stageLabel(form, stage) || (stage ?? '—'),
      person: (id) => personName(people, id) ?? '—',
    };
  }, [forms, flows, people, locale]);
}
