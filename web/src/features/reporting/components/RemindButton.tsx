import { App, Button, Popconfirm } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReminderRunResult } from '../../../../../shared/contracts/reminders.ts';
import { api, errorMessage } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { hasRole, useMe } from '../../../lib/session.tsx';

// "Nhắc nộp báo cáo" on the completeness board: the coordinator reminds now, in-app and by e-mail, every
// commune or agency that has not sent this report (POST /api/reporting/reminders/run; once a day at most).

const TEXT = {
  vi: {
    button: 'Nhắc nộp báo cáo',
    confirm: 'Gửi ngay lời nhắc (thông báo trong hệ thống và thư điện tử) tới mọi xã, cơ quan chưa gửi báo cáo này?',
    ok: 'Gửi nhắc',
    cancel: 'Hủy',
    done: 'Đã nhắc: {notifications} thông báo, {emails} thư điện tử ({pending} xã, cơ quan chưa gửi; {without} chưa có tài khoản).',
    noMail: ' Máy chủ chưa cấu hình gửi thư điện tử (SMTP_URL).',
    failed: ' {n} thư chưa gửi được, sẽ gửi lại ở lần nhắc tự động sau.',
    nothing: 'Không có lời nhắc mới: các xã, cơ quan chưa gửi đã được nhắc hôm nay.',
    allSent: 'Mọi xã, cơ quan đã gửi báo cáo này.',
    noAccounts: 'Các xã, cơ quan chưa gửi ({pending}) chưa có tài khoản nào trên hệ thống để nhắc.',
  },
  en: {
    button: 'Send reminders',
    confirm: 'Remind now (in-app and by e-mail) every commune or agency that has not sent this report?',
    ok: 'Send',
    cancel: 'Cancel',
    done: 'Reminded: {notifications} notifications, {emails} e-mails ({pending} not sent; {without} without an account).',
    noMail: ' E-mail is not set up on the server (SMTP_URL).',
    failed: ' {n} e-mails could not be sent; the next scheduled run retries them.',
    nothing: 'No new reminders: those who have not sent were already reminded today.',
    allSent: 'Every commune and agency has sent this report.',
    noAccounts: 'None of those who have not sent ({pending}) has an account to remind.',
  },
} as const;

const fill = (s: string, p: Record<string, number>) => s.replace(/\{(\w+)\}/g, (_m, k: string) => String(p[k] ?? ''));

export function RemindButton({ templateId, periodKey, pending }: { templateId: string; periodKey: string; pending: number }) {
  const { lang } = useI18n();
  const text = TEXT[lang];
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: () => api<ReminderRunResult>('/api/reporting/reminders/run', { method: 'POST', query: { templateId, periodKey } }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      if (r.notifications === 0 && r.emails === 0 && r.emailFailures === 0) {
        return void message.info(r.pending === 0 ? text.allSent : r.withoutRecipients === r.pending ? fill(text.noAccounts, { pending: r.pending }) : text.nothing);
      }
      const said = fill(text.done, { notifications: r.notifications, emails: r.emails, pending: r.pending, without: r.withoutRecipients }) + (r.emailConfigured ? '' : text.noMail) + (r.emailFailures ? fill(text.failed, { n: r.emailFailures }) : '');
      void (r.emailFailures || !r.emailConfigured ? message.warning(said, 8) : message.success(said, 6));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (!hasRole(me, 'coordinator', 'systemAdmin')) return null;
  return (
    <Popconfirm title={text.button} description={<div style={{ maxWidth: 320 }}>{text.confirm}</div>} okText={text.ok} cancelText={text.cancel} onConfirm={() => run.mutate()} disabled={pending === 0}>
      <Button icon={<BellOutlined />} loading={run.isPending} disabled={pending === 0} data-testid="completeness-remind">
        {text.button}
      </Button>
    </Popconfirm>
  );
}
