import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAdmin } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { forbidden, invalid, notFound, type FieldIssue } from '../../lib/errors.ts';
import { inSubtrees } from '../../lib/scope.ts';
import { foldForSearch } from '../../../shared/text.ts';
import type { PlanCommitInput, PlanListQuery } from '../../../shared/contracts/plans.ts';
import type { Schedule } from '../../../shared/contracts/plan-import.ts';
import * as repo from './plans.repository.ts';
import { planPolicy } from './plans.policy.ts';
import { readPlan, toPreview, type ProvinceCatalogue } from './plans.import.ts';

type Deps = {
  db: Db;
  /** Narrowed from the units module. */
  findUnit: (db: Db, id: string) => Promise<{ id: string; path: string; level: string; name: string } | undefined>;
  /** Narrowed from the agencies module: the groups of a province with their members now. */
  groupsWithMembers: (provinceId: string) => Promise<{ id: string; name: string; memberIds: string[] }[]>;
  /** Narrowed from the agencies module: the catalogue of a province, to match names written in a plan. */
  catalogue: (provinceId: string) => Promise<ProvinceCatalogue>;
};

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>;

export function createPlansService({ db, findUnit, groupsWithMembers, catalogue }: Deps) {
  const summary = (actor: Actor, p: PlanRow) => ({
    id: p.id,
    provinceId: p.provinceId,
    number: p.number,
    title: p.title,
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    status: p.status as 'draft' | 'inForce' | 'superseded',
    taskCount: p.taskCount,
    targetCount: p.targetCount,
    abilities: { edit: planPolicy.canManage(actor, p.provincePath) },
  });

  async function load(actor: Actor, id: string) {
    const p = await repo.findPlan(db, id);
    if (!p || !planPolicy.canRead(actor, p.provincePath)) throw notFound('Kế hoạch');
    return p;
  }

  async function provinceFor(actor: Actor, provinceId: string) {
    const province = await findUnit(db, provinceId);
    if (!province || province.level !== 'province' || !planPolicy.canRead(actor, province.path)) throw notFound('Tỉnh, thành phố');
    if (!planPolicy.canManage(actor, province.path)) throw forbidden('Chỉ điều phối viên của tỉnh (Sở GDĐT) hoặc quản trị hệ thống được nhập kế hoạch.');
    return province;
  }

  return {
    provinceFor,

    /** Reads an uploaded plan for the coordinator to check: nothing is written (issue 3, "preview first"). */
    async preview(actor: Actor, provinceId: string, file: { filename: string; bytes: Uint8Array }) {
      const province = await provinceFor(actor, provinceId);
      const cat = await catalogue(province.id);
      const { doc, result } = await readPlan(file.bytes, file.filename, province, cat);
      return toPreview(province.id, file.filename, doc, result, cat);
    },

    async list(actor: Actor, q: z.infer<typeof PlanListQuery>) {
      const paths = isAdmin(actor) ? 'all' : actor.grants.map((g) => g.unitPath).filter((p): p is string => !!p);
      // A plan is visible inside its province: its path is a prefix of the actor's scope, or lies in it.
      const scope =
        paths === 'all'
          ? sql`true`
          : sql`(${inSubtrees(sql`admin_units.path`, paths)} OR ${paths.length ? sql.join(paths.map((p) => sql`${p} LIKE admin_units.path || '%'`), sql` OR `) : sql`false`})`;
      const { items, total } = await repo.listPlans(db, {
        words: q.q ? foldForSearch(q.q).split(' ').filter(Boolean) : [],
        scope,
        limit: q.limit,
        offset: q.offset,
        ...(q.provinceId ? { provinceId: q.provinceId } : {}),
      });
      return { items: items.map((p) => summary(actor, p)), total };
    },

    async get(actor: Actor, id: string) {
      const p = await load(actor, id);
      const [targets, { tasks, assignments }, groups] = await Promise.all([repo.targetsOf(db, p.id), repo.tasksOf(db, p.id), groupsWithMembers(p.provinceId)]);
      const memberCount = new Map(groups.map((g) => [g.id, g.memberIds.length]));
      const byTask = new Map<string, typeof assignments>();
      for (const a of assignments) byTask.set(a.taskId, [...(byTask.get(a.taskId) ?? []), a]);
      return {
        ...summary(actor, p),
        signer: p.signer,
        legalBases: p.legalBases,
        objectives: p.objectives,
        sourceFilename: p.sourceFilename,
        targets: targets.map((t) => ({
          id: t.id,
          text: t.text,
          indicator: t.indicator,
          comparator: t.comparator as 'atLeast',
          value: Number(t.value),
          unit: t.unit,
          year: t.year,
          group: t.targetGroup as 'other',
          scope: t.scope as 'province',
          sourceLine: t.sourceLine,
        })),
        tasks: tasks.map((t) => ({
          id: t.id,
          code: t.code,
          parentCode: t.parentCode,
          section: t.section,
          title: t.title,
          description: t.description,
          deliverables: t.deliverables,
          schedule: t.schedule as Schedule,
          sourceLine: t.sourceLine,
          assignments: (byTask.get(t.id) ?? []).map(({ taskId: _t, ...a }) => ({ ...a, role: a.role as 'lead' | 'coordinator', memberCount: a.groupId ? (memberCount.get(a.groupId) ?? 0) : null })),
        })),
        unresolvedAgencies: assignments.filter((a) => !a.agencyId && !a.groupId).length,
      };
    },

    /**
     * Writes a reviewed import as a plan with its targets, tasks and assignments, in one transaction with
     * its audit record: a failure writes nothing. A group is kept as one assignment and expanded when read; an
     * agency left unresolved is kept with its words as written, for the coordinator to resolve later.
     */
    async commit(actor: Actor, input: PlanCommitInput) {
      const province = await provinceFor(actor, input.provinceId);
      const issues: FieldIssue[] = [];
      const named = new Set<string>();
      const groups = new Map((await groupsWithMembers(province.id)).map((g) => [g.name, g.id]));
      for (const [i, task] of input.tasks.entries()) {
        for (const role of ['leads', 'coordinators'] as const) {
          for (const [j, ref] of task[role].entries()) {
            if (ref.agencyId) named.add(ref.agencyId);
            else if (ref.groupName && !groups.has(ref.groupName)) issues.push({ path: `tasks.${i}.${role}.${j}.groupName`, message: `không có nhóm "${ref.groupName}" trong tỉnh` });
          }
        }
      }
      const known = await repo.agenciesInProvince(db, province.id, [...named]);
      input.tasks.forEach((task, i) =>
        (['leads', 'coordinators'] as const).forEach((role) =>
          task[role].forEach((ref, j) => {
            if (ref.agencyId && !known.has(ref.agencyId)) issues.push({ path: `tasks.${i}.${role}.${j}.agencyId`, message: 'cơ quan không thuộc tỉnh này' });
          }),
        ),
      );
      if (input.plan.periodStart && input.plan.periodEnd && input.plan.periodEnd < input.plan.periodStart) {
        issues.push({ path: 'plan.periodEnd', message: 'năm kết thúc trước năm bắt đầu' });
      }
      if (issues.length) throw invalid('Kế hoạch chưa thể lưu: ' + issues.map((x) => `${x.path}: ${x.message}`).slice(0, 5).join('; '), issues);

      return db.transaction(async (tx) => {
        const planId = await repo.insertPlan(tx, {
          provinceId: province.id,
          ...input.plan,
          search: foldForSearch(`${input.plan.number ?? ''} ${input.plan.title} ${input.plan.issuer ?? ''}`),
        });
        await repo.insertTargets(
          tx,
          input.targets.map((t, position) => ({
            planId,
            position,
            text: t.text,
            indicator: t.indicator,
            comparator: t.comparator,
            value: String(t.value),
            unit: t.unit,
            year: t.year,
            scope: t.scope,
            targetGroup: t.group,
            sourceLine: t.line,
          })),
        );
        const taskIds = await repo.insertTasks(
          tx,
          input.tasks.map((t, position) => ({
            planId,
            position,
            code: t.code,
            parentCode: t.parentCode,
            section: t.section,
            title: t.title,
            description: t.description,
            deliverables: t.deliverables,
            budget: t.budget,
            schedule: t.schedule,
            sourceLine: t.line,
            search: foldForSearch(`${t.code ?? ''} ${t.title}`),
          })),
        );
        const assignments: Parameters<typeof repo.insertAssignments>[1] = [];
        input.tasks.forEach((t, i) => {
          for (const role of ['leads', 'coordinators'] as const) {
            const seen = new Set<string>();
            for (const ref of t[role]) {
              // A chosen agency wins over a group name (the coordinator picked it in the preview).
              const groupId = ref.agencyId ? null : ref.groupName ? groups.get(ref.groupName)! : null;
              const key = ref.agencyId ?? groupId;
              if (key && seen.has(key)) continue;
              if (key) seen.add(key);
              assignments.push({ taskId: taskIds[i]!, role: role === 'leads' ? 'lead' : 'coordinator', agencyId: ref.agencyId, groupId, raw: ref.raw, groupName: groupId ? ref.groupName : null });
            }
          }
        });
        await repo.insertAssignments(tx, assignments);
        await recordAudit(tx, actor, {
          action: 'plan.create',
          entityType: 'plan',
          entityId: planId,
          after: { ...input.plan, province: province.name, targets: input.targets.length, tasks: input.tasks.length, assignments: assignments.length },
        });
        return planId;
      });
    },
  };
}
export type PlansService = ReturnType<typeof createPlansService>;
