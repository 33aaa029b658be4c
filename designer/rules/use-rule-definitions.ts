/**
 * @module What the rule designer needs to know besides the rule: the stored forms (and the labelled
 * fields of each form the rule names, loaded on demand) and the flows with their form and stages.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FieldInfo } from '../../engine';
import { formFieldOptions } from '../flows/form-field-options';
import type { LabelledField } from './rule-fields';
import { rulesApi, type DefinitionSummary } from './rules-api';

export interface FlowInfo {
  key: string;
  title: DefinitionSummary['title'];
  form: string | null;
  stages: string[];
}

export interface RuleDefinitions {
  forms: DefinitionSummary[];
  flows: FlowInfo[];
  /** Labelled fields of each loaded form. */
  fields: ReadonlyMap<string, LabelledField[]>;
  /** The same as the engine's `FieldInfo`s, for the check context. */
  infos: ReadonlyMap<string, readonly FieldInfo[]>;
  stages: ReadonlyMap<string, readonly string[]>;
}

export function useRuleDefinitions(formsInUse: readonly string[]): RuleDefinitions {
  const [forms, setForms] = useState<DefinitionSummary[]>([]);
  const [flows, setFlows] = useState<FlowInfo[]>([]);
  const [fields, setFields] = useState<ReadonlyMap<string, LabelledField[]>>(new Map());

  useEffect(() => {
    rulesApi.forms().then(setForms, () => setForms([]));
    rulesApi
      .flows()
      .then((list) =>
        Promise.all(
          list.map(async (flow) => {
            const body = await rulesApi.flow(flow.key).catch(() => null);
            return {
              key: flow.key,
              title: flow.title,
              form: body?.form ?? null,
              stages: Object.keys(body?.machine?.states ?? {}),
            };
          }),
        ),
      )
      .then(setFlows, () => setFlows([]));
  }, []);

  const wanted = [...new Set(formsInUse.filter((key) => key !== ''))].sort().join('\n');
  useEffect(() => {
    for (const key of wanted.split('\n').filter(Boolean)) {
      if (fields.has(key)) continue;
      rulesApi.form(key).then(
        (form) => setFields((old) => new Map(old).set(key, formFieldOptions(form))),
        () => undefined,
      );
    }
  }, [wanted, fields]);

  return useMemo(
    () => ({
      forms,
      flows,
      fields,
      infos: new Map(
        [...fields].map(([key, list]) => [key, list.map(({ label: _l, optionLabels: _o, ...info }) => info)]),
      ),
      stages: new Map(flows.map((f) => [f.key, f.stages])),
    }),
    [forms, flows, fields],
  );
}
