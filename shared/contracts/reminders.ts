import { z } from 'zod';
import { Uuid } from './common.ts';
import { CompletenessQuery } from './reporting.ts';

// In-app notifications (the bell in the header) and reminders to submit reports (issue 4).

export const NOTIFICATION_KINDS = ['reportReminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The steps of a reminder: the schedule's before/after the due date, or sent now by the coordinator. */
export const REMINDER_KINDS = ['before', 'after', 'manual'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const NotificationView = z.object({
  id: Uuid,
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A path of the web app, or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unreadOnly: z.enum(['true', 'false']).optional(),
});
/** Mine, newest first, and how many are unread (all of them, not only those listed). */
export const NotificationPage = z.object({ items: z.array(NotificationView), unread: z.number().int(), total: z.number().int() });
export type NotificationPage = z.infer<typeof NotificationPage>;
export const ReadAllResult = z.object({ updated: z.number().int() });

export const ReminderRunQuery = CompletenessQuery;
export const ReminderRunResult = z.object({
  templateId: Uuid,
  periodKey: z.string(),
  dueDate: z.iso.date(),
  /** Reporters that have not submitted (draft, returned or not started). */
  pending: z.number().int(),
  /** Of those, how many have nobody with an account to notify. */
  withoutRecipients: z.number().int(),
  notifications: z.number().int(),
  emails: z.number().int(),
  emailFailures: z.number().int(),
  /** Whether e-mail is set up on the server (SMTP_URL); without it reminders are in-app only. */
  emailConfigured: z.boolean(),
});
export type ReminderRunResult = z.infer<typeof ReminderRunResult>;
