/** The engine tour `npm start` prints: its facts, checked against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { runTour } from '../../examples/engine-tour/tour';

describe('engine tour', () => {
  const lines: string[] = [];
  const facts = runTour((line) => lines.push(line));

  it('uses a bundle that passes validation', () => {
    expect(facts.bundleIssues).toBe(0);
  });

  it('refuses the bad submission naming the missing description and the unknown tier', () => {
    expect(facts.rejectedPaths.sort()).toEqual(['/detail', '/tier']);
    expect(lines.join('\n')).toContain('“客户等级”');
  });

  it('counts SLA deadlines in business time across the National Day holiday and the make-up Saturday', () => {
    // accept: VIP high, 10 min from 17:40 Wed 30 Sep. diagnose: 90 min from 17:45 → 15 min that day,
    // then nothing until Thu 8 Oct 09:00 → 10:15. plan (medium, 480 min) from 10:00 8 Oct → 390 that
    // day + 90 → Fri 9 Oct 10:30. execute (VIP, 1440 min) from 15:00 8 Oct → 180 + 450 (9th) + 450
    // (Sat 10 Oct, 调休) + 360 on Mon 12 Oct → 16:30. follow-up (1440 min) from 11:00 9 Oct → 330 + 450 +
    // 450 + 210 on Tue 13 Oct → 14:00.
    expect(facts.stageDeadlines).toEqual([
      { stage: 'accept', due: '2026-09-30T09:50:00.000Z' },
      { stage: 'diagnose', due: '2026-10-08T02:15:00.000Z' },
      { stage: 'plan', due: '2026-10-09T02:30:00.000Z' },
      { stage: 'execute', due: '2026-10-12T08:30:00.000Z' },
      { stage: 'follow_up', due: '2026-10-13T06:00:00.000Z' },
    ]);
    expect(facts.finalStage).toBe('closed');
  });

  it('fires the screen-failure rule once, on the tenth ticket of the month', () => {
    expect(facts.firings).toEqual([
      {
        key: 'screen-failure-threshold|model=X200|2026-10',
        records: 10,
        createdTitle: 'X200 屏幕故障 / screen failures 2026-10',
      },
    ]);
  });

  it('orders the Pareto by count with the cumulative share reaching 100 %', () => {
    expect(facts.pareto.map((p) => [p.category, p.count])).toEqual([
      ['screen', 12],
      ['battery', 4],
      ['noise', 2],
      ['software', 1],
    ]);
    expect(facts.pareto[0]?.cumulativeShare).toBeCloseTo((12 / 19) * 100, 6);
    expect(facts.pareto.at(-1)?.cumulativeShare).toBeCloseTo(100, 9);
  });
});
