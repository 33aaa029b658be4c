/**
 * @module The side panel for whatever is selected on the graph: a stage, a transition, or (nothing
 * selected) the flow's settings. Roles offered are the app's plus any the flow already names.
 */
import { useMemo, type Dispatch } from 'react';
import type { FlowDoc } from './flow-doc';
import type { FlowDraftAction, FlowDraftState } from './flow-draft-state';
import type { IssueLike, PlacedIssues } from './flow-issues';
import type { DefinitionSummary, RoleSummary } from './flows-api';
import { FlowSettingsPanel } from './flow-settings-panel';
import type { LabelledField, SlaDimensions } from './sla-dimensions';
import { StagePanel } from './stage-panel';
import { TransitionPanel } from './transition-panel';
import { listTransitions } from './transition-ref';

export interface SelectionPanelProps {
  state: FlowDraftState;
  issues: PlacedIssues<IssueLike>;
  fields: readonly LabelledField[] | undefined;
  dimensions: SlaDimensions;
  roles: readonly RoleSummary[];
  forms: readonly DefinitionSummary[];
  calendars: readonly string[];
  dispatch: Dispatch<FlowDraftAction>;
}

/** The app's roles, then role keys the flow uses that the app does not list. */
export function rolesOffered(doc: FlowDoc, roles: readonly RoleSummary[]): RoleSummary[] {
  const used = [
    ...Object.values(doc.machine.states).flatMap((s) => (s.meta?.owner ? [s.meta.owner.role] : [])),
    ...listTransitions(doc).flatMap((t) => t.roles ?? []),
  ];
  const out = [...roles];
  for (const key of used) if (!out.some((r) => r.key === key)) out.push({ key });
  return out;
}

export function SelectionPanel(props: SelectionPanelProps) {
  const { state, issues, dispatch } = props;
  const { doc, selection } = state;
  const roles = useMemo(() => rolesOffered(doc, props.roles), [doc, props.roles]);
  if (selection?.kind === 'stage') {
    return (
      <StagePanel
        key={selection.stage}
        doc={doc}
        stage={selection.stage}
        issues={issues.stages.get(selection.stage)}
        fields={props.fields}
        dimensions={props.dimensions}
        roles={roles}
        calendars={props.calendars}
        dispatch={dispatch}
      />
    );
  }
  if (selection?.kind === 'transition') {
    return (
      <TransitionPanel
        key={selection.id}
        doc={doc}
        id={selection.id}
        issues={issues.transitions.get(selection.id)}
        fields={props.fields}
        roles={roles}
        dispatch={dispatch}
      />
    );
  }
  return <FlowSettingsPanel doc={doc} forms={props.forms} calendars={props.calendars} dispatch={dispatch} />;
}
