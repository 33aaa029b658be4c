/**
 * @module What the browser knows outside the rule, as the engine's `DefinitionContext`, so that
 * `validateDefinition('rule', …)` here says what the server will say: the stored forms and flows, the
 * fields of the forms loaded so far and the stages of the flows loaded so far.
 */
import type { DefinitionContext, FieldInfo } from '../../engine';

export interface KnownDefinitions {
  forms: readonly string[];
  flows: readonly string[];
  /** Fields of the forms loaded so far, by form key. */
  fields: ReadonlyMap<string, readonly FieldInfo[]>;
  /** Stage keys of the flows loaded so far, by flow key. */
  stages: ReadonlyMap<string, readonly string[]>;
}

export function ruleCheckContext(known: KnownDefinitions): DefinitionContext {
  return {
    has(kind, key) {
      if (kind === 'form') return known.forms.includes(key);
      if (kind === 'flow') return known.flows.includes(key);
      return false;
    },
    formFields(formKey) {
      const fields = known.fields.get(formKey);
      return fields ? new Map(fields.map((f) => [f.key, f])) : undefined;
    },
    flowStages(flowKey) {
      return known.stages.get(flowKey);
    },
  };
}
