import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAdmin } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { conflict, forbidden, invalid, notFound, type FieldIssue } from '../../lib/errors.ts';
import { inSubtrees } from '../../lib/scope.ts';
import { foldForSearch } from '../../../shared/text.ts';
import type { AssignmentResolveInput, PlanCommitInput, PlanDiff, PlanListQuery, PlanPatch } from '../../../shared/contracts/plans.ts';
import type { Schedule } from '../../../shared/contracts/plan-import.ts';
import { diffPlans, type DiffAgency } from '../../../shared/domain/plan-diff.ts';
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
type PlanStatus = 'draft' | 'inForce' | 'superseded';
type Link = 'implementsPlanId' | 'amendsPlanId';

const LINK_WORDS: Record<Link, string> = { implementsPlanId: 'thực hiện', amendsPlanId: 'sửa đổi, thay thế' };
/** The header fields a coordinator may change after commit (PlanPatch), in the order the audit lists them. */
const HEADER_KEYS = ['title', 'number', 'issuer', 'signer', 'issuedOn', 'periodStart', 'periodEnd', 'status', 'implementsPlanId', 'amendsPlanId'] as const;
const blankToNull = (v: string | null) => (v?.trim() ? v.trim() : null);
const planSearch = (p: { number: string | null; title: string; issuer: string | null }) => foldForSearch(`${p.number ?? ''} ${p.title} ${p.issuer ?? ''}`);
const refOf = (p: { id: string; number: string | null; title: string; issuedOn: string | null; status: string }) => ({
  id: p.id,
  number: p.number,
  title: p.title,
  issuedOn: p.issuedOn,
  status: p.status as PlanStatus,
});

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
    status: p.status as PlanStatus,
    implementsPlanId: p.implementsPlanId,
    amendsPlanId: p.amendsPlanId,
    taskCount: p.taskCount,
    targetCount: p.targetCount,
    abilities: { edit: planPolicy.canManage(actor, p.provincePath), board: planPolicy.canOpenBoard(actor, p.provincePath) },
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

  /**
   * A plan named as implemented or amended must be another plan of the same province, and following the
   * links from it must not come back to this plan (no cycles). `self` is null for a plan not yet written.
   */
  async function checkLinks(self: string | null, provinceId: string, links: Partial<Record<Link, string | null>>, prefix: string): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    const asked = (Object.entries(links) as [Link, string | null | undefined][]).filter((e): e is [Link, string] => !!e[1]);
    const found = new Set((await repo.plansInProvince(db, provinceId, asked.map(([, id]) => id))).map((r) => r.id));
    for (const [link, id] of asked) {
      const path = prefix + link;
      if (id === self) issues.push({ path, message: `một kế hoạch không thể ${LINK_WORDS[link]} chính nó` });
      else if (!found.has(id)) issues.push({ path, message: 'không có kế hoạch này trong tỉnh' });
      else if (self && (await repo.chainFrom(db, id, link)).includes(self)) {
        issues.push({ path, message: `tạo thành vòng: kế hoạch được chọn đã ${LINK_WORDS[link]} (trực tiếp hay gián tiếp) kế hoạch này` });
      }
    }
    return issues;
  }

  /**
   * A plan amending another, once in force, replaces it: the amended plan becomes superseded in the same
   * transaction, with its own audit record.
   */
  async function supersede(tx: Db, actor: Actor, by: string, amendedId: string, provinceId: string) {
    const [amended] = await repo.plansInProvince(tx, provinceId, [amendedId]);
    if (!amended || amended.status === 'superseded') return;
    await repo.updatePlan(tx, amended.id, { status: 'superseded' });
    await recordAudit(tx, actor, { action: 'plan.supersede', entityType: 'plan', entityId: amended.id, before: { status: amended.status }, after: { status: 'superseded', supersededBy: by } });
  }

  /** A plan as the diff reads it: header, targets, and tasks with their agencies by name. */
  async function versionOf(p: PlanRow) {
    const [targets, { tasks, assignments }] = await Promise.all([repo.targetsOf(db, p.id), repo.tasksOf(db, p.id)]);
    const byTask = new Map<string, { lead: DiffAgency[]; coordinator: DiffAgency[] }>();
    for (const a of assignments) {
      const entry = byTask.get(a.taskId) ?? { lead: [], coordinator: [] };
      byTask.set(a.taskId, entry);
      // The same agency or group in both versions has the same id; a name still unresolved is compared by its words.
      const key = a.agencyId ? `agency:${a.agencyId}` : a.groupId ? `group:${a.groupId}` : `raw:${foldForSearch(a.raw)}`;
      (a.role === 'lead' ? entry.lead : entry.coordinator).push({ key, name: a.agencyName ?? a.groupName ?? a.raw });
    }
    return {
      header: { title: p.title, number: p.number, issuer: p.issuer, signer: p.signer, issuedOn: p.issuedOn, periodStart: p.periodStart, periodEnd: p.periodEnd },
      targets: targets.map((t) => ({ id: t.id, text: t.text, indicator: t.indicator, comparator: t.comparator as 'atLeast', value: Number(t.value), unit: t.unit, year: t.year })),
      tasks: tasks.map((t) => ({
        id: t.id,
        code: t.code,
        section: t.section,
        title: t.title,
        leads: byTask.get(t.id)?.lead ?? [],
        coordinators: byTask.get(t.id)?.coordinator ?? [],
        schedule: (t.schedule as Schedule).raw,
        deliverables: t.deliverables,
      })),
    };
  }

  return {
    provinceFor,

    /** The targets of the province's plans in force (for the reporting module; the caller has checked access). */
    targetsInForce: async (provinceId: string) => (await repo.targetsInForce(db, provinceId)).map((t) => ({ ...t, value: Number(t.value) })),

    /** A plan's targets with their ids, for the reporting module's target links. No actor: the caller checks `provincePath`. */
    async targetsOfPlan(planId: string) {
      const p = await repo.findPlan(db, planId);
      if (!p) return undefined;
      const targets = await repo.targetsOf(db, p.id);
      return {
        plan: { id: p.id, provinceId: p.provinceId, provincePath: p.provincePath, title: p.title },
        targets: targets.map((t) => ({ id: t.id, text: t.text, indicator: t.indicator, unit: t.unit, year: t.year })),
      };
    },

    /** The plan and province of a target (no actor: the caller checks `provincePath`). */
    targetOwner: (targetId: string) => repo.targetOwner(db, targetId),

    /**
     * A plan's targets and the rows of its task assignments as stored (a group is one row, not expanded), for
     * the reporting module's template proposals. No actor: the caller checks access on `provincePath`.
     */
    async assignmentsOfPlan(planId: string) {
      const p = await repo.findPlan(db, planId);
      if (!p) return undefined;
      const [targets, { tasks, assignments }] = await Promise.all([repo.targetsOf(db, p.id), repo.tasksOf(db, p.id)]);
      const taskById = new Map(tasks.map((t) => [t.id, t]));
      const position = new Map(tasks.map((t, i) => [t.id, i]));
      // In the plan's order (the repository lists them by role and agency name), so reasons read as the plan does.
      assignments.sort((x, y) => position.get(x.taskId)! - position.get(y.taskId)!);
      return {
        plan: { id: p.id, provinceId: p.provinceId, provincePath: p.provincePath, number: p.number, title: p.title, status: p.status as PlanStatus, targetCount: targets.length, taskCount: tasks.length },
        targets: targets.map((t) => ({ id: t.id, text: t.text, indicator: t.indicator, unit: t.unit, scope: t.scope })),
        assignments: assignments.map((a) => ({
          taskId: a.taskId,
          taskCode: taskById.get(a.taskId)?.code ?? null,
          taskTitle: taskById.get(a.taskId)?.title ?? '',
          role: a.role as 'lead' | 'coordinator',
          agencyId: a.agencyId,
          groupId: a.groupId,
          groupName: a.groupName,
          raw: a.raw,
        })),
      };
    },

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
      const [targets, { tasks, assignments }, groups, related] = await Promise.all([
        repo.targetsOf(db, p.id),
        repo.tasksOf(db, p.id),
        groupsWithMembers(p.provinceId),
        repo.relatedPlans(db, p),
      ]);
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
        implementsPlan: p.implementsPlanId ? (related.filter((r) => r.id === p.implementsPlanId).map(refOf)[0] ?? null) : null,
        amendsPlan: p.amendsPlanId ? (related.filter((r) => r.id === p.amendsPlanId).map(refOf)[0] ?? null) : null,
        amendedBy: related.filter((r) => r.amendsPlanId === p.id && r.id !== p.id).map(refOf),
        implementedBy: related.filter((r) => r.implementsPlanId === p.id && r.id !== p.id).map(refOf),
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
      issues.push(...(await checkLinks(null, province.id, { implementsPlanId: input.plan.implementsPlanId, amendsPlanId: input.plan.amendsPlanId }, 'plan.')));
      if (issues.length) throw invalid('Kế hoạch chưa thể lưu: ' + issues.map((x) => `${x.path}: ${x.message}`).slice(0, 5).join('; '), issues);

      return db.transaction(async (tx) => {
        const planId = await repo.insertPlan(tx, {
          provinceId: province.id,
          ...input.plan,
          search: planSearch(input.plan),
        });
        if (input.plan.status === 'inForce' && input.plan.amendsPlanId) await supersede(tx, actor, planId, input.plan.amendsPlanId, province.id);
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

    /**
     * Corrects the header of a committed plan (number, title, dates, status, the plans it implements or
     * amends). Only the fields sent change; sending the values it already has writes nothing.
     */
    async update(actor: Actor, id: string, patch: PlanPatch) {
      const before = await load(actor, id);
      if (!planPolicy.canManage(actor, before.provincePath)) throw forbidden('Chỉ điều phối viên của tỉnh (Sở GDĐT) hoặc quản trị hệ thống được sửa kế hoạch.');
      const wanted = {
        ...patch,
        ...(patch.number !== undefined ? { number: blankToNull(patch.number) } : {}),
        ...(patch.issuer !== undefined ? { issuer: blankToNull(patch.issuer) } : {}),
        ...(patch.signer !== undefined ? { signer: blankToNull(patch.signer) } : {}),
      };
      const changed = HEADER_KEYS.filter((k) => wanted[k] !== undefined && wanted[k] !== before[k]);
      const after = { ...before, ...Object.fromEntries(changed.map((k) => [k, wanted[k]])) } as PlanRow;

      const issues: FieldIssue[] = [];
      if (after.periodStart && after.periodEnd && after.periodEnd < after.periodStart) {
        issues.push({ path: changed.includes('periodEnd') || !changed.includes('periodStart') ? 'periodEnd' : 'periodStart', message: 'năm kết thúc trước năm bắt đầu' });
      }
      const links = Object.fromEntries((['implementsPlanId', 'amendsPlanId'] as const).filter((k) => changed.includes(k)).map((k) => [k, after[k]]));
      issues.push(...(await checkLinks(before.id, before.provinceId, links, '')));
      if (issues.length) throw invalid('Chưa thể sửa kế hoạch: ' + issues.map((x) => `${x.path}: ${x.message}`).join('; '), issues);
      if (changed.length === 0) return;

      await db.transaction(async (tx) => {
        const values = Object.fromEntries(changed.map((k) => [k, after[k]]));
        await repo.updatePlan(tx, before.id, { ...values, ...(changed.some((k) => k === 'title' || k === 'number' || k === 'issuer') ? { search: planSearch(after) } : {}) });
        if (after.status === 'inForce' && after.amendsPlanId && (changed.includes('status') || changed.includes('amendsPlanId'))) {
          await supersede(tx, actor, before.id, after.amendsPlanId, before.provinceId);
        }
        await recordAudit(tx, actor, {
          action: 'plan.update',
          entityType: 'plan',
          entityId: before.id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: values,
        });
      });
    },

    /**
     * Points an agency name left unresolved at commit to an agency or a group of the plan's province; with
     * `applyToSameName`, every unresolved name of the plan written with the same words (case and diacritics
     * ignored) at once. Where the task already has that agency in the same role, the name is merged into it.
     */
    async resolveAssignment(actor: Actor, planId: string, assignmentId: string, input: AssignmentResolveInput) {
      const p = await load(actor, planId);
      const a = await repo.findAssignment(db, p.id, assignmentId);
      if (!a) throw notFound('Phân công');
      if (!planPolicy.canManage(actor, p.provincePath)) throw forbidden('Chỉ điều phối viên của tỉnh (Sở GDĐT) hoặc quản trị hệ thống được xác định cơ quan của kế hoạch.');

      let to: { agencyId: string | null; groupId: string | null; groupName: string | null; name: string };
      if (input.agencyId) {
        const agency = await repo.findAgency(db, input.agencyId);
        if (!agency || agency.provinceId !== p.provinceId) throw invalid('Cơ quan được chọn không thuộc tỉnh của kế hoạch.', [{ path: 'agencyId', message: 'cơ quan không thuộc tỉnh này' }]);
        if (!agency.active) throw invalid('Cơ quan được chọn đã ngừng hoạt động.', [{ path: 'agencyId', message: 'cơ quan đã ngừng hoạt động' }]);
        to = { agencyId: agency.id, groupId: null, groupName: null, name: agency.name };
      } else {
        const group = await repo.findGroup(db, input.groupId!);
        if (!group || group.provinceId !== p.provinceId) throw invalid('Nhóm được chọn không thuộc tỉnh của kế hoạch.', [{ path: 'groupId', message: 'nhóm không thuộc tỉnh này' }]);
        to = { agencyId: null, groupId: group.id, groupName: group.name, name: group.name };
      }
      if (a.agencyId || a.groupId) throw conflict('Cơ quan của phân công này đã được xác định.');

      const folded = foldForSearch(a.raw);
      const targets = input.applyToSameName ? (await repo.unresolvedAssignments(db, p.id)).filter((x) => x.id === a.id || foldForSearch(x.raw) === folded) : [a];
      await db.transaction(async (tx) => {
        const ids = targets.map((x) => x.id);
        const taken = await repo.assignedAlready(tx, [...new Set(targets.map((x) => x.taskId))], to, ids);
        const point: string[] = [];
        const merge: string[] = [];
        for (const x of targets) {
          const key = `${x.taskId}|${x.role}`;
          if (taken.has(key)) merge.push(x.id);
          else {
            taken.add(key);
            point.push(x.id);
          }
        }
        await repo.pointAssignments(tx, point, { agencyId: to.agencyId, groupId: to.groupId, groupName: to.groupName });
        await repo.deleteAssignments(tx, merge);
        await recordAudit(tx, actor, {
          action: 'plan.assignment.resolve',
          entityType: 'plan',
          entityId: p.id,
          before: { raw: a.raw, assignments: targets.map((x) => ({ id: x.id, task: x.taskCode, role: x.role, agencyId: null, groupId: null })) },
          after: { agencyId: to.agencyId, groupId: to.groupId, name: to.name, resolved: targets.length, merged: merge },
        });
      });
      const [row, groups, unresolvedAgencies] = await Promise.all([
        repo.assignmentTo(db, a.taskId, a.role, to),
        to.groupId ? groupsWithMembers(p.provinceId) : Promise.resolve([]),
        repo.countUnresolved(db, p.id),
      ]);
      const memberCount = to.groupId ? (groups.find((g) => g.id === to.groupId)?.memberIds.length ?? 0) : null;
      return { assignment: { ...row!, role: row!.role as 'lead' | 'coordinator', memberCount }, resolved: targets.length, unresolvedAgencies };
    },

    /** What changed from another plan of the province (by default the one this plan amends) to this one. */
    async diff(actor: Actor, id: string, against: string | undefined): Promise<PlanDiff> {
      const p = await load(actor, id);
      const otherId = against ?? p.amendsPlanId;
      if (!otherId) throw invalid('Kế hoạch này không sửa đổi kế hoạch nào: hãy chọn kế hoạch để so sánh.', [{ path: 'against', message: 'chọn kế hoạch để so sánh' }]);
      if (otherId === p.id) throw invalid('Hãy chọn một kế hoạch khác để so sánh.', [{ path: 'against', message: 'phải là một kế hoạch khác' }]);
      const o = await repo.findPlan(db, otherId);
      if (!o || o.provinceId !== p.provinceId || !planPolicy.canRead(actor, o.provincePath)) {
        throw invalid('Không có kế hoạch này trong tỉnh để so sánh.', [{ path: 'against', message: 'không có kế hoạch này trong tỉnh' }]);
      }
      const [from, to] = await Promise.all([versionOf(o), versionOf(p)]);
      const d = diffPlans(from, to);
      const task = (t: (typeof to.tasks)[number]) => ({ ...t, leads: t.leads.map((x) => x.name), coordinators: t.coordinators.map((x) => x.name) });
      return {
        from: refOf(o),
        to: refOf(p),
        header: d.header,
        targets: d.targets,
        tasks: {
          added: d.tasks.added.map(task),
          removed: d.tasks.removed.map(task),
          changed: d.tasks.changed.map((c) => ({ before: task(c.before), after: task(c.after), changes: c.changes })),
          unchanged: d.tasks.unchanged,
        },
      };
    },
  };
}
export type PlansService = ReturnType<typeof createPlansService>;
