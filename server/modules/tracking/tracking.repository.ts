import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { users } from '../../db/schema/accounts.ts';
import { plans, planTasks, taskAssignments } from '../../db/schema/plans.ts';
import { evidenceFiles, taskContributions, taskStatuses } from '../../db/schema/tracking.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { escapeLike } from '../../lib/scope.ts';

const taskColumns = {
  id: planTasks.id,
  planId: planTasks.planId,
  code: planTasks.code,
  title: planTasks.title,
  description: planTasks.description,
  section: planTasks.section,
  deliverables: planTasks.deliverables,
  budget: planTasks.budget,
  schedule: planTasks.schedule,
  position: planTasks.position,
  planNumber: plans.number,
  planTitle: plans.title,
  planStatus: plans.status,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  provinceId: plans.provinceId,
  provincePath: adminUnits.path,
};

export async function findTask(db: Db, id: string) {
  const [row] = await db.select(taskColumns).from(planTasks).innerJoin(plans, eq(plans.id, planTasks.planId)).innerJoin(adminUnits, eq(adminUnits.id, plans.provinceId)).where(eq(planTasks.id, id));
  return row;
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export async function findPlan(db: Db, id: string) {
  const [row] = await db
    .select({ id: plans.id, provinceId: plans.provinceId, provincePath: adminUnits.path, periodStart: plans.periodStart, periodEnd: plans.periodEnd, number: plans.number, title: plans.title })
    .from(plans)
    .innerJoin(adminUnits, eq(adminUnits.id, plans.provinceId))
    .where(eq(plans.id, id));
  return row;
}

/** Tasks of a plan, or the tasks of plans in force that name one of the agencies or groups. */
export async function tasksWhere(db: Db, where: { planId: string } | { agencyIds: string[]; groupIds: string[]; planId?: string }, words: string[] = []) {
  const wordFilter = words.map((w) => sql`${planTasks.search} LIKE ${'%' + escapeLike(w) + '%'}`);
  const base = db.select(taskColumns).from(planTasks).innerJoin(plans, eq(plans.id, planTasks.planId)).innerJoin(adminUnits, eq(adminUnits.id, plans.provinceId));
  if ('agencyIds' in where) {
    const { agencyIds, groupIds } = where;
    if (!agencyIds.length && !groupIds.length) return [];
    const named = sql.join(
      [
        ...(agencyIds.length ? [sql`a.agency_id IN (${sql.join(agencyIds.map((id) => sql`${id}`), sql`, `)})`] : []),
        ...(groupIds.length ? [sql`a.group_id IN (${sql.join(groupIds.map((id) => sql`${id}`), sql`, `)})`] : []),
      ],
      sql` OR `,
    );
    return base
      .where(and(eq(plans.status, 'inForce'), where.planId ? eq(plans.id, where.planId) : undefined, sql`EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = plan_tasks.id AND (${named}))`, ...wordFilter))
      .orderBy(asc(plans.issuedOn), asc(planTasks.position));
  }
  return base.where(and(eq(planTasks.planId, where.planId), ...wordFilter)).orderBy(asc(planTasks.position));
}

export async function assignmentsOf(db: Db, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db
    .select({
      id: taskAssignments.id,
      taskId: taskAssignments.taskId,
      role: taskAssignments.role,
      agencyId: taskAssignments.agencyId,
      agencyName: agencies.name,
      groupId: taskAssignments.groupId,
      groupName: taskAssignments.groupName,
      raw: taskAssignments.raw,
    })
    .from(taskAssignments)
    .leftJoin(agencies, eq(agencies.id, taskAssignments.agencyId))
    .where(inArray(taskAssignments.taskId, taskIds))
    .orderBy(sql`${taskAssignments.role} DESC`, agencies.name);
}

export async function agencyNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The agencies a person acts for: their own agency, their commune's People's Committee, their province's standing agency. */
export async function agenciesActedFor(db: Db, agencyIds: string[], communeUnitIds: string[], coordinatedProvinceIds: string[] = []) {
  const conds = [
    ...(agencyIds.length ? [inArray(agencies.id, agencyIds)] : []),
    ...(communeUnitIds.length ? [and(eq(agencies.kind, 'peoplesCommittee'), inArray(agencies.unitId, communeUnitIds))] : []),
    ...(coordinatedProvinceIds.length ? [and(eq(agencies.isStandingAgency, true), inArray(agencies.provinceId, coordinatedProvinceIds))] : []),
  ];
  if (!conds.length) return [];
  return db
    .select({ id: agencies.id, name: agencies.name, provinceId: agencies.provinceId })
    .from(agencies)
    .where(and(eq(agencies.active, true), conds.length === 1 ? conds[0] : sql`(${sql.join(conds.map((c) => sql`(${c})`), sql` OR `)})`));
}

const submitter = alias(users, 'submitter');
const reviewer = alias(users, 'reviewer');
const editor = alias(users, 'editor');

const contributionColumns = {
  id: taskContributions.id,
  taskId: taskContributions.taskId,
  agencyId: taskContributions.agencyId,
  agencyName: agencies.name,
  due: taskContributions.due,
  progress: taskContributions.progress,
  state: taskContributions.state,
  narrative: taskContributions.narrative,
  returnReason: taskContributions.returnReason,
  version: taskContributions.version,
  submittedAt: taskContributions.submittedAt,
  submittedByName: submitter.displayName,
  reviewedAt: taskContributions.reviewedAt,
  reviewedByName: reviewer.displayName,
  updatedAt: taskContributions.updatedAt,
  updatedByName: editor.displayName,
};

function contributionQuery(db: Db) {
  return db
    .select(contributionColumns)
    .from(taskContributions)
    .innerJoin(agencies, eq(agencies.id, taskContributions.agencyId))
    .leftJoin(submitter, eq(submitter.id, taskContributions.submittedBy))
    .leftJoin(reviewer, eq(reviewer.id, taskContributions.reviewedBy))
    .leftJoin(editor, eq(editor.id, taskContributions.updatedBy));
}
export type ContributionRow = Awaited<ReturnType<typeof findContribution>> & object;

export async function findContribution(db: Db, id: string) {
  const [row] = await contributionQuery(db).where(eq(taskContributions.id, id));
  return row;
}

export async function findContributionFor(db: Db, taskId: string, agencyId: string, due: string) {
  const [row] = await contributionQuery(db).where(and(eq(taskContributions.taskId, taskId), eq(taskContributions.agencyId, agencyId), eq(taskContributions.due, due)));
  return row;
}

export async function contributionsOf(db: Db, taskIds: string[], agencyIds?: string[]) {
  if (!taskIds.length || agencyIds?.length === 0) return [];
  return contributionQuery(db).where(and(inArray(taskContributions.taskId, taskIds), agencyIds ? inArray(taskContributions.agencyId, agencyIds) : undefined));
}

/** Just the states, for counting over a whole plan. */
export async function contributionStates(db: Db, planId: string) {
  return db
    .select({ taskId: taskContributions.taskId, agencyId: taskContributions.agencyId, due: taskContributions.due, state: taskContributions.state })
    .from(taskContributions)
    .innerJoin(planTasks, eq(planTasks.id, taskContributions.taskId))
    .where(eq(planTasks.planId, planId));
}

export async function insertContribution(db: Db, values: typeof taskContributions.$inferInsert) {
  const [row] = await db.insert(taskContributions).values(values).returning({ id: taskContributions.id });
  return row!.id;
}

/** Updates only if the version is still the one read: the caller treats 0 rows as a conflict. */
export async function updateContribution(db: Db, id: string, version: number, values: Partial<typeof taskContributions.$inferInsert>) {
  const rows = await db
    .update(taskContributions)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(taskContributions.id, id), eq(taskContributions.version, version)))
    .returning({ id: taskContributions.id });
  return rows.length;
}

export async function touchContribution(db: Db, id: string, userId: string | null) {
  await db.update(taskContributions).set({ version: sql`${taskContributions.version} + 1`, updatedAt: new Date(), updatedBy: userId }).where(eq(taskContributions.id, id));
}

export async function evidenceOf(db: Db, contributionIds: string[]) {
  if (!contributionIds.length) return [];
  return db
    .select({ id: evidenceFiles.id, contributionId: evidenceFiles.contributionId, filename: evidenceFiles.filename, mediaType: evidenceFiles.mediaType, size: evidenceFiles.size, uploadedAt: evidenceFiles.uploadedAt, uploadedByName: users.displayName })
    .from(evidenceFiles)
    .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
    .where(inArray(evidenceFiles.contributionId, contributionIds))
    .orderBy(asc(evidenceFiles.uploadedAt));
}

export async function findEvidence(db: Db, id: string, withContent: boolean) {
  const [row] = await db
    .select({
      id: evidenceFiles.id,
      contributionId: evidenceFiles.contributionId,
      filename: evidenceFiles.filename,
      mediaType: evidenceFiles.mediaType,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      ...(withContent ? { content: evidenceFiles.content } : {}),
    })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.id, id));
  return row as (typeof row & { content?: Uint8Array }) | undefined;
}

export async function countEvidence(db: Db, contributionId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(evidenceFiles).where(eq(evidenceFiles.contributionId, contributionId));
  return row?.n ?? 0;
}

export async function insertEvidence(db: Db, values: typeof evidenceFiles.$inferInsert) {
  const [row] = await db.insert(evidenceFiles).values(values).returning({ id: evidenceFiles.id });
  return row!.id;
}

export async function deleteEvidence(db: Db, id: string) {
  await db.delete(evidenceFiles).where(eq(evidenceFiles.id, id));
}

const statusEditor = alias(users, 'status_editor');
export async function statusesOf(db: Db, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db
    .select({ taskId: taskStatuses.taskId, due: taskStatuses.due, progress: taskStatuses.progress, note: taskStatuses.note, version: taskStatuses.version, updatedAt: taskStatuses.updatedAt, updatedByName: statusEditor.displayName })
    .from(taskStatuses)
    .leftJoin(statusEditor, eq(statusEditor.id, taskStatuses.updatedBy))
    .where(inArray(taskStatuses.taskId, taskIds));
}

export async function statusesOfPlan(db: Db, planId: string) {
  return db
    .select({ taskId: taskStatuses.taskId, due: taskStatuses.due, progress: taskStatuses.progress })
    .from(taskStatuses)
    .innerJoin(planTasks, eq(planTasks.id, taskStatuses.taskId))
    .where(eq(planTasks.planId, planId));
}

export async function findStatus(db: Db, taskId: string, due: string) {
  const [row] = await db.select().from(taskStatuses).where(and(eq(taskStatuses.taskId, taskId), eq(taskStatuses.due, due)));
  return row;
}

export async function insertStatus(db: Db, values: typeof taskStatuses.$inferInsert) {
  await db.insert(taskStatuses).values(values);
}

export async function updateStatus(db: Db, id: string, version: number, values: Partial<typeof taskStatuses.$inferInsert>) {
  const rows = await db
    .update(taskStatuses)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(taskStatuses.id, id), eq(taskStatuses.version, version)))
    .returning({ id: taskStatuses.id });
  return rows.length;
}
