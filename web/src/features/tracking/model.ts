// Pure helpers of task tracking: the lists of statuses (mirrors of the contract's), which obligation a task
// page opens on, the board's query, the checks of an evidence file before it is sent, and the cache updates
// after a write. No React, no I/O (unit-tested).
import type { z } from 'zod';
import type {
  BoardPage as BoardPageSchema,
  BoardQuery,
  BoardRow,
  ConsolidatedView as ConsolidatedSchema,
  ContributionView,
  ContributorRow as ContributorSchema,
  EvidenceView as EvidenceSchema,
  MyObligation,
  MyObligationsPage as MyPageSchema,
  ObligationView as ObligationSchema,
  TaskTracking,
} from '../../../../shared/contracts/tracking.ts';
import {
  CONTRIBUTION_STATES,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_FILES,
  EVIDENCE_TYPES,
  OBLIGATION_STATUSES,
  OPEN_DUE,
  PROGRESS,
  type ContributionState,
  type ObligationStatus,
  type Progress,
} from '../../../../shared/domain/task-tracking.ts';
import { foldForSearch } from '../../../../shared/text.ts';
import { withQuery } from '../../lib/api.ts';

export type { BoardRow, ContributionState, ContributionView, MyObligation, ObligationStatus, Progress, TaskTracking };
export type ObligationView = z.infer<typeof ObligationSchema>;
export type ContributorRow = z.infer<typeof ContributorSchema>;
export type ConsolidatedView = z.infer<typeof ConsolidatedSchema>;
export type EvidenceView = z.infer<typeof EvidenceSchema>;
export type MyObligationsPage = z.infer<typeof MyPageSchema>;
export type BoardPage = z.infer<typeof BoardPageSchema>;
export type BoardStatus = NonNullable<BoardQuery['status']>;
export type ReportingAgency = TaskTracking['abilities']['reportFor'][number];
export type Assignment = TaskTracking['task']['assignments'][number];

export { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, OPEN_DUE };

// ---------------------------------------------------------------------------------------------------
// Lists of domain values. The plain arrays come from shared/domain; the board's statuses live in the
// contract (a Zod file the web does not bundle), so the web keeps a copy that a test compares.

export const PROGRESS_LIST: readonly Progress[] = PROGRESS;
export const CONTRIBUTION_STATE_LIST: readonly ContributionState[] = CONTRIBUTION_STATES;
export const OBLIGATION_STATUS_LIST: readonly ObligationStatus[] = OBLIGATION_STATUSES;
export const BOARD_STATUS_LIST = [...PROGRESS, 'noReport', 'overdue'] as const satisfies readonly BoardStatus[];

/** "Cần làm": what the agency has not submitted yet (the server's 'todo'). */
export const TODO_STATUSES: readonly ObligationStatus[] = ['overdue', 'returned', 'dueSoon', 'upcoming', 'noDate'];

/** The tabs of "Việc của tôi": 'todo' first (the default), then each status, then everything. */
export type MyTab = 'todo' | ObligationStatus | 'all';
export const MY_TABS: readonly MyTab[] = ['todo', ...OBLIGATION_STATUSES, 'all'];
export const parseMyTab = (s: string | null): MyTab => (s && (MY_TABS as readonly string[]).includes(s) ? (s as MyTab) : 'todo');
/** The `status` the API takes for a tab ('all' = no filter). */
export const tabStatus = (tab: MyTab): ObligationStatus | 'todo' | undefined => (tab === 'all' ? undefined : tab);

export function tabCount(tab: MyTab, counts: Partial<Record<ObligationStatus, number>> | undefined): number {
  if (!counts) return 0;
  const sum = (list: readonly ObligationStatus[]) => list.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (tab === 'todo') return sum(TODO_STATUSES);
  if (tab === 'all') return sum(OBLIGATION_STATUSES);
  return counts[tab] ?? 0;
}

export const parseBoardStatus = (s: string | null): BoardStatus | undefined =>
  s && (BOARD_STATUS_LIST as readonly string[]).includes(s) ? (s as BoardStatus) : undefined;

// ---------------------------------------------------------------------------------------------------
// The task page.

/** Whether an obligation still asks something of the person: a report to write, or (reviewer) one to read. */
export function needsAttention(o: Pick<ObligationView, 'contributors' | 'consolidated'>, reviewer: boolean): boolean {
  if (o.contributors.length === 0) return o.consolidated?.progress !== 'done';
  return o.contributors.some((r) => r.status !== 'accepted' && (reviewer || r.status !== 'submitted'));
}

/**
 * The obligation the page opens on: the one asked for (?due=) when the task has it, otherwise the first (in
 * date order, as the server sends them) that still needs attention, otherwise the last dated one.
 */
export function defaultDue(obligations: readonly Pick<ObligationView, 'due' | 'dueDate' | 'contributors' | 'consolidated'>[], asked: string | null, reviewer: boolean): string | null {
  if (asked && obligations.some((o) => o.due === asked)) return asked;
  const open = obligations.find((o) => needsAttention(o, reviewer));
  if (open) return open.due;
  const dated = obligations.filter((o) => o.dueDate);
  return (dated[dated.length - 1] ?? obligations[0])?.due ?? null;
}

/** Lead and coordinating agencies of a task: a group once (with its size), agencies one by one, unresolved names as written. */
export function assignmentsByRole(assignments: readonly Assignment[], role: Assignment['role']): { key: string; name: string; group: boolean; count: number | null; resolved: boolean }[] {
  const out: { key: string; name: string; group: boolean; count: number | null; resolved: boolean }[] = [];
  const seen = new Set<string>();
  for (const a of assignments) {
    if (a.role !== role) continue;
    const key = a.groupId ? `group:${a.groupId}` : a.agencyId ? `agency:${a.agencyId}` : `raw:${a.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, name: (a.groupId ? a.groupName : a.agencyName) ?? a.raw, group: !!a.groupId, count: a.groupId ? a.memberCount : null, resolved: !!(a.groupId || a.agencyId) });
  }
  return out;
}

/** The part of an obligation's expected reports that are accepted / submitted (not yet accepted), in percent. */
export function countsPercent(o: Pick<ObligationView, 'expected' | 'submitted' | 'accepted'>): { accepted: number; submitted: number } {
  if (o.expected <= 0) return { accepted: 0, submitted: 0 };
  const accepted = Math.round((o.accepted / o.expected) * 100);
  // `submitted` counts every report sent, accepted or not: the bar shows the accepted part over it.
  const submitted = Math.round((Math.max(o.submitted, o.accepted) / o.expected) * 100);
  return { accepted: Math.min(100, accepted), submitted: Math.min(100, submitted) };
}

/** The task as the server would now send it, with a contribution just written (the counts follow on the refetch). */
export function withContribution(task: TaskTracking, view: ContributionView): TaskTracking {
  return {
    ...task,
    obligations: task.obligations.map((o) =>
      o.due !== view.due ? o : { ...o, contributors: o.contributors.map((r) => (r.agencyId === view.agencyId ? { ...r, contribution: view } : r)) },
    ),
  };
}

export function withConsolidated(task: TaskTracking, view: ConsolidatedView): TaskTracking {
  return { ...task, obligations: task.obligations.map((o) => (o.due === view.due ? { ...o, consolidated: view } : o)) };
}

/** Which buttons a contribution form shows: a new report is saved and submitted; then the server's actions decide. */
export function formActions(c: Pick<ContributionView, 'actions' | 'abilities'> | null): { save: boolean; submit: boolean; attach: boolean } {
  if (!c) return { save: true, submit: true, attach: true };
  return { save: c.actions.includes('save'), submit: c.actions.includes('submit'), attach: c.abilities.attach };
}

/** The order a reviewer reads reports in: what waits for them first, then what is late, then the rest. */
const REVIEW_ORDER: Record<ObligationStatus, number> = { submitted: 0, returned: 1, overdue: 2, dueSoon: 3, upcoming: 4, noDate: 5, accepted: 6 };

/** The contributors of an obligation, filtered by status and by words of the agency's name (accents ignored), in review order. */
export function reviewRows<T extends Pick<ContributorRow, 'status' | 'agencyName' | 'viaGroup'>>(rows: readonly T[], f: { status?: ObligationStatus; q?: string }): T[] {
  const words = f.q ? foldForSearch(f.q).split(' ').filter(Boolean) : [];
  return rows
    .filter((r) => !f.status || r.status === f.status)
    .filter((r) => {
      if (!words.length) return true;
      const hay = foldForSearch(`${r.agencyName} ${r.viaGroup ?? ''}`);
      return words.every((w) => hay.includes(w));
    })
    .map((r, i) => ({ r, i }))
    .sort((a, b) => REVIEW_ORDER[a.r.status] - REVIEW_ORDER[b.r.status] || a.i - b.i)
    .map(({ r }) => r);
}

/** How many contributors are in each status (for the filter's options). */
export function statusCounts(rows: readonly Pick<ContributorRow, 'status'>[]): Partial<Record<ObligationStatus, number>> {
  const out: Partial<Record<ObligationStatus, number>> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** A long narrative cut for a table cell. */
export function excerpt(text: string, max = 160): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------------
// Evidence files: checked before sending, with the same list the server checks (by bytes) afterwards.

const EXTENSIONS: Record<string, keyof typeof EVIDENCE_TYPES> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** For the file input's `accept`. */
export const EVIDENCE_ACCEPT = [...Object.keys(EXTENSIONS).map((e) => `.${e}`), ...Object.keys(EVIDENCE_TYPES)].join(',');
/** "PDF, DOCX, XLSX, JPEG, PNG, WEBP". */
export const EVIDENCE_KINDS = [...new Set(Object.values(EVIDENCE_TYPES))].join(', ');

export type EvidenceProblem = 'empty' | 'tooLarge' | 'wrongType' | 'tooMany';

export function checkEvidenceFile(file: { name: string; size: number; type: string }, alreadyAttached = 0): EvidenceProblem | null {
  if (alreadyAttached >= EVIDENCE_MAX_FILES) return 'tooMany';
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  // Some systems give no type (or a generic one) for Office files: the extension then decides.
  const known = file.type in EVIDENCE_TYPES || ext in EXTENSIONS;
  if (!known) return 'wrongType';
  if (file.size === 0) return 'empty';
  if (file.size > EVIDENCE_MAX_BYTES) return 'tooLarge';
  return null;
}

const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
/** "850 KB", "1,2 MB" (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / 1024 / 1024)} MB`;
}

export const evidenceHref = (id: string) => `/api/tracking/evidence/${id}`;

// ---------------------------------------------------------------------------------------------------
// The board.

export type BoardFilters = { planId: string; year?: number; section?: string; agencyId?: string; status?: BoardStatus; q?: string };

/** The filters as query parameters (empty ones left out), shared by the JSON page and the Excel export. */
export function boardParams(f: BoardFilters): Record<string, string | number | undefined> {
  return { planId: f.planId, year: f.year, section: f.section || undefined, agencyId: f.agencyId, status: f.status, q: f.q?.trim() || undefined };
}

/** The Excel export of exactly what the board shows (every row, not one page). */
export const boardExportHref = (f: BoardFilters) => withQuery('/api/tracking/board.xlsx', boardParams(f));

/** Years offered on the board: the plan's period, and the year shown if it lies outside. */
export function boardYears(period: { periodStart: number | null; periodEnd: number | null }, shown: number | undefined): number[] {
  const years = new Set<number>();
  const { periodStart: a, periodEnd: b } = period;
  if (a && b && b >= a && b - a <= 50) for (let y = a; y <= b; y++) years.add(y);
  else if (a) years.add(a);
  else if (b) years.add(b);
  if (shown) years.add(shown);
  return [...years].sort((x, y) => x - y);
}

/** Slices of the board's chart: the consolidated progress of the year's tasks (exclusive), in a fixed order. */
export const CHART_STATUSES = ['done', 'inProgress', 'delayed', 'notStarted', 'noReport'] as const satisfies readonly BoardStatus[];
export function chartSlices(counts: Partial<Record<BoardStatus, number>>): { status: (typeof CHART_STATUSES)[number]; value: number }[] {
  return CHART_STATUSES.map((status) => ({ status, value: counts[status] ?? 0 }));
}

// ---------------------------------------------------------------------------------------------------
// A form on a versioned record (an agency's report, the lead's consolidated status): what the person types,
// the server version it started from, and what happens when someone else saved in between (the server
// answers 409): the person's text is kept and shown next to the other one, never silently overwritten.

export type DraftValues = { progress: Progress; text: string };
export type Snapshot = DraftValues & { version: number };
export type DraftState = {
  /** The server's record the form started from (version null: nothing saved yet). */
  base: DraftValues & { version: number | null };
  values: DraftValues;
  /** What the person had typed when the server refused it as stale; null when there is no conflict. */
  conflict: DraftValues | null;
};
export type DraftAction =
  | { type: 'edit'; values: Partial<DraftValues> }
  /** The server's record as last read (a refetch). */
  | { type: 'server'; server: Snapshot | null }
  /** The person's own write succeeded: the answer is the new base; what was typed since stays. */
  | { type: 'saved'; server: Snapshot }
  /** The person's own write that does not change the text (evidence): only the version moves, if nobody else wrote. */
  | { type: 'touched'; server: Snapshot }
  | { type: 'conflict' }
  /** Keep the person's text over the current record (the next save overwrites it knowingly). */
  | { type: 'keepMine'; server: Snapshot | null }
  /** Drop the person's text for the current record. */
  | { type: 'takeTheirs'; server: Snapshot | null };

const sameValues = (a: DraftValues, b: DraftValues) => a.progress === b.progress && a.text === b.text;
const valuesOf = (s: DraftValues): DraftValues => ({ progress: s.progress, text: s.text });

export function initialDraft(server: Snapshot | null, fallback: DraftValues = { progress: 'notStarted', text: '' }): DraftState {
  return server ? { base: { ...valuesOf(server), version: server.version }, values: valuesOf(server), conflict: null } : { base: { ...fallback, version: null }, values: fallback, conflict: null };
}

export const isDirty = (s: DraftState) => !sameValues(s.values, s.base);

export function draftReducer(s: DraftState, a: DraftAction): DraftState {
  switch (a.type) {
    case 'edit':
      return { ...s, values: { ...s.values, ...a.values } };
    case 'server': {
      // Follow a newer record only when the person has nothing unsaved and is not comparing versions.
      if (!a.server || s.conflict || isDirty(s)) return s;
      if (s.base.version !== null && a.server.version <= s.base.version) return s;
      return initialDraft(a.server);
    }
    case 'saved':
      return { ...s, base: { ...valuesOf(a.server), version: a.server.version } };
    case 'touched':
      return sameValues(a.server, s.base) ? { ...s, base: { ...s.base, version: a.server.version } } : s;
    case 'conflict':
      return { ...s, conflict: s.values };
    case 'keepMine':
      return { base: a.server ? { ...valuesOf(a.server), version: a.server.version } : s.base, values: s.conflict ?? s.values, conflict: null };
    case 'takeTheirs':
      return a.server ? initialDraft(a.server) : { ...s, values: valuesOf(s.base), conflict: null };
  }
}

export const contributionSnapshot = (c: Pick<ContributionView, 'progress' | 'narrative' | 'version'> | null | undefined): Snapshot | null =>
  c ? { progress: c.progress, text: c.narrative, version: c.version } : null;
export const consolidatedSnapshot = (c: Pick<ConsolidatedView, 'progress' | 'note' | 'version'> | null | undefined): Snapshot | null =>
  c ? { progress: c.progress, text: c.note, version: c.version } : null;

/** A stale write (someone else saved first) or a state that changed meanwhile: both answer 409. */
export const isConflict = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 409;

