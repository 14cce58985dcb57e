import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { conflict, forbidden, invalid, notFound, type FieldIssue } from '../../lib/errors.ts';
import type { ProposalApplyInput, ProposalApplyResult, ProposalsView, TemplateDetail, TemplateDetails, TemplatePatch } from '../../../shared/contracts/report-templates.ts';
import type { Catalogue } from '../../../shared/domain/indicator-catalogue.ts';
import type { PeriodKind } from '../../../shared/domain/reporting-periods.ts';
import {
  applyChoice,
  isProvincialAgency,
  LEVEL_VI,
  proposeTemplates,
  templateLevel,
  type ProposalAssignment,
  type ProposalTarget,
} from '../../../shared/domain/report-proposals.ts';
import * as repo from './reporting.templates.repository.ts';
import { templatePolicy } from './reporting.templates.policy.ts';

/** What the plans module hands over about one plan (narrowed in server/app.ts). */
export type PlanAssignments = {
  plan: { id: string; provinceId: string; provincePath: string; number: string | null; title: string; status: 'draft' | 'inForce' | 'superseded'; targetCount: number; taskCount: number };
  targets: ProposalTarget[];
  assignments: ProposalAssignment[];
};

type Deps = {
  db: Db;
  /** Narrowed from the plans module: a plan's targets and its task assignments as stored. */
  assignmentsOfPlan: (planId: string) => Promise<PlanAssignments | undefined>;
  /** Narrowed from the agencies module: the groups of a province with their members now. */
  groupsWithMembers: (provinceId: string) => Promise<{ id: string; name: string; memberIds: string[] }[]>;
  /** The reporting service keeps templates a minute for its save path: an edit drops them there at once. */
  forgetTemplate: (id: string) => void;
  /** The reporting service's seeding of a province's default templates (idempotent), so the coordinator can open them before anyone has asked for a report. */
  seedTemplates: (provinceId: string) => Promise<unknown>;
  /** The province's catalogue (reporting.catalogue.service.ts): the elements a data form may carry. */
  catalogueOf: (provinceId: string) => Promise<Catalogue>;
  /** The coordinator's links of plan targets to indicators, over the automatic ones. */
  linksOf: (provinceId: string) => Promise<ReadonlyMap<string, string | null>>;
};

const GONE = '(cơ quan không còn trong danh mục)';
/** The parts a coordinator may change (TemplatePatch), in the order the audit lists them. */
const PARTS = ['name', 'content', 'receiver', 'transmission', 'dueDaysAfterCutoff', 'frequency', 'outline', 'elements', 'reporterAgencyIds', 'instructions', 'legalBasis', 'active'] as const;
type Part = (typeof PARTS)[number];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createReportTemplatesService({ db, assignmentsOfPlan, groupsWithMembers, forgetTemplate, seedTemplates, catalogueOf, linksOf }: Deps) {
  /** The province's templates, every one (stopped ones too), seeded with the defaults first if it has none. */
  async function ensureTemplates(provinceId: string) {
    await seedTemplates(provinceId);
    return repo.allTemplatesOf(db, provinceId);
  }

  const agencyNames = (agencies: { id: string; name: string }[]) => new Map(agencies.map((a) => [a.id, a.name]));

  function detail(t: repo.TemplateRecord, names: Map<string, string>, canEdit: boolean, catalogue: Catalogue): TemplateDetail {
    const level = templateLevel(t);
    const elementByCode = catalogue.elementByCode;
    return {
      id: t.id,
      provinceId: t.provinceId,
      code: t.code,
      name: t.name,
      content: t.content,
      reporterLevel: t.reporterLevel as 'commune' | 'agency',
      reporterAgencies: t.reporterAgencyIds.map((id) => ({ id, name: names.get(id) ?? GONE })),
      receiver: t.receiver,
      transmission: t.transmission,
      periodKind: t.periodKind as PeriodKind,
      dueDaysAfterCutoff: t.dueDaysAfterCutoff,
      frequency: t.frequency,
      outline: (t.outline as { key: string; title: string; hint?: string }[]).map((s) => ({ key: s.key, title: s.title, hint: s.hint ?? '' })),
      level,
      elements: t.elements.map((code) => ({ code, name: elementByCode.get(code)?.name ?? code, level: elementByCode.get(code)?.level ?? level })),
      instructions: t.instructions,
      legalBasis: t.legalBasis,
      active: t.active,
      version: t.version,
      updatedAt: t.updatedAt.toISOString(),
      updatedByName: t.updatedByName,
      abilities: { edit: canEdit },
    };
  }

  async function planFor(actor: Actor, planId: string, write: boolean) {
    const data = await assignmentsOfPlan(planId);
    if (!data || !templatePolicy.inScope(actor, data.plan.provincePath)) throw notFound('Kế hoạch');
    if (write ? !templatePolicy.canManage(actor, data.plan.provincePath) : !templatePolicy.canRead(actor, data.plan.provincePath)) {
      throw forbidden(write ? 'Chỉ điều phối viên tỉnh (Sở GDĐT) mới áp dụng được đề xuất vào mẫu báo cáo.' : 'Đề xuất mẫu báo cáo dành cho điều phối viên tỉnh (Sở GDĐT) và người xem cấp tỉnh.');
    }
    return data;
  }

  async function compute(data: PlanAssignments) {
    const provinceId = data.plan.provinceId;
    const [rows, agencies, groups, catalogue, links] = await Promise.all([ensureTemplates(provinceId), repo.agenciesOf(db, provinceId), groupsWithMembers(provinceId), catalogueOf(provinceId), linksOf(provinceId)]);
    const proposals = proposeTemplates({
      catalogue,
      links,
      targets: data.targets,
      assignments: data.assignments,
      groups,
      agencies,
      templates: rows.map((t) => ({ ...t, reporterLevel: t.reporterLevel as 'commune' | 'agency' })),
    });
    return { rows, agencies, proposals, catalogue };
  }

  function proposalsView(actor: Actor, data: PlanAssignments, proposals: ReturnType<typeof proposeTemplates>): ProposalsView {
    const { provincePath: _p, ...plan } = data.plan;
    return { plan, ...proposals, abilities: { apply: templatePolicy.canManage(actor, data.plan.provincePath) } };
  }

  function checkVersion(current: { version: number; updatedAt: Date; updatedByName: string | null; name: string }, version: number) {
    if (current.version !== version) {
      const who = current.updatedByName ? ` bởi ${current.updatedByName}` : '';
      throw conflict(`Mẫu “${current.name}” vừa được cập nhật${who} lúc ${current.updatedAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}. Hãy tải lại để xem nội dung mới rồi sửa lại.`);
    }
  }

  return {
    /** The province's templates with every NĐ 09/2019 part, active or not, for the coordinator's page. */
    async details(actor: Actor, provinceId: string): Promise<TemplateDetails> {
      const province = await repo.findProvince(db, provinceId);
      if (!province || province.level !== 'province' || !templatePolicy.inScope(actor, province.path)) throw notFound('Tỉnh, thành phố');
      if (!templatePolicy.canRead(actor, province.path)) throw forbidden('Quản lý mẫu báo cáo dành cho điều phối viên tỉnh (Sở GDĐT).');
      const [rows, agencies, catalogue] = await Promise.all([ensureTemplates(province.id), repo.agenciesOf(db, province.id), catalogueOf(province.id)]);
      const canEdit = templatePolicy.canManage(actor, province.path);
      const names = agencyNames(agencies);
      return {
        province: { id: province.id, name: province.name },
        templates: rows.map((t) => detail(t, names, canEdit, catalogue)),
        provincialAgencies: agencies.filter((a) => a.active && isProvincialAgency(a)).map((a) => ({ id: a.id, name: a.name })),
        abilities: { edit: canEdit },
      };
    },

    /** What each template should carry and who owes it, from one plan's targets and tasks, with the reasons. */
    async proposals(actor: Actor, planId: string): Promise<ProposalsView> {
      const data = await planFor(actor, planId, false);
      return proposalsView(actor, data, (await compute(data)).proposals);
    },

    /**
     * Applies the ticked proposal items: only items the plan proposes, on templates at the version the
     * proposal showed. Every template changed and its audit record are written in one transaction.
     */
    async applyProposals(actor: Actor, input: ProposalApplyInput): Promise<ProposalApplyResult> {
      const data = await planFor(actor, input.planId, true);
      const { rows, agencies, proposals, catalogue } = await compute(data);
      const names = agencyNames(agencies);
      const activeProvincial = agencies.filter((a) => a.active && isProvincialAgency(a)).map((a) => a.id);
      const issues: FieldIssue[] = [];
      const changes: { row: repo.TemplateRecord; version: number; elements: string[]; reporterAgencyIds: string[]; addElements: string[]; addReporters: string[]; dropReporters: string[] }[] = [];
      const seen = new Set<string>();
      input.templates.forEach((item, i) => {
        const at = `templates.${i}`;
        const proposal = proposals.templates.find((p) => p.templateId === item.templateId);
        const row = rows.find((r) => r.id === item.templateId);
        if (!proposal || !row) return issues.push({ path: `${at}.templateId`, message: 'không phải mẫu báo cáo được đề xuất từ kế hoạch này' });
        if (seen.has(item.templateId)) return issues.push({ path: `${at}.templateId`, message: 'mẫu được chọn hai lần' });
        seen.add(item.templateId);
        const choice = { addElements: item.addElements, addReporters: item.addReporters, dropReporters: item.dropReporters };
        const r = applyChoice(proposal, row, choice, activeProvincial);
        issues.push(...r.issues.map((x) => ({ path: `${at}.${x.path}`, message: x.message })));
        if (!same(r.elements, row.elements) || !same(r.reporterAgencyIds, row.reporterAgencyIds)) changes.push({ row, version: item.version, elements: r.elements, reporterAgencyIds: r.reporterAgencyIds, ...choice });
      });
      if (issues.length) throw invalid(`Chưa áp dụng được đề xuất: ${issues.slice(0, 5).map((x) => `${x.path}: ${x.message}`).join('; ')}`, issues);
      if (changes.length === 0) throw invalid('Chưa chọn đề xuất nào để áp dụng.', [{ path: 'templates', message: 'chưa chọn đề xuất nào' }]);
      for (const c of changes) checkVersion(c.row, c.version);

      const planRef = { id: data.plan.id, number: data.plan.number, title: data.plan.title };
      await db.transaction(async (tx) => {
        for (const c of changes) {
          if ((await repo.updateTemplate(tx, c.row.id, c.version, { elements: c.elements, reporterAgencyIds: c.reporterAgencyIds, updatedBy: actor.id })) === 0) checkVersion({ ...c.row, version: -1 }, c.version);
          await recordAudit(tx, actor, {
            action: 'reportTemplate.applyProposal',
            entityType: 'reportTemplate',
            entityId: c.row.id,
            before: { elements: c.row.elements, reporterAgencyIds: c.row.reporterAgencyIds, version: c.row.version },
            after: { elements: c.elements, reporterAgencyIds: c.reporterAgencyIds, version: c.version + 1, plan: planRef, addedElements: c.addElements, addedReporters: c.addReporters, droppedReporters: c.dropReporters },
          });
        }
      });
      for (const c of changes) forgetTemplate(c.row.id);
      const again = await compute(data);
      return {
        applied: changes.map((c) => ({
          templateId: c.row.id,
          name: c.row.name,
          version: c.version + 1,
          addedElements: c.addElements.map((code) => ({ code, name: catalogue.elementByCode.get(code)?.name ?? code })),
          addedReporters: c.addReporters.map((id) => ({ id, name: names.get(id) ?? GONE })),
          droppedReporters: c.dropReporters.map((id) => ({ id, name: names.get(id) ?? GONE })),
        })),
        proposals: proposalsView(actor, data, again.proposals),
      };
    },

    /**
     * Changes the NĐ 09/2019 parts of a template. The data form holds only catalogue elements of the
     * template's level (a commune cannot report a province's recognitions); the reporters are active
     * provincial agencies of the template's province, and a commune template lists none (every commune owes it).
     */
    async update(actor: Actor, id: string, patch: TemplatePatch): Promise<TemplateDetail> {
      const before = await repo.findTemplate(db, id);
      if (!before || !templatePolicy.inScope(actor, before.provincePath)) throw notFound('Mẫu báo cáo');
      if (!templatePolicy.canManage(actor, before.provincePath)) throw forbidden('Chỉ điều phối viên tỉnh (Sở GDĐT) mới sửa được mẫu báo cáo.');
      const level = templateLevel(before);
      const [agencies, catalogue] = await Promise.all([repo.agenciesOf(db, before.provinceId), catalogueOf(before.provinceId)]);
      const issues: FieldIssue[] = [];

      const seenElements = new Set<string>();
      patch.elements?.forEach((code, i) => {
        const e = catalogue.elementByCode.get(code);
        if (!e) issues.push({ path: `elements.${i}`, message: `không có chỉ tiêu “${code}” trong danh mục` });
        // Kept if the form already had it (retired since); never added anew.
        else if (!catalogue.activeElements.has(code) && !before.elements.includes(code)) issues.push({ path: `elements.${i}`, message: `“${e.name}” đã ngừng sử dụng trong danh mục` });
        else if (e.level !== level) issues.push({ path: `elements.${i}`, message: `“${e.name}” là số liệu của ${LEVEL_VI[e.level]}, không thuộc biểu mẫu của ${LEVEL_VI[level]}` });
        else if (seenElements.has(code)) issues.push({ path: `elements.${i}`, message: `“${e.name}” đã có trong biểu mẫu` });
        seenElements.add(code);
      });
      if (patch.reporterAgencyIds) {
        if (before.reporterLevel === 'commune' && patch.reporterAgencyIds.length) {
          issues.push({ path: 'reporterAgencyIds', message: 'mẫu của xã do mọi xã, phường, đặc khu báo cáo; không chọn cơ quan' });
        } else {
          const allowed = new Set(agencies.filter((a) => a.active && isProvincialAgency(a)).map((a) => a.id));
          const seen = new Set<string>();
          patch.reporterAgencyIds.forEach((agencyId, i) => {
            if (!allowed.has(agencyId)) issues.push({ path: `reporterAgencyIds.${i}`, message: 'không phải cơ quan cấp tỉnh đang hoạt động của tỉnh này' });
            else if (seen.has(agencyId)) issues.push({ path: `reporterAgencyIds.${i}`, message: 'cơ quan đã được chọn' });
            seen.add(agencyId);
          });
        }
      }
      const keys = new Set<string>();
      patch.outline?.forEach((s, i) => {
        if (keys.has(s.key)) issues.push({ path: `outline.${i}.key`, message: `trùng mã mục “${s.key}”` });
        keys.add(s.key);
      });
      const elements = patch.elements ?? before.elements;
      const outline = patch.outline ?? (before.outline as unknown[]);
      if (!issues.length && elements.length === 0 && outline.length === 0) issues.push({ path: patch.elements ? 'elements' : 'outline', message: 'mẫu phải có ít nhất một chỉ tiêu số liệu hoặc một mục đề cương' });
      if (issues.length) throw invalid(`Mẫu báo cáo chưa lưu được: ${issues.slice(0, 5).map((x) => `${x.path}: ${x.message}`).join('; ')}`, issues);

      checkVersion(before, patch.version);
      const wanted: Partial<Record<Part, unknown>> = { ...patch, ...(patch.legalBasis !== undefined ? { legalBasis: patch.legalBasis?.trim() ? patch.legalBasis.trim() : null } : {}) };
      const changed = PARTS.filter((k) => wanted[k] !== undefined && !same(wanted[k], before[k]));
      const names = agencyNames(agencies);
      if (changed.length === 0) return detail(before, names, true, catalogue);

      const values = Object.fromEntries(changed.map((k) => [k, wanted[k]]));
      await db.transaction(async (tx) => {
        if ((await repo.updateTemplate(tx, before.id, before.version, { ...values, updatedBy: actor.id })) === 0) checkVersion({ ...before, version: -1 }, patch.version);
        await recordAudit(tx, actor, {
          action: 'reportTemplate.update',
          entityType: 'reportTemplate',
          entityId: before.id,
          before: { ...Object.fromEntries(changed.map((k) => [k, before[k]])), version: before.version },
          after: { ...values, version: before.version + 1 },
        });
      });
      forgetTemplate(before.id);
      return detail((await repo.findTemplate(db, before.id))!, names, true, catalogue);
    },
  };
}
export type ReportTemplatesService = ReturnType<typeof createReportTemplatesService>;
