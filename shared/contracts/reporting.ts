import { z } from 'zod';
import { Uuid } from './common.ts';
import { REPORT_ACTIONS, REPORT_STATES, COMPLETENESS_STATUSES } from '../domain/report-workflow.ts';
import { PERIOD_KINDS } from '../domain/reporting-periods.ts';

// Periodic reporting (issue 4): templates, the reports each commune and agency owes, entry, the workflow,
// the completeness board and indicators computed live from approved (or, on request, submitted) figures.

export const ReportState = z.enum(REPORT_STATES);
export const PeriodKindSchema = z.enum(PERIOD_KINDS);
const PeriodKey = z.string().regex(/^\d{4}(-Q[1-4]|-\d{4})?$/, { error: 'phải là kỳ báo cáo như 2026, 2026-Q1 hoặc 2025-2026' });

export const ElementView = z.object({ code: z.string(), name: z.string(), level: z.string(), valueType: z.enum(['count', 'number']), breakdowns: z.array(z.string()), ageGroups: z.array(z.string()) });
/** A numerator and a denominator both on the form (from the province's ratio indicators): the first cannot exceed the second. */
export const RatioCheckView = z.object({ code: z.string(), name: z.string(), numerator: z.string(), denominator: z.string() });
export const TemplateView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  content: z.string(),
  reporterLevel: z.enum(['commune', 'agency']),
  receiver: z.string(),
  transmission: z.string(),
  periodKind: PeriodKindSchema,
  dueDaysAfterCutoff: z.number().int(),
  frequency: z.string(),
  outline: z.array(z.object({ key: z.string(), title: z.string(), hint: z.string() })),
  elements: z.array(ElementView),
  ratioChecks: z.array(RatioCheckView),
  instructions: z.string(),
  legalBasis: z.string().nullable(),
});
export type TemplateView = z.infer<typeof TemplateView>;

export const Reporter = z.object({ unitId: Uuid, agencyId: Uuid.nullable(), name: z.string() });

export const OwedQuery = z.strictObject({ periodKey: PeriodKey.optional() });
export const OwedReport = z.object({
  templateId: Uuid,
  templateName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  reporter: Reporter,
  dueDate: z.string(),
  state: z.union([ReportState, z.literal('notStarted')]),
  late: z.boolean(),
  reportId: Uuid.nullable(),
  returnReason: z.string().nullable(),
});
export const OwedPage = z.object({ items: z.array(OwedReport), today: z.iso.date() });

export const ReportKey = z.strictObject({ templateId: Uuid, periodKey: PeriodKey, unitId: Uuid, agencyId: Uuid.nullable().default(null) });
export const ReportKeyQuery = z.strictObject({ templateId: Uuid, periodKey: PeriodKey, unitId: Uuid, agencyId: Uuid.optional() });

export const ValueCell = z.object({ element: z.string(), breakdown: z.string(), value: z.number() });
export const EntryIssueView = z.object({ code: z.string(), severity: z.enum(['error', 'warning']), element: z.string().optional(), message: z.string() });

export const ReportView = z.object({
  id: Uuid.nullable(),
  template: TemplateView,
  periodKey: z.string(),
  periodLabel: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  reporter: Reporter,
  state: ReportState,
  version: z.number().int().nullable(),
  dueDate: z.string(),
  values: z.array(ValueCell),
  /** The same reporter's approved figures of the previous period, for the "far from last year" check. */
  previous: z.array(ValueCell),
  sections: z.record(z.string(), z.string()),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  issues: z.array(EntryIssueView),
  actions: z.array(z.enum(REPORT_ACTIONS)),
});
export type ReportView = z.infer<typeof ReportView>;

export const ReportSaveInput = ReportKey.extend({
  /** Every cell of the form as it stands: a cell left out or null is empty. */
  values: z.array(z.strictObject({ element: z.string().max(100), breakdown: z.string().max(200), value: z.number().finite().min(-1e15).max(1e15).nullable() })).max(5000),
  sections: z.record(z.string().max(100), z.string().max(50_000)),
  version: z.number().int().min(1).nullable(),
});
export type ReportSaveInput = z.infer<typeof ReportSaveInput>;

export const ReportActionInput = z.strictObject({
  action: z.enum(['submit', 'return', 'approve', 'reopen']),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().min(1),
});

export const CompletenessQuery = z.strictObject({ templateId: Uuid, periodKey: PeriodKey });
export const CompletenessRow = z.object({
  reporter: Reporter,
  status: z.enum(COMPLETENESS_STATUSES),
  reportId: Uuid.nullable(),
  dueDate: z.string(),
  submittedAt: z.string().nullable(),
  /** Submitted after the due date, or not submitted and the due date has passed. */
  late: z.boolean(),
});
export const CompletenessPage = z.object({
  template: z.object({ id: Uuid, name: z.string() }),
  periodKey: z.string(),
  periodLabel: z.string(),
  dueDate: z.string(),
  today: z.iso.date(),
  rows: z.array(CompletenessRow),
  counts: z.record(z.enum(COMPLETENESS_STATUSES), z.number().int()),
  late: z.number().int(),
});

export const IndicatorQuery = z.strictObject({
  unitId: Uuid,
  periodKey: PeriodKey,
  /** Also count submitted, not yet approved, figures (shown as provisional). */
  provisional: z.enum(['true', 'false']).optional(),
});
/** An indicator evaluated over some units (shared/domain/indicators.ts evaluate): its value and coverage. */
const Evaluation = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: z.enum(['complete', 'partial', 'none']),
  unitsReporting: z.number().int(),
  unitsExpected: z.number().int(),
  reason: z.string().nullable(),
});
export const IndicatorValue = Evaluation.extend({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  unit: z.string(),
  /** Who reports its figures (the level of its first element): communes, agencies or the province. */
  level: z.string(),
  /** The targets of the province's plans in force this indicator measures; `met` is judged from the milestone year on. */
  targets: z.array(
    z.object({ planId: Uuid, planNumber: z.string().nullable(), text: z.string(), comparator: z.string(), value: z.number(), year: z.number().nullable(), met: z.boolean().nullable() }),
  ),
});
export const IndicatorTable = z.object({
  unit: z.object({ id: Uuid, name: z.string(), level: z.string() }),
  periodKey: z.string(),
  periodLabel: z.string(),
  provisional: z.boolean(),
  /** When the newest figure counted was written. */
  latestAt: z.string().nullable(),
  indicators: z.array(IndicatorValue),
  /** For a province: one row per commune, the commune-level indicators only. */
  rows: z.array(z.object({ unitId: Uuid, name: z.string(), values: z.record(z.string(), z.number().nullable()) })),
});

// The trajectory of indicators across years toward the plans' targets (issue 4, "Results": "progress against each
// plan target and its milestone … trajectory toward 2030").
const TrajectoryYear = z.coerce.number({ error: 'phải là một năm' }).int({ error: 'phải là một năm' }).min(2000, { error: 'từ năm 2000' }).max(2100, { error: 'đến năm 2100' });
export const TrajectoryQuery = z.strictObject({
  unitId: Uuid,
  /** One catalogue indicator by code; every indicator when absent. */
  indicator: z.string().max(100).optional(),
  /** Also count submitted, not yet approved, figures (the years they touch are marked provisional). */
  provisional: z.enum(['true', 'false']).optional(),
  /** Both inclusive. By default from 2021 (or an earlier first year of a plan in force) to 2030 (or a later milestone). */
  fromYear: TrajectoryYear.optional(),
  toYear: TrajectoryYear.optional(),
});
/** One year of one indicator: null value (never zero) when no unit reported enough figures that year. */
export const TrajectoryPoint = Evaluation.extend({
  year: z.number().int(),
  periodKey: z.string(),
  /** Some figure read for this year comes from a submitted, not yet approved, report. */
  provisional: z.boolean(),
  /** When the newest report read for this year was last written. */
  latestAt: z.string().nullable(),
});
export const TrajectoryTarget = z.object({
  planId: Uuid,
  planNumber: z.string().nullable(),
  text: z.string(),
  comparator: z.string(),
  value: z.number(),
  year: z.number().nullable(),
  /** Judged on the value of the milestone year itself; null when that year has no value, lies outside the range, or the target has no year. */
  met: z.boolean().nullable(),
  /** The latest year of the range from the milestone on that has a value, judged as the year's indicator table judges it. */
  latest: z.object({ year: z.number().int(), met: z.boolean() }).nullable(),
});
export const IndicatorTrajectory = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  unit: z.string(),
  /** Who reports its figures: communes, agencies or the province. */
  level: z.string(),
  points: z.array(TrajectoryPoint),
  targets: z.array(TrajectoryTarget),
});
export const TrajectoryPage = z.object({
  unit: z.object({ id: Uuid, name: z.string(), level: z.string() }),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  provisional: z.boolean(),
  /** When the newest report read for any year was last written. */
  latestAt: z.string().nullable(),
  indicators: z.array(IndicatorTrajectory),
});
