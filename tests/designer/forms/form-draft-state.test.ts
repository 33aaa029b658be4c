/**
 * The designer's tree edits as a pure reducer: adding from the palette, reordering, nesting into
 * sections and repeating groups and taking fields out again, removing, duplicating with fresh keys,
 * updating properties; edits the engine would refuse (a container inside itself, nesting deeper than
 * the meta-schema allows) leave the draft unchanged. What it produces is a form the engine accepts.
 */
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../engine';
import { MAX_CONTAINER_DEPTH } from '../../../designer/forms/engine-field-types';
import { newField } from '../../../designer/forms/field-factory';
import {
  draftFromDefinition,
  draftReducer,
  emptyDraft,
  toDefinition,
  type DraftAction,
  type DraftState,
} from '../../../designer/forms/form-draft-state';
import { keysIn, locate } from '../../../designer/forms/form-draft-tree';

const run = (state: DraftState, ...actions: DraftAction[]) => actions.reduce(draftReducer, state);
const add = (state: DraftState, type: string, parentId: string | null = null, index?: number) =>
  draftReducer(state, { type: 'add', field: newField(type, keysIn(state.nodes)), parentId, index });

/** The tree as `key(children…)` strings, e.g. `["text1", "group1(number1)"]`. */
function shape(state: DraftState): string[] {
  const walk = (nodes: DraftState['nodes']): string[] =>
    nodes.map((n) => (n.children ? `${n.field.key}(${walk(n.children).join(',')})` : n.field.key));
  return walk(state.nodes);
}

const idOf = (state: DraftState, key: string) =>
  [
    ...(function* all(nodes: DraftState['nodes']): Generator<DraftState['nodes'][number]> {
      for (const n of nodes) {
        yield n;
        if (n.children) yield* all(n.children);
      }
    })(state.nodes),
  ].find((n) => n.field.key === key)?.id as string;

function built(): DraftState {
  let s = emptyDraft('feedback', { title: { en: 'Feedback' } });
  for (const type of ['text', 'radio', 'rating', 'section', 'group']) s = add(s, type);
  s = add(s, 'number', idOf(s, 'group1'));
  s = add(s, 'email', idOf(s, 'section1'));
  return s;
}

describe('form draft reducer', () => {
  it('adds fields with unique keys, labels in both languages and what the type requires', () => {
    const s = built();
    expect(shape(s)).toEqual(['text1', 'radio1', 'rating1', 'section1(email1)', 'group1(number1)']);
    const radio = locate(s.nodes, idOf(s, 'radio1'))?.node.field;
    expect(radio?.label).toEqual({ 'zh-CN': '单选', en: 'Single choice' });
    expect(radio?.options).toHaveLength(2);
    expect(s.selectedId).toBe(idOf(s, 'email1'));
    const twice = add(add(s, 'text'), 'text');
    expect(shape(twice).slice(-2)).toEqual(['text2', 'text3']);
    expect(validateDefinition('form', toDefinition(s))).toEqual([]);
  });

  it('inserts at a position', () => {
    const s = add(built(), 'date', null, 1);
    expect(shape(s)).toEqual(['text1', 'date1', 'radio1', 'rating1', 'section1(email1)', 'group1(number1)']);
  });

  it('reorders within a list', () => {
    const s = built();
    expect(shape(run(s, { type: 'move', id: idOf(s, 'text1'), parentId: null, index: 2 }))).toEqual([
      'radio1',
      'rating1',
      'text1',
      'section1(email1)',
      'group1(number1)',
    ]);
    expect(shape(run(s, { type: 'move', id: idOf(s, 'group1'), parentId: null, index: 0 }))[0]).toBe(
      'group1(number1)',
    );
  });

  it('nests into sections and groups and takes fields out again', () => {
    const s = built();
    const nested = run(
      s,
      { type: 'move', id: idOf(s, 'rating1'), parentId: idOf(s, 'group1'), index: 0 },
      { type: 'move', id: idOf(s, 'text1'), parentId: idOf(s, 'section1'), index: 1 },
      // a whole group into a section
      { type: 'move', id: idOf(s, 'group1'), parentId: idOf(s, 'section1'), index: 0 },
    );
    expect(shape(nested)).toEqual(['radio1', 'section1(group1(rating1,number1),email1,text1)']);
    const out = run(nested, { type: 'move', id: idOf(s, 'number1'), parentId: null, index: 0 });
    expect(shape(out)).toEqual(['number1', 'radio1', 'section1(group1(rating1),email1,text1)']);
    expect(validateDefinition('form', toDefinition(out))).toEqual([]);
  });

  it('refuses to put a container inside itself or nest deeper than the engine allows', () => {
    let s = built();
    const group = idOf(s, 'group1');
    expect(run(s, { type: 'move', id: group, parentId: group, index: 0 })).toBe(s);
    s = run(s, { type: 'move', id: idOf(s, 'section1'), parentId: group, index: 0 });
    expect(shape(s)).toEqual(['text1', 'radio1', 'rating1', 'group1(section1(email1),number1)']);
    expect(run(s, { type: 'move', id: group, parentId: idOf(s, 'section1'), index: 0 })).toBe(s);

    // Containers nest MAX_CONTAINER_DEPTH deep; one more is refused, a data field still fits.
    let deep = emptyDraft('deep');
    let parent: string | null = null;
    for (let level = 0; level < MAX_CONTAINER_DEPTH; level++) {
      deep = add(deep, 'section', parent);
      parent = deep.selectedId;
    }
    expect(add(deep, 'group', parent)).toBe(deep);
    expect(add(deep, 'text', parent)).not.toBe(deep);
  });

  it('removes a field with everything inside it and clears the selection', () => {
    const s = built();
    const removed = run(s, { type: 'remove', id: idOf(s, 'section1') });
    expect(shape(removed)).toEqual(['text1', 'radio1', 'rating1', 'group1(number1)']);
    expect(removed.selectedId).toBeNull();
    expect(run(s, { type: 'remove', id: 'no-such-id' })).toBe(s);
  });

  it('duplicates a field (or a container with its fields) right after it, with new keys', () => {
    const s = built();
    const copied = run(
      s,
      { type: 'duplicate', id: idOf(s, 'group1') },
      { type: 'duplicate', id: idOf(s, 'text1') },
    );
    expect(shape(copied)).toEqual([
      'text1',
      'text2',
      'radio1',
      'rating1',
      'section1(email1)',
      'group1(number1)',
      'group2(number2)',
    ]);
    expect(copied.selectedId).toBe(idOf(copied, 'text2'));
    expect(locate(copied.nodes, idOf(copied, 'group2'))?.node.field.label).toEqual({
      'zh-CN': '重复组',
      en: 'Repeating group',
    });
    expect(validateDefinition('form', toDefinition(copied))).toEqual([]);
  });

  it('updates properties and removes the ones set to undefined', () => {
    const s = built();
    const id = idOf(s, 'text1');
    const updated = run(
      s,
      { type: 'update', id, patch: { required: true, label: { en: 'Name' }, maxLength: 40 } },
      { type: 'update', id, patch: { maxLength: undefined, key: 'name' } },
      { type: 'setHeader', patch: { title: { 'zh-CN': '反馈' } } },
    );
    expect(locate(updated.nodes, id)?.node.field).toEqual({
      key: 'name',
      type: 'text',
      required: true,
      label: { en: 'Name' },
    });
    expect(updated.header).toEqual({ key: 'feedback', title: { 'zh-CN': '反馈' } });
    // The original state is untouched.
    expect(locate(s.nodes, id)?.node.field.key).toBe('text1');
  });

  it('loads a stored definition and writes it back unchanged (without its version number)', () => {
    const stored = {
      key: 'repair',
      version: 3,
      title: { en: 'Repair' },
      fields: [
        { key: 'sn', type: 'serial', pattern: '^[A-Z0-9]+$' },
        {
          key: 'visit',
          type: 'section',
          visibleWhen: { '!!': [{ var: 'sn' }] },
          fields: [{ key: 'parts', type: 'group', fields: [{ key: 'qty', type: 'integer', minimum: 1 }] }],
        },
      ],
    };
    const s = draftFromDefinition(stored);
    const { version: _version, ...rest } = stored;
    expect(toDefinition(s)).toEqual(rest);
    expect(run(s, { type: 'load', definition: stored })).toEqual(s);
  });
});
