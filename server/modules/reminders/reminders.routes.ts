import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { NotificationPage, NotificationQuery, NotificationView, ReadAllResult, ReminderRunQuery, ReminderRunResult } from '../../../shared/contracts/reminders.ts';
import type { RemindersService } from './reminders.service.ts';

const tags = ['Thông báo, nhắc nộp báo cáo'];

export function remindersRoutes(app: App, reminders: RemindersService) {
  const r = typed(app);
  r.get('/api/notifications', { schema: { tags, summary: 'Thông báo của tôi (mới nhất trước) và số chưa đọc', querystring: NotificationQuery, response: { 200: NotificationPage } } }, (req) =>
    reminders.list(actorOf(req), req.query),
  );
  r.post('/api/notifications/:id/read', { schema: { tags, summary: 'Đánh dấu một thông báo của tôi là đã đọc', params: IdParams, response: { 200: NotificationView } } }, (req) =>
    reminders.markRead(actorOf(req), req.params.id),
  );
  r.post('/api/notifications/read-all', { schema: { tags, summary: 'Đánh dấu mọi thông báo của tôi là đã đọc', response: { 200: ReadAllResult } } }, (req) => reminders.markAllRead(actorOf(req)));
  r.post(
    '/api/reporting/reminders/run',
    { schema: { tags, summary: 'Gửi ngay lời nhắc tới các xã, cơ quan chưa gửi báo cáo của một kỳ (điều phối viên tỉnh)', querystring: ReminderRunQuery, response: { 200: ReminderRunResult } } },
    (req) => reminders.runNow(actorOf(req), req.query),
  );
}
