import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { adminUnits } from './units.ts';
import { agencies } from './agencies.ts';
import { reportTemplates } from './reporting.ts';

// In-app notifications and the log of reminders sent (issue 4, "reminders … sent on a schedule before the
// deadline and after it"; docs/decisions/0007-reminders.md).

/** One message to one person, shown under the bell in the header until read. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // shared/contracts/reminders.ts NOTIFICATION_KINDS
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path of the web app (/reports/entry?…), or null. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * One reminder step delivered to one recipient over one channel: the unique index is what makes a step
 * never sent twice. A reporter is a commune (agency null) or an agency, as in `reports`. `kind` is
 * before | after (the schedule; `offsetDays` from the due date) or manual (the coordinator's "send now";
 * `offsetDays` is the signed day count from the due date, so once a day). `to` is the user's id (inApp) or
 * the e-mail address (email); an e-mail is logged only once the SMTP server has accepted it.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id').notNull().references(() => reportTemplates.id, { onDelete: 'cascade' }),
    periodKey: text('period_key').notNull(),
    unitId: uuid('unit_id').notNull().references(() => adminUnits.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    kind: text('kind').notNull(),
    offsetDays: integer('offset_days').notNull(),
    channel: text('channel').notNull(), // inApp | email
    to: text('sent_to').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reminders_sent_step_uq').on(t.templateId, t.periodKey, t.unitId, sql`coalesce(${t.agencyId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.kind, t.offsetDays, t.channel, t.to),
  ],
);
