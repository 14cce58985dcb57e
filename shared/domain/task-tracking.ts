import type { Schedule } from '../contracts/plan-import.ts';
import { foldForSearch } from '../text.ts';
import { DEFAULT_YEARLY_DUE, yearlyReportDue, type YearlyDue } from './schedule.ts';

// Tracking a plan's tasks (issue 3, "Tracking"): what each assigned agency owes, and the workflow of what it
// reports. Pure rules shared by the server (which enforces them) and the web (which labels its buttons).

/** The key of an obligation with no fixed date ("Khi có sự thay đổi", an unreadable timeline). */
export const OPEN_DUE = 'open';

/**
 * One report owed on a task: by a date, or with no fixed date (`due` = 'open'). Its key is the due date, so
 * two milestones of the same day ("Hàng năm và cuối giai đoạn" in 2030) are one report.
 */
export type Obligation = { due: string; dueDate: string | null; labels: string[] };

/**
 * The obligations of a task from its schedule. A dated milestone is one obligation. Work with no fixed date
 * that is carried on "thường xuyên" is reported with the yearly report of every year of the plan (the plans
 * ask every agency to report yearly before 15/12); work "khi có sự thay đổi" or an unreadable timeline gives
 * one obligation with no date, which is never overdue and never guessed.
 */
export function obligationsOf(schedule: Schedule, plan: { periodStart: number | null; periodEnd: number | null }, yearlyDue: YearlyDue = DEFAULT_YEARLY_DUE): Obligation[] {
  const byDue = new Map<string, Obligation>();
  const add = (due: string, dueDate: string | null, label: string) => {
    const o = byDue.get(due) ?? { due, dueDate, labels: [] };
    if (!o.labels.includes(label)) o.labels.push(label);
    byDue.set(due, o);
  };
  const continuous = schedule.kind === 'continuous' || (schedule.kind === 'composite' && foldForSearch(schedule.raw).includes('thuong xuyen'));
  for (const m of schedule.milestones) {
    if (m.due) add(m.due, m.due, m.label);
    else if (continuous && plan.periodStart && plan.periodEnd && plan.periodEnd >= plan.periodStart) {
      for (let y = plan.periodStart; y <= plan.periodEnd; y++) {
        const due = yearlyReportDue(y, yearlyDue);
        add(due, due, `${m.label} (báo cáo năm ${y})`);
      }
    } else add(OPEN_DUE, null, m.label);
  }
  if (byDue.size === 0) add(OPEN_DUE, null, schedule.raw || 'Chưa xác định thời hạn');
  return [...byDue.values()].sort((a, b) => (a.dueDate ?? '9999') .localeCompare(b.dueDate ?? '9999'));
}

/** How far the work is, as the agency (or, consolidated, the lead) says. */
export const PROGRESS = ['notStarted', 'inProgress', 'done', 'delayed'] as const;
export type Progress = (typeof PROGRESS)[number];

/** Where a contribution is in its workflow. */
export const CONTRIBUTION_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

/** Who acts on a contribution: the agency that owes it, the task's lead agency, or the provincial coordinator. */
export type TrackingActorKind = 'contributor' | 'lead' | 'coordinator';

export const CONTRIBUTION_ACTIONS = ['save', 'submit', 'return', 'accept', 'reopen'] as const;
export type ContributionAction = (typeof CONTRIBUTION_ACTIONS)[number];

/**
 * The workflow of a contribution as data (docs/architecture.md, "Workflows as data"): from a state, an action
 * leads to a state, and only some actors may take it. The service refuses anything not in this table; the
 * UI shows a button for each row the actor may take; a test walks every row.
 */
export const CONTRIBUTION_WORKFLOW: readonly { from: ContributionState; action: ContributionAction; to: ContributionState; by: readonly TrackingActorKind[]; needsReason?: true }[] = [
  { from: 'draft', action: 'save', to: 'draft', by: ['contributor'] },
  { from: 'returned', action: 'save', to: 'returned', by: ['contributor'] },
  { from: 'draft', action: 'submit', to: 'submitted', by: ['contributor'] },
  { from: 'returned', action: 'submit', to: 'submitted', by: ['contributor'] },
  { from: 'submitted', action: 'return', to: 'returned', by: ['lead', 'coordinator'], needsReason: true },
  { from: 'submitted', action: 'accept', to: 'accepted', by: ['lead', 'coordinator'] },
  // An accepted contribution is closed; only the coordinator opens it again, with a reason kept in the audit log.
  { from: 'accepted', action: 'reopen', to: 'returned', by: ['coordinator'], needsReason: true },
];

export function transition(from: ContributionState, action: ContributionAction, kinds: readonly TrackingActorKind[]) {
  const row = CONTRIBUTION_WORKFLOW.find((r) => r.from === from && r.action === action);
  if (!row) return { ok: false as const, reason: 'state' as const };
  if (!row.by.some((k) => kinds.includes(k))) return { ok: false as const, reason: 'actor' as const };
  return { ok: true as const, to: row.to, needsReason: row.needsReason === true };
}

export function actionsFor(from: ContributionState, kinds: readonly TrackingActorKind[]): ContributionAction[] {
  return CONTRIBUTION_WORKFLOW.filter((r) => r.from === from && r.by.some((k) => kinds.includes(k))).map((r) => r.action);
}

/**
 * Where one agency stands on one obligation, as shown in "Việc của tôi" and on the board. A report not yet
 * submitted is overdue the day after its due date; one due within DUE_SOON_DAYS is due soon.
 */
export const OBLIGATION_STATUSES = ['overdue', 'returned', 'dueSoon', 'upcoming', 'noDate', 'submitted', 'accepted'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export const DUE_SOON_DAYS = 30;

export function obligationStatus(o: { dueDate: string | null }, state: ContributionState | null, today: string): ObligationStatus {
  if (state === 'accepted') return 'accepted';
  if (state === 'submitted') return 'submitted';
  if (state === 'returned') return 'returned';
  if (!o.dueDate) return 'noDate';
  if (o.dueDate < today) return 'overdue';
  return o.dueDate <= addDays(today, DUE_SOON_DAYS) ? 'dueSoon' : 'upcoming';
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Evidence (minh chứng): the kinds of files an officer attaches, checked by their bytes, not their names.
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 20;
export const EVIDENCE_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;
