import { and, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roleAssignments, users } from '../../db/schema/accounts.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { notifications, remindersSent } from '../../db/schema/notifications.ts';
import { reportTemplates } from '../../db/schema/reporting.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { escapeLike } from '../../lib/scope.ts';

/** Every active template of every province, with what the schedule needs to find its periods. */
export async function activeTemplates(db: Db) {
  return db
    .select({ id: reportTemplates.id, periodKind: reportTemplates.periodKind, dueDaysAfterCutoff: reportTemplates.dueDaysAfterCutoff })
    .from(reportTemplates)
    .where(eq(reportTemplates.active, true))
    .orderBy(reportTemplates.provinceId, reportTemplates.code);
}

/** A template's province, to decide who may send its reminders now. */
export async function templateProvince(db: Db, templateId: string) {
  const [row] = await db
    .select({ provincePath: adminUnits.path })
    .from(reportTemplates)
    .innerJoin(adminUnits, eq(adminUnits.id, reportTemplates.provinceId))
    .where(eq(reportTemplates.id, templateId));
  return row;
}

export type Recipient = { id: string; username: string; displayName: string; email: string | null };

/**
 * The active accounts that act for each reporter of a province, read at once: the commune officers of a
 * commune; the officers of an agency; for the standing agency (Sở GDĐT), also the province's coordinators.
 */
export async function recipientsInProvince(db: Db, provinceId: string, provincePath: string) {
  const [rows, standing] = await Promise.all([
    db
      .select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email, role: roleAssignments.role, unitId: roleAssignments.scopeUnitId, agencyId: roleAssignments.scopeAgencyId })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .leftJoin(adminUnits, eq(adminUnits.id, roleAssignments.scopeUnitId))
      .leftJoin(agencies, eq(agencies.id, roleAssignments.scopeAgencyId))
      .where(
        and(
          eq(users.active, true),
          or(
            and(eq(roleAssignments.role, 'communeOfficer'), sql`${adminUnits.path} LIKE ${escapeLike(provincePath) + '%'}`),
            and(inArray(roleAssignments.role, ['agencyOfficer', 'learningCentreStaff']), eq(agencies.provinceId, provinceId)),
            and(eq(roleAssignments.role, 'coordinator'), eq(roleAssignments.scopeUnitId, provinceId)),
          ),
        ),
      )
      .orderBy(users.username),
    db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.provinceId, provinceId), eq(agencies.isStandingAgency, true))),
  ]);
  const standingIds = new Set(standing.map((a) => a.id));
  return (reporter: { unitId: string; agencyId: string | null }): Recipient[] => {
    const found = rows.filter((r) =>
      reporter.agencyId
        ? (r.role !== 'communeOfficer' && r.role !== 'coordinator' && r.agencyId === reporter.agencyId) || (r.role === 'coordinator' && standingIds.has(reporter.agencyId))
        : r.role === 'communeOfficer' && r.unitId === reporter.unitId,
    );
    const byId = new Map(found.map((r) => [r.id, { id: r.id, username: r.username, displayName: r.displayName, email: r.email }]));
    return [...byId.values()];
  };
}

export type StepKey = { templateId: string; periodKey: string; unitId: string; agencyId: string | null; kind: string; offsetDays: number };
type Delivery = StepKey & { channel: 'inApp' | 'email'; to: string };

const deliveryWhere = (d: Delivery) =>
  and(
    eq(remindersSent.templateId, d.templateId),
    eq(remindersSent.periodKey, d.periodKey),
    eq(remindersSent.unitId, d.unitId),
    d.agencyId ? eq(remindersSent.agencyId, d.agencyId) : isNull(remindersSent.agencyId),
    eq(remindersSent.kind, d.kind),
    eq(remindersSent.offsetDays, d.offsetDays),
    eq(remindersSent.channel, d.channel),
    eq(remindersSent.to, d.to),
  );

export async function delivered(db: Db, d: Delivery): Promise<boolean> {
  const [row] = await db.select({ id: remindersSent.id }).from(remindersSent).where(deliveryWhere(d)).limit(1);
  return !!row;
}

/**
 * Logs a delivery; false if it was already logged (by an earlier run, or a run racing this one): the unique
 * index decides, so a step is never delivered twice to the same recipient over the same channel.
 */
export async function logDelivery(db: Db, d: Delivery & { userId: string | null; sentAt: Date }): Promise<boolean> {
  const rows = await db
    .insert(remindersSent)
    .values({ templateId: d.templateId, periodKey: d.periodKey, unitId: d.unitId, agencyId: d.agencyId, kind: d.kind, offsetDays: d.offsetDays, channel: d.channel, to: d.to, userId: d.userId, sentAt: d.sentAt })
    .onConflictDoNothing()
    .returning({ id: remindersSent.id });
  return rows.length > 0;
}

export async function insertNotification(db: Db, values: typeof notifications.$inferInsert) {
  const [row] = await db.insert(notifications).values(values).returning({ id: notifications.id });
  return row!.id;
}

const notificationColumns = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};
export type NotificationRow = NonNullable<Awaited<ReturnType<typeof findNotification>>>;

export async function notificationsOf(db: Db, userId: string, opts: { limit: number; unreadOnly: boolean }) {
  const mine = eq(notifications.userId, userId);
  const [items, [counts]] = await Promise.all([
    db
      .select(notificationColumns)
      .from(notifications)
      .where(opts.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.limit),
    db
      .select({ total: count(), unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int` })
      .from(notifications)
      .where(mine),
  ]);
  return { items, total: Number(counts?.total ?? 0), unread: Number(counts?.unread ?? 0) };
}

/** Someone's notification; undefined if it does not exist or is another person's. */
export async function findNotification(db: Db, userId: string, id: string) {
  const [row] = await db.select(notificationColumns).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row;
}

export async function markRead(db: Db, userId: string, id: string | null, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}
