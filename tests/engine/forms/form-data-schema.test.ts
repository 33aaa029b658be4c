/** @module formDataSchema: the published JSON Schema of a form's data. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formDataSchema } from '../../../engine/forms/index';
import { caseForm } from './form-cases';

describe('formDataSchema', () => {
  const schema = formDataSchema(caseForm('ticket.form.json'));

  it('is a 2020-12 schema that a third party can compile', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate({ channel: 'web', customer: 'C9' })).toBe(true);
    expect(validate({ channel: 'web' })).toBe(false);
    expect(validate({ channel: 'web', customer: 'C9', colour: 'red' })).toBe(false);
  });

  it('lists only unconditionally required fields as required', () => {
    expect(schema.required).toEqual(['channel', 'customer']);
    const survey = formDataSchema(caseForm('survey.form.json'));
    // "why" is required only while its section is visible.
    expect(survey.required).toEqual(['rating', 'nps', 'agree']);
  });

  it('describes each field with its type, label and constraints', () => {
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.channel).toMatchObject({
      type: 'string',
      enum: ['phone', 'web', 'store'],
      title: 'Channel',
      'x-field-type': 'select',
    });
    expect(properties.partsTotal).toMatchObject({
      type: 'number',
      multipleOf: 0.01,
      readOnly: true,
      'x-currency': 'CNY',
    });
    expect(properties.purchaseDate).toMatchObject({ type: 'string', format: 'date' });
    expect(properties.parts).toMatchObject({
      type: 'array',
      maxItems: 5,
      items: { type: 'object', additionalProperties: false },
    });
    expect(properties.address).toMatchObject({ required: ['province', 'city'] });
    expect(properties.basics).toBeUndefined();
  });
});
