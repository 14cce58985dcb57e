import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/accounts.ts';
import type { Grant } from '../../lib/actor.ts';
import type { Role } from '../../../shared/domain/roles.ts';

export type GrantRow = Grant & { unitName: string | null; agencyName: string | null };

/**
 * Grants with the paths needed for scope checks, in one query: the unit scope's path, or the path of the
 * unit the scope agency is attached to, and the province either belongs to.
 */
export async function grantsOf(db: Db, userIds: string[]): Promise<Map<string, GrantRow[]>> {
  const out = new Map<string, GrantRow[]>();
  if (userIds.length === 0) return out;
  const res = await db.execute(sql`
    SELECT r.user_id AS "userId", r.role, r.scope_unit_id AS "unitId", r.scope_agency_id AS "agencyId",
           coalesce(u.path, au.path) AS "unitPath", coalesce(u.name, NULL) AS "unitName", a.name AS "agencyName",
           coalesce(a.province_id, p.id) AS "provinceId"
    FROM role_assignments r
    LEFT JOIN admin_units u ON u.id = r.scope_unit_id
    LEFT JOIN agencies a ON a.id = r.scope_agency_id
    LEFT JOIN admin_units au ON au.id = a.unit_id
    LEFT JOIN admin_units p ON p.path = split_part(u.path, '/', 1) || '/' || split_part(u.path, '/', 2) || '/'
    WHERE r.user_id IN (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY r.created_at`);
  for (const r of rowsOf<GrantRow & { userId: string; role: Role }>(res)) {
    const { userId, ...g } = r;
    const list = out.get(userId) ?? [];
    list.push(g);
    out.set(userId, list);
  }
  return out;
}

export async function findUserByUsername(db: Db, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u;
}

export async function findUserById(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

export async function findSession(db: Db, tokenHash: string) {
  const [s] = await db
    .select({ id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt, username: users.username, displayName: users.displayName, active: users.active, mustChangePassword: users.mustChangePassword })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return s;
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptTokenHash?: string) {
  await db.delete(sessions).where(
    exceptTokenHash ? sql`${sessions.userId} = ${userId} AND ${sessions.tokenHash} <> ${exceptTokenHash}` : eq(sessions.userId, userId),
  );
}

export async function updateUser(db: Db, id: string, values: Partial<typeof users.$inferInsert>) {
  await db.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, id));
}

