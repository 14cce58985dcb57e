import { CATALOGUE_ELEMENTS, CATALOGUE_INDICATORS, linkTargetsWith, type CatalogueIndicator } from './indicator-catalogue.ts';
import type { DataElement, ReportingLevel } from './indicators.ts';

// From a plan, what each report template should carry and who owes it (issue 4: "From a plan, the platform
// proposes the templates each commune and agency owes, from the targets and tasks assigned to it").
//
// Only two sources are read, so that every proposal can name its reason:
// - a target of the plan that `linkTargets` links to a catalogue indicator needs the data elements that
//   indicator reads; the element's `level` says who reports it, hence which template carries it;
// - a task's assignments (lead or coordinating, named directly or through a group) say which provincial
//   agencies owe the agency template, and whether the communes owe theirs.
// Nothing here follows from a legal text: NĐ 09/2019 says what a template must state (reference.md §8a),
// not which figures a province collects. Nothing is ever removed by a proposal: an element a template
// carries and the plan does not need stays; a reporter the plan gives no task is offered as a candidate to
// drop, which the coordinator ticks or not.

/** A target as the plan holds it: the sentence as written and the normalised indicator words. */
export type ProposalTarget = { id?: string; text: string; indicator: string; unit?: string; scope: string };

/** One row of task_assignments: an agency or a group named as lead or coordinating, or a name still unresolved. */
export type ProposalAssignment = {
  taskId: string;
  taskCode: string | null;
  taskTitle: string;
  role: 'lead' | 'coordinator';
  agencyId: string | null;
  groupId: string | null;
  groupName: string | null;
  raw: string;
};

/** A group named in plans with its current members (a group is expanded when read, never stored expanded). */
export type ProposalGroup = { id: string; name: string; memberIds: readonly string[] };

/** An agency of the province: `unitLevel` is the level of the unit it is attached to (the province itself for a sở). */
export type ProposalAgency = { id: string; name: string; kind: string; unitLevel: string; active: boolean };

export type ProposalTemplate = {
  id: string;
  code: string;
  name: string;
  reporterLevel: 'commune' | 'agency';
  elements: readonly string[];
  /** Empty means every active provincial agency (reporting.service reportersOf). */
  reporterAgencyIds: readonly string[];
  active: boolean;
  version: number;
};

export type ProposalInput = {
  targets: readonly ProposalTarget[];
  assignments: readonly ProposalAssignment[];
  groups: readonly ProposalGroup[];
  agencies: readonly ProposalAgency[];
  templates: readonly ProposalTemplate[];
  catalogue?: { elements: readonly DataElement[]; indicators: readonly CatalogueIndicator[] };
  /** The coordinator's links of targets (by id) to an indicator code, or null for none; others link by their words. */
  links?: ReadonlyMap<string, string | null>;
};

export type ElementProposal = { code: string; name: string; reasons: string[] };
export type AgencyProposal = { agencyId: string; name: string; reasons: string[] };

export type ReporterProposal =
  /** Every current commune owes a commune template; `owed` says whether this plan asks anything of them. */
  | { kind: 'communes'; owed: boolean; reasons: string[] }
  /** `everyAgency`: the template lists nobody, so every active provincial agency owes it today. */
  | { kind: 'agencies'; everyAgency: boolean; keep: AgencyProposal[]; add: AgencyProposal[]; dropCandidates: AgencyProposal[] }
  /** The province-level template: who enters it is not derived from the plan's tasks. */
  | { kind: 'unchanged'; note: string };

export type TemplateProposal = {
  templateId: string;
  code: string;
  name: string;
  level: ReportingLevel;
  active: boolean;
  version: number;
  elements: { keep: ElementProposal[]; add: ElementProposal[] };
  reporters: ReporterProposal;
};

export type ReportProposals = {
  templates: TemplateProposal[];
  /** Targets no catalogue indicator measures (yet), with the reason linkTargets gives. */
  unmeasured: { targetId: string | null; text: string; note: string; candidates: string[] }[];
  /** Elements a target needs for which the province has no template of that level. */
  unplaced: (ElementProposal & { level: ReportingLevel })[];
  /** Agencies given a task that no template's reporters can include, with why. */
  notReporters: { agencyId: string; name: string; reason: string }[];
  /** Agency names of the plan still to resolve: who they are is unknown, so they owe nothing yet. */
  unresolved: { raw: string; task: string }[];
};

/**
 * The element level a template's data form holds. The three default templates are known by code, as the
 * indicator service reads them (reporting.indicators.ts finds the province's template by 'xhht-tinh', which
 * is reported by an agency but carries province-level figures); another template goes by its reporter level.
 */
export const DEFAULT_TEMPLATE_LEVELS: Readonly<Record<string, ReportingLevel>> = { 'xhht-xa': 'commune', 'xhht-co-quan': 'agency', 'xhht-tinh': 'province' };
export function templateLevel(t: { code: string; reporterLevel: string }): ReportingLevel {
  return DEFAULT_TEMPLATE_LEVELS[t.code] ?? (t.reporterLevel === 'commune' ? 'commune' : 'agency');
}

export const LEVEL_VI: Record<ReportingLevel, string> = { commune: 'xã, phường, đặc khu', agency: 'sở, ban, ngành, đoàn thể', province: 'tỉnh (cơ quan thường trực tổng hợp)' };

/** A provincial agency: attached to the province itself, not a commune, and not a People's Committee (reportersOf). */
export const isProvincialAgency = (a: ProposalAgency) => a.unitLevel === 'province' && a.kind !== 'peoplesCommittee';
/** A commune's People's Committee: the agency through which "UBND các xã, phường" names the communes. */
export const isCommuneCommittee = (a: ProposalAgency) => a.unitLevel === 'commune' && a.kind === 'peoplesCommittee';

/** Shortens a quoted sentence on a word boundary, so a reason stays short; a few words over are kept whole. */
export function quote(text: string, max = 100): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max * 1.15) return `“${s}”`;
  const cut = s.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `“${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:.]+$/, '')}…”`;
}

export const taskRef = (a: { taskCode: string | null; taskTitle: string }) => (a.taskCode ? `nhiệm vụ ${a.taskCode}` : `nhiệm vụ ${quote(a.taskTitle, 60)}`);
const ROLE_VI = { lead: 'Chủ trì', coordinator: 'Phối hợp' } as const;
const NO_INDICATOR = 'Không có chỉ số nào trong danh mục đo chỉ tiêu này.';
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'vi');

/** How an agency is reached by one task: the strongest of its assignments (direct before group, lead before coordinating). */
type Reach = { role: 'lead' | 'coordinator'; via: string | null; task: ProposalAssignment; order: number };
const strength = (r: Reach) => (r.role === 'lead' ? 2 : 0) + (r.via ? 0 : 1);
const reachReason = (r: Reach, name?: string) => `${ROLE_VI[r.role]} ${taskRef(r.task)}${r.via ? ` (qua nhóm “${r.via}”)` : name ? ` (${name})` : ''}`;

export function proposeTemplates(input: ProposalInput): ReportProposals {
  const elements = input.catalogue?.elements ?? CATALOGUE_ELEMENTS;
  const indicators = input.catalogue?.indicators ?? CATALOGUE_INDICATORS;
  const elementByCode = new Map(elements.map((e) => [e.code, e]));
  const agencyById = new Map(input.agencies.map((a) => [a.id, a]));
  const groupById = new Map(input.groups.map((g) => [g.id, g]));

  // --- Targets → the elements they need, each with why. ---
  const needed = new Map<string, string[]>();
  const unmeasured: ReportProposals['unmeasured'] = [];
  const eachCommune: string[] = [];
  const targets = input.targets.map((t, i) => ({ ...t, id: t.id ?? `#${i}` }));
  for (const link of linkTargetsWith(targets, indicators, input.links ?? new Map())) {
    const t = link.target;
    if (t.scope === 'eachCommune') eachCommune.push(`Chỉ tiêu ${quote(t.text)} đặt cho từng xã, phường`);
    if (!link.code) {
      unmeasured.push({ targetId: input.targets.find((x) => x.id === t.id) ? t.id : null, text: t.text, note: link.note ?? NO_INDICATOR, candidates: link.candidates });
      continue;
    }
    const ind = indicators.find((i) => i.code === link.code)!;
    const parts: [string, string][] = ind.kind === 'ratio' ? [[ind.numerator, 'tử số'], [ind.denominator, 'mẫu số']] : [[ind.element, 'số liệu của chỉ số']];
    for (const [code, role] of parts) {
      const el = elementByCode.get(code);
      if (!el) continue;
      const reasons = needed.get(code) ?? [];
      reasons.push(`Chỉ tiêu ${quote(t.text)} đo bằng chỉ số “${ind.name}”, cần số liệu “${el.name}” (${role})`);
      needed.set(code, reasons);
    }
  }
  // Catalogue order, so an added element lands where the data form lists it.
  const neededOf = (level: ReportingLevel) => elements.filter((e) => e.level === level && needed.has(e.code)).map((e) => ({ code: e.code, name: e.name, reasons: needed.get(e.code)! }));

  // --- Assignments → who is reached, by which task, how. ---
  // Keyed by task: a task lists an agency once per role and group, and the reason names the strongest.
  const reached = new Map<string, Map<string, Reach>>();
  const unresolved: ReportProposals['unresolved'] = [];
  const communeReasons: string[] = [];
  const reach = (agencyId: string, r: Reach) => {
    const byTask = reached.get(agencyId) ?? new Map<string, Reach>();
    const had = byTask.get(r.task.taskId);
    if (!had || strength(r) > strength(had)) byTask.set(r.task.taskId, r);
    reached.set(agencyId, byTask);
  };
  const taskOrder = new Map<string, number>();
  const communeByTask = new Map<string, Reach>();
  for (const a of input.assignments) {
    if (!taskOrder.has(a.taskId)) taskOrder.set(a.taskId, taskOrder.size);
    const r = { role: a.role, task: a, order: taskOrder.get(a.taskId)! };
    if (a.agencyId) {
      reach(a.agencyId, { ...r, via: null });
    } else if (a.groupId) {
      const g = groupById.get(a.groupId);
      for (const m of g?.memberIds ?? []) reach(m, { ...r, via: g!.name });
    } else if (a.raw.trim()) {
      unresolved.push({ raw: a.raw, task: taskRef(a) });
    }
  }

  const assignedProvincial = new Map<string, AgencyProposal>();
  const notReporters: ReportProposals['notReporters'] = [];
  for (const [agencyId, byTask] of reached) {
    const agency = agencyById.get(agencyId);
    // Lead before coordinating, direct before through a group, then in the plan's order.
    const reaches = [...byTask.values()].sort((x, y) => strength(y) - strength(x) || x.order - y.order);
    if (!agency) continue;
    if (isCommuneCommittee(agency)) {
      // A group reaches every commune the same way: one reason per task, not one per commune.
      for (const r of reaches) {
        const had = communeByTask.get(r.task.taskId);
        if (!had || strength(r) > strength(had)) communeByTask.set(r.task.taskId, r);
        if (!r.via) communeReasons.push(reachReason(r, agency.name));
      }
      continue;
    }
    if (!agency.active) {
      notReporters.push({ agencyId, name: agency.name, reason: 'Cơ quan đã ngừng hoạt động trong danh mục.' });
      continue;
    }
    if (!isProvincialAgency(agency)) {
      notReporters.push({
        agencyId,
        name: agency.name,
        reason: agency.kind === 'peoplesCommittee' ? 'Ủy ban nhân dân tỉnh không thuộc danh sách báo cáo của mẫu sở, ban, ngành.' : `Mẫu của sở, ban, ngành chỉ gồm cơ quan cấp tỉnh; cơ quan này ${agency.unitLevel === 'commune' ? 'thuộc cấp xã' : 'không thuộc cấp tỉnh'}.`,
      });
      continue;
    }
    assignedProvincial.set(agencyId, { agencyId, name: agency.name, reasons: reaches.map((r) => reachReason(r)) });
  }
  const groupCommuneReasons = [...communeByTask.values()].filter((r) => r.via).sort((x, y) => x.order - y.order).map((r) => reachReason(r));
  const allCommuneReasons = [...new Set([...groupCommuneReasons, ...communeReasons, ...eachCommune])];

  // --- One template per level receives the proposals: the active one, the default code, then the first code. ---
  const chosen = new Map<ReportingLevel, ProposalTemplate>();
  const ordered = [...input.templates].sort((a, b) => Number(b.active) - Number(a.active) || Number(!!DEFAULT_TEMPLATE_LEVELS[b.code]) - Number(!!DEFAULT_TEMPLATE_LEVELS[a.code]) || a.code.localeCompare(b.code));
  for (const t of ordered) if (!chosen.has(templateLevel(t))) chosen.set(templateLevel(t), t);

  const activeProvincial = input.agencies.filter((a) => a.active && isProvincialAgency(a));
  const templates: TemplateProposal[] = [];
  const unplaced: ReportProposals['unplaced'] = [];
  for (const level of ['commune', 'agency', 'province'] as const) {
    const t = chosen.get(level);
    const want = neededOf(level);
    if (!t) {
      unplaced.push(...want.map((e) => ({ ...e, level })));
      continue;
    }
    const has = new Set(t.elements);
    let reporters: ReporterProposal;
    if (level === 'commune') {
      reporters = { kind: 'communes', owed: allCommuneReasons.length > 0, reasons: allCommuneReasons };
    } else if (level === 'agency') {
      const everyAgency = t.reporterAgencyIds.length === 0;
      const current = everyAgency ? activeProvincial.map((a) => a.id) : [...new Set(t.reporterAgencyIds)];
      const keep = current.filter((id) => assignedProvincial.has(id)).map((id) => assignedProvincial.get(id)!);
      const add = [...assignedProvincial.values()].filter((a) => !current.includes(a.agencyId));
      const dropCandidates = current
        .filter((id) => !assignedProvincial.has(id))
        .map((id) => {
          const a = agencyById.get(id);
          const why = !a ? 'Cơ quan không còn trong danh mục của tỉnh.' : !a.active ? 'Cơ quan đã ngừng hoạt động trong danh mục.' : 'Không được giao nhiệm vụ nào trong kế hoạch này.';
          return { agencyId: id, name: a?.name ?? '(cơ quan không còn trong danh mục)', reasons: [why] };
        });
      reporters = { kind: 'agencies', everyAgency, keep: keep.sort(byName), add: add.sort(byName), dropCandidates: dropCandidates.sort(byName) };
    } else {
      reporters = { kind: 'unchanged', note: 'Đối tượng báo cáo của mẫu cấp tỉnh không suy ra từ phân công nhiệm vụ; giữ như hiện có.' };
    }
    templates.push({
      templateId: t.id,
      code: t.code,
      name: t.name,
      level,
      active: t.active,
      version: t.version,
      elements: { keep: want.filter((e) => has.has(e.code)), add: want.filter((e) => !has.has(e.code)) },
      reporters,
    });
  }
  return { templates, unmeasured, unplaced, notReporters: notReporters.sort(byName), unresolved };
}

export type ProposalChoice = { addElements: readonly string[]; addReporters: readonly string[]; dropReporters: readonly string[] };
export type ChoiceIssue = { path: string; message: string };

/**
 * A template after the coordinator's ticks: only what the proposal offers may be chosen, and the reporter
 * list may not end empty (an empty list means "every provincial agency", so dropping all would silently
 * bring everyone back). `activeProvincialIds` is the list an "every agency" template starts from.
 */
export function applyChoice(
  proposal: TemplateProposal,
  current: { elements: readonly string[]; reporterAgencyIds: readonly string[] },
  choice: ProposalChoice,
  activeProvincialIds: readonly string[],
): { elements: string[]; reporterAgencyIds: string[]; issues: ChoiceIssue[] } {
  const issues: ChoiceIssue[] = [];
  const offeredElements = new Set(proposal.elements.add.map((e) => e.code));
  choice.addElements.forEach((code, i) => {
    if (!offeredElements.has(code)) issues.push({ path: `addElements.${i}`, message: `“${code}” không phải số liệu được đề xuất thêm vào mẫu này` });
  });
  const r = proposal.reporters;
  const offeredAdd = new Set(r.kind === 'agencies' ? r.add.map((a) => a.agencyId) : []);
  const offeredDrop = new Set(r.kind === 'agencies' ? r.dropCandidates.map((a) => a.agencyId) : []);
  choice.addReporters.forEach((id, i) => {
    if (!offeredAdd.has(id)) issues.push({ path: `addReporters.${i}`, message: 'cơ quan này không được đề xuất thêm vào mẫu này' });
  });
  choice.dropReporters.forEach((id, i) => {
    if (!offeredDrop.has(id)) issues.push({ path: `dropReporters.${i}`, message: 'cơ quan này không được đề xuất bỏ khỏi mẫu này' });
  });
  const add = new Set(choice.addElements);
  const elements = [...current.elements, ...proposal.elements.add.map((e) => e.code).filter((c) => add.has(c) && !current.elements.includes(c))];
  let reporterAgencyIds = [...current.reporterAgencyIds];
  if (choice.addReporters.length || choice.dropReporters.length) {
    const base = current.reporterAgencyIds.length ? current.reporterAgencyIds : activeProvincialIds;
    const drop = new Set(choice.dropReporters);
    reporterAgencyIds = [...new Set([...base.filter((id) => !drop.has(id)), ...choice.addReporters])];
    if (reporterAgencyIds.length === 0) issues.push({ path: 'dropReporters', message: 'mẫu phải còn ít nhất một cơ quan báo cáo (danh sách trống nghĩa là mọi cơ quan cấp tỉnh)' });
  }
  return { elements, reporterAgencyIds, issues };
}
