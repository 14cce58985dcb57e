// Pure helpers of periodic reporting: the lists of statuses (mirrors of the contract's), the report key and
// the links between pages, the entry grid (its columns, cell keys, the text typed in a cell, the moves of the
// keyboard), the checks of what is typed (the shared check* helpers, each message naming its element), the
// form's state against the server's version, the copy kept on this device, and the boards' helpers.
// No React, no I/O (unit-tested).
import type { z } from 'zod';
import type {
  CompletenessPage as CompletenessSchema,
  CompletenessRow as CompletenessRowSchema,
  IndicatorTable as IndicatorTableSchema,
  IndicatorTrajectory as IndicatorTrajectorySchema,
  IndicatorValue as IndicatorValueSchema,
  OwedPage as OwedSchema,
  OwedReport as OwedReportSchema,
  ReportSaveInput,
  ReportView,
  TemplateView,
  TrajectoryPage as TrajectoryPageSchema,
  ValueCell as ValueCellSchema,
} from '../../../../shared/contracts/reporting.ts';
import { COMPLETENESS_STATUSES, REPORT_STATES, type CompletenessStatus, type ReportAction, type ReportState } from '../../../../shared/domain/report-workflow.ts';
import {
  CATEGORY_LABELS_VI,
  checkBreakdowns,
  checkPercent,
  checkRatio,
  checkValue,
  type BreakdownDimension,
  type DataElement,
  type EntryIssue,
  type ReportingLevel,
} from '../../../../shared/domain/indicators.ts';
import { cellsOf, parseBreakdownKey, type RatioCheck } from '../../../../shared/domain/report-entry.ts';
import { periodFromKey, periodLabel, type PeriodKind } from '../../../../shared/domain/reporting-periods.ts';
import { withQuery } from '../../lib/api.ts';

export type { CompletenessStatus, EntryIssue, PeriodKind, ReportAction, ReportSaveInput, ReportState, ReportView, TemplateView };
export type ElementView = TemplateView['elements'][number];
/** A problem the server found in the saved figures (its code is any string). */
export type ServerIssue = ReportView['issues'][number];
export type OutlineSection = TemplateView['outline'][number];
export type ValueCell = z.infer<typeof ValueCellSchema>;
export type OwedPage = z.infer<typeof OwedSchema>;
export type OwedReport = z.infer<typeof OwedReportSchema>;
export type OwedState = OwedReport['state'];
export type CompletenessPage = z.infer<typeof CompletenessSchema>;
export type CompletenessRow = z.infer<typeof CompletenessRowSchema>;
export type IndicatorTable = z.infer<typeof IndicatorTableSchema>;
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
export type IndicatorStatus = IndicatorValue['status'];
export type IndicatorRow = IndicatorTable['rows'][number];
export type TrajectoryPage = z.infer<typeof TrajectoryPageSchema>;
export type IndicatorTrajectory = z.infer<typeof IndicatorTrajectorySchema>;
export type TrajectoryPoint = IndicatorTrajectory['points'][number];
export type TrajectoryTarget = IndicatorTrajectory['targets'][number];

// ---------------------------------------------------------------------------------------------------
// Lists of domain values (plain arrays from shared/domain).

export const REPORT_STATE_LIST: readonly ReportState[] = REPORT_STATES;
export const OWED_STATE_LIST: readonly OwedState[] = ['notStarted', ...REPORT_STATES];
export const COMPLETENESS_STATUS_LIST: readonly CompletenessStatus[] = COMPLETENESS_STATUSES;
export const INDICATOR_STATUS_LIST = ['complete', 'partial', 'none'] as const satisfies readonly IndicatorStatus[];

export const parseCompletenessStatus = (s: string | null): CompletenessStatus | undefined =>
  s && (COMPLETENESS_STATUSES as readonly string[]).includes(s) ? (s as CompletenessStatus) : undefined;

// ---------------------------------------------------------------------------------------------------
// Report keys, periods and links.

export type ReportKey = { templateId: string; periodKey: string; unitId: string; agencyId: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the contract's PeriodKey: 2026, 2026-Q1 or 2025-2026. */
const PERIOD_KEY = /^\d{4}(-Q[1-4]|-\d{4})?$/;

export const isUuid = (s: string | null | undefined): s is string => !!s && UUID.test(s);
export const isPeriodKey = (s: string | null | undefined): s is string => !!s && PERIOD_KEY.test(s);

/** The report named by a URL's parameters, or null when one is missing or malformed. */
export function parseReportKey(params: { get: (k: string) => string | null }): ReportKey | null {
  const templateId = params.get('templateId');
  const periodKey = params.get('periodKey');
  const unitId = params.get('unitId');
  const agencyId = params.get('agencyId') || null;
  if (!isUuid(templateId) || !isPeriodKey(periodKey) || !isUuid(unitId)) return null;
  if (agencyId !== null && !isUuid(agencyId)) return null;
  return { templateId, periodKey, unitId, agencyId };
}

/** The query of GET /api/reporting/report (no agencyId for a commune's report). */
export const reportQuery = (k: ReportKey) => ({ templateId: k.templateId, periodKey: k.periodKey, unitId: k.unitId, agencyId: k.agencyId ?? undefined });

export const entryHref = (k: ReportKey) => withQuery('/reports/entry', reportQuery(k));
export const completenessHref = (templateId: string, periodKey: string, status?: CompletenessStatus) => withQuery('/reports/completeness', { templateId, periodKey, status });
export const indicatorsHref = (f: { unitId?: string; periodKey?: string; provisional?: boolean }) =>
  withQuery('/indicators', { unitId: f.unitId, periodKey: f.periodKey, provisional: f.provisional ? 'true' : undefined });
export const reportsHref = (year?: number) => withQuery('/reports', { year });
/** The approved figures of a template and period as DHIS2 CSV (the coordinator's export). */
export const dhis2ExportHref = (templateId: string, periodKey: string) => withQuery('/api/reporting/export.csv', { templateId, periodKey });

/** The year of an ISO date ("2026-05-04" → 2026). */
export const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/** A year from the URL, when it is a plausible one; otherwise the fallback. */
export function parseYear(s: string | null, fallback: number): number {
  const n = Number(s);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
}

/** The years the period picker offers: a few back, one ahead, and the one shown. */
export function yearOptions(current: number, shown: number, back = 4, ahead = 1): number[] {
  const years = new Set<number>();
  for (let y = current - back; y <= current + ahead; y++) years.add(y);
  years.add(shown);
  return [...years].sort((a, b) => b - a);
}

/**
 * The periods of a template's kind that belong to a year: the year itself (calendar year, annual window),
 * the school years it touches, its four quarters.
 */
export function periodKeysOfYear(kind: PeriodKind, year: number): string[] {
  switch (kind) {
    case 'calendarYear':
    case 'annualWindow':
      return [String(year)];
    case 'schoolYear':
      return [`${year - 1}-${year}`, `${year}-${year + 1}`];
    case 'quarter':
      return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  }
}

/** "Năm 2026", "Quý I/2026"…; the key itself when it does not fit the kind. */
export function periodName(kind: PeriodKind, key: string): string {
  try {
    return periodLabel(periodFromKey(kind, key));
  } catch {
    return key;
  }
}

// ---------------------------------------------------------------------------------------------------
// The "reports I owe" list.

/** What needs the person first: sent back, then late, then not yet sent, then waiting, then done. */
const OWED_ORDER: Record<OwedState, number> = { returned: 0, notStarted: 2, draft: 2, submitted: 3, approved: 4 };
export function sortOwed<T extends Pick<OwedReport, 'state' | 'late' | 'dueDate'>>(items: readonly T[]): T[] {
  const rank = (r: T) => (r.state === 'returned' ? 0 : r.late && (r.state === 'notStarted' || r.state === 'draft') ? 1 : OWED_ORDER[r.state]);
  return items
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.r.dueDate.localeCompare(b.r.dueDate) || a.i - b.i)
    .map(({ r }) => r);
}

/** Still to send: not started, a draft, or returned. */
export const isOpen = (s: OwedState) => s === 'notStarted' || s === 'draft' || s === 'returned';

export function owedSummary(items: readonly Pick<OwedReport, 'state' | 'late'>[]): { total: number; open: number; late: number; returned: number } {
  return {
    total: items.length,
    open: items.filter((r) => isOpen(r.state)).length,
    late: items.filter((r) => r.late && isOpen(r.state)).length,
    returned: items.filter((r) => r.state === 'returned').length,
  };
}

// ---------------------------------------------------------------------------------------------------
// The entry grid: rows are the template's data elements, columns the total and the breakdown categories.

/** One column of the grid: the total (breakdown '') or one category of one dimension ("sex=female"). */
export type GridColumn = { breakdown: string };

/**
 * The cells the server takes for each element are shared/domain/report-entry.ts `cellsOf`: the total, then every
 * category of each closed breakdown (Nam, Nữ; DTTS, không DTTS). The grid's columns are their union, in order.
 */
export const GRID_COLUMNS: readonly GridColumn[] = ['', 'sex=male', 'sex=female', 'ethnicMinority=yes', 'ethnicMinority=no'].map((breakdown) => ({ breakdown }));

const cellsOfView = (e: Pick<ElementView, 'breakdowns'>) => cellsOf({ code: '', name: '', level: 'commune', valueType: 'count', breakdowns: e.breakdowns as BreakdownDimension[] });

/** The columns of a template: the total, and the breakdown cells some element has. */
export function gridColumns(elements: readonly Pick<ElementView, 'breakdowns'>[]): GridColumn[] {
  const keys = new Set<string>(['']);
  for (const e of elements) for (const k of cellsOfView(e)) keys.add(k);
  const rank = (k: string) => {
    const i = GRID_COLUMNS.findIndex((c) => c.breakdown === k);
    return i < 0 ? GRID_COLUMNS.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b)).map((breakdown) => ({ breakdown }));
}

/** Whether an element has a cell in a column (a breakdown it does not have leaves the cell out). */
export const hasCell = (element: Pick<ElementView, 'breakdowns'>, column: GridColumn) => cellsOfView(element).includes(column.breakdown);

/** The key of one cell in the form's state: "workingAgePeople/" (total), "workingAgePeople/sex=female". */
export const cellKey = (element: string, breakdown: string) => `${element}/${breakdown}`;
export function splitCellKey(key: string): { element: string; breakdown: string } {
  const i = key.indexOf('/');
  return i < 0 ? { element: key, breakdown: '' } : { element: key.slice(0, i), breakdown: key.slice(i + 1) };
}

export { parseBreakdownKey };

/** A cell's words in Vietnamese, as messages name it: "Nữ", "Dân tộc thiểu số", "Nữ, Dân tộc thiểu số". */
export function breakdownLabelVi(key: string): string {
  const b = parseBreakdownKey(key);
  if (!b) return 'Tổng số';
  return Object.values(b)
    .map((v) => CATEGORY_LABELS_VI[v] ?? v)
    .join(', ');
}

export type CellPos = { row: number; col: number };
export type Move = 'up' | 'down' | 'left' | 'right';

/**
 * Where the keyboard goes from a cell (Enter and the arrows): the next cell with an input in that direction,
 * skipping the cells an element does not have; null at the edge. `enabled[row][col]`.
 */
export function moveTarget(enabled: readonly (readonly boolean[])[], from: CellPos, move: Move): CellPos | null {
  const dr = move === 'down' ? 1 : move === 'up' ? -1 : 0;
  const dc = move === 'right' ? 1 : move === 'left' ? -1 : 0;
  if (dr === 0 && dc === 0) return null;
  for (let r = from.row + dr, c = from.col + dc; r >= 0 && r < enabled.length && c >= 0 && c < (enabled[r]?.length ?? 0); r += dr, c += dc) {
    if (enabled[r]?.[c]) return { row: r, col: c };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// What is typed in a cell: Vietnamese numbers ("1.234", "12,5"), or plain ones ("1234", "12.5").

const viInput = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
/** A number as the grid shows it: 1234.5 → "1.234,5". */
export const formatCell = (n: number) => viInput.format(n);

/**
 * The number in a cell: null when empty, 'invalid' when it is not a number. A comma is the decimal mark
 * (dots are then thousands); without a comma, dots every three digits are thousands ("1.234" = 1234, as
 * Vietnamese writes it) and a single other dot is a decimal point ("12.5").
 */
export function parseCell(text: string): number | null | 'invalid' {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (s === '') return null;
  let normal: string;
  if (s.includes(',')) {
    if (!/^-?\d{1,3}(\.\d{3})*,\d+$/.test(s) && !/^-?\d+,\d+$/.test(s)) return 'invalid';
    normal = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    normal = s.replace(/\./g, '');
  } else if (/^-?\d+(\.\d+)?$/.test(s)) {
    normal = s;
  } else return 'invalid';
  const n = Number(normal);
  return Number.isFinite(n) ? n : 'invalid';
}

/** The text a cell shows once the person leaves it: the number written the Vietnamese way, or as typed. */
export function normaliseCell(text: string): string {
  const n = parseCell(text);
  return typeof n === 'number' ? formatCell(n) : text.trim();
}

// ---------------------------------------------------------------------------------------------------
// The form's values: the text of every cell (by cell key) and of every narrative section.

export type EntryValues = { cells: Readonly<Record<string, string>>; sections: Readonly<Record<string, string>> };
export type Snapshot = EntryValues & { version: number | null };

export function valuesOf(view: Pick<ReportView, 'values' | 'sections'>): EntryValues {
  const cells: Record<string, string> = {};
  for (const v of view.values) cells[cellKey(v.element, v.breakdown)] = formatCell(v.value);
  return { cells, sections: { ...view.sections } };
}
export const snapshotOf = (view: Pick<ReportView, 'values' | 'sections' | 'version'>): Snapshot => ({ ...valuesOf(view), version: view.version });

const sameCell = (a: string | undefined, b: string | undefined) => {
  const x = parseCell(a ?? '');
  const y = parseCell(b ?? '');
  return x === 'invalid' || y === 'invalid' ? (a ?? '').trim() === (b ?? '').trim() : x === y;
};

/** The same figures and texts ("1234" and "1.234" are the same number; an empty cell is no cell). */
export function sameValues(a: EntryValues, b: EntryValues): boolean {
  for (const k of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) if (!sameCell(a.cells[k], b.cells[k])) return false;
  for (const k of new Set([...Object.keys(a.sections), ...Object.keys(b.sections)])) if ((a.sections[k] ?? '') !== (b.sections[k] ?? '')) return false;
  return true;
}

/** The cells whose text is not a number (they block a save: the server takes numbers only). */
export const invalidCells = (v: EntryValues): string[] => Object.keys(v.cells).filter((k) => parseCell(v.cells[k] ?? '') === 'invalid');

/**
 * The body of PUT /api/reporting/report: every figure of the form (empty cells left out, as the contract
 * reads them), every section, and the version the form started from.
 */
export function saveInput(key: ReportKey, v: EntryValues, version: number | null): ReportSaveInput {
  const values: ReportSaveInput['values'] = [];
  for (const [k, text] of Object.entries(v.cells)) {
    const n = parseCell(text);
    if (typeof n !== 'number') continue;
    const { element, breakdown } = splitCellKey(k);
    values.push({ element, breakdown, value: n });
  }
  return { templateId: key.templateId, periodKey: key.periodKey, unitId: key.unitId, agencyId: key.agencyId, values, sections: { ...v.sections }, version };
}

// The form against the server (as features/tracking does for a text): what was typed, the server's record it
// started from, and what happens when someone else saved in between (409): the person's figures are kept
// and shown next to the other ones, never silently overwritten.

export type EntryState = {
  /** The server's record the form started from (version null: nothing saved yet). */
  base: Snapshot;
  values: EntryValues;
  /** What the person had typed when the server refused it as stale (or found on this device, older than the server's); null otherwise. */
  conflict: EntryValues | null;
};

export type EntryAction =
  | { type: 'cell'; key: string; text: string }
  | { type: 'section'; key: string; text: string }
  /** The server's record as last read (a refetch). */
  | { type: 'server'; server: Snapshot }
  /** The person's own write succeeded: the answer is the new base; what was typed since stays. */
  | { type: 'saved'; server: Snapshot }
  | { type: 'conflict' }
  /** Figures kept on this device, typed on the server's current version: they are the form again. */
  | { type: 'restore'; values: EntryValues }
  /** Figures kept on this device, typed on an older version: shown next to the server's. */
  | { type: 'localConflict'; values: EntryValues; baseVersion: number | null }
  /** Keep the person's figures over the current record (the next save overwrites it knowingly). */
  | { type: 'keepMine'; server: Snapshot }
  /** Drop the person's figures for the current record. */
  | { type: 'takeTheirs'; server: Snapshot };

export const initialEntry = (server: Snapshot): EntryState => ({ base: server, values: { cells: server.cells, sections: server.sections }, conflict: null });
export const isDirty = (s: EntryState) => !sameValues(s.values, s.base);

export function entryReducer(s: EntryState, a: EntryAction): EntryState {
  switch (a.type) {
    case 'cell': {
      if ((s.values.cells[a.key] ?? '') === a.text) return s;
      const cells = { ...s.values.cells };
      if (a.text === '') delete cells[a.key];
      else cells[a.key] = a.text;
      return { ...s, values: { ...s.values, cells } };
    }
    case 'section':
      if ((s.values.sections[a.key] ?? '') === a.text) return s;
      return { ...s, values: { ...s.values, sections: { ...s.values.sections, [a.key]: a.text } } };
    case 'server': {
      // Follow a newer record only when the person has nothing unsaved and is not comparing versions.
      if (s.conflict || isDirty(s)) return s;
      if (s.base.version !== null && (a.server.version === null || a.server.version <= s.base.version)) return s;
      if (s.base.version === null && a.server.version === null) return s;
      return initialEntry(a.server);
    }
    case 'saved':
      return { ...s, base: a.server };
    case 'conflict':
      return { ...s, conflict: s.values };
    case 'restore':
      return { ...s, values: a.values, conflict: null };
    case 'localConflict':
      // The version they were typed on stays the base, as after a refused save: a reload finds the conflict again.
      return { base: { ...s.base, version: a.baseVersion }, values: a.values, conflict: a.values };
    case 'keepMine':
      return { base: a.server, values: s.conflict ?? s.values, conflict: null };
    case 'takeTheirs':
      return initialEntry(a.server);
  }
}

// ---------------------------------------------------------------------------------------------------
// The copy kept on this device (localStorage): what was typed, with the version it was typed on, so that a
// reload or a lost connection loses nothing.

export type LocalDraft = { v: 1; baseVersion: number | null; values: EntryValues; at: string };

export const localDraftKey = (userId: string, k: ReportKey) => `xhht.report-draft.${userId}.${k.templateId}.${k.periodKey}.${k.unitId}.${k.agencyId ?? 'commune'}`;

const isStringRecord = (x: unknown): x is Record<string, string> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every((v) => typeof v === 'string');

/** A stored draft, or null when there is none or it is not one (another version of the app, a hand edit). */
export function parseLocalDraft(raw: string | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<LocalDraft> | null;
    if (!d || d.v !== 1 || !(d.baseVersion === null || Number.isInteger(d.baseVersion)) || typeof d.at !== 'string') return null;
    if (!d.values || !isStringRecord(d.values.cells) || !isStringRecord(d.values.sections)) return null;
    return { v: 1, baseVersion: d.baseVersion ?? null, values: { cells: d.values.cells, sections: d.values.sections }, at: d.at };
  } catch {
    return null;
  }
}

export const localDraft = (s: EntryState, at: string): LocalDraft => ({ v: 1, baseVersion: s.base.version, values: s.conflict ?? s.values, at });

/**
 * What to do with a stored draft when the report is opened: nothing (none, or the same as the server's), take
 * it back into the form (typed on the version the server still has, and the report may be edited), or show it
 * next to the server's figures (the server has moved on since, or the report can no longer be edited).
 */
export function reconcileLocal(
  local: LocalDraft | null,
  server: Snapshot,
  editable: boolean,
): { kind: 'none' } | { kind: 'restore' | 'conflict'; values: EntryValues; baseVersion: number | null; at: string } {
  if (!local || sameValues(local.values, server)) return { kind: 'none' };
  const found = { values: local.values, baseVersion: local.baseVersion, at: local.at };
  if (editable && local.baseVersion === server.version) return { kind: 'restore', ...found };
  return { kind: 'conflict', ...found };
}

/** The state a report opens in: the server's figures, with what this device kept taken back or set beside them. */
export function openEntry(server: Snapshot, found: ReturnType<typeof reconcileLocal>): EntryState {
  const s = initialEntry(server);
  if (found.kind === 'restore') return entryReducer(s, { type: 'restore', values: found.values });
  if (found.kind === 'conflict') return entryReducer(s, { type: 'localConflict', values: found.values, baseVersion: found.baseVersion });
  return s;
}

// ---------------------------------------------------------------------------------------------------
// Differences between two versions of the figures (the 409 panel).

export type CellDiff = { key: string; element: string; breakdown: string; theirs: string; mine: string };
export type SectionDiff = { key: string; theirs: string; mine: string };

/** The cells and sections that differ, in the order of the template (cells of unknown elements last). */
export function diffValues(theirs: EntryValues, mine: EntryValues, order: { elements: readonly string[]; sections: readonly string[] }): { cells: CellDiff[]; sections: SectionDiff[] } {
  const rank = (el: string) => {
    const i = order.elements.indexOf(el);
    return i < 0 ? order.elements.length : i;
  };
  const cells: CellDiff[] = [];
  for (const k of new Set([...Object.keys(theirs.cells), ...Object.keys(mine.cells)])) {
    if (sameCell(theirs.cells[k], mine.cells[k])) continue;
    const { element, breakdown } = splitCellKey(k);
    cells.push({ key: k, element, breakdown, theirs: theirs.cells[k] ?? '', mine: mine.cells[k] ?? '' });
  }
  const colRank = (b: string) => {
    const i = GRID_COLUMNS.findIndex((c) => c.breakdown === b);
    return i < 0 ? GRID_COLUMNS.length : i;
  };
  cells.sort((a, b) => rank(a.element) - rank(b.element) || colRank(a.breakdown) - colRank(b.breakdown) || a.breakdown.localeCompare(b.breakdown));
  const sections: SectionDiff[] = [];
  const keys = [...new Set([...order.sections, ...Object.keys(theirs.sections), ...Object.keys(mine.sections)])];
  for (const k of keys) if ((theirs.sections[k] ?? '') !== (mine.sections[k] ?? '')) sections.push({ key: k, theirs: theirs.sections[k] ?? '', mine: mine.sections[k] ?? '' });
  return { cells, sections };
}

// ---------------------------------------------------------------------------------------------------
// Checks as the person types: the shared helpers, applied cell by cell, element by element and pair by pair.

export type GridIssue = EntryIssue & { element: string; cell: string | null };

/** The shared type of a template's element (the contract carries its level and breakdowns as strings). */
export const toDataElement = (e: ElementView): DataElement => ({
  code: e.code,
  name: e.name,
  level: e.level as ReportingLevel,
  valueType: e.valueType,
  breakdowns: e.breakdowns as BreakdownDimension[],
});

/** "“Số người …” phải là …" → "“Số người …” (Nữ) phải là …": a part's message names the element and the cell. */
function forCell(issue: EntryIssue, element: DataElement, breakdown: string): EntryIssue {
  if (!breakdown) return issue;
  const quoted = `“${element.name}”`;
  const i = issue.message.indexOf(quoted);
  if (i < 0) return issue;
  return { ...issue, message: `${issue.message.slice(0, i + quoted.length)} (${breakdownLabelVi(breakdown)})${issue.message.slice(i + quoted.length)}` };
}

/** An element whose figure is a percentage (a province may add one: "Tỷ lệ …", "… (%)"). */
export const isPercentElement = (e: Pick<ElementView, 'name' | 'valueType'>) => e.valueType === 'number' && (/^t[ỷỉ] l[ệê](\s|$)/i.test(e.name.trim()) || /\(%\)|phần trăm/i.test(e.name));

/** Last period's approved figures by cell key. */
export function previousByCell(previous: readonly ValueCell[]): Map<string, number> {
  return new Map(previous.map((v) => [cellKey(v.element, v.breakdown), v.value]));
}

/**
 * Every problem of the figures typed, in the order of the form: the rules of shared/domain/report-entry.ts
 * (which the server applies on save and submit) cell by cell, so that each can be marked in the grid: a value
 * negative, not whole for a count, far from last period's total (warning); parts that do not add up to their
 * total; a numerator larger than its denominator (totals). The grid adds what only typing can get wrong (a cell
 * that is not a number) and a percentage over 100. Each message names the element as the form does, and the
 * cell when it is a part.
 */
export function validateEntry(elements: readonly ElementView[], cells: Readonly<Record<string, string>>, previous: ReadonlyMap<string, number>, pairs: readonly RatioCheck[]): GridIssue[] {
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const numbers = new Map<string, Map<string, number>>();
  const cellsOfElement = new Map<string, string[]>();
  for (const k of Object.keys(cells)) {
    const { element } = splitCellKey(k);
    if (!byCode.has(element)) continue;
    cellsOfElement.set(element, [...(cellsOfElement.get(element) ?? []), k]);
  }
  const colRank = (k: string) => {
    const i = GRID_COLUMNS.findIndex((c) => c.breakdown === splitCellKey(k).breakdown);
    return i < 0 ? GRID_COLUMNS.length : i;
  };
  const perElement = new Map<string, GridIssue[]>();
  const add = (element: string, issue: EntryIssue, cell: string | null) => {
    perElement.set(element, [...(perElement.get(element) ?? []), { ...issue, element, cell }]);
  };
  for (const e of elements) {
    const el = toDataElement(e);
    const keys = (cellsOfElement.get(e.code) ?? []).sort((a, b) => colRank(a) - colRank(b) || a.localeCompare(b));
    const nums = new Map<string, number>();
    for (const k of keys) {
      const { breakdown } = splitCellKey(k);
      const n = parseCell(cells[k] ?? '');
      if (n === null) continue;
      if (n === 'invalid') {
        add(e.code, forCell({ code: 'notANumber', severity: 'error', element: e.code, message: `“${e.name}” phải là một số (đã nhập “${(cells[k] ?? '').trim()}”).` }, el, breakdown), k);
        continue;
      }
      nums.set(breakdown, n);
      // As the server: the change from last period is looked at on the total.
      for (const issue of checkValue(el, n, { previous: breakdown === '' ? (previous.get(k) ?? null) : null })) add(e.code, forCell(issue, el, breakdown), k);
      if (isPercentElement(e)) {
        for (const issue of checkPercent(e.name, n)) if (issue.code === 'percentOver100') add(e.code, forCell({ ...issue, element: e.code }, el, breakdown), k);
      }
    }
    numbers.set(e.code, nums);
    const rows = [...nums.entries()].map(([b, value]) => ({ breakdown: parseBreakdownKey(b), value }));
    if (rows.length > 1) for (const issue of checkBreakdowns(el, rows)) add(e.code, issue, null);
  }
  for (const p of pairs) {
    const n = numbers.get(p.numerator)?.get('');
    const d = numbers.get(p.denominator)?.get('');
    if (n === undefined || d === undefined) continue;
    for (const issue of checkRatio({ element: toDataElement(byCode.get(p.numerator)!), value: n }, { element: toDataElement(byCode.get(p.denominator)!), value: d })) add(p.numerator, issue, cellKey(p.numerator, ''));
  }
  const seen = new Set<string>();
  return elements.flatMap((e) => perElement.get(e.code) ?? []).filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}

export type Severity = 'error' | 'warning';
/** The worst problem of each cell, and of each element (a problem between cells marks the element's row). */
export function issueMarks(issues: readonly GridIssue[]): { cells: Map<string, Severity>; elements: Map<string, Severity> } {
  const cells = new Map<string, Severity>();
  const elements = new Map<string, Severity>();
  const worse = (m: Map<string, Severity>, k: string, s: Severity) => {
    if (m.get(k) !== 'error') m.set(k, s);
  };
  for (const i of issues) {
    if (i.cell) worse(cells, i.cell, i.severity);
    worse(elements, i.element, i.severity);
  }
  return { cells, elements };
}

/** The percentages the typed figures give (total cells), for the person to see what they report. */
export function ratioPreview(elements: readonly ElementView[], cells: Readonly<Record<string, string>>, pairs: readonly RatioCheck[]): { code: string; name: string; numerator: number | null; denominator: number | null; value: number | null }[] {
  const total = (el: string) => {
    const n = parseCell(cells[cellKey(el, '')] ?? '');
    return typeof n === 'number' ? n : null;
  };
  return pairs.map((p) => {
    const numerator = total(p.numerator);
    const denominator = total(p.denominator);
    const value = numerator !== null && denominator !== null && denominator > 0 ? (numerator / denominator) * 100 : null;
    return { code: p.code, name: p.name, numerator, denominator, value };
  });
}

/** The server's problems not already among those found as the person types (the same kind, on the same element). */
export function extraServerIssues(server: readonly ServerIssue[], local: readonly Pick<EntryIssue, 'code' | 'element' | 'message'>[]): ServerIssue[] {
  const known = new Set(local.map((i) => `${i.code}|${i.element ?? ''}`));
  const messages = new Set(local.map((i) => i.message));
  return server.filter((i) => !known.has(`${i.code}|${i.element ?? ''}`) && !messages.has(i.message));
}

// ---------------------------------------------------------------------------------------------------
// Buttons and times.

/** What the entry page offers: the server's actions; a report not yet saved is saved and submitted. */
export function entryActions(actions: readonly ReportAction[]): { save: boolean; submit: boolean; approve: boolean; returnIt: boolean; reopen: boolean } {
  return { save: actions.includes('save'), submit: actions.includes('submit'), approve: actions.includes('approve'), returnIt: actions.includes('return'), reopen: actions.includes('reopen') };
}

const timeFormat = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' });
const dayFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
/** Today in Vietnam, as an ISO date. */
export const isoDay = (now: Date = new Date()) => dayFormat.format(now);

/** A report still to send whose due date has passed. */
export const isLate = (r: { state: OwedState; dueDate: string }, today: string) => isOpen(r.state) && r.dueDate < today;

/** "14:05" for a time today (Vietnam's time), "14:05 03/05/2026" otherwise. */
export function timeOfDay(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hm = timeFormat.format(d);
  const day = dayFormat.format(d);
  if (day === dayFormat.format(now)) return hm;
  const [y, m, dd] = day.split('-');
  return `${hm} ${dd}/${m}/${y}`;
}

/** A stale write (someone else saved first) or a state that changed meanwhile: both answer 409. */
export const isConflict = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 409;
/** The connection failed (no answer at all): the figures stay on this device. */
export const isNetworkError = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 0;

// ---------------------------------------------------------------------------------------------------
// The completeness board.

/** Bars of the board's chart: every status, in the workflow's order. */
export function completenessBars(counts: Partial<Record<CompletenessStatus, number>>): { status: CompletenessStatus; value: number }[] {
  return COMPLETENESS_STATUSES.map((status) => ({ status, value: counts[status] ?? 0 }));
}

/** Sent (submitted or approved) on time, sent late, and not sent with the due date passed. */
export function timeliness(rows: readonly Pick<CompletenessRow, 'status' | 'late'>[]): { onTime: number; lateSent: number; overdue: number; pending: number } {
  let onTime = 0;
  let lateSent = 0;
  let overdue = 0;
  let pending = 0;
  for (const r of rows) {
    const sent = r.status === 'submitted' || r.status === 'approved';
    if (sent && !r.late) onTime++;
    else if (sent) lateSent++;
    else if (r.late) overdue++;
    else pending++;
  }
  return { onTime, lateSent, overdue, pending };
}

/** The board's rows with the status (and late) filters, what waits for the coordinator first. */
const REVIEW_ORDER: Record<CompletenessStatus, number> = { submitted: 0, returned: 1, draft: 2, notStarted: 3, approved: 4 };
export function completenessRows<T extends Pick<CompletenessRow, 'status' | 'late' | 'reporter'>>(rows: readonly T[], f: { status?: CompletenessStatus; late?: boolean }): T[] {
  return rows
    .filter((r) => (!f.status || r.status === f.status) && (!f.late || r.late))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => REVIEW_ORDER[a.r.status] - REVIEW_ORDER[b.r.status] || Number(b.r.late) - Number(a.r.late) || a.r.reporter.name.localeCompare(b.r.reporter.name, 'vi') || a.i - b.i)
    .map(({ r }) => r);
}

export const rowReportKey = (templateId: string, periodKey: string, r: Pick<CompletenessRow, 'reporter'>): ReportKey => ({
  templateId,
  periodKey,
  unitId: r.reporter.unitId,
  agencyId: r.reporter.agencyId,
});

// ---------------------------------------------------------------------------------------------------
// The indicator table.

const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "42,5%" for a ratio, "1.234" for a count; null when the indicator has no value. */
export function formatIndicator(value: number | null, unit: string): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return unit === '%' ? `${percentFormat.format(value)}%` : countFormat.format(value);
}

/** The commune-level indicators the province's rows carry, in the order of the indicator list. */
export function communeColumns(table: Pick<IndicatorTable, 'indicators' | 'rows'>): IndicatorValue[] {
  const present = new Set(table.rows.flatMap((r) => Object.keys(r.values)));
  return table.indicators.filter((i) => present.has(i.code));
}

/** One indicator across communes, largest first (communes without a value left out), for the bar chart. */
export function chartSeries(rows: readonly IndicatorRow[], code: string): { unitId: string; name: string; value: number }[] {
  return rows
    .flatMap((r) => {
      const v = r.values[code];
      return v === null || v === undefined || !Number.isFinite(v) ? [] : [{ unitId: r.unitId, name: r.name, value: v }];
    })
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'vi'));
}

/**
 * Sorting a column of the communes' table, missing values always last: antd reverses the comparison for a
 * descending sort, so a missing value compares the other way then.
 */
export function compareNullable(a: number | null | undefined, b: number | null | undefined, order: 'ascend' | 'descend' | null | undefined = 'ascend'): number {
  const x = a ?? null;
  const y = b ?? null;
  const last = order === 'descend' ? -1 : 1;
  if (x === null && y === null) return 0;
  if (x === null) return last;
  if (y === null) return -last;
  return x - y;
}

/** The indicator chosen for the chart: the one asked for when the table has it, else the first. */
export const chosenIndicator = (columns: readonly Pick<IndicatorValue, 'code'>[], asked: string | null): string | null =>
  (asked && columns.some((c) => c.code === asked) ? asked : columns[0]?.code) ?? null;

// ---------------------------------------------------------------------------------------------------
// The trajectory of one indicator across years toward the plans' targets.

/**
 * The indicator whose trajectory is charted: the one asked for (the URL) when the table has it; else the first
 * with a value this year, else the first a plan sets a target for, else the first.
 */
export function trajectoryIndicator(indicators: readonly Pick<IndicatorValue, 'code' | 'value' | 'targets'>[], asked: string | null): string | null {
  if (asked && indicators.some((i) => i.code === asked)) return asked;
  return (indicators.find((i) => i.value !== null) ?? indicators.find((i) => i.targets.length > 0) ?? indicators[0])?.code ?? null;
}

/** A straight line from the latest value to the next target: an illustration of the pace, never a milestone. */
export type PaceLine = { from: { year: number; value: number }; to: { year: number; value: number }; perYear: number };

const reached = (value: number, t: Pick<TrajectoryTarget, 'comparator' | 'value'>) => (t.comparator === 'moreThan' ? value > t.value : value >= t.value);

/**
 * The straight line from the latest year with a value to the nearest later target not yet reached by that value
 * (the highest of that year's targets, so that the line reaches all of them). No text sets yearly steps between
 * milestones (QĐ 1373/QĐ-TTg sets 2025 and 2030 only), so the line only illustrates an even pace; null when there
 * is no value or no later target left to reach.
 */
export function paceLine(points: readonly Pick<TrajectoryPoint, 'year' | 'value'>[], targets: readonly Pick<TrajectoryTarget, 'year' | 'value' | 'comparator'>[]): PaceLine | null {
  const last = [...points].reverse().find((p): p is { year: number; value: number } => p.value !== null && Number.isFinite(p.value));
  if (!last) return null;
  const ahead = targets.filter((t): t is typeof t & { year: number } => t.year !== null && t.year > last.year && !reached(last.value, t));
  if (!ahead.length) return null;
  const year = Math.min(...ahead.map((t) => t.year));
  const value = Math.max(...ahead.filter((t) => t.year === year).map((t) => t.value));
  return { from: { year: last.year, value: last.value }, to: { year, value }, perYear: (value - last.value) / (year - last.year) };
}

export type TrajectorySeries = {
  /** The x axis: every year of the range, in order. */
  years: number[];
  /** One entry per year; a null value is a gap in the line (no figures that year), never zero. */
  values: { year: number; value: number | null; provisional: boolean }[];
  /** The plans' targets whose milestone year lies in the range, as points at that year. */
  targets: { year: number; value: number; met: boolean | null; comparator: string; planNumber: string | null; text: string }[];
  pace: PaceLine | null;
};

/** What the trajectory chart draws for one indicator (the chart only styles it). */
export function trajectorySeries(t: Pick<IndicatorTrajectory, 'points' | 'targets'>): TrajectorySeries {
  const years = t.points.map((p) => p.year);
  const inRange = new Set(years);
  return {
    years,
    values: t.points.map((p) => ({ year: p.year, value: p.value !== null && Number.isFinite(p.value) ? p.value : null, provisional: p.value !== null && p.provisional })),
    targets: t.targets.flatMap((g) => (g.year !== null && inRange.has(g.year) ? [{ year: g.year, value: g.value, met: g.met, comparator: g.comparator, planNumber: g.planNumber, text: g.text }] : [])),
    pace: paceLine(t.points, t.targets),
  };
}

/** Text from the plans or the units put into the chart's HTML tooltip. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
