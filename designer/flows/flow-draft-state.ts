/**
 * @module The flow designer's state as a pure reducer: the draft document, where each stage sits on the
 * canvas (laid out by dagre, then wherever the author drags it), what is selected, and whether there
 * are unsaved edits. Every edit is one of the pure document operations (`draft-*-ops`); the reducer
 * adds what follows from it on screen (a new stage's position and selection, ids that move on rename).
 */
import { addStage, deleteStage, renameStage, setFinal, setInitial, updateStageMeta } from './draft-stage-ops';
import {
  addStagePolicy,
  removeStagePolicy,
  updateFlow,
  updatePolicy,
  type FlowPatch,
  type PolicyPatch,
} from './draft-sla-ops';
import {
  addTransition,
  deleteTransition,
  renameEvent,
  setGuard,
  updateTransition,
  type TransitionPatch,
} from './draft-transition-ops';
import type { FlowDoc, StageMeta, Text } from './flow-doc';
import { layoutStages, positionForNewStage, type LayoutDirection, type XY } from './graph-layout';
import { listTransitions, parseTransitionId } from './transition-ref';

export type Selection = { kind: 'stage'; stage: string } | { kind: 'transition'; id: string } | null;

export interface FlowDraftState {
  doc: FlowDoc;
  positions: Record<string, XY>;
  direction: LayoutDirection;
  selection: Selection;
  /** Edited since loaded or last saved. */
  dirty: boolean;
}

export type FlowDraftAction =
  | { type: 'load'; doc: FlowDoc; direction: LayoutDirection }
  | { type: 'layout'; direction: LayoutDirection }
  | { type: 'select'; selection: Selection }
  | { type: 'move-stage'; stage: string; position: XY }
  | { type: 'add-stage'; label: { 'zh-CN': string; en: string } }
  | { type: 'delete-stage'; stage: string }
  | { type: 'rename-stage'; stage: string; to: string }
  | { type: 'stage-meta'; stage: string; patch: Partial<StageMeta> }
  | { type: 'set-final'; stage: string; final: boolean }
  | { type: 'set-initial'; stage: string }
  | { type: 'add-policy'; stage: string; title: Text }
  | { type: 'remove-policy'; stage: string; policy: string }
  | { type: 'update-policy'; policy: string; patch: PolicyPatch }
  | { type: 'add-transition'; source: string; target: string }
  | { type: 'delete-transition'; id: string }
  | { type: 'update-transition'; id: string; patch: TransitionPatch }
  | { type: 'rename-event'; id: string; event: string }
  | { type: 'set-guard'; id: string; logic: unknown }
  | { type: 'update-flow'; patch: FlowPatch }
  | { type: 'saved'; doc: FlowDoc };

/** Dagre positions of every stage of `doc`. */
export function autoLayout(doc: FlowDoc, direction: LayoutDirection): Record<string, XY> {
  const edges = listTransitions(doc).flatMap((t) =>
    t.target === undefined ? [] : [{ source: t.stage, target: t.target }],
  );
  return layoutStages(Object.keys(doc.machine.states), edges, direction, doc.machine.initial);
}

export function initialDraftState(doc: FlowDoc, direction: LayoutDirection): FlowDraftState {
  return { doc, positions: autoLayout(doc, direction), direction, selection: null, dirty: false };
}

function withDoc(state: FlowDraftState, doc: FlowDoc, extra: Partial<FlowDraftState> = {}): FlowDraftState {
  if (doc === state.doc) return state;
  return { ...state, ...extra, doc, dirty: true };
}

/** The selection still names something in `doc`; otherwise nothing is selected. */
function keepSelection(selection: Selection, doc: FlowDoc): Selection {
  if (selection?.kind === 'stage')
    return Object.hasOwn(doc.machine.states, selection.stage) ? selection : null;
  if (selection?.kind === 'transition') {
    return listTransitions(doc).some((t) => t.path === selection.id) ? selection : null;
  }
  return null;
}

export function flowDraftReducer(state: FlowDraftState, action: FlowDraftAction): FlowDraftState {
  switch (action.type) {
    case 'load':
      return initialDraftState(action.doc, action.direction);
    case 'layout':
      return { ...state, direction: action.direction, positions: autoLayout(state.doc, action.direction) };
    case 'select':
      return { ...state, selection: action.selection };
    case 'move-stage':
      if (!Object.hasOwn(state.positions, action.stage)) return state;
      return { ...state, positions: { ...state.positions, [action.stage]: action.position } };
    case 'add-stage': {
      const { doc, stage } = addStage(state.doc, action.label);
      const position = positionForNewStage(state.positions, state.direction);
      return withDoc(state, doc, {
        positions: { ...state.positions, [stage]: position },
        selection: { kind: 'stage', stage },
      });
    }
    case 'delete-stage': {
      const doc = deleteStage(state.doc, action.stage);
      const { [action.stage]: _gone, ...positions } = state.positions;
      return withDoc(state, doc, { positions, selection: keepSelection(state.selection, doc) });
    }
    case 'rename-stage': {
      const doc = renameStage(state.doc, action.stage, action.to);
      if (doc === state.doc) return state;
      const positions = Object.fromEntries(
        Object.entries(state.positions).map(([k, v]) => [k === action.stage ? action.to : k, v]),
      );
      return withDoc(state, doc, { positions, selection: { kind: 'stage', stage: action.to } });
    }
    case 'stage-meta':
      return withDoc(state, updateStageMeta(state.doc, action.stage, action.patch));
    case 'set-final':
      return withDoc(state, setFinal(state.doc, action.stage, action.final));
    case 'set-initial':
      return withDoc(state, setInitial(state.doc, action.stage));
    case 'add-policy':
      return withDoc(state, addStagePolicy(state.doc, action.stage, action.title).doc);
    case 'remove-policy':
      return withDoc(state, removeStagePolicy(state.doc, action.stage, action.policy));
    case 'update-policy':
      return withDoc(state, updatePolicy(state.doc, action.policy, action.patch));
    case 'add-transition': {
      const { doc, id } = addTransition(state.doc, action.source, action.target);
      return id === undefined ? state : withDoc(state, doc, { selection: { kind: 'transition', id } });
    }
    case 'delete-transition': {
      const doc = deleteTransition(state.doc, action.id);
      const source = parseTransitionId(action.id)?.stage;
      return withDoc(state, doc, {
        selection: source !== undefined ? { kind: 'stage', stage: source } : null,
      });
    }
    case 'update-transition':
      return withDoc(state, updateTransition(state.doc, action.id, action.patch));
    case 'rename-event': {
      const { doc, id } = renameEvent(state.doc, action.id, action.event);
      return withDoc(state, doc, { selection: { kind: 'transition', id } });
    }
    case 'set-guard':
      return withDoc(state, setGuard(state.doc, action.id, action.logic));
    case 'update-flow':
      return withDoc(state, updateFlow(state.doc, action.patch));
    case 'saved':
      // Edits made while the save was on its way stay unsaved.
      return action.doc === state.doc ? { ...state, dirty: false } : state;
  }
}
