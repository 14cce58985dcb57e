import type { RunSummary } from './reminders.service.ts';

type TimerLog = { info(msg: string): void; error(msg: string): void };

/**
 * The server's reminder run (REMINDER_INTERVAL_MINUTES; 0: off, cron runs `xhht reminders run` instead): a first
 * run a minute after start, then one every interval; a run still going when the next is due is not doubled.
 * Returns the stop function, which waits for a run in progress (the server closes the database after it).
 */
export function startReminderTimer(run: () => Promise<RunSummary>, minutes: number, log: TimerLog, firstDelayMs = 60_000): () => Promise<void> {
  if (minutes <= 0) return async () => {};
  let inFlight: Promise<void> | null = null;
  const tick = () => {
    if (inFlight) return;
    inFlight = run()
      .then((s) => {
        if (s.notifications || s.emails || s.emailFailures || s.errors) {
          log.info(`Nhắc nộp báo cáo (${s.today}): ${s.reminded} xã, cơ quan; ${s.notifications} thông báo, ${s.emails} thư điện tử, ${s.emailFailures} thư chưa gửi được, ${s.errors} lỗi.`);
        }
      })
      .catch((e: unknown) => log.error(`Nhắc nộp báo cáo: lần chạy lỗi: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        inFlight = null;
      });
  };
  const first = setTimeout(tick, Math.min(firstDelayMs, minutes * 60_000));
  const every = setInterval(tick, minutes * 60_000);
  first.unref();
  every.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(every);
    await inFlight;
  };
}
