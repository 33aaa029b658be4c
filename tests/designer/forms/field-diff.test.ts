/** Differences between two versions of a form as the version history shows them. */
import { describe, expect, it } from 'vitest';
import { diffForms, isEmptyDiff } from '../../../designer/forms/field-diff';

const v1 = {
  key: 'feedback',
  version: 1,
  title: { en: 'Feedback' },
  fields: [
    { key: 'name', type: 'text', label: { en: 'Name' } },
    { key: 'score', type: 'rating', label: { en: 'Score' }, required: true },
    {
      key: 'visit',
      type: 'section',
      fields: [{ key: 'parts', type: 'group', fields: [{ key: 'qty', type: 'integer', minimum: 1 }] }],
    },
    { key: 'channel', type: 'radio', options: [{ value: 'phone' }, { value: 'web' }] },
  ],
};

describe('form diff', () => {
  it('finds nothing between a version and itself, whatever the order of properties', () => {
    const reordered = JSON.parse(JSON.stringify(v1)) as typeof v1;
    reordered.fields[1] = { required: true, label: { en: 'Score' }, type: 'rating', key: 'score' };
    const v2 = { ...reordered, version: 2 };
    expect(isEmptyDiff(diffForms(v1, v2))).toBe(true);
  });

  it('lists added, removed and changed fields with the properties that changed', () => {
    const v2 = {
      key: 'feedback',
      version: 2,
      title: { en: 'Customer feedback' },
      fields: [
        { key: 'name', type: 'text', label: { en: 'Full name' }, maxLength: 40 },
        { key: 'score', type: 'rating', label: { en: 'Score' }, visibleWhen: { '!!': [{ var: 'name' }] } },
        {
          key: 'visit',
          type: 'section',
          fields: [
            {
              key: 'parts',
              type: 'group',
              fields: [
                { key: 'qty', type: 'integer', minimum: 0 },
                { key: 'sku', type: 'text' },
              ],
            },
            {
              key: 'channel',
              type: 'radio',
              options: [{ value: 'phone' }, { value: 'web' }, { value: 'store' }],
            },
          ],
        },
        { key: 'email', type: 'email', label: { en: 'Email' } },
      ],
    };
    const diff = diffForms(v1, v2);
    expect(diff.added.map((f) => f.path)).toEqual(['parts.sku', 'email']);
    expect(diff.added[1]).toEqual({ path: 'email', type: 'email', label: { en: 'Email' } });
    expect(diff.removed).toEqual([]);
    const changed = Object.fromEntries(
      diff.changed.map((c) => [c.path, c.properties.map((p) => p.property)]),
    );
    expect(changed).toEqual({
      name: ['label', 'maxLength'],
      score: ['required', 'visibleWhen'],
      'parts.qty': ['minimum'],
      channel: ['options', 'place'],
    });
    const name = diff.changed.find((c) => c.path === 'name');
    expect(name?.properties[0]).toEqual({
      property: 'label',
      before: { en: 'Name' },
      after: { en: 'Full name' },
    });
    expect(diff.changed.find((c) => c.path === 'channel')?.properties[1]).toEqual({
      property: 'place',
      before: null,
      after: 'visit',
    });
    expect(diff.header).toEqual([
      { property: 'title', before: { en: 'Feedback' }, after: { en: 'Customer feedback' } },
    ]);

    const back = diffForms(v2, v1);
    expect(back.removed.map((f) => f.path)).toEqual(['parts.sku', 'email']);
    expect(back.added).toEqual([]);
  });

  it('treats a changed type as a change of the field, and a renamed key as removed and added', () => {
    const v2 = {
      ...v1,
      fields: [
        { key: 'fullName', type: 'text' },
        { key: 'score', type: 'nps' },
      ],
    };
    const diff = diffForms(v1, v2);
    expect(diff.added.map((f) => f.path)).toEqual(['fullName']);
    expect(diff.removed.map((f) => f.path)).toEqual(['name', 'visit', 'parts', 'parts.qty', 'channel']);
    expect(diff.changed.map((c) => [c.path, c.properties.map((p) => p.property)])).toEqual([
      ['score', ['type', 'label', 'required']],
    ]);
  });
});
