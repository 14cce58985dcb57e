import type { Lang } from '../../lib/i18n.ts';

// The bell's few words, in both languages of the interface (kept with the feature).
const TEXT = {
  vi: {
    bell: 'Thông báo',
    unread: '{n} chưa đọc',
    none: 'Chưa có thông báo nào',
    readAll: 'Đánh dấu tất cả đã đọc',
    markRead: 'Đánh dấu đã đọc',
    open: 'Mở',
    error: 'Không tải được thông báo.',
  },
  en: {
    bell: 'Notifications',
    unread: '{n} unread',
    none: 'No notifications yet',
    readAll: 'Mark all as read',
    markRead: 'Mark as read',
    open: 'Open',
    error: 'Could not load notifications.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type NotificationText = keyof (typeof TEXT)['vi'];

export function notificationText(lang: Lang, key: NotificationText, params: Record<string, string | number> = {}): string {
  return TEXT[lang][key].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? `{${k}}`));
}
