// Pure helpers of the plans feature: the editable draft made from an import preview and the commit input
// made from it, grouping and filtering of a plan's tasks and targets. No React, no I/O (unit-tested).
import type { TARGET_GROUPS } from '../../../../shared/contracts/plan-import.ts';
import type { PlanCommitInput, PlanDetail, PlanPreview } from '../../../../shared/contracts/plans.ts';
import { parseSchedule } from '../../../../shared/domain/schedule.ts';
import { foldForSearch } from '../../../../shared/text.ts';

export type PlanStatus = PlanCommitInput['plan']['status'];
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type TaskView = PlanDetail['tasks'][number];
export type TargetView = PlanDetail['targets'][number];
export type AssignmentView = TaskView['assignments'][number];
export type Role = 'leads' | 'coordinators';

// ---------------------------------------------------------------------------------------------------
// The draft: what the coordinator edits between the preview and the commit.

/** An agency named in a task: matched (agencyId), a group (groupName), or neither (kept unresolved). */
export type DraftRef = { raw: string; agencyId: string | null; agencyName: string | null; groupName: string | null };
type PreviewTarget = PlanPreview['targets'][number];
type PreviewTask = PlanPreview['tasks'][number];
export type DraftTarget = PreviewTarget & { key: string };
export type DraftTask = Omit<PreviewTask, 'leads' | 'coordinators'> & { key: string; leads: DraftRef[]; coordinators: DraftRef[] };
export type DraftHeader = {
  title: string;
  number: string;
  issuer: string;
  issuedOn: string | null;
  periodStart: number | null;
  periodEnd: number | null;
};
export type Draft = {
  provinceId: string;
  filename: string;
  lines: string[];
  plan: DraftHeader;
  targets: DraftTarget[];
  tasks: DraftTask[];
  warnings: PlanPreview['warnings'];
};

export type RefState = 'matched' | 'group' | 'unresolved';
export const refState = (r: { agencyId: string | null; groupName: string | null }): RefState =>
  r.agencyId ? 'matched' : r.groupName ? 'group' : 'unresolved';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function previewToDraft(p: PlanPreview): Draft {
  const ref = (r: PlanPreview['tasks'][number]['leads'][number]): DraftRef => ({
    raw: r.raw,
    agencyId: r.agencyId,
    agencyName: r.agencyId ? r.agency : null,
    // A name matched to an agency is that agency, even when the text also reads as a group.
    groupName: r.agencyId ? null : r.group,
  });
  return {
    provinceId: p.provinceId,
    filename: p.filename,
    lines: p.lines,
    plan: {
      title: p.plan.title ?? '',
      number: p.plan.number ?? '',
      issuer: p.plan.issuer ?? '',
      issuedOn: p.plan.issuedOn && ISO_DATE.test(p.plan.issuedOn) ? p.plan.issuedOn : null,
      periodStart: p.plan.periodStart,
      periodEnd: p.plan.periodEnd,
    },
    targets: p.targets.map((t, i) => ({ ...t, key: `target-${i}` })),
    tasks: p.tasks.map((t, i) => ({
      ...t,
      parentCode: t.parentCode ?? null,
      description: t.description ?? null,
      budget: t.budget ?? null,
      key: `task-${i}`,
      leads: t.leads.map(ref),
      coordinators: t.coordinators.map(ref),
    })),
    warnings: p.warnings,
  };
}

const blankToNull = (s: string) => (s.trim() ? s.trim() : null);

/** The plans a new plan carries out or amends (chosen at the save step). */
export type PlanLinks = { implementsPlanId: string | null; amendsPlanId: string | null };

/** The draft as `POST /api/plans` takes it: every name kept, resolved or not. */
export function draftToCommitInput(d: Draft, status: PlanStatus, links: PlanLinks = { implementsPlanId: null, amendsPlanId: null }): PlanCommitInput {
  const ref = (r: DraftRef) => ({ raw: r.raw, agencyId: r.agencyId, groupName: r.agencyId ? null : r.groupName });
  return {
    provinceId: d.provinceId,
    plan: {
      title: d.plan.title.trim(),
      number: blankToNull(d.plan.number),
      issuer: blankToNull(d.plan.issuer),
      signer: null,
      issuedOn: d.plan.issuedOn,
      periodStart: d.plan.periodStart,
      periodEnd: d.plan.periodEnd,
      legalBases: [],
      objectives: null,
      status,
      implementsPlanId: links.implementsPlanId,
      amendsPlanId: links.amendsPlanId,
      sourceFilename: d.filename ? d.filename.slice(0, 300) : null,
    },
    targets: d.targets.map((t) => ({
      text: t.text,
      indicator: t.indicator,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      year: t.year,
      group: t.group,
      scope: 'province' as const,
      line: t.line,
    })),
    tasks: d.tasks.map((t) => ({
      code: blankToNull(t.code ?? ''),
      parentCode: t.parentCode,
      section: t.section,
      title: t.title,
      description: t.description,
      leads: t.leads.map(ref),
      coordinators: t.coordinators.map(ref),
      deliverables: t.deliverables,
      budget: t.budget,
      schedule: t.schedule,
      line: t.line,
    })),
  };
}

/** How many names are still unresolved: places (one per task and role) and distinct names. */
export function unresolvedCount(d: Pick<Draft, 'tasks'>): { refs: number; names: number } {
  const names = new Set<string>();
  let refs = 0;
  for (const t of d.tasks)
    for (const r of [...t.leads, ...t.coordinators])
      if (refState(r) === 'unresolved') {
        refs++;
        names.add(foldForSearch(r.raw));
      }
  return { refs, names: names.size };
}

export type RefPlace = { taskKey: string; role: Role; index: number };
export type Resolution = { agencyId: string; agencyName: string } | { groupName: string } | null;

/** Unresolved places by their words (folded: case and diacritics ignored), to offer "apply to all". */
export function unresolvedByName(d: Pick<Draft, 'tasks'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of d.tasks)
    for (const r of [...t.leads, ...t.coordinators])
      if (refState(r) === 'unresolved') counts.set(foldForSearch(r.raw), (counts.get(foldForSearch(r.raw)) ?? 0) + 1);
  return counts;
}
export const nameKey = (raw: string) => foldForSearch(raw);

/**
 * Points a name to an agency or a group (null: back to unresolved). With `everywhere`, every other
 * unresolved place with the same words gets the same answer.
 */
export function resolveRef(d: Draft, place: RefPlace, resolution: Resolution, everywhere = false): Draft {
  const target = d.tasks.find((t) => t.key === place.taskKey)?.[place.role][place.index];
  if (!target) return d;
  const folded = foldForSearch(target.raw);
  const apply = (r: DraftRef): DraftRef => ({
    raw: r.raw,
    agencyId: resolution && 'agencyId' in resolution ? resolution.agencyId : null,
    agencyName: resolution && 'agencyId' in resolution ? resolution.agencyName : null,
    groupName: resolution && 'groupName' in resolution ? resolution.groupName : null,
  });
  return {
    ...d,
    tasks: d.tasks.map((t) => {
      const update = (role: Role) =>
        t[role].map((r, i) => {
          const isPlace = t.key === place.taskKey && role === place.role && i === place.index;
          const isTwin = everywhere && refState(r) === 'unresolved' && foldForSearch(r.raw) === folded;
          return isPlace || isTwin ? apply(r) : r;
        });
      return { ...t, leads: update('leads'), coordinators: update('coordinators') };
    }),
  };
}

/** Re-reads an edited timeline text into a schedule, within the plan's period. */
export function rescheduled(raw: string, plan: Pick<DraftHeader, 'periodStart' | 'periodEnd'>): DraftTask['schedule'] {
  return parseSchedule(raw, { periodStart: plan.periodStart, periodEnd: plan.periodEnd });
}

/**
 * New header values; when the period changes, every timeline is read again in the new period (a
 * yearly task is due once a year of the plan), with the same reader the server uses.
 */
export function withHeader(d: Draft, plan: DraftHeader): Draft {
  const periodChanged = plan.periodStart !== d.plan.periodStart || plan.periodEnd !== d.plan.periodEnd;
  return {
    ...d,
    plan,
    tasks: periodChanged ? d.tasks.map((t) => ({ ...t, schedule: rescheduled(t.schedule.raw, plan) })) : d.tasks,
  };
}

// ---------------------------------------------------------------------------------------------------
// Server field errors (details paths like `tasks.3.leads.0.agencyId`) → the draft item they concern.

/** One server issue about a draft item: the field (for an agency, its role: leads, coordinators) and the words of the plan. */
export type ItemIssue = { field: string; raw?: string; message: string };

export type MappedErrors = {
  /** Header fields ("title", "periodEnd") → messages. */
  plan: Record<string, string[]>;
  /** Item key (target-…, task-…) → its issues. */
  items: Record<string, ItemIssue[]>;
  /** Anything else, shown as is. */
  other: { path: string; message: string }[];
};

/** Maps error paths, which index the committed arrays, to the keys of the draft that was committed. */
export function mapFieldErrors(details: { path: string; message: string }[], committed: Pick<Draft, 'targets' | 'tasks'>): MappedErrors {
  const out: MappedErrors = { plan: {}, items: {}, other: [] };
  for (const d of details) {
    const [head, a, b = '', c] = d.path.split('.');
    if (head === 'plan' && a) {
      out.plan[a] = [...(out.plan[a] ?? []), d.message];
      continue;
    }
    const item = (head === 'targets' || head === 'tasks') && a !== undefined && /^\d+$/.test(a) ? committed[head][Number(a)] : undefined;
    if (!item) {
      out.other.push(d);
      continue;
    }
    let issue: ItemIssue = { field: b, message: d.message };
    if (head === 'tasks' && (b === 'leads' || b === 'coordinators')) {
      const ref = c !== undefined ? (item as DraftTask)[b][Number(c)] : undefined;
      if (ref) issue = { ...issue, raw: ref.raw };
    }
    out.items[item.key] = [...(out.items[item.key] ?? []), issue];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Reading a committed plan.

export type Section<T> = { section: string | null; tasks: T[] };

/** Tasks grouped by their section, sections in the order they first appear (the document's order). */
export function groupBySection<T extends { section: string | null }>(tasks: readonly T[]): Section<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const t of tasks) {
    const key = t.section?.trim() || null;
    const list = groups.get(key);
    if (list) list.push(t);
    else groups.set(key, [t]);
  }
  return [...groups].map(([section, list]) => ({ section, tasks: list }));
}

// The contracts' arrays come with Zod schemas; the web keeps its own copy (the Record makes it complete).
const GROUP_ORDER: Record<TargetGroup, number> = { literacy: 0, competences: 1, institutions: 2, learningModels: 3, other: 4 };
export const TARGET_GROUP_LIST = (Object.keys(GROUP_ORDER) as TargetGroup[]).sort((a, b) => GROUP_ORDER[a] - GROUP_ORDER[b]);

/** Targets by group, in the fixed order of TARGET_GROUPS; empty groups left out. */
export function groupTargets<T extends { group: TargetGroup }>(targets: readonly T[]): { group: TargetGroup; targets: T[] }[] {
  return TARGET_GROUP_LIST.map((group) => ({ group, targets: targets.filter((t) => t.group === group) })).filter((g) => g.targets.length > 0);
}

export type AssignmentSummary = {
  /** Groups expanded into many agencies: shown as one entry with the number of agencies. */
  groups: { name: string; count: number; raw: string }[];
  /** Agencies named one by one (agencyId null: still to resolve, shown with the words of the plan; `assignmentId` is the one to resolve). */
  agencies: { key: string; name: string; agencyId: string | null; assignmentId: string }[];
};

export function summariseAssignments(assignments: readonly AssignmentView[], role: AssignmentView['role']): AssignmentSummary {
  const groups = new Map<string, { name: string; count: number; raw: string }>();
  const agencies: AssignmentSummary['agencies'] = [];
  const seen = new Set<string>();
  for (const a of assignments) {
    if (a.role !== role) continue;
    if (a.groupId) {
      const name = a.groupName ?? a.raw;
      if (!groups.has(name)) groups.set(name, { name, count: a.memberCount ?? 0, raw: a.raw });
      continue;
    }
    const key = a.agencyId ?? `raw:${a.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    agencies.push({ key, name: a.agencyName ?? a.raw, agencyId: a.agencyId, assignmentId: a.id });
  }
  return { groups: [...groups.values()], agencies };
}

/** Unresolved assignments of a committed plan by their words (folded), to offer "apply to all with this name". */
export function unresolvedTwins(tasks: readonly Pick<TaskView, 'assignments'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tasks)
    for (const a of t.assignments)
      if (!a.agencyId && !a.groupId) counts.set(foldForSearch(a.raw), (counts.get(foldForSearch(a.raw)) ?? 0) + 1);
  return counts;
}

/**
 * The plans a plan may name as implemented or amended (or be compared with): the other plans of its
 * province, most recent first, labelled by number and title.
 */
export function planOptions(plans: readonly { id: string; number: string | null; title: string }[], exclude: readonly (string | null | undefined)[] = []) {
  const skip = new Set(exclude.filter(Boolean));
  return plans.filter((p) => !skip.has(p.id)).map((p) => ({ value: p.id, label: planLabel(p) }));
}

/** "84/KH-UBND · Thực hiện Đề án…": how a plan is named in a link or a choice. */
export const planLabel = (p: { number: string | null; title: string }) => (p.number ? `${p.number} · ${p.title}` : p.title);

export type TaskFilters = { section?: string; agency?: string; unresolved?: boolean };

export function filterTasks<T extends Pick<TaskView, 'section' | 'assignments'>>(tasks: readonly T[], f: TaskFilters): T[] {
  const words = f.agency ? foldForSearch(f.agency).split(' ').filter(Boolean) : [];
  return tasks.filter((t) => {
    if (f.section && (t.section?.trim() || '') !== f.section) return false;
    if (f.unresolved && !t.assignments.some((a) => !a.agencyId && !a.groupId)) return false;
    if (words.length) {
      const hay = foldForSearch(t.assignments.map((a) => `${a.agencyName ?? ''} ${a.raw} ${a.groupName ?? ''}`).join(' '));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/**
 * What to show of a task: a task written as prose has a short title cut from its description
 * ("Chủ trì, phối hợp … đảm bảo một…"); then the description is the text, shown whole on demand.
 */
export function taskText(t: { title: string; description: string | null }): { text: string; extra: string | null } {
  const d = t.description?.trim();
  if (!d || d === t.title) return { text: t.title, extra: null };
  const stem = t.title.replace(/\s*(…|\.\.\.)$/u, '').trim();
  return d.startsWith(stem) ? { text: d, extra: null } : { text: t.title, extra: d };
}

/** "2026–2030", "2026", "từ 2026" style period text; empty when unknown. */
export function periodText(start: number | null, end: number | null): string {
  if (start && end) return start === end ? String(start) : `${start}–${end}`;
  return start ? `${start}–` : end ? `–${end}` : '';
}
