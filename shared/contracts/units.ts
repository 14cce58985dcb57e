import { z } from 'zod';
import { UNIT_EDITIONS, UNIT_LEVELS, VILLAGE_KINDS } from '../domain/units.ts';
import { Abilities, Limit, Name, SearchQuery, Uuid } from './common.ts';

export const UnitSummary = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  level: z.enum(UNIT_LEVELS),
  edition: z.enum(UNIT_EDITIONS),
  parentId: Uuid.nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  official: z.boolean(),
  parentName: z.string().nullable(),
  provinceName: z.string().nullable(),
  childCount: z.number().int().optional(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

export const UnitDetail = UnitSummary.extend({
  ancestors: z.array(UnitSummary.pick({ id: true, name: true, level: true, code: true })),
  agencyCount: z.number().int(),
  abilities: Abilities,
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitSearchQuery = z.strictObject({
  q: SearchQuery,
  /** One level, or several separated by commas ("province,commune"). */
  level: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((x) => x.trim()) : undefined))
    .pipe(z.array(z.enum(UNIT_LEVELS)).optional()),
  edition: z.enum(UNIT_EDITIONS).default('2025'),
  within: Uuid.optional(),
  limit: Limit(30, 200),
});

const TreeLeaf = z.object({ id: Uuid, code: z.string(), name: z.string(), kind: z.string(), level: z.string() });
/** A unit with two levels below it (communes, then villages): what /tree answers; not recursive, so OpenAPI can show it. */
export const UnitTreeNode = TreeLeaf.extend({
  children: z.array(TreeLeaf.extend({ children: z.array(TreeLeaf).optional() })).optional(),
});
export type UnitTreeNode = { id: string; code: string; name: string; kind: string; level: string; children?: UnitTreeNode[] };

export const UnitHistory = z.object({
  predecessors: z.array(UnitSummary.extend({ mergeKind: z.enum(['whole', 'part']) })),
  successors: z.array(UnitSummary.extend({ mergeKind: z.enum(['whole', 'part']) })),
});

export const VillageInput = z.strictObject({
  name: Name(200),
  kind: z.enum(VILLAGE_KINDS, { error: `loại phải là một trong: ${VILLAGE_KINDS.join(', ')}` }),
});
export const UnitPatch = z.strictObject({
  name: Name(200).optional(),
  kind: z.string().max(50).optional(),
});
export const RetireInput = z.strictObject({
  validTo: z.iso.date({ error: 'ngày phải có dạng YYYY-MM-DD' }),
});
