import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { vietnamToday, type Clock } from '../../lib/clock.ts';
import { AppError, conflict, forbidden, invalid, isUniqueViolation, notFound } from '../../lib/errors.ts';
import { sniffFileType } from '../../lib/file-type.ts';
import { foldForSearch } from '../../../shared/text.ts';
import type { Schedule } from '../../../shared/contracts/plan-import.ts';
import type { BoardQuery, ContributionInput, ContributionActionInput, ConsolidatedInput, ContributionView, MyObligation, MyObligationsQuery, BoardRow } from '../../../shared/contracts/tracking.ts';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_FILES,
  EVIDENCE_TYPES,
  OBLIGATION_STATUSES,
  actionsFor,
  addDays,
  obligationStatus,
  obligationsOf,
  transition,
  type ContributionState,
  type ObligationStatus,
  type Progress,
  type TrackingActorKind,
} from '../../../shared/domain/task-tracking.ts';
import { BOARD_STATUSES } from '../../../shared/contracts/tracking.ts';
import * as repo from './tracking.repository.ts';
import { trackingPolicy } from './tracking.policy.ts';

type Group = { id: string; name: string; memberIds: string[] };
type Deps = {
  db: Db;
  clock: Clock;
  /** Narrowed from the agencies module: the groups of a province with their members now. */
  groupsWithMembers: (provinceId: string) => Promise<Group[]>;
};

/** "Việc của tôi" lists what falls due within this horizon; later years stay on the task's own page. */
export const MY_HORIZON_DAYS = 180;

type Assigned = { role: 'lead' | 'coordinator'; viaGroup: string | null };
type AssignmentRow = Awaited<ReturnType<typeof repo.assignmentsOf>>[number];

/** Every agency a task is assigned to: named directly, or a current member of a named group. A lead named directly wins. */
function expand(assignments: AssignmentRow[], groups: Map<string, Group>): Map<string, Assigned> {
  const out = new Map<string, Assigned>();
  const put = (id: string, a: Assigned) => {
    const had = out.get(id);
    if (!had || (had.viaGroup && !a.viaGroup) || (had.role === 'coordinator' && a.role === 'lead' && !a.viaGroup)) out.set(id, a);
  };
  for (const a of assignments) {
    const role = a.role as Assigned['role'];
    if (a.agencyId) put(a.agencyId, { role, viaGroup: null });
    else if (a.groupId) for (const m of groups.get(a.groupId)?.memberIds ?? []) put(m, { role, viaGroup: groups.get(a.groupId)!.name });
  }
  return out;
}

const directLeads = (assignments: AssignmentRow[]) => new Set(assignments.filter((a) => a.role === 'lead' && a.agencyId).map((a) => a.agencyId!));
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function createTrackingService({ db, clock, groupsWithMembers }: Deps) {
  const today = () => vietnamToday(clock.now());

  async function groupMap(provinceId: string, assignments: AssignmentRow[]) {
    if (!assignments.some((a) => a.groupId)) return new Map<string, Group>();
    return new Map((await groupsWithMembers(provinceId)).map((g) => [g.id, g]));
  }

  /**
   * The agencies the actor reports for: their own; their commune's People's Committee; and for the provincial
   * coordinator, Sở GDĐT, the standing agency they work in, which leads most of a plan's tasks.
   */
  async function actingAgencies(actor: Actor) {
    const agencyIds = actor.grants.filter((g) => (g.role === 'agencyOfficer' || g.role === 'learningCentreStaff') && g.agencyId).map((g) => g.agencyId!);
    const communeUnitIds = actor.grants.filter((g) => g.role === 'communeOfficer' && g.unitId).map((g) => g.unitId!);
    const provinceIds = actor.grants.filter((g) => g.role === 'coordinator' && g.unitId).map((g) => g.unitId!);
    return repo.agenciesActedFor(db, agencyIds, communeUnitIds, provinceIds);
  }

  /** Loads a task with everything needed to decide what the actor may see and do on it. */
  async function context(actor: Actor, taskId: string) {
    const task = await repo.findTask(db, taskId);
    if (!task || !trackingPolicy.readsProvince(actor, task.provincePath)) throw notFound('Nhiệm vụ');
    const assignments = await repo.assignmentsOf(db, [task.id]);
    const groups = await groupMap(task.provinceId, assignments);
    const assigned = expand(assignments, groups);
    const ownAgencies = await actingAgencies(actor);
    const acting = ownAgencies.filter((a) => assigned.has(a.id));
    const leads = directLeads(assignments);
    const isLead = acting.some((a) => leads.has(a.id));
    const coordinator = trackingPolicy.isCoordinator(actor, task.provincePath);
    const readsAll = coordinator || isLead || trackingPolicy.isProvinceReader(actor, task.provincePath);
    const obligations = obligationsOf(task.schedule as Schedule, task);
    const kindsFor = (agencyId: string): TrackingActorKind[] =>
      trackingPolicy.kinds(actor, task.provincePath, { contributor: acting.some((a) => a.id === agencyId), lead: isLead });
    return { task, assignments, assigned, ownAgencies, acting, isLead, coordinator, readsAll, obligations, kindsFor };
  }
  type Context = Awaited<ReturnType<typeof context>>;

  async function contributionViews(ctx: Context, rows: repo.ContributionRow[]): Promise<ContributionView[]> {
    const evidence = await repo.evidenceOf(db, rows.map((r) => r.id));
    return rows.map((c) => {
      const actions = actionsFor(c.state as ContributionState, ctx.kindsFor(c.agencyId));
      return {
        id: c.id,
        taskId: c.taskId,
        agencyId: c.agencyId,
        agencyName: c.agencyName,
        due: c.due,
        progress: c.progress as Progress,
        state: c.state as ContributionState,
        narrative: c.narrative,
        returnReason: c.returnReason,
        version: c.version,
        submittedAt: iso(c.submittedAt),
        submittedByName: c.submittedByName,
        reviewedAt: iso(c.reviewedAt),
        reviewedByName: c.reviewedByName,
        updatedAt: c.updatedAt.toISOString(),
        updatedByName: c.updatedByName,
        evidence: evidence.filter((e) => e.contributionId === c.id).map(({ contributionId: _c, uploadedAt, ...e }) => ({ ...e, uploadedAt: uploadedAt.toISOString() })),
        actions,
        abilities: { edit: actions.includes('save'), attach: actions.includes('save') },
      };
    });
  }

  async function contributionView(ctx: Context, id: string) {
    const row = await repo.findContribution(db, id);
    return (await contributionViews(ctx, [row!]))[0]!;
  }

  /** A contribution the actor may see (its agency, the lead, the coordinator, a province reader), or 404. */
  async function loadContribution(actor: Actor, id: string) {
    const c = await repo.findContribution(db, id);
    if (!c) throw notFound('Báo cáo');
    const ctx = await context(actor, c.taskId).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('Báo cáo') : e;
    });
    if (!ctx.readsAll && !ctx.acting.some((a) => a.id === c.agencyId)) throw notFound('Báo cáo');
    return { c, ctx };
  }

  function checkVersion(current: { version: number; updatedAt: Date; updatedByName?: string | null }, version: number | null, what: string) {
    if (version !== current.version) {
      const who = current.updatedByName ? ` bởi ${current.updatedByName}` : '';
      throw conflict(`${what} vừa được cập nhật${who} lúc ${current.updatedAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}. Hãy xem nội dung mới rồi lưu lại.`);
    }
  }

  const snapshot = (c: repo.ContributionRow) => ({ taskId: c.taskId, agencyId: c.agencyId, agency: c.agencyName, due: c.due, state: c.state, progress: c.progress, narrative: c.narrative, returnReason: c.returnReason, version: c.version });

  return {
    actingAgencies,

    async task(actor: Actor, taskId: string) {
      const ctx = await context(actor, taskId);
      const { task, assignments, assigned, obligations } = ctx;
      const [all, statuses, names] = await Promise.all([
        repo.contributionsOf(db, [task.id]),
        repo.statusesOf(db, [task.id]),
        repo.agencyNames(db, [...assigned.keys()].filter((id) => !assignments.some((a) => a.agencyId === id))),
      ]);
      for (const a of assignments) if (a.agencyId && a.agencyName) names.set(a.agencyId, a.agencyName);
      const visible = (agencyId: string) => ctx.readsAll || ctx.acting.some((a) => a.id === agencyId);
      const views = new Map((await contributionViews(ctx, all.filter((c) => visible(c.agencyId)))).map((v) => [`${v.agencyId}|${v.due}`, v]));
      const stateOf = new Map(all.map((c) => [`${c.agencyId}|${c.due}`, c.state as ContributionState]));
      const now = today();
      const order = (id: string) => [assigned.get(id)!.role === 'lead' ? 0 : 1, assigned.get(id)!.viaGroup ? 1 : 0] as const;
      const agencyIds = [...assigned.keys()].sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1] || (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'vi'));
      return {
        task: {
          id: task.id,
          planId: task.planId,
          planNumber: task.planNumber,
          planTitle: task.planTitle,
          code: task.code,
          title: task.title,
          description: task.description,
          section: task.section,
          deliverables: task.deliverables,
          budget: task.budget,
          schedule: task.schedule as Schedule,
          assignments: assignments.map(({ taskId: _t, ...a }) => ({
            ...a,
            role: a.role as 'lead' | 'coordinator',
            memberCount: a.groupId ? [...assigned.values()].filter((x) => x.viaGroup === a.groupName).length : null,
          })),
        },
        obligations: obligations.map((o) => {
          const statuses_ = agencyIds.map((id) => obligationStatus(o, stateOf.get(`${id}|${o.due}`) ?? null, now));
          const s = statuses.find((x) => x.due === o.due);
          return {
            due: o.due,
            dueDate: o.dueDate,
            labels: o.labels,
            consolidated: s ? { due: s.due, progress: s.progress as Progress, note: s.note, version: s.version, updatedAt: s.updatedAt.toISOString(), updatedByName: s.updatedByName } : null,
            expected: agencyIds.length,
            submitted: statuses_.filter((x) => x === 'submitted' || x === 'accepted').length,
            accepted: statuses_.filter((x) => x === 'accepted').length,
            overdue: statuses_.filter((x) => x === 'overdue').length,
            contributors: agencyIds
              .map((id, i) => ({ id, i }))
              .filter(({ id }) => visible(id))
              .map(({ id, i }) => ({ agencyId: id, agencyName: names.get(id) ?? '', role: assigned.get(id)!.role, viaGroup: assigned.get(id)!.viaGroup, status: statuses_[i]!, contribution: views.get(`${id}|${o.due}`) ?? null })),
          };
        }),
        abilities: {
          reportFor: ctx.acting.map((a) => ({ id: a.id, name: a.name })),
          review: ctx.isLead || ctx.coordinator,
          consolidate: ctx.isLead || ctx.coordinator,
          board: ctx.coordinator || trackingPolicy.isProvinceReader(actor, task.provincePath),
        },
        today: now,
      };
    },

    /** Saves the draft of an agency's report on a task for one obligation, creating it on first save. */
    async save(actor: Actor, input: ContributionInput) {
      const ctx = await context(actor, input.taskId);
      if (!ctx.ownAgencies.some((a) => a.id === input.agencyId)) throw forbidden('Bạn chỉ báo cáo được cho cơ quan, đơn vị của mình.');
      if (!ctx.assigned.has(input.agencyId)) throw invalid('Cơ quan này không được giao nhiệm vụ.', [{ path: 'agencyId', message: 'không được giao nhiệm vụ này' }]);
      if (!ctx.obligations.some((o) => o.due === input.due)) throw invalid('Nhiệm vụ không có kỳ báo cáo này.', [{ path: 'due', message: 'không phải một kỳ báo cáo của nhiệm vụ' }]);
      const existing = await repo.findContributionFor(db, input.taskId, input.agencyId, input.due);
      const values = { progress: input.progress, narrative: input.narrative, updatedBy: actor.id };
      try {
        const id = await db.transaction(async (tx) => {
          if (!existing) {
            const id = await repo.insertContribution(tx, { taskId: input.taskId, agencyId: input.agencyId, due: input.due, ...values });
            await recordAudit(tx, actor, { action: 'contribution.save', entityType: 'contribution', entityId: id, after: { taskId: input.taskId, agencyId: input.agencyId, due: input.due, ...values, state: 'draft' } });
            return id;
          }
          checkVersion(existing, input.version, 'Báo cáo');
          if (!transition(existing.state as ContributionState, 'save', ['contributor']).ok) throw conflict('Báo cáo đã gửi nên không sửa được nữa; nếu cần sửa, hãy đề nghị cơ quan chủ trì trả lại.');
          if ((await repo.updateContribution(tx, existing.id, existing.version, values)) === 0) checkVersion({ ...existing, version: -1 }, input.version, 'Báo cáo');
          const after = (await repo.findContribution(tx, existing.id))!;
          await recordAudit(tx, actor, { action: 'contribution.save', entityType: 'contribution', entityId: existing.id, before: snapshot(existing), after: snapshot(after) });
          return existing.id;
        });
        return contributionView(ctx, id);
      } catch (e) {
        // Two first saves of the same report at once: the second is told, never silently merged.
        if (isUniqueViolation(e)) throw conflict('Báo cáo này vừa được người khác tạo. Hãy tải lại để xem nội dung mới rồi lưu lại.');
        throw e;
      }
    },

    async act(actor: Actor, id: string, input: z.infer<typeof ContributionActionInput>) {
      const { c, ctx } = await loadContribution(actor, id);
      const t = transition(c.state as ContributionState, input.action, ctx.kindsFor(c.agencyId));
      if (!t.ok && t.reason === 'actor') {
        throw forbidden(input.action === 'submit' ? 'Chỉ cơ quan, đơn vị báo cáo mới gửi được báo cáo của mình.' : input.action === 'reopen' ? 'Chỉ điều phối viên tỉnh mới mở lại được báo cáo đã chấp nhận.' : 'Chỉ cơ quan chủ trì nhiệm vụ hoặc điều phối viên tỉnh mới duyệt được báo cáo.');
      }
      if (!t.ok) throw conflict(`Không thể thực hiện thao tác này khi báo cáo đang ở trạng thái "${STATE_VI[c.state as ContributionState]}".`);
      const reason = input.reason?.trim() || null;
      if (t.needsReason && !reason) throw invalid('Hãy ghi lý do để đơn vị biết cần sửa gì.', [{ path: 'reason', message: 'không được để trống' }]);
      checkVersion(c, input.version, 'Báo cáo');
      const now = clock.now();
      const values =
        input.action === 'submit'
          ? { state: t.to, submittedAt: now, submittedBy: actor.id, returnReason: null, updatedBy: actor.id }
          : input.action === 'accept'
            ? { state: t.to, reviewedAt: now, reviewedBy: actor.id, updatedBy: actor.id }
            : { state: t.to, reviewedAt: now, reviewedBy: actor.id, returnReason: reason, updatedBy: actor.id };
      await db.transaction(async (tx) => {
        if ((await repo.updateContribution(tx, c.id, c.version, values)) === 0) checkVersion({ ...c, version: -1 }, input.version, 'Báo cáo');
        const after = (await repo.findContribution(tx, c.id))!;
        await recordAudit(tx, actor, { action: `contribution.${input.action}`, entityType: 'contribution', entityId: c.id, before: snapshot(c), after: { ...snapshot(after), reason } });
      });
      return contributionView(ctx, c.id);
    },

    async addEvidence(actor: Actor, id: string, file: { filename: string; bytes: Uint8Array }) {
      const { c, ctx } = await loadContribution(actor, id);
      if (!ctx.kindsFor(c.agencyId).includes('contributor')) throw forbidden('Chỉ cơ quan, đơn vị báo cáo mới đính kèm được minh chứng.');
      if (!transition(c.state as ContributionState, 'save', ['contributor']).ok) throw conflict('Báo cáo đã gửi nên không đính kèm thêm được.');
      const name = file.filename.normalize('NFC').replace(/[\u0000-\u001f/\\]/g, '_').slice(0, 255) || 'minh-chung';
      if (file.bytes.length === 0) throw invalid(`Tệp "${name}" rỗng.`, [{ path: 'file', message: 'tệp rỗng' }]);
      if (file.bytes.length > EVIDENCE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Tệp "${name}" lớn hơn ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`);
      const type = await sniffFileType(file.bytes);
      if (!type || !(type in EVIDENCE_TYPES)) {
        throw invalid(`Tệp "${name}" không phải PDF, DOCX, XLSX hay ảnh (JPEG, PNG, WEBP) — hệ thống đọc nội dung tệp, không dựa vào phần đuôi tên.`, [{ path: 'file', message: 'loại tệp không được nhận' }]);
      }
      if ((await repo.countEvidence(db, c.id)) >= EVIDENCE_MAX_FILES) throw conflict(`Mỗi báo cáo đính kèm tối đa ${EVIDENCE_MAX_FILES} tệp.`);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      await db.transaction(async (tx) => {
        const evidenceId = await repo.insertEvidence(tx, { contributionId: c.id, filename: name, mediaType: type, size: file.bytes.length, sha256, content: file.bytes, uploadedBy: actor.id });
        await repo.touchContribution(tx, c.id, actor.id);
        await recordAudit(tx, actor, { action: 'evidence.add', entityType: 'contribution', entityId: c.id, after: { evidenceId, filename: name, mediaType: type, size: file.bytes.length, sha256 } });
      });
      return contributionView(ctx, c.id);
    },

    async evidence(actor: Actor, evidenceId: string) {
      const e = await repo.findEvidence(db, evidenceId, true);
      if (!e) throw notFound('Tệp minh chứng');
      await loadContribution(actor, e.contributionId).catch((err: unknown) => {
        throw err instanceof AppError && err.code === 'NOT_FOUND' ? notFound('Tệp minh chứng') : err;
      });
      return { filename: e.filename, mediaType: e.mediaType, content: e.content! };
    },

    async deleteEvidence(actor: Actor, evidenceId: string) {
      const e = await repo.findEvidence(db, evidenceId, false);
      if (!e) throw notFound('Tệp minh chứng');
      const { c, ctx } = await loadContribution(actor, e.contributionId);
      if (!ctx.kindsFor(c.agencyId).includes('contributor')) throw forbidden('Chỉ cơ quan, đơn vị báo cáo mới gỡ được minh chứng.');
      if (!transition(c.state as ContributionState, 'save', ['contributor']).ok) throw conflict('Báo cáo đã gửi nên không gỡ được minh chứng.');
      await db.transaction(async (tx) => {
        await repo.deleteEvidence(tx, e.id);
        await repo.touchContribution(tx, c.id, actor.id);
        await recordAudit(tx, actor, { action: 'evidence.delete', entityType: 'contribution', entityId: c.id, before: { evidenceId: e.id, filename: e.filename, mediaType: e.mediaType, size: e.size, sha256: e.sha256 } });
      });
      return contributionView(ctx, c.id);
    },

    /** The lead agency's (or the coordinator's) one consolidated status of a task for one obligation. */
    async setStatus(actor: Actor, taskId: string, input: z.infer<typeof ConsolidatedInput>) {
      const ctx = await context(actor, taskId);
      if (!ctx.isLead && !ctx.coordinator) throw forbidden('Chỉ cơ quan chủ trì nhiệm vụ hoặc điều phối viên tỉnh mới cập nhật được tình hình chung của nhiệm vụ.');
      if (!ctx.obligations.some((o) => o.due === input.due)) throw invalid('Nhiệm vụ không có kỳ báo cáo này.', [{ path: 'due', message: 'không phải một kỳ báo cáo của nhiệm vụ' }]);
      const existing = await repo.findStatus(db, taskId, input.due);
      const values = { progress: input.progress, note: input.note, updatedBy: actor.id };
      try {
        await db.transaction(async (tx) => {
          if (!existing) {
            await repo.insertStatus(tx, { taskId, due: input.due, ...values });
          } else {
            checkVersion(existing, input.version, 'Tình hình chung của nhiệm vụ');
            if ((await repo.updateStatus(tx, existing.id, existing.version, values)) === 0) checkVersion({ ...existing, version: -1 }, input.version, 'Tình hình chung của nhiệm vụ');
          }
          await recordAudit(tx, actor, {
            action: 'taskStatus.set',
            entityType: 'taskStatus',
            entityId: taskId,
            before: existing ? { due: existing.due, progress: existing.progress, note: existing.note } : null,
            after: { due: input.due, progress: input.progress, note: input.note },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('Tình hình chung vừa được người khác cập nhật. Hãy tải lại rồi lưu lại.');
        throw e;
      }
      const [s] = (await repo.statusesOf(db, [taskId])).filter((x) => x.due === input.due);
      return { due: s!.due, progress: s!.progress as Progress, note: s!.note, version: s!.version, updatedAt: s!.updatedAt.toISOString(), updatedByName: s!.updatedByName };
    },

    /** "Việc của tôi": what the actor's agencies owe on the tasks of plans in force, most pressing first. */
    async my(actor: Actor, q: z.infer<typeof MyObligationsQuery>) {
      const now = today();
      const empty = { items: [], total: 0, counts: Object.fromEntries(OBLIGATION_STATUSES.map((s) => [s, 0])) as Record<ObligationStatus, number>, today: now };
      const acting = await actingAgencies(actor);
      if (!acting.length) return empty;
      const actingIds = new Set(acting.map((a) => a.id));
      const groups = new Map<string, Group>();
      for (const provinceId of new Set(acting.map((a) => a.provinceId))) {
        for (const g of await groupsWithMembers(provinceId)) if (g.memberIds.some((m) => actingIds.has(m))) groups.set(g.id, g);
      }
      const words = q.q ? foldForSearch(q.q).split(' ').filter(Boolean) : [];
      const tasks = await repo.tasksWhere(db, { agencyIds: [...actingIds], groupIds: [...groups.keys()], ...(q.planId ? { planId: q.planId } : {}) }, words);
      const taskIds = tasks.map((t) => t.id);
      const [assignments, contributions] = await Promise.all([repo.assignmentsOf(db, taskIds), repo.contributionsOf(db, taskIds, [...actingIds])]);
      const byTask = new Map<string, AssignmentRow[]>();
      for (const a of assignments) byTask.set(a.taskId, [...(byTask.get(a.taskId) ?? []), a]);
      const contributionOf = new Map(contributions.map((c) => [`${c.taskId}|${c.agencyId}|${c.due}`, c]));
      const horizon = addDays(now, MY_HORIZON_DAYS);
      const names = new Map(acting.map((a) => [a.id, a.name]));
      const items: MyObligation[] = [];
      for (const t of tasks) {
        const assigned = expand(byTask.get(t.id) ?? [], groups);
        const obligations = obligationsOf(t.schedule as Schedule, t);
        for (const [agencyId, a] of assigned) {
          if (!actingIds.has(agencyId)) continue;
          for (const o of obligations) {
            const c = contributionOf.get(`${t.id}|${agencyId}|${o.due}`);
            if (!c && o.dueDate && o.dueDate > horizon) continue;
            items.push({
              taskId: t.id,
              planId: t.planId,
              planNumber: t.planNumber,
              planTitle: t.planTitle,
              code: t.code,
              title: t.title,
              section: t.section,
              scheduleRaw: (t.schedule as Schedule).raw,
              agencyId,
              agencyName: names.get(agencyId)!,
              role: a.role,
              viaGroup: a.viaGroup,
              due: o.due,
              dueDate: o.dueDate,
              labels: o.labels,
              status: obligationStatus(o, (c?.state as ContributionState) ?? null, now),
              contribution: c ? { id: c.id, state: c.state as ContributionState, progress: c.progress as Progress, updatedAt: c.updatedAt.toISOString(), returnReason: c.returnReason } : null,
            });
          }
        }
      }
      const counts = { ...empty.counts };
      for (const i of items) counts[i.status]++;
      const TODO: ObligationStatus[] = ['overdue', 'returned', 'dueSoon', 'upcoming', 'noDate'];
      const rank = (s: ObligationStatus) => OBLIGATION_STATUSES.indexOf(s);
      const shown = items
        .filter((i) => (!q.status ? true : q.status === 'todo' ? TODO.includes(i.status) : i.status === q.status))
        .sort((a, b) => rank(a.status) - rank(b.status) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
      return { items: shown.slice(q.offset, q.offset + q.limit), total: shown.length, counts, today: now };
    },

    /** The coordinator's board: every task of a plan with its obligations of a year and where they stand. */
    async board(actor: Actor, q: BoardQuery) {
      const plan = await repo.findPlan(db, q.planId);
      if (!plan || !trackingPolicy.readsProvince(actor, plan.provincePath)) throw notFound('Kế hoạch');
      if (!trackingPolicy.isCoordinator(actor, plan.provincePath) && !trackingPolicy.isProvinceReader(actor, plan.provincePath)) {
        throw forbidden('Bảng theo dõi thực hiện kế hoạch dành cho điều phối viên tỉnh; cơ quan, đơn vị xem việc của mình ở mục "Việc của tôi".');
      }
      const now = today();
      const year = q.year ?? Number(now.slice(0, 4));
      const words = q.q ? foldForSearch(q.q).split(' ').filter(Boolean) : [];
      const allTasks = await repo.tasksWhere(db, { planId: plan.id }, words);
      const sections = [...new Set(allTasks.map((t) => t.section?.trim()).filter((s): s is string => !!s))];
      const tasks = q.section ? allTasks.filter((t) => (t.section?.trim() ?? '') === q.section) : allTasks;
      const [assignments, states, statuses] = await Promise.all([repo.assignmentsOf(db, tasks.map((t) => t.id)), repo.contributionStates(db, plan.id), repo.statusesOfPlan(db, plan.id)]);
      const groups = await groupMap(plan.provinceId, assignments);
      const byTask = new Map<string, AssignmentRow[]>();
      for (const a of assignments) byTask.set(a.taskId, [...(byTask.get(a.taskId) ?? []), a]);
      const stateOf = new Map(states.map((s) => [`${s.taskId}|${s.agencyId}|${s.due}`, s.state as ContributionState]));
      const statusOf = new Map(statuses.map((s) => [`${s.taskId}|${s.due}`, s.progress as Progress]));
      const rows: (BoardRow & { status: (typeof BOARD_STATUSES)[number][] })[] = [];
      for (const t of tasks) {
        const as = byTask.get(t.id) ?? [];
        const assigned = expand(as, groups);
        if (q.agencyId && !assigned.has(q.agencyId)) continue;
        const dues = obligationsOf(t.schedule as Schedule, t).filter((o) => !o.dueDate || o.dueDate.startsWith(String(year)));
        let submitted = 0, accepted = 0, overdue = 0;
        for (const o of dues) {
          for (const agencyId of assigned.keys()) {
            const st = obligationStatus(o, stateOf.get(`${t.id}|${agencyId}|${o.due}`) ?? null, now);
            if (st === 'submitted' || st === 'accepted') submitted++;
            if (st === 'accepted') accepted++;
            if (st === 'overdue') overdue++;
          }
        }
        const progress = [...dues].reverse().map((o) => statusOf.get(`${t.id}|${o.due}`)).find((p) => p) ?? null;
        const status: (typeof BOARD_STATUSES)[number][] = [progress ?? 'noReport', ...(overdue ? (['overdue'] as const) : [])];
        rows.push({
          taskId: t.id,
          code: t.code,
          title: t.title,
          section: t.section,
          leads: as.filter((a) => a.role === 'lead').map((a) => a.agencyName ?? a.groupName ?? a.raw),
          scheduleRaw: (t.schedule as Schedule).raw,
          dues: dues.map((o) => ({ due: o.due, dueDate: o.dueDate, labels: o.labels })),
          progress,
          expected: assigned.size * dues.length,
          submitted,
          accepted,
          overdue,
          status,
        });
      }
      const counts = Object.fromEntries(BOARD_STATUSES.map((s) => [s, rows.filter((r) => r.status.includes(s)).length])) as Record<(typeof BOARD_STATUSES)[number], number>;
      const shown = q.status ? rows.filter((r) => r.status.includes(q.status!)) : rows;
      return {
        items: shown.slice(q.offset, q.offset + q.limit).map(({ status: _s, ...r }) => r),
        total: shown.length,
        year,
        today: now,
        sections,
        counts,
        plan: { number: plan.number, title: plan.title },
      };
    },
  };
}
export type TrackingService = ReturnType<typeof createTrackingService>;

const STATE_VI: Record<ContributionState, string> = { draft: 'nháp', submitted: 'đã gửi', returned: 'bị trả lại', accepted: 'đã chấp nhận' };
