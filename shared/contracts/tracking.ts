import { z } from 'zod';
import { Limit, Offset, SearchQuery, Uuid } from './common.ts';
import { Schedule } from './plan-import.ts';
import { AssignmentView } from './plans.ts';
import { CONTRIBUTION_ACTIONS, CONTRIBUTION_STATES, OBLIGATION_STATUSES, OPEN_DUE, PROGRESS } from '../domain/task-tracking.ts';

// Tracking a plan's tasks (issue 3, "Tracking"): obligations derived from schedules, contributions of the
// assigned agencies with evidence, the lead's consolidated status, "Việc của tôi" and the coordinator's board.

export const Progress = z.enum(PROGRESS);
export const ContributionState = z.enum(CONTRIBUTION_STATES);
export const ObligationStatus = z.enum(OBLIGATION_STATUSES);
/** An obligation's key: its ISO due date, or 'open' when the task has no fixed date. */
export const DueKey = z.union([z.iso.date(), z.literal(OPEN_DUE)], { error: 'phải là ngày (YYYY-MM-DD) hoặc "open"' });

export const EvidenceView = z.object({ id: Uuid, filename: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string(), uploadedByName: z.string().nullable() });

export const ContributionView = z.object({
  id: Uuid,
  taskId: Uuid,
  agencyId: Uuid,
  agencyName: z.string(),
  due: z.string(),
  progress: Progress,
  state: ContributionState,
  narrative: z.string(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  evidence: z.array(EvidenceView),
  /** Workflow actions the current user may take now (shared/domain/task-tracking.ts CONTRIBUTION_WORKFLOW). */
  actions: z.array(z.enum(CONTRIBUTION_ACTIONS)),
  abilities: z.object({ edit: z.boolean(), attach: z.boolean() }),
});
export type ContributionView = z.infer<typeof ContributionView>;

/** Save (create or update) the draft of a contribution. `version` is the one the form started from (null for a new one). */
export const ContributionInput = z.strictObject({
  taskId: Uuid,
  agencyId: Uuid,
  due: DueKey,
  progress: Progress,
  narrative: z.string().max(20_000, { error: 'tối đa 20.000 ký tự' }),
  version: z.number().int().min(1).nullable(),
});
export type ContributionInput = z.infer<typeof ContributionInput>;

export const ContributionActionInput = z.strictObject({
  action: z.enum(['submit', 'return', 'accept', 'reopen']),
  /** Required to return or reopen: the officer is told what to correct. */
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().min(1),
});

export const ConsolidatedInput = z.strictObject({
  due: DueKey,
  progress: Progress,
  note: z.string().max(20_000),
  version: z.number().int().min(1).nullable(),
});
export const ConsolidatedView = z.object({ due: z.string(), progress: Progress, note: z.string(), version: z.number().int(), updatedAt: z.string(), updatedByName: z.string().nullable() });

/** One assigned agency's place on one obligation (a group's members each appear, named `viaGroup`). */
export const ContributorRow = z.object({
  agencyId: Uuid,
  agencyName: z.string(),
  role: z.enum(['lead', 'coordinator']),
  viaGroup: z.string().nullable(),
  status: ObligationStatus,
  contribution: ContributionView.nullable(),
});

export const ObligationView = z.object({
  due: z.string(),
  dueDate: z.string().nullable(),
  labels: z.array(z.string()),
  consolidated: ConsolidatedView.nullable(),
  /** Counts over every assigned agency, whether or not the current user may read their reports. */
  expected: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  overdue: z.number().int(),
  /** The rows the current user may read: all for the coordinator and the lead, their own for a contributor. */
  contributors: z.array(ContributorRow),
});

export const TaskTracking = z.object({
  task: z.object({
    id: Uuid,
    planId: Uuid,
    planNumber: z.string().nullable(),
    planTitle: z.string(),
    code: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    section: z.string().nullable(),
    deliverables: z.array(z.string()),
    budget: z.string().nullable(),
    schedule: Schedule,
    assignments: z.array(AssignmentView),
  }),
  obligations: z.array(ObligationView),
  abilities: z.object({
    /** The agencies the current user reports for on this task. */
    reportFor: z.array(z.object({ id: Uuid, name: z.string() })),
    review: z.boolean(),
    consolidate: z.boolean(),
    /** May open the plan's board (the coordinator and province-level readers). */
    board: z.boolean(),
  }),
  today: z.iso.date(),
});
export type TaskTracking = z.infer<typeof TaskTracking>;

export const MyObligationsQuery = z.strictObject({
  /** 'todo' = not yet submitted (overdue, returned, due soon, upcoming, no date). */
  status: z.union([ObligationStatus, z.literal('todo')]).optional(),
  q: SearchQuery,
  planId: Uuid.optional(),
  limit: Limit(50, 200),
  offset: Offset,
});

export const MyObligation = z.object({
  taskId: Uuid,
  planId: Uuid,
  planNumber: z.string().nullable(),
  planTitle: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  section: z.string().nullable(),
  scheduleRaw: z.string(),
  agencyId: Uuid,
  agencyName: z.string(),
  role: z.enum(['lead', 'coordinator']),
  viaGroup: z.string().nullable(),
  due: z.string(),
  dueDate: z.string().nullable(),
  labels: z.array(z.string()),
  status: ObligationStatus,
  contribution: z.object({ id: Uuid, state: ContributionState, progress: Progress, updatedAt: z.string(), returnReason: z.string().nullable() }).nullable(),
});
export type MyObligation = z.infer<typeof MyObligation>;
export const MyObligationsPage = z.object({
  items: z.array(MyObligation),
  total: z.number().int(),
  /** Per status over the whole list (before the status filter), for the tabs. */
  counts: z.record(ObligationStatus, z.number().int()),
  today: z.iso.date(),
});

export const BOARD_STATUSES = [...PROGRESS, 'noReport', 'overdue'] as const;
export const BoardQuery = z.strictObject({
  planId: Uuid,
  /** Obligations due in this year, plus those with no fixed date. Defaults to the current year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  section: z.string().max(1000).optional(),
  agencyId: Uuid.optional(),
  /** The lead's consolidated progress; 'noReport' when not set yet; 'overdue' when an assigned agency is late. */
  status: z.enum(BOARD_STATUSES).optional(),
  q: SearchQuery,
  limit: Limit(100, 5000),
  offset: Offset,
});
export type BoardQuery = z.infer<typeof BoardQuery>;

export const BoardRow = z.object({
  taskId: Uuid,
  code: z.string().nullable(),
  title: z.string(),
  section: z.string().nullable(),
  leads: z.array(z.string()),
  scheduleRaw: z.string(),
  /** The obligations of the year (and undated ones), nearest first. */
  dues: z.array(z.object({ due: z.string(), dueDate: z.string().nullable(), labels: z.array(z.string()) })),
  /** The consolidated progress of the latest of those obligations that has one, or null. */
  progress: Progress.nullable(),
  expected: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  overdue: z.number().int(),
});
export type BoardRow = z.infer<typeof BoardRow>;
export const BoardPage = z.object({
  items: z.array(BoardRow),
  total: z.number().int(),
  year: z.number().int(),
  today: z.iso.date(),
  plan: z.object({ number: z.string().nullable(), title: z.string() }),
  sections: z.array(z.string()),
  /** Per status over the plan's tasks for the year (before the status filter). */
  counts: z.record(z.enum(BOARD_STATUSES), z.number().int()),
});
