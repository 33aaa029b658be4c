/**
 * @module One stage on the canvas: its name and key, owner role and SLA at a glance, markers for the
 * initial, final and waiting stages, and the problems found in it (the node turns red). Connection
 * points sit where the flow enters and leaves it in the current direction.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useFlowsT } from './flows-messages';
import type { LayoutDirection } from './graph-layout';

export interface StageNodeData extends Record<string, unknown> {
  stage: string;
  label: string;
  owner?: string;
  sla?: string;
  initial: boolean;
  final: boolean;
  waiting: boolean;
  issues: number;
  direction: LayoutDirection;
}

export type StageNodeType = Node<StageNodeData, 'stage'>;

export function StageNode({ data, selected }: NodeProps<StageNodeType>) {
  const t = useFlowsT();
  const tb = data.direction === 'TB';
  const classes = ['stage-node'];
  if (selected) classes.push('selected');
  if (data.final) classes.push('final');
  if (data.waiting) classes.push('waiting');
  if (data.issues > 0) classes.push('has-issues');
  return (
    <div className={classes.join(' ')} data-testid={`stage-node-${data.stage}`}>
      <Handle type="target" position={tb ? Position.Top : Position.Left} />
      <div className="stage-node-title">
        <span className="stage-node-label">{data.label}</span>
        {data.issues > 0 ? (
          <span className="stage-node-issues" title={t('graph.problems', { count: data.issues })}>
            ⚠ {data.issues}
          </span>
        ) : null}
      </div>
      <div className="stage-node-meta">
        {data.initial ? <span className="chip chip-start">{t('graph.initial')}</span> : null}
        {data.final ? <span className="chip chip-end">{t('graph.final')}</span> : null}
        {data.waiting ? <span className="chip chip-wait">{t('graph.waiting')}</span> : null}
        {data.owner ? <span className="stage-node-owner">{data.owner}</span> : null}
        {data.sla ? <span className="stage-node-sla">SLA {data.sla}</span> : null}
      </div>
      {data.final ? null : <Handle type="source" position={tb ? Position.Bottom : Position.Right} />}
    </div>
  );
}
