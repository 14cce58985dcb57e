import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isAdmin, type Actor } from '../../lib/actor.ts';
import { auditRow, recordAudit } from '../../lib/audit.ts';
import { vietnamToday, type Clock } from '../../lib/clock.ts';
import { conflict, forbidden, invalid, notFound, type FieldIssue } from '../../lib/errors.ts';
import type { CompletenessQuery, OwedQuery, ReportActionInput, ReportSaveInput, TemplateView } from '../../../shared/contracts/reporting.ts';
import type { Catalogue } from '../../../shared/domain/indicator-catalogue.ts';
import type { DataElement } from '../../../shared/domain/indicators.ts';
import { cellsOf, ratioChecks, reportIssues } from '../../../shared/domain/report-entry.ts';
import { addDays } from '../../../shared/domain/task-tracking.ts';
import { COMPLETENESS_STATUSES, REPORT_STATES, reportActionsFor, reportTransition, type CompletenessStatus, type ReportActorKind, type ReportState } from '../../../shared/domain/report-workflow.ts';
import { periodContaining, periodFromKey, periodLabel, type PeriodKind } from '../../../shared/domain/reporting-periods.ts';
import * as repo from './reporting.repository.ts';
import { DEFAULT_TEMPLATES } from './reporting.templates.ts';
import { dhis2Csv } from './reporting.dhis2.ts';
import { createIndicatorService, type PlanTarget } from './reporting.indicators.ts';

type Deps = {
  db: Db;
  clock: Clock;
  /** Narrowed from the plans module: the targets of the province's plans in force. */
  targetsInForce: (provinceId: string) => Promise<PlanTarget[]>;
  /** The province's catalogue of data elements and indicators (reporting.catalogue.service.ts). */
  catalogueOf: (provinceId: string) => Promise<Catalogue>;
  /** The coordinator's links of plan targets to indicators (target id → code, or null for none). */
  linksOf: (provinceId: string) => Promise<ReadonlyMap<string, string | null>>;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isPeriodOf = (kind: PeriodKind, key: string) => {
  try {
    periodFromKey(kind, key);
    return true;
  } catch {
    return false;
  }
};

type Reporter = { unitId: string; agencyId: string | null; name: string };

// Who may do what (issue 4, "Entry and workflow"; every endpoint checks who within which units):
// - a commune officer reports for their commune, an agency officer for their agency, the provincial
//   coordinator for Sở GDĐT (the standing agency) and reviews every report of the province;
// - province-level viewers and evaluators read every report of the province; nobody else reads another's.
function coordinates(actor: Actor, provincePath: string) {
  return isAdmin(actor) || actor.grants.some((g) => g.role === 'coordinator' && g.unitPath !== null && provincePath.startsWith(g.unitPath));
}
function readsProvince(actor: Actor, provincePath: string) {
  return coordinates(actor, provincePath) || actor.grants.some((g) => (g.role === 'viewer' || g.role === 'evaluator') && g.unitPath === provincePath);
}

export function createReportingService({ db, clock, targetsInForce, catalogueOf, linksOf }: Deps) {
  const today = () => vietnamToday(clock.now());

  /** Every province starts with the default templates (seeded once, idempotently, when first needed). */
  async function templates(provinceId: string) {
    let rows = await repo.templatesOf(db, provinceId);
    if (rows.length === 0) {
      const standing = await repo.standingAgency(db, provinceId);
      await repo.insertTemplates(
        db,
        DEFAULT_TEMPLATES.map(({ standingAgencyOnly, outline, ...t }) => ({ ...t, outline: [...outline], provinceId, reporterAgencyIds: standingAgencyOnly && standing ? [standing.id] : [] })),
      );
      rows = await repo.templatesOf(db, provinceId);
    }
    return rows;
  }

  /** The elements of a template's data form, as the province's catalogue defines them. */
  const formElements = (t: repo.TemplateRow, c: Catalogue) => t.elements.map((code) => c.elementByCode.get(code)).filter((e): e is DataElement => !!e);

  const templateView = (t: repo.TemplateRow, c: Catalogue): TemplateView => ({
    id: t.id,
    code: t.code,
    name: t.name,
    content: t.content,
    reporterLevel: t.reporterLevel as 'commune' | 'agency',
    receiver: t.receiver,
    transmission: t.transmission,
    periodKind: t.periodKind as PeriodKind,
    dueDaysAfterCutoff: t.dueDaysAfterCutoff,
    frequency: t.frequency,
    outline: t.outline as TemplateView['outline'],
    elements: formElements(t, c).map((e) => ({ code: e.code, name: e.name, level: e.level, valueType: e.valueType, breakdowns: [...e.breakdowns], ageGroups: [...(e.ageGroups ?? [])] })),
    ratioChecks: ratioChecks(t.elements, c.indicators),
    instructions: t.instructions,
    legalBasis: t.legalBasis,
  });

  const dueOf = (t: repo.TemplateRow, periodKey: string) => addDays(periodFromKey(t.periodKind as PeriodKind, periodKey).end, t.dueDaysAfterCutoff);

  /** Who owes a template: every current commune of the province, or its provincial agencies (or the listed ones). */
  async function reportersOf(t: repo.TemplateRow, provincePath: string): Promise<Reporter[]> {
    if (t.reporterLevel === 'commune') return (await repo.communesOf(db, provincePath)).map((c) => ({ unitId: c.id, agencyId: null, name: c.name }));
    return (await repo.provincialAgencies(db, t.provinceId, t.reporterAgencyIds.length ? t.reporterAgencyIds : undefined)).map((a) => ({ unitId: a.unitId, agencyId: a.id, name: a.name }));
  }

  // What every save looks up (its template, the units and agencies involved) is kept in the process for a
  // minute, like unit subtrees (docs/architecture.md), so that a save at the deadline costs two statements
  // (issue 4 figure: p99 < 100 ms). A template edit drops its entry at once (forgetTemplate); another server
  // process, or a renamed unit or agency, is seen within the minute.
  // The promise is kept, not its value, so that the 50 saves arriving together at a cold start read once.
  const lookups = new LRUCache<string, { value: Promise<unknown> }>({ max: 20_000, ttl: 60_000 });
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = lookups.get(key);
    if (hit) return hit.value as Promise<T>;
    const value = load().then(
      (v) => {
        // Not found is not kept: the record may be created within the minute.
        if (v === undefined) lookups.delete(key);
        return v;
      },
      (e: unknown) => {
        lookups.delete(key);
        throw e;
      },
    );
    lookups.set(key, { value });
    return value;
  }
  const findTemplate = (id: string) => cached(`template:${id}`, () => repo.findTemplate(db, id));
  const findUnit = (id: string) => cached(`unit:${id}`, () => repo.findUnit(db, id));
  const findAgency = (id: string) => cached(`agency:${id}`, () => repo.findAgency(db, id));
  const standingAgency = (provinceId: string) => cached(`standing:${provinceId}`, () => repo.standingAgency(db, provinceId));
  const provincialAgency = (provinceId: string, agencyId: string) => cached(`provincial:${provinceId}:${agencyId}`, async () => (await repo.provincialAgencies(db, provinceId, [agencyId]))[0]);

  /** One reporter of a template, checked without listing them all (a save must stay cheap at the deadline). */
  async function reporterOf(t: repo.TemplateRow, provincePath: string, key: { unitId: string; agencyId: string | null }): Promise<Reporter | undefined> {
    if (t.reporterLevel === 'commune') {
      if (key.agencyId) return undefined;
      const u = await findUnit(key.unitId);
      return u && u.level === 'commune' && u.path.startsWith(provincePath) ? { unitId: u.id, agencyId: null, name: u.name } : undefined;
    }
    if (!key.agencyId || (t.reporterAgencyIds.length && !t.reporterAgencyIds.includes(key.agencyId))) return undefined;
    const a = await provincialAgency(t.provinceId, key.agencyId);
    return a ? { unitId: a.unitId, agencyId: a.id, name: a.name } : undefined;
  }

  /** The reporters the actor acts for, in a province: their commune, their agency, Sở GDĐT for the coordinator. */
  async function actingFor(actor: Actor): Promise<Reporter[]> {
    const out: Reporter[] = [];
    for (const g of actor.grants) {
      if (g.role === 'communeOfficer' && g.unitId) {
        const u = await findUnit(g.unitId);
        if (u) out.push({ unitId: u.id, agencyId: null, name: u.name });
      } else if ((g.role === 'agencyOfficer' || g.role === 'learningCentreStaff') && g.agencyId) {
        const a = await findAgency(g.agencyId);
        if (a) out.push({ unitId: a.unitId, agencyId: a.id, name: a.name });
      } else if (g.role === 'coordinator' && g.unitId) {
        const s = await standingAgency(g.unitId);
        if (s) out.push({ unitId: s.unitId, agencyId: s.id, name: s.name });
      }
    }
    return out;
  }
  const sameReporter = (a: { unitId: string; agencyId: string | null }, b: { unitId: string; agencyId: string | null }) => (a.agencyId ?? null) === (b.agencyId ?? null) && (a.agencyId ? true : a.unitId === b.unitId);

  /** Loads a template and checks the reporter belongs to it and the actor may read that reporter's report. */
  async function context(actor: Actor, key: { templateId: string; periodKey: string; unitId: string; agencyId: string | null }) {
    const [found, mine] = await Promise.all([findTemplate(key.templateId), actingFor(actor)]);
    if (!found || (!readsProvince(actor, found.provincePath) && !mine.some((r) => sameReporter(r, key)))) throw notFound('Báo cáo');
    const t = found.template;
    const reporter = await reporterOf(t, found.provincePath, key);
    if (!reporter) throw notFound('Báo cáo');
    try {
      periodFromKey(t.periodKind as PeriodKind, key.periodKey);
    } catch {
      throw invalid('Kỳ báo cáo không hợp lệ với mẫu này.', [{ path: 'periodKey', message: 'không phải một kỳ của mẫu báo cáo' }]);
    }
    const kinds: ReportActorKind[] = [];
    if (mine.some((r) => sameReporter(r, reporter))) kinds.push('reporter');
    if (coordinates(actor, found.provincePath)) kinds.push('coordinator');
    return { t, provincePath: found.provincePath, reporter, kinds };
  }
  type Ctx = Awaited<ReturnType<typeof context>>;

  /** The period before a period of the template (its approved figures feed the "far from last period" check). */
  function previousKeyOf(ctx: Ctx, periodKey: string) {
    const kind = ctx.t.periodKind as PeriodKind;
    return periodContaining(kind, addDays(periodFromKey(kind, periodKey).start, -1)).key;
  }
  async function previousValues(ctx: Ctx, periodKey: string) {
    const prev = await repo.findReportByKey(db, { templateId: ctx.t.id, periodKey: previousKeyOf(ctx, periodKey), unitId: ctx.reporter.unitId, agencyId: ctx.reporter.agencyId });
    return prev && prev.state === 'approved' ? repo.valuesOf(db, prev.id) : [];
  }

  /** The report as the form shows it; `written` is what a save just wrote, so it is not read back. */
  async function view(ctx: Ctx, periodKey: string, row: repo.ReportRow | undefined, written?: { values: { element: string; breakdown: string; value: number }[]; sections: Record<string, string>; previous: { element: string; breakdown: string; value: number }[] }) {
    const kind = ctx.t.periodKind as PeriodKind;
    const p = periodFromKey(kind, periodKey);
    const [values, sections, previous, c] = await Promise.all([
      written ? written.values : row ? repo.valuesOf(db, row.id) : [],
      written ? written.sections : row ? repo.sectionsOf(db, row.id) : {},
      written ? written.previous : previousValues(ctx, periodKey),
      catalogueOf(ctx.t.provinceId),
    ]);
    const elements = formElements(ctx.t, c);
    const template = templateView(ctx.t, c);
    const state = (row?.state ?? 'draft') as ReportState;
    return {
      id: row?.id ?? null,
      template,
      periodKey,
      periodLabel: periodLabel(p),
      period: { start: p.start, end: p.end },
      reporter: ctx.reporter,
      state,
      version: row?.version ?? null,
      dueDate: row?.dueDate ?? dueOf(ctx.t, periodKey),
      values,
      previous,
      sections,
      returnReason: row?.returnReason ?? null,
      submittedAt: iso(row?.submittedAt ?? null),
      reviewedAt: iso(row?.reviewedAt ?? null),
      updatedAt: iso(row?.updatedAt ?? null),
      updatedByName: row?.updatedByName ?? null,
      issues: reportIssues(elements, template.ratioChecks, values, previous),
      actions: reportActionsFor(state, ctx.kinds),
    };
  }

  function checkVersion(current: repo.ReportRow, version: number | null) {
    if (version !== current.version) {
      const who = current.updatedByName ? ` bởi ${current.updatedByName}` : '';
      throw conflict(`Báo cáo vừa được cập nhật${who} lúc ${current.updatedAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}. Hãy xem số liệu mới rồi lưu lại.`);
    }
  }

  const indicatorService = createIndicatorService({ db, templates, reportersOf, targetsInForce, catalogueOf, linksOf });

  return {
    /** Drops a template from the lookups kept in the process (called by whoever edits templates). */
    forgetTemplate(id: string) {
      lookups.delete(`template:${id}`);
    },

    /** A province's default templates, created once (for the template editor; no actor: the caller authorizes). */
    seedTemplates: (provinceId: string) => templates(provinceId),

    async templates(actor: Actor, provinceId: string) {
      const unit = await repo.findUnit(db, provinceId);
      if (!unit || unit.level !== 'province' || !(readsProvince(actor, unit.path) || actor.grants.some((g) => g.provinceId === provinceId))) throw notFound('Tỉnh, thành phố');
      const c = await catalogueOf(provinceId);
      return (await templates(provinceId)).map((t) => templateView(t, c));
    },

    /** The reports the actor's commune or agency owes for a period (by default, the one open today). */
    async owed(actor: Actor, q: z.infer<typeof OwedQuery>) {
      const now = today();
      const items = [];
      for (const me of await actingFor(actor)) {
        const agency = me.agencyId ? await repo.findAgency(db, me.agencyId) : null;
        const unit = await repo.findUnit(db, me.unitId);
        const provinceId = agency?.provinceId ?? actor.grants.find((g) => g.unitId === me.unitId)?.provinceId ?? null;
        if (!unit || !provinceId) continue;
        const province = await repo.findUnit(db, provinceId);
        for (const t of await templates(provinceId)) {
          if (!(await reportersOf(t, province!.path)).some((r) => sameReporter(r, me))) continue;
          const periodKey = q.periodKey ?? periodContaining(t.periodKind as PeriodKind, now).key;
          // A key of another kind ("2026" asked, a quarterly template) names no period of this template.
          if (!isPeriodOf(t.periodKind as PeriodKind, periodKey)) continue;
          const row = await repo.findReportByKey(db, { templateId: t.id, periodKey, unitId: me.unitId, agencyId: me.agencyId });
          const dueDate = row?.dueDate ?? dueOf(t, periodKey);
          const state = row?.state ?? 'notStarted';
          items.push({
            templateId: t.id,
            templateName: t.name,
            periodKey,
            periodLabel: periodLabel(periodFromKey(t.periodKind as PeriodKind, periodKey)),
            reporter: me,
            dueDate,
            state: state as ReportState | 'notStarted',
            late: (state === 'submitted' || state === 'approved') ? !!row?.submittedAt && vietnamToday(row.submittedAt) > dueDate : now > dueDate,
            reportId: row?.id ?? null,
            returnReason: row?.returnReason ?? null,
          });
        }
      }
      return { items, today: now };
    },

    async open(actor: Actor, key: { templateId: string; periodKey: string; unitId: string; agencyId: string | null }) {
      const ctx = await context(actor, key);
      return view(ctx, key.periodKey, await repo.findReportByKey(db, { ...key, unitId: ctx.reporter.unitId }));
    },

    /** Saves the figures and narrative as they stand in the form, creating the report on first save. */
    async save(actor: Actor, input: ReportSaveInput) {
      const ctx = await context(actor, input);
      if (!ctx.kinds.includes('reporter')) throw forbidden('Bạn chỉ nhập được báo cáo của xã, cơ quan mình.');
      const issues: FieldIssue[] = [];
      const catalogue = await catalogueOf(ctx.t.provinceId);
      const allowed = new Map(ctx.t.elements.map((c) => [c, catalogue.elementByCode.get(c)]));
      const outline = new Set((ctx.t.outline as { key: string }[]).map((s) => s.key));
      const cells: { element: string; breakdown: string; value: number }[] = [];
      const seen = new Set<string>();
      input.values.forEach((v, i) => {
        const e = allowed.get(v.element);
        if (!e) return issues.push({ path: `values.${i}.element`, message: `không có chỉ tiêu "${v.element}" trong mẫu báo cáo` });
        if (!cellsOf(e).includes(v.breakdown)) return issues.push({ path: `values.${i}.breakdown`, message: `“${e.name}” không có ô "${v.breakdown}"` });
        if (seen.has(`${v.element}|${v.breakdown}`)) return issues.push({ path: `values.${i}`, message: `“${e.name}” có hai giá trị cho cùng một ô` });
        seen.add(`${v.element}|${v.breakdown}`);
        if (v.value !== null) cells.push({ element: v.element, breakdown: v.breakdown, value: v.value });
      });
      for (const key of Object.keys(input.sections)) if (!outline.has(key)) issues.push({ path: `sections.${key}`, message: 'không có mục này trong đề cương' });
      if (issues.length) throw invalid(`Báo cáo chưa lưu được: ${issues.slice(0, 5).map((x) => x.message).join('; ')}`, issues);
      const key = { templateId: ctx.t.id, periodKey: input.periodKey, unitId: ctx.reporter.unitId, agencyId: ctx.reporter.agencyId };
      const sections = Object.fromEntries(Object.entries(input.sections).filter(([, text]) => text.trim() !== ''));
      // The states the workflow table lets this actor save in: the write's condition, with the version.
      const savableStates = REPORT_STATES.filter((state) => reportTransition(state, 'save', ctx.kinds).ok);
      if (savableStates.length === 0) throw forbidden('Bạn chỉ nhập được báo cáo của xã, cơ quan mình.');
      const written = await repo.writeReport(
        db,
        key,
        input.version === null ? { kind: 'insert', dueDate: dueOf(ctx.t, input.periodKey) } : { kind: 'update', version: input.version, savableStates },
        previousKeyOf(ctx, input.periodKey),
        actor.id,
        cells,
        sections,
        auditRow(actor, { action: 'report.save', entityType: 'report', entityId: null, after: { templateId: ctx.t.id, periodKey: input.periodKey, reporter: ctx.reporter.name, values: cells, sections: input.sections } }),
      );
      if (!written) {
        // Nothing was written: say why, from what is there now (the rare path, so it may cost a read).
        const { report: current } = await repo.reportWithPrevious(db, key, previousKeyOf(ctx, input.periodKey));
        if (!current) throw conflict('Báo cáo này chưa có trên máy chủ; hãy tải lại trang.');
        if (input.version === null) throw conflict('Báo cáo này vừa được người khác tạo. Hãy tải lại để xem số liệu mới rồi lưu lại.');
        checkVersion(current, input.version);
        throw conflict('Báo cáo đã gửi hoặc đã được phê duyệt nên không sửa được; nếu cần sửa, hãy đề nghị Sở GDĐT trả lại.');
      }
      return view(ctx, input.periodKey, { ...written.report, updatedByName: actor.displayName }, { values: cells, sections, previous: written.previous });
    },

    async act(actor: Actor, id: string, input: z.infer<typeof ReportActionInput>) {
      const row = await repo.findReport(db, id);
      if (!row) throw notFound('Báo cáo');
      const ctx = await context(actor, row);
      const t = reportTransition(row.state as ReportState, input.action, ctx.kinds);
      if (!t.ok && t.reason === 'actor') throw forbidden(input.action === 'submit' ? 'Chỉ xã, cơ quan báo cáo mới gửi được báo cáo của mình.' : 'Chỉ điều phối viên tỉnh (Sở GDĐT) mới phê duyệt, trả lại hoặc mở lại được báo cáo.');
      if (!t.ok) throw conflict(`Không thể thực hiện thao tác này khi báo cáo đang ở trạng thái "${STATE_VI[row.state as ReportState]}".`);
      const reason = input.reason?.trim() || null;
      if (t.needsReason && !reason) throw invalid('Hãy ghi lý do để đơn vị biết cần sửa gì.', [{ path: 'reason', message: 'không được để trống' }]);
      checkVersion(row, input.version);
      if (input.action === 'submit') {
        const current = await view(ctx, row.periodKey, row);
        const errors = current.issues.filter((i) => i.severity === 'error');
        if (errors.length) throw invalid(`Báo cáo còn ${errors.length} lỗi cần sửa trước khi gửi: ${errors.slice(0, 3).map((e) => e.message).join(' ')}`, errors.map((e) => ({ path: `values.${e.element ?? ''}`, message: e.message })));
      }
      const now = clock.now();
      const values =
        input.action === 'submit'
          ? { state: t.to, submittedAt: now, submittedBy: actor.id, returnReason: null, updatedBy: actor.id }
          : input.action === 'approve'
            ? { state: t.to, reviewedAt: now, reviewedBy: actor.id, updatedBy: actor.id }
            : { state: t.to, reviewedAt: now, reviewedBy: actor.id, returnReason: reason, updatedBy: actor.id };
      await db.transaction(async (tx) => {
        if ((await repo.updateReport(tx, row.id, row.version, values)) === 0) checkVersion({ ...row, version: -1 }, input.version);
        await recordAudit(tx, actor, { action: `report.${input.action}`, entityType: 'report', entityId: row.id, before: { state: row.state, version: row.version }, after: { state: t.to, reason } });
      });
      return view(ctx, row.periodKey, await repo.findReport(db, row.id));
    },

    /** Who has submitted, on time or late, and who has not (the coordinator's board). */
    async completeness(actor: Actor, q: z.infer<typeof CompletenessQuery>) {
      const found = await repo.findTemplate(db, q.templateId);
      if (!found || (!readsProvince(actor, found.provincePath) && !actor.grants.some((g) => g.unitPath !== null && (found.provincePath.startsWith(g.unitPath) || g.unitPath.startsWith(found.provincePath))))) throw notFound('Mẫu báo cáo');
      if (!readsProvince(actor, found.provincePath)) throw forbidden('Bảng theo dõi tiến độ báo cáo dành cho điều phối viên tỉnh (Sở GDĐT).');
      const t = found.template;
      const now = today();
      const dueDate = dueOf(t, q.periodKey);
      const [reporters, rows] = await Promise.all([reportersOf(t, found.provincePath), repo.reportsOf(db, t.id, q.periodKey)]);
      const out = reporters.map((r) => {
        const row = rows.find((x) => sameReporter(x, r));
        const status = (row?.state ?? 'notStarted') as CompletenessStatus;
        const submittedDay = row?.submittedAt ? vietnamToday(row.submittedAt) : null;
        const late = status === 'submitted' || status === 'approved' ? !!submittedDay && submittedDay > (row?.dueDate ?? dueDate) : now > (row?.dueDate ?? dueDate);
        return { reporter: r, status, reportId: row?.id ?? null, dueDate: row?.dueDate ?? dueDate, submittedAt: iso(row?.submittedAt ?? null), late };
      });
      const counts = Object.fromEntries(COMPLETENESS_STATUSES.map((s) => [s, out.filter((r) => r.status === s).length])) as Record<CompletenessStatus, number>;
      return { template: { id: t.id, name: t.name }, periodKey: q.periodKey, periodLabel: periodLabel(periodFromKey(t.periodKind as PeriodKind, q.periodKey)), dueDate, today: now, rows: out, counts, late: out.filter((r) => r.late).length };
    },

    /** The approved figures of a template and period as DHIS2 CSV (coordinator and province readers). */
    async exportDhis2(actor: Actor, q: z.infer<typeof CompletenessQuery>) {
      const found = await repo.findTemplate(db, q.templateId);
      if (!found || (!readsProvince(actor, found.provincePath) && !actor.grants.some((g) => g.unitPath !== null && (found.provincePath.startsWith(g.unitPath) || g.unitPath.startsWith(found.provincePath))))) throw notFound('Mẫu báo cáo');
      if (!readsProvince(actor, found.provincePath)) throw forbidden('Xuất số liệu dành cho điều phối viên tỉnh (Sở GDĐT).');
      const rows = await repo.approvedForExport(db, q.templateId, q.periodKey);
      const csv = dhis2Csv(rows.map((r) => ({ element: r.element, periodKey: q.periodKey, orgUnit: r.agencyId ? (r.agencyKey ?? r.agencyId) : r.unitCode, breakdown: r.breakdown, value: r.value, storedBy: r.storedBy, lastUpdated: r.lastUpdated })));
      return { csv, filename: `dhis2-${found.template.code}-${q.periodKey}.csv` };
    },

    ...indicatorService,

    /**
     * For reminders (no actor: the caller authorizes): a template's reporters that have not submitted a
     * period's report (not started, draft or returned), with their own due date. Null if no such template.
     */
    async pendingReporters(templateId: string, periodKey: string) {
      const found = await repo.findTemplate(db, templateId);
      if (!found) return null;
      const t = found.template;
      let period;
      try {
        period = periodFromKey(t.periodKind as PeriodKind, periodKey);
      } catch {
        throw invalid('Kỳ báo cáo không hợp lệ với mẫu này.', [{ path: 'periodKey', message: 'không phải một kỳ của mẫu báo cáo' }]);
      }
      const dueDate = dueOf(t, periodKey);
      const [reporters, rows] = await Promise.all([reportersOf(t, found.provincePath), repo.reportsOf(db, t.id, periodKey)]);
      const pending = reporters.flatMap((r) => {
        const row = rows.find((x) => sameReporter(x, r));
        const state = (row?.state ?? 'notStarted') as ReportState | 'notStarted';
        return state === 'submitted' || state === 'approved' ? [] : [{ ...r, state, reportId: row?.id ?? null, dueDate: row?.dueDate ?? dueDate }];
      });
      return { template: { id: t.id, name: t.name, provinceId: t.provinceId, provincePath: found.provincePath, active: t.active }, periodKey, periodLabel: periodLabel(period), dueDate, pending };
    },
  };
}
export type ReportingService = ReturnType<typeof createReportingService>;

const STATE_VI: Record<ReportState, string> = { draft: 'nháp', submitted: 'đã gửi', returned: 'bị trả lại', approved: 'đã phê duyệt' };
