/** Time comes from here so tests can move it (lock-outs, session expiry). */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
