import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { systemActor, type Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import type { NotificationKind, NotificationPage, NotificationQuery, NotificationView, ReminderRunQuery, ReminderRunResult } from '../../../shared/contracts/reminders.ts';
import type { PeriodKind } from '../../../shared/domain/reporting-periods.ts';
import { serverDown, type Mailer } from './reminders.mailer.ts';
import { entryPath, reminderEmail, reminderNotification } from './reminders.messages.ts';
import { remindersPolicy } from './reminders.policy.ts';
import * as repo from './reminders.repository.ts';
import { candidatePeriods, currentStep, daysBetween, dueDateOf, vietnamToday, type ReminderSchedule } from './reminders.schedule.ts';

/** What the reporting module tells about a template's period: the reporters that have not submitted. */
export type PendingReporters = {
  template: { id: string; name: string; provinceId: string; provincePath: string; active: boolean };
  periodKey: string;
  periodLabel: string;
  dueDate: string;
  pending: { unitId: string; agencyId: string | null; name: string; state: string; reportId: string | null; dueDate: string }[];
};

export type Log = { info(msg: string): void; warn(msg: string): void };

type Deps = {
  db: Db;
  clock: Clock;
  /** Null when SMTP_URL is not set: reminders are in-app only. */
  mailer: Mailer | null;
  publicUrl: string;
  schedule: ReminderSchedule;
  pendingReporters: (templateId: string, periodKey: string) => Promise<PendingReporters | null>;
  log?: Log;
};

export type RunTotals = { reminded: number; withoutRecipients: number; notifications: number; emails: number; emailFailures: number; errors: number };
export type RunSummary = RunTotals & { today: string; templates: number; emailConfigured: boolean };

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const REMINDER: NotificationKind = 'reportReminder';

export function createRemindersService({ db, clock, mailer, publicUrl, schedule, pendingReporters, log = console }: Deps) {
  // One run at a time in this process (the timer, the CLI's run, a coordinator's "send now"): the unique
  // index already keeps in-app reminders single, this keeps two runs from e-mailing the same step at once.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  type Mail = { down: boolean };

  /**
   * One reporter, one step: the in-app notifications of everyone who acts for it and their log in one
   * transaction (with the audit record), then the e-mails, each logged once the SMTP server accepted it. A
   * failed e-mail is not logged, so the next run sends it again while the step is current.
   */
  async function remind(actor: Actor, p: PendingReporters, r: PendingReporters['pending'][number], recipients: repo.Recipient[], step: { kind: string; offsetDays: number }, today: string, at: Date, mail: Mail, totals: RunTotals) {
    if (recipients.length === 0) {
      totals.withoutRecipients++;
      return;
    }
    const key: repo.StepKey = { templateId: p.template.id, periodKey: p.periodKey, unitId: r.unitId, agencyId: r.agencyId, ...step };
    const link = entryPath(key);
    const facts = { templateName: p.template.name, periodLabel: p.periodLabel, reporterName: r.name, state: r.state, dueDate: r.dueDate, today };
    const note = reminderNotification(facts);
    const notified = await db.transaction(async (tx) => {
      const to: string[] = [];
      for (const u of recipients) {
        if (!(await repo.logDelivery(tx, { ...key, channel: 'inApp', to: u.id, userId: u.id, sentAt: at }))) continue;
        await repo.insertNotification(tx, { userId: u.id, kind: REMINDER, title: note.title, body: note.body, link, createdAt: at });
        to.push(u.username);
      }
      if (to.length) {
        await recordAudit(tx, actor, {
          action: 'reminder.send',
          entityType: 'report',
          entityId: r.reportId,
          after: { templateId: key.templateId, periodKey: key.periodKey, reporter: r.name, unitId: r.unitId, agencyId: r.agencyId, kind: step.kind, offsetDays: step.offsetDays, dueDate: r.dueDate, notified: to },
        });
      }
      return to.length;
    });
    totals.notifications += notified;
    let emailed = 0;
    if (mailer) {
      const seen = new Set<string>();
      for (const u of recipients) {
        const address = u.email?.trim().toLowerCase();
        if (!address || seen.has(address)) continue;
        seen.add(address);
        if (mail.down || (await repo.delivered(db, { ...key, channel: 'email', to: address }))) continue;
        const message = reminderEmail({ ...facts, recipientName: u.displayName, url: publicUrl + link });
        try {
          await mailer.send({ to: address, ...message });
        } catch (e) {
          totals.emailFailures++;
          const down = serverDown(e);
          log.warn(`Nhắc nộp báo cáo: không gửi được thư tới ${address} (${r.name}): ${e instanceof Error ? e.message : String(e)}${down ? '; máy chủ SMTP không dùng được, lần chạy sau sẽ gửi lại' : ''}`);
          if (down) mail.down = true;
          continue;
        }
        await repo.logDelivery(db, { ...key, channel: 'email', to: address, userId: u.id, sentAt: clock.now() });
        emailed++;
      }
    }
    totals.emails += emailed;
    if (notified || emailed) totals.reminded++;
  }

  const emptyTotals = (): RunTotals => ({ reminded: 0, withoutRecipients: 0, notifications: 0, emails: 0, emailFailures: 0, errors: 0 });
  const noMailNote = (t: RunTotals) => {
    if (!mailer && t.notifications) log.info(`Nhắc nộp báo cáo: chưa cấu hình SMTP_URL, chỉ gửi ${t.notifications} thông báo trong hệ thống (không gửi thư điện tử).`);
  };

  const view = (n: repo.NotificationRow): NotificationView => ({ ...n, kind: n.kind as NotificationKind, createdAt: n.createdAt.toISOString(), readAt: iso(n.readAt) });

  return {
    /**
     * The scheduled run (the server's timer, `xhht reminders run`): for every active template of every
     * province and each period whose due date is within the schedule's reach of today (the current one and
     * the one just closed), every reporter that has not submitted and whose step of today has not been
     * delivered yet.
     */
    runReminders(now: Date = clock.now()): Promise<RunSummary> {
      return exclusive(async () => {
        const today = vietnamToday(now);
        const actor = systemActor('xhht-reminders');
        const totals = emptyTotals();
        const mail: Mail = { down: false };
        const templates = await repo.activeTemplates(db);
        for (const t of templates) {
          const kind = t.periodKind as PeriodKind;
          for (const periodKey of candidatePeriods(kind, t.dueDaysAfterCutoff, today, schedule)) {
            if (!currentStep(dueDateOf(kind, periodKey, t.dueDaysAfterCutoff), today, schedule)) continue;
            const p = await pendingReporters(t.id, periodKey);
            if (!p) continue;
            const recipientsOf = await repo.recipientsInProvince(db, p.template.provinceId, p.template.provincePath);
            for (const r of p.pending) {
              const step = currentStep(r.dueDate, today, schedule);
              if (!step) continue;
              // One reporter's failure (its transaction rolled back) does not stop the others; the next run retries it.
              try {
                await remind(actor, p, r, recipientsOf(r), { kind: step.kind, offsetDays: step.offsetDays }, today, now, mail, totals);
              } catch (e) {
                totals.errors++;
                log.warn(`Nhắc nộp báo cáo: lỗi khi nhắc ${r.name} (${p.template.name}, ${periodKey}): ${e instanceof Error ? e.message : String(e)}`);
              }
            }
          }
        }
        noMailNote(totals);
        return { ...totals, today, templates: templates.length, emailConfigured: !!mailer };
      });
    },

    /**
     * The coordinator's "Nhắc nộp báo cáo": reminds now every reporter of a template and period that has
     * not submitted, whatever the schedule, at most once a day (the step is the day's distance to the due date).
     */
    async runNow(actor: Actor, q: z.infer<typeof ReminderRunQuery>): Promise<ReminderRunResult> {
      const found = await repo.templateProvince(db, q.templateId);
      if (!found || !remindersPolicy.inProvince(actor, found.provincePath)) throw notFound('Mẫu báo cáo');
      if (!remindersPolicy.coordinates(actor, found.provincePath)) throw forbidden('Chỉ điều phối viên tỉnh (Sở GDĐT) mới gửi nhắc nộp báo cáo.');
      const p = await pendingReporters(q.templateId, q.periodKey);
      if (!p) throw notFound('Mẫu báo cáo');
      if (!p.template.active) throw conflict('Mẫu báo cáo này đã ngừng sử dụng.');
      return exclusive(async () => {
        const now = clock.now();
        const today = vietnamToday(now);
        const totals = emptyTotals();
        const mail: Mail = { down: false };
        const recipientsOf = await repo.recipientsInProvince(db, p.template.provinceId, p.template.provincePath);
        for (const r of p.pending) await remind(actor, p, r, recipientsOf(r), { kind: 'manual', offsetDays: daysBetween(r.dueDate, today) }, today, now, mail, totals);
        noMailNote(totals);
        return {
          templateId: p.template.id,
          periodKey: p.periodKey,
          dueDate: p.dueDate,
          pending: p.pending.length,
          withoutRecipients: totals.withoutRecipients,
          notifications: totals.notifications,
          emails: totals.emails,
          emailFailures: totals.emailFailures,
          emailConfigured: !!mailer,
        };
      });
    },

    /** Mine, newest first, with how many are unread. */
    async list(actor: Actor, q: z.infer<typeof NotificationQuery>): Promise<NotificationPage> {
      const page = await repo.notificationsOf(db, actor.id, { limit: q.limit, unreadOnly: q.unreadOnly === 'true' });
      return { items: page.items.map(view), unread: page.unread, total: page.total };
    },

    /** Marks one of mine read (another person's is not found). Reading it again changes nothing. */
    async markRead(actor: Actor, id: string): Promise<NotificationView> {
      if (!(await repo.findNotification(db, actor.id, id))) throw notFound('Thông báo');
      await repo.markRead(db, actor.id, id, clock.now());
      return view((await repo.findNotification(db, actor.id, id))!);
    },

    async markAllRead(actor: Actor) {
      return { updated: await repo.markRead(db, actor.id, null, clock.now()) };
    },
  };
}
export type RemindersService = ReturnType<typeof createRemindersService>;
