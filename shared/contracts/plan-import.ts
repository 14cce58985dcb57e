import { z } from 'zod';

// What the plan importer reads out of a signed plan (issue 3). The same shape is printed by
// `npx xhht plan import FILE --json`, shown in the preview, and committed into a plan.

/** A document as the importer sees it, whatever its format: paragraphs and tables, each with the line it starts on. */
export type DocBlock =
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'table'; line: number; rows: { line: number; cells: string[] }[] };
export type ExtractedDocument = { format: 'docx' | 'xlsx' | 'pdf' | 'text'; blocks: DocBlock[]; lines: string[] };

export const SCHEDULE_KINDS = [
  'once', // one due date: "Quý I/2026", "Năm 2026", "trước tháng 11/2021"
  'yearly', // a report every year: "Hàng năm", "Hằng năm", "vào tuần thứ 2 của tháng 12 hằng năm"
  'range', // "2026-2030": every year of the range
  'continuous', // "Thường xuyên": no fixed date, reported with the yearly report
  'onEvent', // "Khi có sự thay đổi": no fixed date
  'composite', // several of the above: "Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên"
  'unknown', // kept as text and flagged, never guessed
] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const Milestone = z.object({
  label: z.string(),
  /** ISO date (YYYY-MM-DD), or null for a milestone with no fixed date. */
  due: z.string().nullable(),
  /** For recurring milestones: the rule, e.g. "yearly". */
  recurrence: z.enum(['yearly']).nullable().default(null),
});
export type Milestone = z.infer<typeof Milestone>;

export const Schedule = z.object({
  raw: z.string(),
  kind: z.enum(SCHEDULE_KINDS),
  milestones: z.array(Milestone),
});
export type Schedule = z.infer<typeof Schedule>;

export const AgencyRef = z.object({
  raw: z.string(),
  /** Official name of the matched agency, or null when nothing matched (to be resolved by the coordinator). */
  agency: z.string().nullable(),
  /** Set when the text names a group ("Các sở, ban, ngành", "UBND các xã, phường"). */
  group: z.string().nullable().default(null),
});
export type AgencyRef = z.infer<typeof AgencyRef>;

export const TARGET_GROUPS = ['literacy', 'competences', 'institutions', 'learningModels', 'other'] as const;
export const COMPARATORS = ['atLeast', 'moreThan', 'aimFor', 'exact'] as const;

export const ImportedTarget = z.object({
  text: z.string(),
  indicator: z.string(),
  comparator: z.enum(COMPARATORS),
  value: z.number(),
  unit: z.string(),
  year: z.number().int().nullable(),
  group: z.enum(TARGET_GROUPS),
  line: z.number().int(),
});
export type ImportedTarget = z.infer<typeof ImportedTarget>;

export const ImportedTask = z.object({
  code: z.string().nullable(),
  section: z.string().nullable(),
  title: z.string(),
  leads: z.array(AgencyRef),
  coordinators: z.array(AgencyRef),
  deliverables: z.array(z.string()),
  schedule: Schedule,
  line: z.number().int(),
  /** A sub-task's parent: "3.4" for the unnumbered rows under task 3.4 (coded "3.4.a", "3.4.b" …). */
  parentCode: z.string().optional(),
  /** The full text when the title was shortened, or the details under a prose task (its lists). */
  description: z.string().optional(),
  /** The "Kinh phí" cell of a task table, as written. */
  budget: z.string().optional(),
});
export type ImportedTask = z.infer<typeof ImportedTask>;

export const PlanImportResult = z.object({
  plan: z.object({
    title: z.string().nullable(),
    number: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    periodStart: z.number().int().nullable(),
    periodEnd: z.number().int().nullable(),
  }),
  targets: z.array(ImportedTarget),
  tasks: z.array(ImportedTask),
  warnings: z.array(z.object({ line: z.number().int().nullable(), message: z.string() })),
});
export type PlanImportResult = z.infer<typeof PlanImportResult>;
