import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies, agencyGroups } from '../../db/schema/agencies.ts';
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
  implementsPlanId: plans.implementsPlanId,
  amendsPlanId: plans.amendsPlanId,
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

/** The targets of a province's plans in force, with the plan they come from (for progress against targets). */
export async function targetsInForce(db: Db, provinceId: string) {
  return db
    .select({ id: planTargets.id, planId: plans.id, planNumber: plans.number, planTitle: plans.title, indicator: planTargets.indicator, comparator: planTargets.comparator, value: planTargets.value, unit: planTargets.unit, year: planTargets.year, scope: planTargets.scope, text: planTargets.text })
    .from(planTargets)
    .innerJoin(plans, eq(plans.id, planTargets.planId))
    .where(and(eq(plans.provinceId, provinceId), eq(plans.status, 'inForce')))
    .orderBy(asc(planTargets.year), asc(planTargets.position));
}

/** The plan and province a target belongs to. */
export async function targetOwner(db: Db, targetId: string) {
  const [row] = await db
    .select({ planId: plans.id, provinceId: plans.provinceId, provincePath: adminUnits.path })
    .from(planTargets)
    .innerJoin(plans, eq(plans.id, planTargets.planId))
    .innerJoin(adminUnits, eq(adminUnits.id, plans.provinceId))
    .where(eq(planTargets.id, targetId));
  return row;
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

export async function updatePlan(db: Db, id: string, values: Partial<typeof plans.$inferInsert>) {
  await db.update(plans).set({ ...values, updatedAt: new Date() }).where(eq(plans.id, id));
}

const refColumns = { id: plans.id, number: plans.number, title: plans.title, issuedOn: plans.issuedOn, status: plans.status, provinceId: plans.provinceId };

/** Plans of a province by id (a plan named as implemented or amended must be one of them). */
export async function plansInProvince(db: Db, provinceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(refColumns).from(plans).where(and(eq(plans.provinceId, provinceId), inArray(plans.id, ids)));
}

/** The plans a plan names (implements, amends) and the plans naming it, within its province. */
export async function relatedPlans(db: Db, p: { id: string; provinceId: string; implementsPlanId: string | null; amendsPlanId: string | null }) {
  const named = [p.implementsPlanId, p.amendsPlanId].filter((x): x is string => !!x);
  const rows = await db
    .select({ ...refColumns, implementsPlanId: plans.implementsPlanId, amendsPlanId: plans.amendsPlanId })
    .from(plans)
    .where(and(eq(plans.provinceId, p.provinceId), or(eq(plans.implementsPlanId, p.id), eq(plans.amendsPlanId, p.id), named.length ? inArray(plans.id, named) : undefined)))
    .orderBy(desc(plans.issuedOn), desc(plans.createdAt));
  return rows;
}

/**
 * Follows `implements` or `amends` links up from a plan: the ids met on the way, first the plan itself.
 * Bounded, so a cycle already in the data cannot loop.
 */
export async function chainFrom(db: Db, startId: string, link: 'implementsPlanId' | 'amendsPlanId', max = 200): Promise<string[]> {
  const out: string[] = [];
  let id: string | null = startId;
  while (id && out.length < max && !out.includes(id)) {
    out.push(id);
    const [row]: { next: string | null }[] = await db.select({ next: plans[link] }).from(plans).where(eq(plans.id, id));
    id = row?.next ?? null;
  }
  return out;
}

/** An assignment of a plan, with the task it belongs to (undefined when it is not the plan's). */
export async function findAssignment(db: Db, planId: string, assignmentId: string) {
  const [row] = await db
    .select({ id: taskAssignments.id, taskId: taskAssignments.taskId, taskCode: planTasks.code, role: taskAssignments.role, agencyId: taskAssignments.agencyId, groupId: taskAssignments.groupId, raw: taskAssignments.raw, groupName: taskAssignments.groupName })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(and(eq(taskAssignments.id, assignmentId), eq(planTasks.planId, planId)));
  return row;
}

/** The assignments of a plan still pointing at neither an agency nor a group, in document order. */
export async function unresolvedAssignments(db: Db, planId: string) {
  return db
    .select({ id: taskAssignments.id, taskId: taskAssignments.taskId, taskCode: planTasks.code, role: taskAssignments.role, raw: taskAssignments.raw })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(and(eq(planTasks.planId, planId), isNull(taskAssignments.agencyId), isNull(taskAssignments.groupId)))
    .orderBy(asc(planTasks.position), asc(taskAssignments.id));
}

export async function countUnresolved(db: Db, planId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(and(eq(planTasks.planId, planId), isNull(taskAssignments.agencyId), isNull(taskAssignments.groupId)));
  return row?.n ?? 0;
}

export async function findAgency(db: Db, id: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name, provinceId: agencies.provinceId, active: agencies.active }).from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function findGroup(db: Db, id: string) {
  const [row] = await db.select({ id: agencyGroups.id, name: agencyGroups.name, provinceId: agencyGroups.provinceId }).from(agencyGroups).where(eq(agencyGroups.id, id));
  return row;
}

/** Tasks (of those given) that already have, in a role, an assignment to this agency or group. */
export async function assignedAlready(db: Db, taskIds: string[], to: { agencyId: string | null; groupId: string | null }, exceptIds: string[]) {
  if (taskIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ taskId: taskAssignments.taskId, role: taskAssignments.role })
    .from(taskAssignments)
    .where(
      and(
        inArray(taskAssignments.taskId, taskIds),
        to.agencyId ? eq(taskAssignments.agencyId, to.agencyId) : eq(taskAssignments.groupId, to.groupId!),
        exceptIds.length ? notInArray(taskAssignments.id, exceptIds) : undefined,
      ),
    );
  return new Set(rows.map((r) => `${r.taskId}|${r.role}`));
}

export async function pointAssignments(db: Db, ids: string[], to: { agencyId: string | null; groupId: string | null; groupName: string | null }) {
  for (let i = 0; i < ids.length; i += 1000) await db.update(taskAssignments).set(to).where(inArray(taskAssignments.id, ids.slice(i, i + 1000)));
}

export async function deleteAssignments(db: Db, ids: string[]) {
  for (let i = 0; i < ids.length; i += 1000) await db.delete(taskAssignments).where(inArray(taskAssignments.id, ids.slice(i, i + 1000)));
}

/** The assignment of a task in a role to an agency or a group, as the plan shows it. */
export async function assignmentTo(db: Db, taskId: string, role: string, to: { agencyId: string | null; groupId: string | null }) {
  const [row] = await db
    .select({ id: taskAssignments.id, role: taskAssignments.role, agencyId: taskAssignments.agencyId, agencyName: agencies.name, groupId: taskAssignments.groupId, raw: taskAssignments.raw, groupName: taskAssignments.groupName })
    .from(taskAssignments)
    .leftJoin(agencies, eq(agencies.id, taskAssignments.agencyId))
    .where(and(eq(taskAssignments.taskId, taskId), eq(taskAssignments.role, role), to.agencyId ? eq(taskAssignments.agencyId, to.agencyId) : eq(taskAssignments.groupId, to.groupId!)))
    .limit(1);
  return row;
}
