import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roleAssignments, users } from '../../db/schema/accounts.ts';
import { escapeLike } from '../../lib/scope.ts';

export const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  active: users.active,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};
export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return u;
}

export async function usernameTaken(db: Db, username: string) {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return !!u;
}

/**
 * Accounts visible to the actor: all, or those holding at least one grant inside the given subtrees
 * (a coordinator sees the accounts of their province).
 */
export async function listUsers(db: Db, opts: { words: string[]; scope: SQL | 'all'; limit: number; offset: number }) {
  const scoped =
    opts.scope === 'all'
      ? undefined
      : sql`EXISTS (SELECT 1 FROM role_assignments r
          LEFT JOIN admin_units u ON u.id = r.scope_unit_id
          LEFT JOIN agencies a ON a.id = r.scope_agency_id
          LEFT JOIN admin_units au ON au.id = a.unit_id
          WHERE r.user_id = ${users.id} AND ${opts.scope})`;
  const where = and(scoped, ...opts.words.map((w) => sql`${users.search} LIKE ${'%' + escapeLike(w) + '%'}`));
  const [items, [count]] = await Promise.all([
    db.select(userColumns).from(users).where(where).orderBy(desc(users.createdAt)).limit(opts.limit).offset(opts.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function updateUser(db: Db, id: string, values: Partial<typeof users.$inferInsert>) {
  await db.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, id));
}

export async function replaceGrants(db: Db, userId: string, grants: { role: string; scopeUnitId: string | null; scopeAgencyId: string | null }[]) {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (grants.length) await db.insert(roleAssignments).values(grants.map((g) => ({ ...g, userId })));
}

export async function deleteSessions(db: Db, userId: string) {
  await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
}

export async function scopeTargets(db: Db, unitIds: string[], agencyIds: string[]) {
  const units = unitIds.length
    ? await db.execute(sql`SELECT id, path, level, edition, valid_to AS "validTo" FROM admin_units WHERE id IN (${sql.join(unitIds.map((i) => sql`${i}`), sql`, `)})`)
    : { rows: [] };
  const ags = agencyIds.length
    ? await db.execute(sql`SELECT a.id, a.kind, a.active, u.path FROM agencies a JOIN admin_units u ON u.id = a.unit_id WHERE a.id IN (${sql.join(agencyIds.map((i) => sql`${i}`), sql`, `)})`)
    : { rows: [] };
  return {
    units: new Map((units as { rows: { id: string; path: string; level: string; edition: string; validTo: string | null }[] }).rows.map((u) => [u.id, u])),
    agencies: new Map((ags as { rows: { id: string; kind: string; active: boolean; path: string }[] }).rows.map((a) => [a.id, a])),
  };
}

