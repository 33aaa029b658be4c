/**
 * Values a link carries into the fill page: a parameter naming a top-level field (also inside a
 * section) fills it, typed as the field is; parameters naming nothing, computed fields, files, regions
 * and groups are ignored, so a link cannot forge them.
 */
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../engine';
import { prefillFromQuery } from '../../../designer/fill/prefill';
import { readFixture } from '../../helpers/fixtures';

const ticket = readFixture<FormDefinition>('forms/definitions/ticket.form.json');
const survey = readFixture<FormDefinition>('forms/definitions/survey.form.json');

describe('prefill from a link', () => {
  it('fills the fields a survey link names, typed as the fields are', () => {
    const query = new URLSearchParams('rating=4&nps=x&agree=yes&promoter=true&utm_source=sms');
    expect(prefillFromQuery(survey, query)).toEqual({ rating: 4, nps: 'x', agree: true });
  });

  it('reaches fields inside sections, lists for multiple choice, and leaves files and groups alone', () => {
    const query = new URLSearchParams(
      'customer=C-9&tags=urgent,vip&tags=repeat&hours=1.5&photos=x&parts=x&address=x&partsTotal=9&channel=',
    );
    expect(prefillFromQuery(ticket, query)).toEqual({
      customer: 'C-9',
      tags: ['urgent', 'vip', 'repeat'],
      hours: 1.5,
    });
  });
});
