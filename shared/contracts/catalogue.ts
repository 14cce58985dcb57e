import { z } from 'zod';
import { Abilities, Name, Uuid } from './common.ts';
import { TARGET_GROUPS } from './plan-import.ts';
import { BREAKDOWN_DIMENSIONS, REPORTING_LEVELS } from '../domain/indicators.ts';

// A province's catalogue of data elements and indicators (issue 4, "Definitions"): seeded from the starter
// catalogue (shared/domain/indicator-catalogue.ts), then edited and extended by the provincial coordinator. Values
// refer to elements by code, so a code never changes; what an element is (level, value type, breakdowns) changes
// only while no figure has been reported for it. How a plan target is measured: by the indicator its words match
// (automatic), unless the coordinator has linked it to one, or said that none measures it.

/** A code as DHIS2 and the XLSX form carry it: latin letters and digits, starting with a letter. */
export const CatalogueCode = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_-]{1,59}$/, { error: 'mã chỉ gồm chữ không dấu, số, "-" hoặc "_", bắt đầu bằng chữ (2 đến 60 ký tự)' });

export const ValueTypeSchema = z.enum(['count', 'number']);
export const BreakdownDimensionSchema = z.enum(BREAKDOWN_DIMENSIONS);
export const CatalogueSource = z.enum(['starter', 'province']);
const AgeGroup = z.string().trim().min(1, { error: 'không được để trống' }).max(40, { error: 'tối đa 40 ký tự' });

const Ref = z.object({ id: z.string(), name: z.string() });

export const DataElementView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  level: z.enum(REPORTING_LEVELS),
  valueType: ValueTypeSchema,
  breakdowns: z.array(BreakdownDimensionSchema),
  ageGroups: z.array(z.string()),
  source: CatalogueSource,
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  /** How many figures have been reported for it in the province: its shape is fixed once there are any. */
  valueCount: z.number().int(),
  /** The templates whose data form and the indicators whose formula use it (it cannot be retired while used). */
  usedBy: z.object({ templates: z.array(Ref), indicators: z.array(z.object({ code: z.string(), name: z.string() })) }),
});
export type DataElementView = z.infer<typeof DataElementView>;

/** A ratio (numerator / denominator × 100, in %) or a count (the total of one element). */
export const IndicatorFormula = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ratio'), numerator: CatalogueCode, denominator: CatalogueCode }),
  z.strictObject({ kind: z.literal('count'), element: CatalogueCode, unit: Name(40) }),
]);
export type IndicatorFormula = z.infer<typeof IndicatorFormula>;
/** The same, as answered (a response schema carries no input transforms: fastify's serializer encodes with it). */
export const IndicatorFormulaView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ratio'), numerator: z.string(), denominator: z.string() }),
  z.object({ kind: z.literal('count'), element: z.string(), unit: z.string() }),
]);

export const IndicatorView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  group: z.enum(TARGET_GROUPS),
  formula: IndicatorFormulaView,
  unit: z.string(),
  /** Only one cell of the figures ("… là nữ"), applied to numerator and denominator alike; null for all. */
  breakdown: z.record(z.string(), z.string()).nullable(),
  /** The plan-target words it measures, as a plan writes them. */
  targetText: z.string().nullable(),
  /** Whether plan targets are linked to it by their words (the starter's rules); others are linked by hand. */
  autoMatch: z.boolean(),
  source: CatalogueSource,
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const CatalogueQuery = z.strictObject({ provinceId: Uuid });
export const CatalogueView = z.object({
  province: z.object({ id: Uuid, name: z.string() }),
  elements: z.array(DataElementView),
  indicators: z.array(IndicatorView),
  abilities: Abilities,
});
export type CatalogueView = z.infer<typeof CatalogueView>;

const ElementShape = {
  name: Name(500),
  level: z.enum(REPORTING_LEVELS, { error: 'cấp báo cáo phải là xã, cơ quan hoặc tỉnh' }),
  valueType: ValueTypeSchema,
  breakdowns: z.array(BreakdownDimensionSchema).max(3),
  ageGroups: z.array(AgeGroup).max(20, { error: 'tối đa 20 nhóm tuổi' }),
};

/** A new element; without a code, one is made from the name. */
export const DataElementCreate = z.strictObject({
  provinceId: Uuid,
  code: CatalogueCode.optional(),
  ...ElementShape,
  breakdowns: ElementShape.breakdowns.default([]),
  ageGroups: ElementShape.ageGroups.default([]),
});
export type DataElementCreate = z.infer<typeof DataElementCreate>;
export type DataElementCreateBody = z.input<typeof DataElementCreate>;

/** Only the fields sent change; `version` is the one the form was opened at (a stale one answers 409). */
export const DataElementPatch = z.strictObject({
  version: z.number().int().min(1),
  name: ElementShape.name.optional(),
  level: ElementShape.level.optional(),
  valueType: ElementShape.valueType.optional(),
  breakdowns: ElementShape.breakdowns.optional(),
  ageGroups: ElementShape.ageGroups.optional(),
  active: z.boolean().optional(),
});
export type DataElementPatch = z.infer<typeof DataElementPatch>;

const IndicatorShape = {
  name: Name(500),
  group: z.enum(TARGET_GROUPS),
  formula: IndicatorFormula,
  breakdown: z.record(z.string().max(40), z.string().max(40)).nullable(),
  targetText: z.string().trim().max(1000, { error: 'tối đa 1000 ký tự' }).nullable(),
};

export const IndicatorCreate = z.strictObject({
  provinceId: Uuid,
  code: CatalogueCode.optional(),
  ...IndicatorShape,
  breakdown: IndicatorShape.breakdown.default(null),
  targetText: IndicatorShape.targetText.default(null),
});
export type IndicatorCreate = z.infer<typeof IndicatorCreate>;
export type IndicatorCreateBody = z.input<typeof IndicatorCreate>;

export const IndicatorPatch = z.strictObject({
  version: z.number().int().min(1),
  name: IndicatorShape.name.optional(),
  group: IndicatorShape.group.optional(),
  formula: IndicatorShape.formula.optional(),
  breakdown: IndicatorShape.breakdown.optional(),
  targetText: IndicatorShape.targetText.optional(),
  active: z.boolean().optional(),
});
export type IndicatorPatch = z.infer<typeof IndicatorPatch>;

// --- How each plan target is measured -----------------------------------------------------------------

/** 'auto': by its words (`code` is what they match, if exactly one); 'manual': the coordinator's choice; 'none': said to be measured by no indicator. */
export const TargetLinkMode = z.enum(['auto', 'manual', 'none']);

export const TargetLinkView = z.object({
  targetId: Uuid,
  text: z.string(),
  indicatorText: z.string(),
  unit: z.string().nullable(),
  milestoneYear: z.number().int().nullable(),
  mode: TargetLinkMode,
  /** The indicator that measures it now (null: none). */
  code: z.string().nullable(),
  /** What its words match, for the coordinator to choose from. */
  candidates: z.array(z.string()),
  /** Why the words did not link it, in Vietnamese. */
  note: z.string().nullable(),
});
export type TargetLinkView = z.infer<typeof TargetLinkView>;

export const TargetLinksQuery = z.strictObject({ planId: Uuid });
export const TargetLinksView = z.object({
  plan: z.object({ id: Uuid, provinceId: Uuid, title: z.string() }),
  targets: z.array(TargetLinkView),
  abilities: Abilities,
});
export type TargetLinksView = z.infer<typeof TargetLinksView>;

export const TargetLinkParams = z.strictObject({ targetId: Uuid });
/** Back to the words ('auto'), to one indicator ('manual', with its code), or to none. */
export const TargetLinkInput = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('auto') }),
  z.strictObject({ mode: z.literal('manual'), code: CatalogueCode }),
  z.strictObject({ mode: z.literal('none') }),
]);
export type TargetLinkInput = z.infer<typeof TargetLinkInput>;
