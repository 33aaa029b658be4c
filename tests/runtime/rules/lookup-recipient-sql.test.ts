/**
 * The lookup behind "the owner of the product line", in SQL on both databases: strict equality on
 * text, number and boolean fields (the text "5" is not the number 5, true is not 1), every match entry
 * must hold, the most recently updated match wins (then the larger id), a record of another form never
 * matches, an empty match value matches nothing, and a found record without a user says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLookupUser, type ResolvedLookup } from '../../../runtime/rules/lookup-recipient';
import { writeJson } from '../../../runtime/storage/json-value';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

const ROWS: [id: string, form: string, updatedAt: number, data: Record<string, unknown>][] = [
  ['pl1', 'product-line', 1_000, { line: 'TV-55', region: 'north', owner: 'u-old' }],
  ['pl2', 'product-line', 3_000, { line: 'TV-55', region: 'north', owner: 'u-new' }],
  ['pl3', 'product-line', 2_000, { line: 'TV-55', region: 'south', owner: 'u-south' }],
  ['pl4', 'product-line', 2_000, { line: 'TV-65', owner: 'u-65a' }],
  ['pl5', 'product-line', 2_000, { line: 'TV-65', owner: 'u-65b' }],
  ['pl6', 'product-line', 2_000, { line: 'TV-75' }],
  ['pl7', 'product-line', 2_000, { line: 5, owner: 'u-number' }],
  ['pl8', 'product-line', 2_000, { line: '6', owner: 'u-text' }],
  ['pl9', 'product-line', 2_000, { line: 'RMA', urgent: true, owner: 'u-urgent' }],
  ['pl10', 'product-line', 2_000, { line: 'RMA', urgent: 1, owner: 'u-one' }],
  ['pl11', 'product-line', 2_000, { line: 'TV-85', owner: 42 }],
  ['x1', 'other-form', 9_000, { line: 'TV-55', region: 'north', owner: 'u-other' }],
];

const lookup = (match: ResolvedLookup['match']): ResolvedLookup => ({
  form: 'product-line',
  match,
  field: 'owner',
});

describe.each(DIALECTS)('lookup recipient in SQL on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    for (const [id, form, at, data] of ROWS) {
      await db.knex('records').insert({
        id,
        form_key: form,
        form_version: 1,
        revision: 1,
        data: writeJson(data),
        created_at: at,
        updated_at: at,
      });
    }
  });
  afterAll(() => db?.drop());

  const find = (match: ResolvedLookup['match']) =>
    db.knex.transaction((trx) => findLookupUser(trx, db.dialect, lookup(match)));

  it('takes the most recently updated matching record of the form', async () => {
    expect(await find({ line: 'TV-55' })).toEqual({ user: 'u-new', record: 'pl2' });
    expect(await find({ line: 'TV-55', region: 'south' })).toEqual({ user: 'u-south', record: 'pl3' });
    // Same update time: the larger id, so the answer does not depend on the database's whim.
    expect(await find({ line: 'TV-65' })).toEqual({ user: 'u-65b', record: 'pl5' });
  });

  it('compares with the value’s JSON type', async () => {
    expect(await find({ line: 5 })).toEqual({ user: 'u-number', record: 'pl7' });
    expect(await find({ line: '5' })).toEqual({ missing: 'no "product-line" record has line = "5"' });
    expect(await find({ line: 6 })).toEqual({ missing: 'no "product-line" record has line = 6' });
    expect(await find({ line: 'RMA', urgent: true })).toEqual({ user: 'u-urgent', record: 'pl9' });
    expect(await find({ line: 'RMA', urgent: 1 })).toEqual({ user: 'u-one', record: 'pl10' });
    expect(await find({ line: 'RMA', urgent: false })).toEqual({
      missing: 'no "product-line" record has line = "RMA" and urgent = false',
    });
  });

  it('finds nobody for an empty match value or a record without a user', async () => {
    expect(await find({ line: 'TV-55', region: null })).toEqual({
      missing: 'no "product-line" record has line = "TV-55" and region = (empty)',
    });
    expect(await find({ line: 'TV-75' })).toEqual({
      missing: 'the "product-line" record with line = "TV-75" names no user in field "owner"',
    });
    expect(await find({ line: 'TV-85' })).toEqual({
      missing: 'the "product-line" record with line = "TV-85" names no user in field "owner"',
    });
  });
});
