/** @module A clock tests set and advance by hand. */
import type { Clock } from '../../runtime/clock';

export class ManualClock implements Clock {
  private at: number;

  constructor(start: string | Date) {
    this.at = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: string | Date): void {
    this.at = new Date(at).getTime();
  }

  advanceMinutes(minutes: number): void {
    this.at += minutes * 60_000;
  }
}
