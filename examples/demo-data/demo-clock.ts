/**
 * @module The clock a demo load runs the runtime on: the loader sets it to each step's instant, so
 * every row the services write carries the simulated time, and due timers fire when it passes them.
 */
import type { Clock } from '../../runtime/clock';

export class DemoClock implements Clock {
  private at: number;

  constructor(at: number | string | Date = 0) {
    this.at = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  /** Moves to `at` (epoch ms). The loader only ever moves it forward. */
  set(at: number): void {
    this.at = at;
  }
}
