/**
 * Data-driven definition checks: each case edits a rule and lists the issues an admin would see,
 * by code and by the path of the bad part (schema issues first, semantic checks once it conforms).
 */
import { describe, expect, it } from 'vitest';
import { schemaIssues } from '../../../engine/definitions/schema-issues';
import { checkRuleDefinition, ruleDefinitionSchema, ruleMessages } from '../../../engine/rules';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';
import { loadRule, ruleContext, type RuleSpec } from './rule-fixtures';

interface CheckCase extends RuleSpec, FixtureCase {
  name: string;
  context?: boolean;
  issues?: { code: string; path: string }[];
  schemaIssues?: { code: string; path: string }[];
}

const cases = loadFixtures<CheckCase>('rules').filter(
  (c) => c.issues !== undefined || c.schemaIssues !== undefined,
);
const brief = (list: { code: string; path: string }[]) => list.map((i) => `${i.code} ${i.path}`).sort();

describe('rule definition checks', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const rule = loadRule(c);
    const structural = schemaIssues(ruleDefinitionSchema, rule, 'en');
    if (c.schemaIssues) {
      expect(brief(structural)).toEqual(brief(c.schemaIssues));
      return;
    }
    expect(structural).toEqual([]);
    const issues = checkRuleDefinition(rule, c.context === false ? undefined : ruleContext(), 'en');
    expect(brief(issues)).toEqual(brief(c.issues ?? []));
  });
});

describe('rule messages', () => {
  it('exist in both languages for every code', () => {
    for (const [code, templates] of Object.entries(ruleMessages)) {
      expect(templates.en, code).toBeTruthy();
      expect(templates['zh-CN'], code).toBeTruthy();
    }
  });

  it('are filled in the requested language', () => {
    const rule = loadRule({ rule: 'screen-failure.rule.json', set: { '/trigger/form': 'complain' } });
    const [zh] = checkRuleDefinition(rule, ruleContext(), 'zh-CN');
    const [en] = checkRuleDefinition(rule, ruleContext(), 'en');
    expect(zh?.message).toBe('未知表单“complain”');
    expect(en?.message).toBe('Unknown form "complain"');
    expect(en?.params).toEqual({ form: 'complain' });
  });
});
