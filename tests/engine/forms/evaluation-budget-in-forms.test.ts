/**
 * A form whose saved condition or formula overspends its evaluation budget on the data submitted
 * refuses that submission with an issue at the field (in the submitter's language), as it would a bad
 * value, instead of throwing out of validation (a 500 from the server).
 */
import { describe, expect, it } from 'vitest';
import { checkExpression } from '../../../engine';
import { compileForm, type FormDefinition } from '../../../engine/forms/index';

/** Five maps nested over a hundred numbers: 10¹⁰ steps, though its text passes every save-time check. */
function nestedMaps(over: unknown): unknown {
  let logic: unknown = { '+': [1, 1] };
  for (let i = 0; i < 5; i++) logic = { map: [over, logic] };
  return logic;
}
const hundred = Array.from({ length: 100 }, (_, i) => i);
const costly = { some: [nestedMaps(hundred), { '==': [{ var: '' }, 0] }] };

const form = {
  key: 'budget-case',
  title: { 'zh-CN': '预算', en: 'Budget' },
  fields: [
    { key: 'title', type: 'text', label: { 'zh-CN': '标题', en: 'Title' }, maxLength: 100 },
    {
      key: 'costly',
      type: 'number',
      label: { 'zh-CN': '代价', en: 'Costly' },
      requiredWhen: costly,
    },
  ],
} as unknown as FormDefinition;

describe('an evaluation budget overspent during validation', () => {
  it('is an issue at the field, in the submitter’s language, not an exception', () => {
    expect(checkExpression(costly)).toEqual([]);
    const compiled = compileForm(form);
    const en = compiled.validate({ title: 'Screen flickers' }, { locale: 'en' });
    expect(en.ok).toBe(false);
    if (en.ok) return;
    expect(en.issues.map((i) => [i.code, i.path])).toEqual([['expression-too-costly', '/costly']]);
    expect(en.issues[0]!.message).toBe('Expression needs more than 1000000 steps to evaluate');
    const zh = compiled.validate({ title: '屏幕闪烁' }, { locale: 'zh-CN' });
    expect(zh.ok ? [] : zh.issues.map((i) => i.message)).toEqual(['表达式求值超过 1000000 步']);
  });
});
