import { periodContaining, periodFromKey, type PeriodKind } from '../../../shared/domain/reporting-periods.ts';

// When a reminder is due (issue 4: "reminders … sent on a schedule before the deadline and after it"). Pure:
// the caller passes today's date (in Việt Nam) and the schedule from the configuration.

/** Days before and after the due date. The default, 7 and 1 days before, 1 and 7 after, is a platform default. */
export type ReminderSchedule = { daysBefore: number[]; daysAfter: number[] };
export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = { daysBefore: [7, 1], daysAfter: [1, 7] };

/** A step missed (the server was off) is still sent within this many days, unless the next step has come. */
export const CATCH_UP_DAYS = 7;

export type ReminderStep = { kind: 'before' | 'after'; offsetDays: number; date: string };

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** Whole days from `from` to `to` (ISO dates): 2026-12-07 → 2026-12-14 is 7. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Today's date in Việt Nam (the due dates are Vietnamese calendar days). */
export { vietnamToday } from '../../lib/clock.ts';

/** The steps of a due date, in date order; two offsets on the same day are one step (the "before" one). */
export function stepsOf(dueDate: string, s: ReminderSchedule): ReminderStep[] {
  const all: ReminderStep[] = [
    ...s.daysBefore.map((d) => ({ kind: 'before' as const, offsetDays: d, date: addDays(dueDate, -d) })),
    ...s.daysAfter.map((d) => ({ kind: 'after' as const, offsetDays: d, date: addDays(dueDate, d) })),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === 'before' ? -1 : 1));
  return all.filter((x, i) => i === 0 || all[i - 1]!.date !== x.date);
}

/**
 * The step to send today, if any: the latest whose date has come, until the next one's date and for at most
 * CATCH_UP_DAYS. Earlier steps are never sent late once a later one is due: one reminder, the newest.
 */
export function currentStep(dueDate: string, today: string, s: ReminderSchedule): ReminderStep | null {
  const steps = stepsOf(dueDate, s);
  const i = steps.findLastIndex((x) => x.date <= today);
  if (i < 0) return null;
  const step = steps[i]!;
  const next = steps[i + 1]?.date;
  const until = addDays(step.date, CATCH_UP_DAYS);
  return today < until && (!next || today < next) ? step : null;
}

/** The due date of a period of a template: the end of its window plus the template's days after it. */
export const dueDateOf = (kind: PeriodKind, periodKey: string, dueDaysAfterCutoff: number) => addDays(periodFromKey(kind, periodKey).end, dueDaysAfterCutoff);

/**
 * The periods of a template that may have a step today: the period containing today, and any whose due date
 * lies within the schedule's reach of today. For a yearly report due on the last day of its window, the
 * "after" steps belong to the period that has just closed, not the one containing today.
 */
export function candidatePeriods(kind: PeriodKind, dueDaysAfterCutoff: number, today: string, s: ReminderSchedule): string[] {
  const before = Math.max(0, ...s.daysBefore);
  const after = Math.max(0, ...s.daysAfter) + CATCH_UP_DAYS;
  const keys = new Set([periodContaining(kind, today).key]);
  // A period ending on `end` is due on end + dueDaysAfterCutoff; it is in reach if that day is in [today − after, today + before].
  for (let d = -after; d <= before; d++) keys.add(periodContaining(kind, addDays(today, d - dueDaysAfterCutoff)).key);
  return [...keys].filter((key) => {
    const due = dueDateOf(kind, key, dueDaysAfterCutoff);
    return due >= addDays(today, -after) && due <= addDays(today, before);
  });
}
