/**
 * @module Helpers for the rule fixtures: a fixture names its rule inline or by file, optionally with
 * edits (`set` / `unset` by JSON Pointer), and checks run against the context in `rule-context.json`.
 */
import type { FieldInfo } from '../../../engine/definitions/definition-context';
import type { RuleDefinition, RuleDefinitionContext, RuleRecord } from '../../../engine/rules';
import { editDocument, type DocumentEdits } from '../../helpers/edit-document';
import { readFixture } from '../../helpers/fixtures';

export interface RuleSpec extends DocumentEdits {
  rule: string | Record<string, unknown>;
}

/** The fixture's rule, a fresh copy with its edits applied (may be invalid on purpose). */
export function loadRule(spec: RuleSpec): RuleDefinition {
  const base = typeof spec.rule === 'string' ? readFixture(`rules/${spec.rule}`) : spec.rule;
  return editDocument(base, spec) as unknown as RuleDefinition;
}

interface ContextFixture {
  forms: Record<string, FieldInfo[]>;
  flows: Record<string, string[]>;
}

/** The forms and flows the rule fixtures refer to. */
export function ruleContext(): RuleDefinitionContext {
  const fixture = readFixture<ContextFixture>('rules/rule-context.json');
  return {
    has: (kind, key) =>
      kind === 'form' ? key in fixture.forms : kind === 'flow' ? key in fixture.flows : false,
    formFields: (key) => {
      const fields = fixture.forms[key];
      return fields ? new Map(fields.map((f) => [f.key, f])) : undefined;
    },
    flowStages: (key) => fixture.flows[key],
  };
}

/** The version of record `id` (a given revision, else the last one) and the version before it. */
export function pickVersion(records: readonly RuleRecord[], id: string, revision?: number) {
  const versions = records.filter((r) => r.id === id);
  const index =
    revision === undefined ? versions.length - 1 : versions.findIndex((r) => r.revision === revision);
  const record = versions[index];
  if (!record) throw new Error(`no record ${id}${revision === undefined ? '' : ` revision ${revision}`}`);
  return { record, previous: index > 0 ? versions[index - 1] : undefined };
}
