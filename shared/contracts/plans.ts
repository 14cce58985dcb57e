import { z } from 'zod';
import { Abilities, Limit, Name, Offset, SearchQuery, Uuid } from './common.ts';
import { COMPARATORS, PlanImportResult, Schedule, TARGET_GROUPS } from './plan-import.ts';
import { DIFF_FIELDS } from '../domain/plan-diff.ts';

export const PLAN_STATUSES = ['draft', 'inForce', 'superseded'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);

/** An agency named in a task, after review: matched to the catalogue, a group, or left to resolve. */
export const ReviewedAgencyRef = z.strictObject({
  raw: z.string().max(500),
  agencyId: Uuid.nullable(),
  /** A named group ("UBND các xã, phường"), kept as one assignment and expanded when read; ignored when agencyId is set. */
  groupName: z.string().max(200).nullable(),
});

export const ReviewedTarget = z.strictObject({
  text: z.string().min(1).max(4000),
  indicator: z.string().min(1).max(1000),
  comparator: z.enum(COMPARATORS),
  value: z.number().finite().min(0).max(1e12),
  unit: z.string().min(1).max(50),
  year: z.number().int().min(2000).max(2100).nullable(),
  group: z.enum(TARGET_GROUPS),
  scope: z.enum(['province', 'eachCommune']).default('province'),
  line: z.number().int().nullable(),
});

export const ReviewedTask = z.strictObject({
  code: z.string().max(50).nullable(),
  parentCode: z.string().max(50).nullable().default(null),
  section: z.string().max(1000).nullable(),
  title: z.string().min(1).max(4000),
  description: z.string().max(20_000).nullable().default(null),
  leads: z.array(ReviewedAgencyRef).max(200),
  coordinators: z.array(ReviewedAgencyRef).max(200),
  deliverables: z.array(z.string().max(500)).max(50),
  budget: z.string().max(500).nullable().default(null),
  schedule: Schedule,
  line: z.number().int().nullable(),
});

/** What the coordinator commits after checking the preview. Nothing is written before this. */
export const PlanCommitInput = z.strictObject({
  provinceId: Uuid,
  plan: z.strictObject({
    title: Name(1000),
    number: z.string().max(100).nullable(),
    issuer: z.string().max(500).nullable(),
    signer: z.string().max(200).nullable().default(null),
    issuedOn: z.iso.date().nullable(),
    periodStart: z.number().int().min(2000).max(2100).nullable(),
    periodEnd: z.number().int().min(2000).max(2100).nullable(),
    legalBases: z.array(z.string().max(2000)).max(100).default([]),
    objectives: z.string().max(20_000).nullable().default(null),
    status: PlanStatus.default('draft'),
    implementsPlanId: Uuid.nullable().default(null),
    amendsPlanId: Uuid.nullable().default(null),
    sourceFilename: z.string().max(300).nullable().default(null),
  }),
  targets: z.array(ReviewedTarget).max(1000),
  tasks: z.array(ReviewedTask).max(10_000),
});
export type PlanCommitInput = z.infer<typeof PlanCommitInput>;

export const PlanSummary = z.object({
  id: Uuid,
  provinceId: Uuid,
  number: z.string().nullable(),
  title: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodStart: z.number().nullable(),
  periodEnd: z.number().nullable(),
  status: PlanStatus,
  /** The plan this one carries out (a department's or a year's plan of the province's 2021-2030 plan). */
  implementsPlanId: Uuid.nullable(),
  /** The earlier version this plan amends or replaces. */
  amendsPlanId: Uuid.nullable(),
  taskCount: z.number().int(),
  targetCount: z.number().int(),
  abilities: Abilities,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** Another plan named from this one (implemented, amended, amending…), enough to show a link. */
export const PlanRef = z.object({ id: Uuid, number: z.string().nullable(), title: z.string(), issuedOn: z.string().nullable(), status: PlanStatus });
export type PlanRef = z.infer<typeof PlanRef>;

export const PlanListQuery = z.strictObject({ q: SearchQuery, provinceId: Uuid.optional(), limit: Limit(50, 200), offset: Offset });

export const AssignmentView = z.object({
  id: Uuid,
  role: z.enum(['lead', 'coordinator']),
  agencyId: Uuid.nullable(),
  agencyName: z.string().nullable(),
  /** A group named in the plan ("UBND các xã, phường"): every current member owes its part. */
  groupId: Uuid.nullable(),
  groupName: z.string().nullable(),
  memberCount: z.number().int().nullable(),
  raw: z.string(),
});
export const TaskView = z.object({
  id: Uuid,
  code: z.string().nullable(),
  parentCode: z.string().nullable(),
  section: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  deliverables: z.array(z.string()),
  schedule: Schedule,
  sourceLine: z.number().nullable(),
  assignments: z.array(AssignmentView),
});
export const TargetView = ReviewedTarget.omit({ line: true }).extend({ id: Uuid, sourceLine: z.number().nullable() });
export const PlanDetail = PlanSummary.extend({
  signer: z.string().nullable(),
  legalBases: z.array(z.string()),
  objectives: z.string().nullable(),
  sourceFilename: z.string().nullable(),
  targets: z.array(TargetView),
  tasks: z.array(TaskView),
  unresolvedAgencies: z.number().int(),
  implementsPlan: PlanRef.nullable(),
  amendsPlan: PlanRef.nullable(),
  /** Later versions amending or replacing this plan. */
  amendedBy: z.array(PlanRef),
  /** Plans carrying this one out. */
  implementedBy: z.array(PlanRef),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

const Year = z.number().int().min(2000).max(2100);

/** The header of a committed plan, as the coordinator corrects it; only the fields sent change. */
export const PlanPatch = z.strictObject({
  title: Name(1000).optional(),
  number: z.string().trim().max(100).nullable().optional(),
  issuer: z.string().trim().max(500).nullable().optional(),
  signer: z.string().trim().max(200).nullable().optional(),
  issuedOn: z.iso.date().nullable().optional(),
  periodStart: Year.nullable().optional(),
  periodEnd: Year.nullable().optional(),
  status: PlanStatus.optional(),
  implementsPlanId: Uuid.nullable().optional(),
  amendsPlanId: Uuid.nullable().optional(),
});
export type PlanPatch = z.infer<typeof PlanPatch>;

export const AssignmentParams = z.strictObject({ planId: Uuid, assignmentId: Uuid });

/** Points an agency name left unresolved at commit to an agency or a group of the plan's province. */
export const AssignmentResolveInput = z
  .strictObject({
    agencyId: Uuid.optional(),
    groupId: Uuid.optional(),
    /** Also resolve every other unresolved name of the plan written with the same words (case and diacritics ignored). */
    applyToSameName: z.boolean().default(false),
  })
  .refine((v) => (v.agencyId ? 1 : 0) + (v.groupId ? 1 : 0) === 1, { error: 'chọn đúng một: một cơ quan (agencyId) hoặc một nhóm (groupId)', path: ['agencyId'] });
export type AssignmentResolveInput = z.infer<typeof AssignmentResolveInput>;

export const AssignmentResolveResult = z.object({
  /** The assignment asked for, as it now reads. */
  assignment: AssignmentView,
  /** How many assignments were resolved (more than one with applyToSameName). */
  resolved: z.number().int(),
  /** Names of the plan still unresolved. */
  unresolvedAgencies: z.number().int(),
});
export type AssignmentResolveResult = z.infer<typeof AssignmentResolveResult>;

export const PlanDiffQuery = z.strictObject({ against: Uuid.optional() });

const DiffValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export const FieldChange = z.object({
  field: z.enum(DIFF_FIELDS),
  before: DiffValue,
  after: DiffValue,
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});
export const DiffTargetView = z.object({
  id: Uuid,
  text: z.string(),
  indicator: z.string(),
  comparator: z.enum(COMPARATORS),
  value: z.number(),
  unit: z.string(),
  year: z.number().int().nullable(),
});
export const DiffTaskView = z.object({
  id: Uuid,
  code: z.string().nullable(),
  section: z.string().nullable(),
  title: z.string(),
  leads: z.array(z.string()),
  coordinators: z.array(z.string()),
  schedule: z.string(),
  deliverables: z.array(z.string()),
});
const ListDiff = <T extends z.ZodType>(item: T) =>
  z.object({
    added: z.array(item),
    removed: z.array(item),
    changed: z.array(z.object({ before: item, after: item, changes: z.array(FieldChange) })),
    unchanged: z.number().int(),
  });

/** What changed from `from` (the earlier version) to `to` (this plan). */
export const PlanDiff = z.object({
  from: PlanRef,
  to: PlanRef,
  header: z.array(FieldChange),
  targets: ListDiff(DiffTargetView),
  tasks: ListDiff(DiffTaskView),
});
export type PlanDiff = z.infer<typeof PlanDiff>;

/** An agency named in the document, with the catalogue entry it matched in the province (or none). */
export const PreviewAgencyRef = z.object({
  raw: z.string(),
  agency: z.string().nullable(),
  agencyId: Uuid.nullable(),
  group: z.string().nullable(),
});

/**
 * What `POST /api/plans/import` answers: everything read from the document, nothing written. The
 * coordinator corrects it in the browser and sends it back as a PlanCommitInput.
 */
export const PlanPreview = z.object({
  provinceId: Uuid,
  filename: z.string(),
  format: z.enum(['docx', 'xlsx', 'pdf', 'text']),
  /** The document as text lines (1-based `line` numbers of targets, tasks and warnings point here). */
  lines: z.array(z.string()),
  plan: PlanImportResult.shape.plan,
  targets: z.array(ReviewedTarget.omit({ scope: true })),
  tasks: z.array(
    ReviewedTask.omit({ leads: true, coordinators: true }).extend({
      leads: z.array(PreviewAgencyRef),
      coordinators: z.array(PreviewAgencyRef),
    }),
  ),
  warnings: z.array(z.object({ line: z.number().int().nullable(), message: z.string() })),
});
export type PlanPreview = z.infer<typeof PlanPreview>;

/** The preview as it would be committed unchanged: matched agencies and groups kept, unmatched names kept unresolved. */
export function previewToCommit(p: PlanPreview, status: z.infer<typeof PlanStatus> = 'draft') {
  return {
    provinceId: p.provinceId,
    plan: { ...p.plan, title: p.plan.title ?? p.filename, status, sourceFilename: p.filename },
    targets: p.targets,
    tasks: p.tasks.map((t) => ({
      ...t,
      leads: t.leads.map((r) => ({ raw: r.raw, agencyId: r.agencyId, groupName: r.group })),
      coordinators: t.coordinators.map((r) => ({ raw: r.raw, agencyId: r.agencyId, groupName: r.group })),
    })),
  };
}
