/**
 * A clock that moves only when a test moves it: the same instant for the engine (`deps.now`) and
 * for the memory store's server time (LastModified), so snapshot ids, claim ages and retention
 * periods are what the test says they are.
 */
export class ManualClock {
  private ms: number;

  constructor(start: string | Date = '2026-11-23T02:00:00Z') {
    this.ms = new Date(start).getTime();
  }

  /** The current instant (a new Date each call). Bound: pass it as `now` or `clock` directly. */
  readonly now = (): Date => new Date(this.ms);

  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }

  set(time: string | Date): Date {
    this.ms = new Date(time).getTime();
    return this.now();
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
