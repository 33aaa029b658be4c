/** @module The first run's progress bar: redrawn in place on a terminal, a line per tenth elsewhere. */
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../../runtime/cli/progress-bar';

describe('progressBar', () => {
  it('prints a line at each tenth when the output is not a terminal, the last with the time taken', () => {
    const lines: string[] = [];
    let now = 0;
    const update = progressBar({ out: (l) => lines.push(l) }, () => now);
    for (let done = 0; done <= 1000; done += 25) {
      now = done * 10;
      update(done, 1000);
    }
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^\[-{30}\]\s+0 % 0\/1000/);
    expect(lines[5]).toMatch(/^\[#{15}-{15}\]\s+50 % 500\/1000, about 5 s left$/);
    expect(lines[10]).toBe(`[${'#'.repeat(30)}] 100 % 1000/1000, 10 s`);
  });

  it('redraws one line on a terminal, at most five times a second, and ends it', () => {
    const drawn: string[] = [];
    const lines: string[] = [];
    let now = 0;
    const update = progressBar({ out: (l) => lines.push(l), status: (t) => drawn.push(t) }, () => now);
    for (let done = 1; done <= 100; done++) {
      now = done * 50; // 20 updates a second
      update(done, 100);
    }
    expect(drawn.length).toBeGreaterThanOrEqual(20);
    expect(drawn.length).toBeLessThanOrEqual(30);
    expect(drawn.at(-1)).toBe(`[${'#'.repeat(30)}] 100 % 100/100, 5 s`);
    expect(lines).toEqual(['']);
  });
});
