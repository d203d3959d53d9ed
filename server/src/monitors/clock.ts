/** Time as the monitors see it: injected so tests move it (the scheduler never reads `Date.now` itself). */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
