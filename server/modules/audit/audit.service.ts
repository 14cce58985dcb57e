import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/accounts.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAdmin } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';
import { escapeLike } from '../../lib/scope.ts';
import type { AuditQuery } from '../../../shared/contracts/audit.ts';

// The audit log is read by the system administrator only: it holds before/after values of every record.
export function createAuditService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, q: z.infer<typeof AuditQuery>) {
      if (!isAdmin(actor)) throw forbidden('Chỉ quản trị hệ thống được xem nhật ký.');
      const where = and(
        q.actor ? sql`${auditEvents.actorName} ILIKE ${'%' + escapeLike(q.actor) + '%'}` : undefined,
        q.action ? sql`${auditEvents.action} LIKE ${escapeLike(q.action) + '%'}` : undefined,
        q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
        q.from ? gte(auditEvents.at, new Date(`${q.from}T00:00:00+07:00`)) : undefined,
        // "to" is inclusive of the whole day, in Vietnam's time zone.
        q.to ? lt(auditEvents.at, new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000)) : undefined,
      );
      const [items, [count]] = await Promise.all([
        db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(q.limit).offset(q.offset),
        db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(where),
      ]);
      return {
        items: items.map((e) => ({ ...e, at: e.at.toISOString() })),
        total: count?.n ?? 0,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
