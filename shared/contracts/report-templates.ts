import { z } from 'zod';
import { Abilities, Name, Uuid } from './common.ts';
import { PeriodKindSchema } from './reporting.ts';
import { PlanStatus } from './plans.ts';
import { REPORTING_LEVELS } from '../domain/indicators.ts';

// Report templates as the coordinator edits them, and the templates a plan proposes (issue 4: "A report
// template carries the parts a reporting regime must state under NĐ 09/2019 … From a plan, the platform
// proposes the templates each commune and agency owes"). The eleven parts are reference.md §8a.

/** Several lines of text (content, instructions): NFC and trimmed, line breaks kept. */
const Paragraph = (max: number) =>
  z
    .string({ error: 'phải là chuỗi ký tự' })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, { error: 'không được để trống' }).max(max, { error: `tối đa ${max} ký tự` }));

export const ReportingLevelSchema = z.enum(REPORTING_LEVELS);

export const OutlineSection = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,49}$/, { error: 'mã mục chỉ gồm chữ không dấu, số, "-" hoặc "_", bắt đầu bằng chữ (tối đa 50 ký tự)' }),
  title: Name(300),
  hint: z.string().trim().max(2000, { error: 'tối đa 2000 ký tự' }).default(''),
});

export const TemplateElementView = z.object({ code: z.string(), name: z.string(), level: ReportingLevelSchema });
export const AgencyRefView = z.object({ id: Uuid, name: z.string() });

/** A template with the eleven parts of NĐ 09/2019, the version an edit must start from, and who changed it last. */
export const TemplateDetail = z.object({
  id: Uuid,
  provinceId: Uuid,
  code: z.string(),
  // 1 tên báo cáo · 2 nội dung yêu cầu
  name: z.string(),
  content: z.string(),
  // 3 đối tượng thực hiện: every commune, or the listed provincial agencies (none listed: every one)
  reporterLevel: z.enum(['commune', 'agency']),
  reporterAgencies: z.array(AgencyRefView),
  // 4 cơ quan nhận · 5 phương thức gửi, nhận
  receiver: z.string(),
  transmission: z.string(),
  // 6 thời gian chốt số liệu (the period's window) · 7 thời hạn gửi (days after the cut-off) · 8 tần suất
  periodKind: PeriodKindSchema,
  dueDaysAfterCutoff: z.number().int(),
  frequency: z.string(),
  // 9 mẫu đề cương · 10 biểu mẫu số liệu (elements of `level`) · 11 hướng dẫn quy trình thực hiện
  outline: z.array(z.object({ key: z.string(), title: z.string(), hint: z.string() })),
  level: ReportingLevelSchema,
  elements: z.array(TemplateElementView),
  instructions: z.string(),
  legalBasis: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  abilities: Abilities,
});
export type TemplateDetail = z.infer<typeof TemplateDetail>;

export const TemplateDetailsQuery = z.strictObject({ provinceId: Uuid });
/** The province's templates, active or not, and the agencies a template may list as its reporters. */
export const TemplateDetails = z.object({
  province: z.object({ id: Uuid, name: z.string() }),
  templates: z.array(TemplateDetail),
  provincialAgencies: z.array(AgencyRefView),
  abilities: Abilities,
});
export type TemplateDetails = z.infer<typeof TemplateDetails>;

/** Only the parts sent change; `version` is the one the form was opened at (a stale one answers 409). */
export const TemplatePatch = z.strictObject({
  version: z.number().int().min(1),
  name: Name(500).optional(),
  content: Paragraph(5000).optional(),
  receiver: Paragraph(1000).optional(),
  transmission: Paragraph(1000).optional(),
  dueDaysAfterCutoff: z.number().int({ error: 'phải là số nguyên' }).min(0, { error: 'không được âm' }).max(366, { error: 'tối đa 366 ngày' }).optional(),
  frequency: Name(200).optional(),
  outline: z.array(OutlineSection).max(50, { error: 'tối đa 50 mục' }).optional(),
  elements: z.array(z.string().max(100)).max(200, { error: 'tối đa 200 chỉ tiêu' }).optional(),
  reporterAgencyIds: z.array(Uuid).max(500).optional(),
  instructions: Paragraph(10_000).optional(),
  legalBasis: z.string().trim().max(2000, { error: 'tối đa 2000 ký tự' }).nullable().optional(),
  active: z.boolean().optional(),
});
export type TemplatePatch = z.infer<typeof TemplatePatch>;
export type TemplatePatchBody = z.input<typeof TemplatePatch>;

// --- Proposals from a plan ---------------------------------------------------------------------------

export const ProposalsQuery = z.strictObject({ planId: Uuid });

const Reasons = z.array(z.string());
export const ElementProposalView = z.object({ code: z.string(), name: z.string(), reasons: Reasons });
export const AgencyProposalView = z.object({ agencyId: Uuid, name: z.string(), reasons: Reasons });
export const ReporterProposalView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('communes'), owed: z.boolean(), reasons: Reasons }),
  z.object({ kind: z.literal('agencies'), everyAgency: z.boolean(), keep: z.array(AgencyProposalView), add: z.array(AgencyProposalView), dropCandidates: z.array(AgencyProposalView) }),
  z.object({ kind: z.literal('unchanged'), note: z.string() }),
]);
export const TemplateProposalView = z.object({
  templateId: Uuid,
  code: z.string(),
  name: z.string(),
  level: ReportingLevelSchema,
  active: z.boolean(),
  version: z.number().int(),
  elements: z.object({ keep: z.array(ElementProposalView), add: z.array(ElementProposalView) }),
  reporters: ReporterProposalView,
});
export type TemplateProposalView = z.infer<typeof TemplateProposalView>;

export const ProposalsView = z.object({
  plan: z.object({ id: Uuid, provinceId: Uuid, number: z.string().nullable(), title: z.string(), status: PlanStatus, targetCount: z.number().int(), taskCount: z.number().int() }),
  templates: z.array(TemplateProposalView),
  /** Targets no indicator measures now; `targetId` for the coordinator to link one (catalogue page). */
  unmeasured: z.array(z.object({ targetId: Uuid.nullable(), text: z.string(), note: z.string(), candidates: z.array(z.string()) })),
  unplaced: z.array(ElementProposalView.extend({ level: ReportingLevelSchema })),
  notReporters: z.array(z.object({ agencyId: Uuid, name: z.string(), reason: z.string() })),
  unresolved: z.array(z.object({ raw: z.string(), task: z.string() })),
  abilities: Abilities,
});
export type ProposalsView = z.infer<typeof ProposalsView>;

/** The proposal items the coordinator ticked, per template, with the template version the proposal showed. */
export const ProposalApplyInput = z.strictObject({
  planId: Uuid,
  templates: z
    .array(
      z.strictObject({
        templateId: Uuid,
        version: z.number().int().min(1),
        addElements: z.array(z.string().max(100)).max(200).default([]),
        addReporters: z.array(Uuid).max(500).default([]),
        dropReporters: z.array(Uuid).max(500).default([]),
      }),
    )
    .min(1, { error: 'chưa chọn đề xuất nào' })
    .max(20),
});
export type ProposalApplyInput = z.infer<typeof ProposalApplyInput>;
/** As the web sends it (the lists left out are empty). */
export type ProposalApplyBody = z.input<typeof ProposalApplyInput>;

export const ProposalApplyResult = z.object({
  applied: z.array(
    z.object({
      templateId: Uuid,
      name: z.string(),
      version: z.number().int(),
      addedElements: z.array(ElementProposalView.omit({ reasons: true })),
      addedReporters: z.array(AgencyRefView),
      droppedReporters: z.array(AgencyRefView),
    }),
  ),
  /** The proposals again, after the change (what was applied now shows as kept). */
  proposals: ProposalsView,
});
export type ProposalApplyResult = z.infer<typeof ProposalApplyResult>;
