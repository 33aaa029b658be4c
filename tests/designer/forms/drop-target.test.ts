/** Where a drag lands: onto a card, into a list, within its own list sortable-style; never into itself. */
import { describe, expect, it } from 'vitest';
import { resolveDrop } from '../../../designer/forms/drop-target';
import { draftFromDefinition } from '../../../designer/forms/form-draft-state';

const { nodes } = draftFromDefinition({
  key: 'f',
  fields: [
    { key: 'a', type: 'text' },
    { key: 'b', type: 'text' },
    { key: 'g', type: 'group', fields: [{ key: 'x', type: 'text' }] },
    { key: 'c', type: 'text' },
  ],
});
const id = (key: string): string => {
  const all = nodes.flatMap((n) => [n, ...(n.children ?? [])]);
  return all.find((n) => n.field.key === key)?.id as string;
};

describe('drop target', () => {
  it('puts a palette field before or after the card under the pointer', () => {
    expect(resolveDrop(nodes, null, { kind: 'card', id: id('b'), parentId: null, after: false })).toEqual({
      parentId: null,
      index: 1,
    });
    expect(resolveDrop(nodes, null, { kind: 'card', id: id('b'), parentId: null, after: true })).toEqual({
      parentId: null,
      index: 2,
    });
    expect(resolveDrop(nodes, null, { kind: 'card', id: id('x'), parentId: id('g'), after: true })).toEqual({
      parentId: id('g'),
      index: 1,
    });
  });

  it('puts a field at the start or end of a list dropped on its empty part', () => {
    expect(resolveDrop(nodes, null, { kind: 'zone', parentId: null, after: true })).toEqual({
      parentId: null,
      index: 4,
    });
    expect(resolveDrop(nodes, null, { kind: 'zone', parentId: id('g'), after: false })).toEqual({
      parentId: id('g'),
      index: 0,
    });
    expect(resolveDrop(nodes, id('a'), { kind: 'zone', parentId: null, after: true })).toEqual({
      parentId: null,
      index: 3,
    });
  });

  it('swaps places within a list as a sortable list does', () => {
    expect(resolveDrop(nodes, id('a'), { kind: 'card', id: id('c'), parentId: null, after: false })).toEqual({
      parentId: null,
      index: 3,
    });
    expect(resolveDrop(nodes, id('c'), { kind: 'card', id: id('a'), parentId: null, after: true })).toEqual({
      parentId: null,
      index: 0,
    });
    expect(
      resolveDrop(nodes, id('a'), { kind: 'card', id: id('a'), parentId: null, after: true }),
    ).toBeNull();
  });

  it('moves a card into another list before or after the card under it', () => {
    expect(
      resolveDrop(nodes, id('a'), { kind: 'card', id: id('x'), parentId: id('g'), after: false }),
    ).toEqual({ parentId: id('g'), index: 0 });
    expect(resolveDrop(nodes, id('x'), { kind: 'card', id: id('b'), parentId: null, after: true })).toEqual({
      parentId: null,
      index: 2,
    });
  });

  it('never drops a container into itself', () => {
    expect(resolveDrop(nodes, id('g'), { kind: 'zone', parentId: id('g'), after: true })).toBeNull();
    expect(
      resolveDrop(nodes, id('g'), { kind: 'card', id: id('x'), parentId: id('g'), after: true }),
    ).toBeNull();
  });
});
