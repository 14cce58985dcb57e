import { z } from 'zod';
import { AGENCY_KINDS } from '../domain/agencies.ts';
import { Abilities, Limit, Name, Offset, SearchQuery, Uuid } from './common.ts';

export const Agency = z.object({
  id: Uuid,
  provinceId: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  kind: z.enum(AGENCY_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  abbreviations: z.array(z.string()),
  isStandard: z.boolean(),
  isStandingAgency: z.boolean(),
  active: z.boolean(),
  abilities: Abilities,
});
export type Agency = z.infer<typeof Agency>;

export const AgencyListQuery = z.strictObject({
  q: SearchQuery,
  provinceId: Uuid.optional(),
  unitId: Uuid.optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  includeInactive: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: Limit(50, 500),
  offset: Offset,
});

const Abbreviations = z
  .array(Name(80), { error: 'phải là danh sách tên viết tắt' })
  .max(20, { error: 'tối đa 20 tên viết tắt' });

export const AgencyCreate = z.strictObject({
  unitId: Uuid,
  kind: z.enum(AGENCY_KINDS, { error: 'loại cơ quan không hợp lệ' }),
  name: Name(300),
  shortName: Name(120).nullable().optional(),
  abbreviations: Abbreviations.default([]),
});
export const AgencyPatch = z.strictObject({
  name: Name(300).optional(),
  shortName: Name(120).nullable().optional(),
  abbreviations: Abbreviations.optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  active: z.boolean().optional(),
});

export const AgencyGroup = z.object({
  id: Uuid,
  provinceId: Uuid,
  name: z.string(),
  aliases: z.array(z.string()),
  rule: z.string().nullable(),
  memberCount: z.number().int(),
});
export const AgencyGroupQuery = z.strictObject({ provinceId: Uuid.optional(), q: SearchQuery });
