import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { planTargets, planTasks, plans, taskAssignments } from '../../db/schema/plans.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { escapeLike } from '../../lib/scope.ts';

const taskCount = sql<number>`(SELECT count(*)::int FROM plan_tasks t WHERE t.plan_id = plans.id)`;
const targetCount = sql<number>`(SELECT count(*)::int FROM plan_targets g WHERE g.plan_id = plans.id)`;

export const planColumns = {
  id: plans.id,
  provinceId: plans.provinceId,
  provincePath: adminUnits.path,
  number: plans.number,
  title: plans.title,
  issuer: plans.issuer,
  signer: plans.signer,
  issuedOn: plans.issuedOn,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  status: plans.status,
  legalBases: plans.legalBases,
  objectives: plans.objectives,
  sourceFilename: plans.sourceFilename,
  taskCount,
  targetCount,
};
export type PlanRow = Awaited<ReturnType<typeof findPlan>> & object;

export async function findPlan(db: Db, id: string) {
  const [row] = await db.select(planColumns).from(plans).innerJoin(adminUnits, eq(adminUnits.id, plans.provinceId)).where(eq(plans.id, id));
  return row;
}

export async function listPlans(db: Db, opts: { words: string[]; provinceId?: string; scope: SQL; limit: number; offset: number }) {
  const where = and(
    opts.provinceId ? eq(plans.provinceId, opts.provinceId) : undefined,
    ...opts.words.map((w) => sql`${plans.search} LIKE ${'%' + escapeLike(w) + '%'}`),
    opts.scope,
  );
  const [items, [count]] = await Promise.all([
    db.select(planColumns).from(plans).innerJoin(adminUnits, eq(adminUnits.id, plans.provinceId)).where(where).orderBy(desc(plans.issuedOn), desc(plans.createdAt)).limit(opts.limit).offset(opts.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(plans).innerJoin(adminUnits, eq(adminUnits.id, plans.provinceId)).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function insertPlan(db: Db, values: typeof plans.$inferInsert) {
  const [row] = await db.insert(plans).values(values).returning({ id: plans.id });
  return row!.id;
}

export async function insertTargets(db: Db, rows: (typeof planTargets.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(planTargets).values(rows.slice(i, i + 500));
}

/** Inserts tasks in order and returns their ids in the same order. */
export async function insertTasks(db: Db, rows: (typeof planTasks.$inferInsert)[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const out = await db.insert(planTasks).values(rows.slice(i, i + 500)).returning({ id: planTasks.id, position: planTasks.position });
    ids.push(...out.sort((a, b) => a.position - b.position).map((r) => r.id));
  }
  return ids;
}

export async function insertAssignments(db: Db, rows: (typeof taskAssignments.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(taskAssignments).values(rows.slice(i, i + 1000));
}

export async function targetsOf(db: Db, planId: string) {
  return db.select().from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.position));
}

export async function tasksOf(db: Db, planId: string) {
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));
  const assignments = tasks.length
    ? await db
        .select({ id: taskAssignments.id, taskId: taskAssignments.taskId, role: taskAssignments.role, agencyId: taskAssignments.agencyId, agencyName: agencies.name, groupId: taskAssignments.groupId, raw: taskAssignments.raw, groupName: taskAssignments.groupName })
        .from(taskAssignments)
        .leftJoin(agencies, eq(agencies.id, taskAssignments.agencyId))
        .where(inArray(taskAssignments.taskId, tasks.map((t) => t.id)))
        .orderBy(sql`${taskAssignments.role} DESC`, agencies.name)
    : [];
  return { tasks, assignments };
}

export async function agenciesInProvince(db: Db, provinceId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.provinceId, provinceId), inArray(agencies.id, ids)));
  return new Set(rows.map((r) => r.id));
}
