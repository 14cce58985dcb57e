import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.ts';
import { reminderEmail, reminderNotification } from './reminders.messages.ts';
import { serverDown } from './reminders.mailer.ts';
import { parseMessage } from './reminders.smtp-receiver.ts';
import { candidatePeriods, currentStep, DEFAULT_REMINDER_SCHEDULE as S, stepsOf, vietnamToday } from './reminders.schedule.ts';
import { startReminderTimer } from './reminders.timer.ts';

describe('the reminder schedule', () => {
  it('defaults to 7 and 1 days before the due date, 1 and 7 after it (a platform default, configurable)', () => {
    expect(stepsOf('2026-12-14', S)).toEqual([
      { kind: 'before', offsetDays: 7, date: '2026-12-07' },
      { kind: 'before', offsetDays: 1, date: '2026-12-13' },
      { kind: 'after', offsetDays: 1, date: '2026-12-15' },
      { kind: 'after', offsetDays: 7, date: '2026-12-21' },
    ]);
    const c = loadConfig({});
    expect(c.reminders).toEqual({ intervalMinutes: 60, daysBefore: S.daysBefore, daysAfter: S.daysAfter });
    expect(c.mail.smtpUrl).toBeNull();
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('sends the newest step whose day has come, catching up a missed one until the next step or for 7 days', () => {
    expect(currentStep('2026-12-14', '2026-12-06', S)).toBeNull();
    expect(currentStep('2026-12-14', '2026-12-07', S)).toMatchObject({ kind: 'before', offsetDays: 7 });
    expect(currentStep('2026-12-14', '2026-12-12', S)).toMatchObject({ kind: 'before', offsetDays: 7 });
    expect(currentStep('2026-12-14', '2026-12-14', S)).toMatchObject({ kind: 'before', offsetDays: 1 });
    expect(currentStep('2026-12-14', '2026-12-15', S)).toMatchObject({ kind: 'after', offsetDays: 1 });
    expect(currentStep('2026-12-14', '2026-12-27', S)).toMatchObject({ kind: 'after', offsetDays: 7 });
    expect(currentStep('2026-12-14', '2026-12-28', S)).toBeNull();
    // Two offsets falling on one day are one step; no step at all sends nothing.
    expect(stepsOf('2026-12-14', { daysBefore: [0], daysAfter: [0] })).toHaveLength(1);
    expect(currentStep('2026-12-14', '2026-12-14', { daysBefore: [], daysAfter: [] })).toBeNull();
  });

  it('looks at the period just closed too: a yearly report is due on the last day of its window', () => {
    // 15/12/2026 is in the 2027 window; the 2026 report (due 14/12/2026) is 1 day late.
    expect(candidatePeriods('annualWindow', 0, '2026-12-15', S)).toEqual(['2026']);
    expect(candidatePeriods('annualWindow', 0, '2026-12-07', S)).toEqual(['2026']);
    expect(candidatePeriods('annualWindow', 0, '2026-06-01', S)).toEqual([]);
    // Quarters due 15 days after their end: on 10/04 the first quarter (due 15/04) is in reach.
    expect(candidatePeriods('quarter', 15, '2026-04-10', S)).toEqual(['2026-Q1']);
  });

  it('takes the day in Việt Nam (UTC+7)', () => {
    expect(vietnamToday(new Date('2026-12-06T18:00:00Z'))).toBe('2026-12-07');
  });
});

describe('the reminder text', () => {
  const facts = { templateName: 'Báo cáo năm', periodLabel: 'Kỳ báo cáo năm 2026', reporterName: 'Phường Long Châu', state: 'returned', dueDate: '2026-12-14' };
  it('names the report, the period, the due date (dd/mm/yyyy) and the time left or overdue', () => {
    expect(reminderNotification({ ...facts, today: '2026-12-07' })).toEqual({
      title: 'Nhắc nộp báo cáo: Báo cáo năm',
      body: 'Phường Long Châu chưa gửi “Báo cáo năm” – Kỳ báo cáo năm 2026 (bị trả lại, cần sửa và gửi lại). Hạn nộp: 14/12/2026, còn 7 ngày đến hạn.',
    });
    expect(reminderNotification({ ...facts, today: '2026-12-14' }).body).toContain('hạn nộp là hôm nay');
    const mail = reminderEmail({ ...facts, today: '2026-12-16', recipientName: 'Lê Thị Hoa', url: 'https://x.vn/reports/entry?a=1' });
    expect(mail.subject).toBe('[XHHT] Quá hạn nộp báo cáo: Báo cáo năm – hạn 14/12/2026');
    expect(mail.text).toContain('đã quá hạn 2 ngày');
    expect(mail.text).toContain('https://x.vn/reports/entry?a=1');
  });

  it('reads back the subject and text nodemailer encodes (the test receiver)', () => {
    const raw = 'Subject: =?UTF-8?Q?Nh=E1=BA=AFc_n=E1=BB=99p?= =?UTF-8?Q?_b=C3=A1o_c=C3=A1o?=\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nK=C3=ADnh g=E1=BB=\r\n=ADi\r\n';
    expect(parseMessage(raw)).toEqual({ subject: 'Nhắc nộp báo cáo', text: 'Kính gửi' });
  });

  it('tells a server that is down from an address refused', () => {
    expect(serverDown(Object.assign(new Error('x'), { code: 'ECONNECTION' }))).toBe(true);
    expect(serverDown(Object.assign(new Error('x'), { code: 'EENVELOPE' }))).toBe(false);
  });
});

describe('the configuration of reminders', () => {
  it('reads SMTP, the public address, the interval and the offsets, listing every problem', () => {
    const c = loadConfig({ SMTP_URL: 'smtp://u:p@127.0.0.1:2525', MAIL_FROM: 'XHHT <x@y.vn>', PUBLIC_URL: 'https://xhht.vl.gov.vn/', REMINDER_INTERVAL_MINUTES: '0', REMINDER_DAYS_BEFORE: '10, 3', REMINDER_DAYS_AFTER: 'none' });
    expect(c.mail).toEqual({ smtpUrl: 'smtp://u:p@127.0.0.1:2525', from: 'XHHT <x@y.vn>' });
    expect(c.publicUrl).toBe('https://xhht.vl.gov.vn');
    expect(c.reminders).toEqual({ intervalMinutes: 0, daysBefore: [10, 3], daysAfter: [] });
    expect(() => loadConfig({ SMTP_URL: 'http://x', PUBLIC_URL: 'ftp://x', REMINDER_INTERVAL_MINUTES: '-1', REMINDER_DAYS_BEFORE: '7;1', REMINDER_DAYS_AFTER: '400' })).toThrow(
      /PUBLIC_URL[\s\S]*SMTP_URL[\s\S]*REMINDER_INTERVAL_MINUTES[\s\S]*REMINDER_DAYS_BEFORE[\s\S]*REMINDER_DAYS_AFTER/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow(/MAIL_FROM/);
  });
});

describe('the reminder timer', () => {
  afterEach(() => void vi.useRealTimers());
  const summary = { today: '2026-12-07', templates: 1, reminded: 0, withoutRecipients: 0, notifications: 0, emails: 0, emailFailures: 0, errors: 0, emailConfigured: false };

  it('runs a minute after start, then every interval; 0 turns it off; stopping clears it', async () => {
    vi.useFakeTimers();
    const run = vi.fn(async () => summary);
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startReminderTimer(run, 60, log);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    await stop();
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    const off = vi.fn(async () => summary);
    await startReminderTimer(off, 0, log)();
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    expect(off).not.toHaveBeenCalled();
  });
});
