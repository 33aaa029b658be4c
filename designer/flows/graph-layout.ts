/**
 * @module Automatic layout of the stage graph with dagre: stages ranked along the flow's direction
 * (top-to-bottom on a phone, left-to-right on a desktop), the initial stage first. Pure: stage keys and
 * edges in, the top-left corner of each stage's box out (what @xyflow/react positions nodes by).
 */
import { Graph, layout } from '@dagrejs/dagre';

export type LayoutDirection = 'TB' | 'LR';

export interface XY {
  x: number;
  y: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

/** The box every stage is laid out with; the stage node renders at this size. */
export const STAGE_SIZE = { width: 176, height: 64 } as const;

export function layoutStages(
  stages: readonly string[],
  edges: readonly LayoutEdge[],
  direction: LayoutDirection,
  initial?: string,
): Record<string, XY> {
  const g = new Graph({ multigraph: true });
  g.setGraph({
    rankdir: direction,
    nodesep: direction === 'TB' ? 28 : 32,
    ranksep: 56,
    edgesep: 16,
    marginx: 8,
    marginy: 8,
  });
  g.setDefaultEdgeLabel(() => ({}));
  // The initial stage goes in first, so dagre's acyclic pass keeps edges out of it pointing forward.
  const ordered =
    initial !== undefined && stages.includes(initial)
      ? [initial, ...stages.filter((s) => s !== initial)]
      : [...stages];
  for (const stage of ordered) g.setNode(stage, { width: STAGE_SIZE.width, height: STAGE_SIZE.height });
  edges.forEach((edge, i) => {
    if (edge.source === edge.target || !g.hasNode(edge.source) || !g.hasNode(edge.target)) return;
    g.setEdge(edge.source, edge.target, {}, `e${i}`);
  });
  layout(g);
  const out: Record<string, XY> = {};
  for (const stage of stages) {
    const node = g.node(stage) as { x: number; y: number; width: number; height: number };
    out[stage] = { x: Math.round(node.x - node.width / 2), y: Math.round(node.y - node.height / 2) };
  }
  return out;
}

/** Where a new stage goes without re-laying out the rest: past the furthest stage along the flow. */
export function positionForNewStage(positions: Record<string, XY>, direction: LayoutDirection): XY {
  const all = Object.values(positions);
  if (all.length === 0) return { x: 8, y: 8 };
  if (direction === 'TB') {
    return {
      x: Math.min(...all.map((p) => p.x)),
      y: Math.max(...all.map((p) => p.y)) + STAGE_SIZE.height + 56,
    };
  }
  return { x: Math.max(...all.map((p) => p.x)) + STAGE_SIZE.width + 56, y: Math.min(...all.map((p) => p.y)) };
}
