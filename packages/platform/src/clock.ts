/** Time is a port so tests can move it (expiry, reminders, retention). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    this.#now = new Date(start).getTime();
  }
  now() {
    return new Date(this.#now);
  }
  set(at: Date | string) {
    this.#now = new Date(at).getTime();
  }
  advance(ms: number) {
    this.#now += ms;
  }
}
