/**
 * @module The design view: palette, canvas, property panel and live preview side by side on a desktop;
 * on a phone the palette, canvas and panel stack, and the preview is a tab of its own.
 */
import { useMemo, useState } from 'react';
import { useMessages } from '../i18n/define-messages';
import { Canvas } from './canvas';
import { conditionFieldsFor } from './condition-fields';
import { DesignDnd } from './design-dnd';
import type { DropTarget } from './drop-target';
import { newField } from './field-factory';
import { keysIn, locate } from './form-draft-tree';
import { FormSettings } from './form-settings';
import { formsMessages } from './forms-messages';
import { IssueList } from './issue-list';
import { placeIssues } from './issue-paths';
import { Palette } from './palette';
import { PreviewPane } from './preview-pane';
import { PropertyPanel } from './property-panel';
import type { FormDocument } from './use-form-document';

export function DesignTab({ doc }: { doc: FormDocument }) {
  const t = useMessages(formsMessages);
  const { state, dispatch } = doc;
  const [pane, setPane] = useState<'edit' | 'preview'>('edit');
  const placed = useMemo(() => placeIssues(state.nodes, doc.issues), [state.nodes, doc.issues]);
  const selected = state.selectedId ? locate(state.nodes, state.selectedId) : null;
  const conditionFields = useMemo(
    () => (state.selectedId ? conditionFieldsFor(state.nodes, state.selectedId) : []),
    [state.nodes, state.selectedId],
  );

  const add = (type: string, target: DropTarget) =>
    dispatch({
      type: 'add',
      field: newField(type, keysIn(state.nodes)),
      parentId: target.parentId,
      index: target.index,
    });

  /** "+" on the palette: into the selected section or group, after the selected field, else at the end. */
  const addHere = (type: string) => {
    if (!selected) return add(type, { parentId: null, index: state.nodes.length });
    if (selected.node.children)
      return add(type, { parentId: selected.node.id, index: selected.node.children.length });
    add(type, { parentId: selected.parent?.id ?? null, index: selected.index + 1 });
  };

  const allPlaced = [...placed.values()].flat();

  return (
    <div className="design" data-pane={pane}>
      <div className="pane-tabs" role="tablist" aria-label={t('tab.design')}>
        {(['edit', 'preview'] as const).map((p) => (
          <button key={p} type="button" role="tab" aria-selected={pane === p} onClick={() => setPane(p)}>
            {t(p === 'edit' ? 'tab.edit' : 'tab.preview')}
          </button>
        ))}
      </div>
      <DesignDnd
        nodes={state.nodes}
        onAdd={add}
        onMove={(id, target) => dispatch({ type: 'move', id, ...target })}
      >
        {(indicator) => (
          <>
            <div className="design-palette edit-pane">
              <Palette onAdd={addHere} />
            </div>
            <div className="design-canvas edit-pane">
              <Canvas
                nodes={state.nodes}
                selectedId={state.selectedId}
                problemsOf={(id) => placed.get(id)?.length ?? 0}
                indicator={indicator}
                onSelect={(id) => dispatch({ type: 'select', id: state.selectedId === id ? null : id })}
                onDuplicate={(id) => dispatch({ type: 'duplicate', id })}
                onRemove={(id) => dispatch({ type: 'remove', id })}
              />
              <IssueList
                nodes={state.nodes}
                issues={allPlaced}
                onSelect={(id) => dispatch({ type: 'select', id })}
              />
            </div>
          </>
        )}
      </DesignDnd>
      <div className="design-panel edit-pane">
        {selected ? (
          <PropertyPanel
            key={selected.node.id}
            field={selected.node.field}
            issues={placed.get(selected.node.id) ?? []}
            conditionFields={conditionFields}
            onChange={(patch) => dispatch({ type: 'update', id: selected.node.id, patch })}
          />
        ) : (
          <FormSettings
            header={state.header}
            issues={placed.get('') ?? []}
            onChange={(patch) => dispatch({ type: 'setHeader', patch })}
          />
        )}
      </div>
      <div className="design-preview preview-pane">
        <PreviewPane definition={doc.checkedDefinition} blocked={doc.issues.length > 0} />
      </div>
    </div>
  );
}
