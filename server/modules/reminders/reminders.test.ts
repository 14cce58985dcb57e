import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { startSmtpReceiver, type SmtpReceiver } from './reminders.smtp-receiver.ts';

// Issue 4: reminders to submit reports, in-app and by e-mail through SMTP (a local receiver here), on a
// schedule before the due date and after it; never twice for a step; none for a reporter that has submitted;
// e-mails retried when the SMTP server was down. Period 2019 (due 14/12/2019): the demo fills 2025 and 2026.

const PERIOD = '2019';
const DUE_VI = '14/12/2019';
let now = new Date('2019-11-01T03:00:00Z');
let t: TestApp;
let smtp: SmtpReceiver;
const cookies: Record<string, string> = {};
let xaTemplate: string;
let xaName: string;
let longChau: string;
let commune29242: string;

/** A moment of a Vietnamese day (10:00 in Việt Nam). */
const day = (isoDate: string) => new Date(`${isoDate}T03:00:00Z`);
const run = (isoDate: string) => {
  now = day(isoDate);
  return t.services.reminders.runReminders(now);
};
/** Sessions expire on the test's clock: log in again once it has moved. */
async function as(who: string, method: 'GET' | 'POST', url: string) {
  const key = `${who}@${now.toISOString()}`;
  cookies[key] ??= await t.login(who);
  return t.app.inject({ method, url, headers: { cookie: cookies[key] } });
}
const notesOf = async (username: string) =>
  rowsOf<{ id: string; title: string; body: string; link: string | null; read_at: string | null }>(
    await t.database.db.execute(sql`SELECT n.id, n.title, n.body, n.link, n.read_at FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ${username} ORDER BY n.created_at, n.title`),
  );
const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const emailLog = async () => rowsOf<{ sent_to: string; kind: string; offset_days: number }>(await t.database.db.execute(sql`SELECT sent_to, kind, offset_days FROM reminders_sent WHERE channel = 'email' ORDER BY sent_at`));

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  t = await buildTestApp({ clock: { now: () => now }, env: { SMTP_URL: smtp.url, MAIL_FROM: 'XHHT Vĩnh Long <xhht@vinhlong.example.vn>', PUBLIC_URL: 'https://xhht.example.vn/' } });
  const vinhLong = await t.unitId('2025/86/');
  longChau = await t.unitId('2025/86/29551/');
  commune29242 = await t.unitId('2025/86/29242/');
  const templates = (await as('sogddt', 'GET', `/api/reporting/templates?provinceId=${vinhLong}`)).json();
  const xa = templates.find((x: { code: string }) => x.code === 'xhht-xa');
  xaTemplate = xa.id;
  xaName = xa.name;
  // E-mail addresses: two officers of commune 29242 (one of them shares nothing), Long Châu, the coordinator.
  for (const u of ['xa29242', 'travinh', 'longchau', 'sogddt']) await t.database.db.execute(sql`UPDATE users SET email = ${`${u}@example.vn`} WHERE username = ${u}`);
  // Long Châu has sent its 2019 report: it is reminded of nothing.
  await t.database.db.execute(sql`INSERT INTO reports (template_id, period_key, unit_id, state, due_date, submitted_at) VALUES (${xaTemplate}, ${PERIOD}, ${longChau}, 'submitted', '2019-12-14', '2019-12-01T02:00:00Z')`);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('reminders on the schedule', () => {
  it('sends nothing while no step is due (a month before)', async () => {
    const r = await run('2019-11-10');
    expect(r).toMatchObject({ notifications: 0, emails: 0 });
  });

  it('7 days before: in-app to every officer of a commune that has not submitted, and an e-mail naming the report and its due date', async () => {
    const r = await run('2019-12-07');
    expect(r.notifications).toBeGreaterThan(0);
    expect(r.emailFailures).toBe(0);
    for (const u of ['xa29242', 'travinh']) {
      const notes = (await notesOf(u)).filter((n) => n.title.includes(xaName));
      expect(notes, u).toHaveLength(1);
      expect(notes[0]!.title).toBe(`Nhắc nộp báo cáo: ${xaName}`);
      expect(notes[0]!.body).toContain(`Hạn nộp: ${DUE_VI}, còn 7 ngày đến hạn`);
      expect(notes[0]!.link).toBe(`/reports/entry?templateId=${xaTemplate}&periodKey=${PERIOD}&unitId=${commune29242}`);
    }
    const mails = mailsTo('xa29242@example.vn');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.from).toBe('xhht@vinhlong.example.vn');
    expect(mails[0]!.subject).toContain(xaName);
    expect(mails[0]!.subject).toContain(DUE_VI);
    expect(mails[0]!.text).toContain('Kính gửi Cán bộ UBND');
    expect(mails[0]!.text).toContain('Kỳ báo cáo năm 2019');
    expect(mails[0]!.text).toContain(`https://xhht.example.vn/reports/entry?templateId=${xaTemplate}&periodKey=${PERIOD}&unitId=${commune29242}`);
    expect(mailsTo('travinh@example.vn')).toHaveLength(1);
  });

  it('reminds the coordinator of what Sở GDĐT itself owes (the standing agency)', async () => {
    const notes = await notesOf('sogddt');
    expect(notes.some((n) => n.title.startsWith('Nhắc nộp báo cáo: Số liệu công nhận'))).toBe(true);
    expect(mailsTo('sogddt@example.vn').length).toBeGreaterThan(0);
  });

  it('gives a commune that has submitted nothing', async () => {
    expect(await notesOf('longchau')).toEqual([]);
    expect(mailsTo('longchau@example.vn')).toEqual([]);
  });

  it('never sends a step twice: a second run, and a run days later before the next step, add nothing', async () => {
    const before = smtp.mails.length;
    expect(await run('2019-12-07')).toMatchObject({ notifications: 0, emails: 0 });
    expect(await run('2019-12-10')).toMatchObject({ notifications: 0, emails: 0 });
    expect(smtp.mails.length).toBe(before);
    expect((await notesOf('xa29242')).filter((n) => n.title.includes(xaName))).toHaveLength(1);
  });

  it('SMTP down: the in-app reminder is written, the e-mail is not logged as sent and goes out on the next run', async () => {
    smtp.down = true;
    const before = smtp.mails.length;
    const down = await run('2019-12-13');
    expect(down.notifications).toBeGreaterThan(0);
    expect(down.emails).toBe(0);
    expect(down.emailFailures).toBeGreaterThan(0);
    expect(smtp.mails.length).toBe(before);
    const notes = (await notesOf('xa29242')).filter((n) => n.title.includes(xaName));
    expect(notes).toHaveLength(2);
    expect(notes[1]!.body).toContain('còn 1 ngày đến hạn');
    expect((await emailLog()).filter((l) => l.sent_to === 'xa29242@example.vn' && l.offset_days === 1)).toEqual([]);

    smtp.down = false;
    const again = await run('2019-12-13');
    expect(again).toMatchObject({ notifications: 0, emailFailures: 0 });
    expect(again.emails).toBeGreaterThan(0);
    expect(mailsTo('xa29242@example.vn')).toHaveLength(2);
    expect((await emailLog()).filter((l) => l.sent_to === 'xa29242@example.vn')).toEqual([
      { sent_to: 'xa29242@example.vn', kind: 'before', offset_days: 7 },
      { sent_to: 'xa29242@example.vn', kind: 'before', offset_days: 1 },
    ]);
    expect((await run('2019-12-13')).emails).toBe(0);
  });

  it('after the due date: 1 and 7 days late, saying it is overdue', async () => {
    await run('2019-12-15');
    await run('2019-12-21');
    const notes = (await notesOf('xa29242')).filter((n) => n.title.includes(xaName));
    expect(notes.map((n) => n.title)).toEqual([`Nhắc nộp báo cáo: ${xaName}`, `Nhắc nộp báo cáo: ${xaName}`, `Quá hạn nộp báo cáo: ${xaName}`, `Quá hạn nộp báo cáo: ${xaName}`]);
    expect(notes[2]!.body).toContain('đã quá hạn 1 ngày');
    expect(notes[3]!.body).toContain('đã quá hạn 7 ngày');
    const late = mailsTo('xa29242@example.vn').at(-1)!;
    expect(late.subject).toBe(`[XHHT] Quá hạn nộp báo cáo: ${xaName} – hạn ${DUE_VI}`);
    // Past the last step's catch-up days nothing more is sent.
    expect(await run('2020-01-10')).toMatchObject({ notifications: 0, emails: 0 });
    expect(await notesOf('longchau')).toEqual([]);
  });
});

describe('the coordinator sends reminders now', () => {
  const url = (templateId = xaTemplate, periodKey = PERIOD) => `/api/reporting/reminders/run?templateId=${templateId}&periodKey=${periodKey}`;

  it('reminds every commune that has not submitted, once a day', async () => {
    now = day('2020-01-15');
    const res = await as('sogddt', 'POST', url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ templateId: xaTemplate, periodKey: PERIOD, dueDate: '2019-12-14', emailConfigured: true, emailFailures: 0 });
    expect(body.pending).toBeGreaterThan(body.withoutRecipients);
    expect(body.notifications).toBeGreaterThan(0);
    expect(body.emails).toBeGreaterThan(0);
    const last = (await notesOf('xa29242')).at(-1)!;
    expect(last.body).toContain('đã quá hạn 32 ngày');
    expect((await as('sogddt', 'POST', url())).json()).toMatchObject({ notifications: 0, emails: 0 });
    expect(await notesOf('longchau')).toEqual([]);
    const audit = rowsOf<{ actor_name: string }>(await t.database.db.execute(sql`SELECT actor_name FROM audit_events WHERE action = 'reminder.send' AND after->>'kind' = 'manual'`));
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((a) => a.actor_name))).toEqual(new Set(['sogddt']));
  });

  it('is refused to others of the province (403), hidden from another province (404), and checks the period', async () => {
    for (const who of ['xem', 'longchau', 'sovhttdl']) expect((await as(who, 'POST', url())).statusCode, who).toBe(403);
    expect((await as('cantho', 'POST', url())).statusCode).toBe(404);
    expect((await as('sogddt', 'POST', url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await as('sogddt', 'POST', url(xaTemplate, '2019-Q1'))).statusCode).toBe(400);
  });
});

describe('notifications', () => {
  it('lists mine, newest first, with the unread count; marks one read; refuses another person’s (404)', async () => {
    const page = (await as('xa29242', 'GET', '/api/notifications?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.unread).toBe(page.total);
    expect(page.items[0].createdAt >= page.items[1].createdAt).toBe(true);
    expect(page.items[0].body).toContain('đã quá hạn 32 ngày');
    const id = page.items[0].id;
    expect((await as('travinh', 'POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await as('admin', 'POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    const read = await as('xa29242', 'POST', `/api/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(now.toISOString());
    expect((await as('xa29242', 'POST', `/api/notifications/${id}/read`)).json().readAt).toBe(now.toISOString());
    const after = (await as('xa29242', 'GET', '/api/notifications')).json();
    expect(after.unread).toBe(page.unread - 1);
    const unread = (await as('xa29242', 'GET', '/api/notifications?unreadOnly=true&limit=100')).json();
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(id);
  });

  it('marks all of mine read, and only mine', async () => {
    const travinhUnread = (await as('travinh', 'GET', '/api/notifications')).json().unread;
    const res = await as('xa29242', 'POST', '/api/notifications/read-all');
    expect(res.statusCode).toBe(200);
    expect(res.json().updated).toBeGreaterThan(0);
    expect((await as('xa29242', 'GET', '/api/notifications')).json().unread).toBe(0);
    expect((await as('travinh', 'GET', '/api/notifications')).json().unread).toBe(travinhUnread);
  });
});
