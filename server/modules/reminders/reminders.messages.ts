import { viDate } from '../../../shared/domain/reporting-periods.ts';
import { daysBetween } from './reminders.schedule.ts';

// What a reminder says, in Vietnamese: the report, the period, the due date (dd/mm/yyyy) and a link to it.

export type ReminderFacts = {
  templateName: string;
  periodLabel: string;
  reporterName: string;
  state: string;
  dueDate: string;
  today: string;
};

const STATE_VI: Record<string, string> = {
  notStarted: 'chưa nhập',
  draft: 'đang nhập, chưa gửi',
  returned: 'bị trả lại, cần sửa và gửi lại',
};

/** The web path of a report's entry form (web/src/features/reporting/model.ts entryHref). */
export function entryPath(k: { templateId: string; periodKey: string; unitId: string; agencyId: string | null }): string {
  const q = new URLSearchParams({ templateId: k.templateId, periodKey: k.periodKey, unitId: k.unitId });
  if (k.agencyId) q.set('agencyId', k.agencyId);
  return `/reports/entry?${q.toString()}`;
}

/** The in-app notification: a title and one paragraph. */
export function reminderNotification(f: ReminderFacts): { title: string; body: string } {
  const left = daysBetween(f.today, f.dueDate);
  const overdue = left < 0;
  const when = left === 0 ? 'hạn nộp là hôm nay' : overdue ? `đã quá hạn ${-left} ngày` : `còn ${left} ngày đến hạn`;
  const state = STATE_VI[f.state] ?? 'chưa gửi';
  return {
    title: `${overdue ? 'Quá hạn nộp báo cáo' : 'Nhắc nộp báo cáo'}: ${f.templateName}`,
    body: `${f.reporterName} chưa gửi “${f.templateName}” – ${f.periodLabel} (${state}). Hạn nộp: ${viDate(f.dueDate)}, ${when}.`,
  };
}

/** The e-mail: the subject names the report and its due date; the text ends with the full link. */
export function reminderEmail(f: ReminderFacts & { recipientName: string; url: string }): { subject: string; text: string } {
  const n = reminderNotification(f);
  return {
    subject: `[XHHT] ${n.title} – hạn ${viDate(f.dueDate)}`,
    text: [
      `Kính gửi ${f.recipientName},`,
      '',
      n.body,
      '',
      `Mở báo cáo để nhập số liệu và gửi: ${f.url}`,
      '',
      '--',
      `Thư gửi tự động từ hệ thống XHHT (xây dựng xã hội học tập) vì tài khoản của bạn báo cáo cho ${f.reporterName}. Thông báo cũng có trong mục chuông trên hệ thống.`,
    ].join('\n'),
  };
}
