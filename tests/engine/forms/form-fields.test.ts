/** @module listFormFields: the field list other definitions check their references against. */
import { describe, expect, it } from 'vitest';
import { listFormFields } from '../../../engine/forms/index';
import { caseForm } from './form-cases';

describe('listFormFields', () => {
  const fields = listFormFields(caseForm('ticket.form.json'));
  const byKey = new Map(fields.map((f) => [f.key, f]));

  it('lists data fields in document order; sections are transparent', () => {
    expect(fields.map((f) => f.key)).toEqual([
      'channel',
      'tags',
      'customer',
      'contactName',
      'mobile',
      'intlPhone',
      'email',
      'address',
      'product',
      'serialNo',
      'purchaseDate',
      'occurredAt',
      'category',
      'detail',
      'underWarranty',
      'hours',
      'parts',
      'parts.partNo',
      'parts.qty',
      'parts.price',
      'parts.lineTotal',
      'parts.reason',
      'partsTotal',
      'photos',
      'signature',
      'consent',
    ]);
    expect(byKey.has('basics')).toBe(false);
  });

  it('says which fields are numeric, so reports can refuse to sum text', () => {
    expect(byKey.get('hours')?.numeric).toBe(true);
    expect(byKey.get('parts.lineTotal')).toEqual({ key: 'parts.lineTotal', type: 'money', numeric: true });
    expect(byKey.get('contactName')?.numeric).toBe(false);
    expect(
      listFormFields(caseForm('survey.form.json'))
        .filter((f) => f.numeric)
        .map((f) => f.type),
    ).toEqual(['rating', 'nps', 'ces']);
  });

  it('gives options and multiplicity of choice fields', () => {
    expect(byKey.get('channel')).toEqual({
      key: 'channel',
      type: 'select',
      numeric: false,
      options: ['phone', 'web', 'store'],
      multiple: false,
    });
    expect(byKey.get('tags')?.multiple).toBe(true);
    expect(byKey.get('photos')?.multiple).toBe(true);
    expect(byKey.get('parts')).toEqual({ key: 'parts', type: 'group', numeric: false, multiple: true });
  });
});
