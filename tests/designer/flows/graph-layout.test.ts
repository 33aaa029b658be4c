/** The automatic layout of the stage graph: every stage placed, in flow order, without overlaps. */
import { describe, expect, it } from 'vitest';
import { autoLayout } from '../../../designer/flows/flow-draft-state';
import { layoutStages, positionForNewStage, STAGE_SIZE } from '../../../designer/flows/graph-layout';
import { ticketSop } from './tour-flow';

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < STAGE_SIZE.width && Math.abs(a.y - b.y) < STAGE_SIZE.height;
}

describe('graph layout', () => {
  const flow = ticketSop();
  const stages = Object.keys(flow.machine.states);

  for (const direction of ['TB', 'LR'] as const) {
    it(`places every stage of the ticket SOP without overlaps (${direction})`, () => {
      const positions = autoLayout(flow, direction);
      expect(Object.keys(positions).sort()).toEqual([...stages].sort());
      for (const [i, a] of stages.entries()) {
        for (const b of stages.slice(i + 1))
          expect(overlaps(positions[a]!, positions[b]!), `${a} / ${b}`).toBe(false);
      }
    });
  }

  it('runs the main path top to bottom on a phone and left to right on a desktop', () => {
    const path = ['accept', 'diagnose', 'plan', 'execute', 'follow_up', 'closed'];
    const tb = autoLayout(flow, 'TB');
    const lr = autoLayout(flow, 'LR');
    for (let i = 1; i < path.length; i += 1) {
      expect(tb[path[i]!]!.y).toBeGreaterThan(tb[path[i - 1]!]!.y);
      expect(lr[path[i]!]!.x).toBeGreaterThan(lr[path[i - 1]!]!.x);
    }
  });

  it('ranks the initial stage first even when a transition leads back to it', () => {
    const positions = layoutStages(
      ['b', 'a', 'c'],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'a' },
      ],
      'TB',
      'a',
    );
    expect(positions.a!.y).toBeLessThan(positions.b!.y);
    expect(positions.b!.y).toBeLessThan(positions.c!.y);
  });

  it('lays out a stage nothing connects, and ignores self-loops and unknown targets', () => {
    const positions = layoutStages(
      ['a', 'lonely'],
      [
        { source: 'a', target: 'a' },
        { source: 'a', target: 'ghost' },
      ],
      'LR',
    );
    expect(Object.keys(positions)).toEqual(['a', 'lonely']);
    expect(overlaps(positions.a!, positions.lonely!)).toBe(false);
  });

  it('puts a new stage past the furthest one along the flow', () => {
    const positions = autoLayout(flow, 'TB');
    const next = positionForNewStage(positions, 'TB');
    for (const p of Object.values(positions)) expect(next.y).toBeGreaterThan(p.y + STAGE_SIZE.height);
    const lr = autoLayout(flow, 'LR');
    const right = positionForNewStage(lr, 'LR');
    for (const p of Object.values(lr)) expect(right.x).toBeGreaterThan(p.x + STAGE_SIZE.width);
  });
});
