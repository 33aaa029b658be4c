/** @module The compiled form: caching per definition and per version, visibility and required-ness maps, clocks. */
import { describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition } from '../../../engine/forms/index';
import { caseForm } from './form-cases';

describe('compileForm', () => {
  it('compiles once per definition object', () => {
    const form = caseForm('survey.form.json');
    expect(compileForm(form)).toBe(compileForm(form));
  });

  it('compiles once per published key@version, whatever object carries it', () => {
    const first = caseForm('ticket.form.json');
    const copy = structuredClone(first);
    expect(first.version).toBe(3);
    expect(compileForm(copy)).toBe(compileForm(first));
    const next = { ...structuredClone(first), version: 4 };
    expect(compileForm(next)).not.toBe(compileForm(first));
  });

  it('keeps drafts (no version) apart even when equal', () => {
    const draft = caseForm('survey.form.json');
    expect(compileForm(structuredClone(draft))).not.toBe(compileForm(draft));
  });

  it('exposes the data schema', () => {
    const compiled = compileForm(caseForm('survey.form.json'));
    expect(compiled.schema).toMatchObject({ type: 'object', required: ['rating', 'nps', 'agree'] });
  });

  it('reports visibility by pointer, row fields by row', () => {
    const compiled = compileForm(caseForm('ticket.form.json'));
    const visible = compiled.visible({ category: 'fault', parts: [{ partNo: 'a' }, { partNo: 'b' }] });
    expect(visible['/detail']).toBe(true);
    expect(visible['/parts/1/qty']).toBe(true);
    expect(compiled.visible({ category: 'question' })['/detail']).toBe(false);
  });

  it('reports required-ness by pointer; hidden fields are never required', () => {
    const compiled = compileForm(caseForm('ticket.form.json'));
    expect(compiled.required({ channel: 'store', category: 'fault' })['/detail']).toBe(true);
    expect(compiled.required({ channel: 'store', category: 'question' })['/detail']).toBe(false);
    expect(compiled.required({ channel: 'web', category: 'fault' })['/detail']).toBe(false);
    const rows = compiled.required({ category: 'complaint', parts: [{}] });
    expect(rows['/parts/0/reason']).toBe(true);
    expect(rows['/parts/0/price']).toBe(false);
  });

  it('evaluates expressions with the injected clock', () => {
    const form: FormDefinition = {
      key: 'visit',
      fields: [
        { key: 'booked', type: 'datetime', computed: { now: [] } },
        { key: 'late', type: 'checkbox', computed: { date_after: [{ now: [] }, '2026-01-01T00:00:00Z'] } },
      ],
    };
    const result = compileForm(form).validate({}, { now: new Date('2026-05-01T08:00:00Z') });
    expect(result).toEqual({
      ok: true,
      value: { booked: '2026-05-01T08:00:00.000Z', late: true },
      issues: [],
    });
  });

  it('orders computed fields by dependency, not by position', () => {
    const form: FormDefinition = {
      key: 'order',
      fields: [
        { key: 'gross', type: 'money', computed: { '+': [{ var: 'net' }, { var: 'tax' }] } },
        { key: 'tax', type: 'money', computed: { '*': [{ var: 'net' }, 0.13] } },
        { key: 'net', type: 'money', default: 100 },
      ],
    };
    expect(compileForm(form).validate({}).value).toEqual({ net: 100, tax: 13, gross: 113 });
  });

  it('treats a field hidden by another hidden field as hidden too (validation is idempotent)', () => {
    const form: FormDefinition = {
      key: 'chain',
      fields: [
        { key: 'a', type: 'text' },
        { key: 'b', type: 'text', visibleWhen: { '==': [{ var: 'a' }, 'yes'] } },
        { key: 'c', type: 'text', visibleWhen: { '==': [{ var: 'b' }, 'yes'] } },
      ],
    };
    const compiled = compileForm(form);
    const first = compiled.validate({ a: 'no', b: 'yes', c: 'kept?' });
    expect(first.value).toEqual({ a: 'no' });
    expect(compiled.validate(first.value).value).toEqual(first.value);
  });

  it('does not share objects between the value, the input and the definition', () => {
    const form: FormDefinition = {
      key: 'addr',
      fields: [{ key: 'where', type: 'region', level: 'province', default: { province: '广东省' } }],
    };
    const compiled = compileForm(form);
    const value = compiled.validate({}).value as { where: { province: string } };
    value.where.province = 'changed';
    expect(compiled.validate({}).value).toEqual({ where: { province: '广东省' } });
  });

  it('never throws on values JSON cannot hold', () => {
    const compiled = compileForm(caseForm('survey.form.json'));
    const result = compiled.validate({ rating: 10n, nps: 5, agree: true });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path)).toContain('/rating');
  });
});
