/**
 * @module The stage graph on an @xyflow/react canvas: stages as nodes where the draft state puts
 * them, transitions as labelled edges, problems in red. Dragging a stage moves it in the draft state;
 * dragging from a stage's connection point to another stage adds a transition; clicking selects.
 * The canvas is controlled: nodes are rebuilt from the state on every change, keeping the sizes
 * xyflow measured (without them it would hide the nodes).
 */
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type Dispatch } from 'react';
import { useLocale } from '../i18n/locale-context';
import type { FlowDraftAction, FlowDraftState } from './flow-draft-state';
import { ownPolicyKeys, type FlowDoc } from './flow-doc';
import type { PlacedIssues, IssueLike } from './flow-issues';
import { useFlowsT } from './flows-messages';
import { formatMinutes } from './sla-format';
import { stageLabel } from './stage-label';
import { StageNode, type StageNodeType } from './stage-node';
import { listTransitions } from './transition-ref';

const nodeTypes = { stage: StageNode };

export interface FlowGraphProps {
  state: FlowDraftState;
  issues: PlacedIssues<IssueLike>;
  dispatch: Dispatch<FlowDraftAction>;
  /** Changes when the graph should fit the view again (after an automatic layout). */
  fitKey: number;
}

/** The default target of a stage's first own SLA policy, for the node's summary. */
function slaSummary(doc: FlowDoc, stage: string): number | undefined {
  const [key] = ownPolicyKeys(doc.machine.states[stage]);
  const policy = doc.sla?.policies.find((p) => p.key === key);
  const fallback = policy?.targets.find((t) => Object.keys(t.when ?? {}).length === 0);
  return fallback?.minutes ?? policy?.targets[0]?.minutes;
}

function FitOnChange({ fitKey }: { fitKey: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    if (fitKey > 0) void flow.fitView({ padding: 0.15 });
  }, [fitKey, flow]);
  return null;
}

export function FlowGraph({ state, issues, dispatch, fitKey }: FlowGraphProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const { doc, positions, direction, selection } = state;
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});

  const nodes = useMemo<StageNodeType[]>(
    () =>
      Object.entries(doc.machine.states).map(([stage, config]) => {
        const label = stageLabel(doc, stage, locale);
        const minutes = slaSummary(doc, stage);
        const node: StageNodeType = {
          id: stage,
          type: 'stage',
          position: positions[stage] ?? { x: 0, y: 0 },
          selected: selection?.kind === 'stage' && selection.stage === stage,
          ariaLabel: t('graph.stage', { name: label, key: stage }),
          ariaRole: 'button',
          data: {
            stage,
            label,
            initial: doc.machine.initial === stage,
            final: config.type === 'final',
            waiting: config.meta?.waiting === true,
            issues: issues.stages.get(stage)?.length ?? 0,
            direction,
            ...(config.meta?.owner ? { owner: config.meta.owner.role } : {}),
            ...(minutes !== undefined ? { sla: formatMinutes(minutes, t) } : {}),
          },
        };
        const size = measured[stage];
        if (size) node.measured = size;
        return node;
      }),
    [doc, positions, selection, issues, direction, locale, measured, t],
  );

  const edges = useMemo<Edge[]>(
    () =>
      listTransitions(doc).flatMap((tr) => {
        if (
          tr.target === undefined ||
          tr.target === tr.stage ||
          !Object.hasOwn(doc.machine.states, tr.target)
        )
          return [];
        const event =
          tr.event ?? (tr.delay !== undefined ? t('graph.after', { delay: tr.delay }) : t('graph.always'));
        const selected = selection?.kind === 'transition' && selection.id === tr.path;
        const bad = (issues.transitions.get(tr.path)?.length ?? 0) > 0;
        const colour = bad ? '#dc2626' : selected ? '#2563eb' : '#94a3b8';
        return [
          {
            id: tr.path,
            source: tr.stage,
            target: tr.target,
            label: tr.guard ? `${event} · ${t('graph.guarded')}` : event,
            selected,
            className: bad ? 'has-issues' : undefined,
            ariaLabel: t('graph.transition', {
              event,
              from: stageLabel(doc, tr.stage, locale),
              to: stageLabel(doc, tr.target, locale),
            }),
            ariaRole: 'button',
            markerEnd: { type: MarkerType.ArrowClosed, color: colour },
            style: { stroke: colour, strokeWidth: selected || bad ? 2.5 : 1.5 },
            labelStyle: { fill: bad ? '#dc2626' : '#1f2933', fontSize: 11 },
            labelBgPadding: [4, 2] as [number, number],
            labelBgStyle: { fill: '#fff' },
          },
        ];
      }),
    [doc, selection, issues, locale, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StageNodeType>[]) => {
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          dispatch({ type: 'move-stage', stage: change.id, position: change.position });
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes[change.id] = change.dimensions;
        } else if (change.type === 'select' && change.selected) {
          // Also how a keyboard user selects a focused stage (Enter / Space).
          dispatch({ type: 'select', selection: { kind: 'stage', stage: change.id } });
        }
      }
      if (Object.keys(sizes).length > 0) setMeasured((m) => ({ ...m, ...sizes }));
    },
    [dispatch],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const change of changes) {
        if (change.type === 'select' && change.selected) {
          dispatch({ type: 'select', selection: { kind: 'transition', id: change.id } });
        }
      }
    },
    [dispatch],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.source !== c.target) {
        dispatch({ type: 'add-transition', source: c.source, target: c.target });
      }
    },
    [dispatch],
  );

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('a11y.nodeKeyboard'),
      'edge.a11yDescription.default': t('a11y.edge'),
      'controls.ariaLabel': t('a11y.controls'),
      'controls.zoomIn.ariaLabel': t('a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('a11y.fitView'),
      'handle.ariaLabel': t('a11y.handle'),
    }),
    [t],
  );

  return (
    <div className="flow-canvas" role="region" aria-label={t('graph.label')}>
      <ReactFlow<StageNodeType, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeClick={(_, node) => dispatch({ type: 'select', selection: { kind: 'stage', stage: node.id } })}
        onEdgeClick={(_, edge) =>
          dispatch({ type: 'select', selection: { kind: 'transition', id: edge.id } })
        }
        onPaneClick={() => dispatch({ type: 'select', selection: null })}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ padding: 0.15 }}
        minZoom={0.2}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        <FitOnChange fitKey={fitKey} />
      </ReactFlow>
      <p className="flow-canvas-hint muted">{t('graph.hint')}</p>
    </div>
  );
}
