/** Time comes from here so tests can move it (lock-outs, session expiry). */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/**
 * Today's date (YYYY-MM-DD) in Vietnam, UTC+7: a report due on 14/12 is late from 15/12 there, whatever the
 * server's own time zone.
 */
export const vietnamToday = (now: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
