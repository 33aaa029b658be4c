/** Problems from the engine or a server 422 land on the field and property their JSON Pointer names. */
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../engine';
import { draftFromDefinition } from '../../../designer/forms/form-draft-state';
import { placeIssue, placeIssues } from '../../../designer/forms/issue-paths';

const draft = draftFromDefinition({
  key: 'f',
  fields: [
    { key: 'a', type: 'text' },
    {
      key: 's',
      type: 'section',
      fields: [
        {
          key: 'g',
          type: 'group',
          fields: [{ key: 'x', type: 'radio', options: [{ value: 'p' }, { value: 'p' }] }],
        },
      ],
    },
  ],
});
const [a, s] = draft.nodes;
const g = s?.children?.[0];
const x = g?.children?.[0];
const issue = (path: string) => ({ code: 'c', path, message: 'm' });

describe('issue placement', () => {
  it('names the node, the property and the part inside it', () => {
    expect(placeIssue(draft.nodes, issue('/fields/0/key'))).toMatchObject({
      nodeId: a?.id,
      property: 'key',
      rest: '',
    });
    expect(placeIssue(draft.nodes, issue('/fields/1/fields/0/fields/0/options/1/value'))).toMatchObject({
      nodeId: x?.id,
      property: 'options',
      rest: '/1/value',
    });
    expect(placeIssue(draft.nodes, issue('/fields/1/fields/0/fields'))).toMatchObject({
      nodeId: g?.id,
      property: 'fields',
    });
    expect(placeIssue(draft.nodes, issue('/title/en'))).toMatchObject({
      nodeId: null,
      property: 'title',
      rest: '/en',
    });
    expect(placeIssue(draft.nodes, issue('/fields'))).toMatchObject({ nodeId: null, property: 'fields' });
    // A pointer past the tree (a stale server issue) stops at the last field that exists.
    expect(placeIssue(draft.nodes, issue('/fields/9/key'))).toMatchObject({
      nodeId: null,
      property: 'fields',
      rest: '/9/key',
    });
  });

  it('places the engine’s own issues, a duplicate key on both fields', () => {
    const form = {
      key: 'f',
      fields: [
        { key: 'a', type: 'text' },
        { key: 'a', type: 'email' },
      ],
    };
    const d = draftFromDefinition(form);
    const placed = placeIssues(d.nodes, validateDefinition('form', form));
    expect(placed.get(d.nodes[0]?.id as string)?.map((p) => [p.issue.code, p.property])).toEqual([
      ['duplicate-key', 'key'],
    ]);
    expect(placed.get(d.nodes[1]?.id as string)?.map((p) => [p.issue.code, p.property])).toEqual([
      ['duplicate-key', 'key'],
    ]);
    const radio = {
      key: 'f',
      fields: [{ key: 'x', type: 'radio', options: [{ value: 'p' }, { value: 'p' }] }],
    };
    const options = placeIssues(draftFromDefinition(radio).nodes, validateDefinition('form', radio));
    expect([...options.values()].flat().map((p) => [p.issue.code, p.property, p.rest])).toEqual([
      ['duplicate-option', 'options', '/1/value'],
    ]);
  });
});
