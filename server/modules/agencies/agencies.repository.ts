import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies, agencyGroups, agencyGroupMembers } from '../../db/schema/agencies.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { escapeLike } from '../../lib/scope.ts';

export const agencyColumns = {
  id: agencies.id,
  provinceId: agencies.provinceId,
  unitId: agencies.unitId,
  unitName: adminUnits.name,
  unitPath: adminUnits.path,
  kind: agencies.kind,
  name: agencies.name,
  shortName: agencies.shortName,
  abbreviations: agencies.abbreviations,
  catalogueKey: agencies.catalogueKey,
  isStandingAgency: agencies.isStandingAgency,
  active: agencies.active,
};
export type AgencyRow = {
  id: string;
  provinceId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  kind: string;
  name: string;
  shortName: string | null;
  abbreviations: string[];
  catalogueKey: string | null;
  isStandingAgency: boolean;
  active: boolean;
};

export async function findAgency(db: Db, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select(agencyColumns).from(agencies).innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId)).where(eq(agencies.id, id));
  return row;
}

export async function listAgencies(
  db: Db,
  opts: { words: string[]; provinceId?: string; unitId?: string; kind?: string; includeInactive: boolean; scope: SQL; limit: number; offset: number },
) {
  const where = and(
    opts.provinceId ? eq(agencies.provinceId, opts.provinceId) : undefined,
    opts.unitId ? eq(agencies.unitId, opts.unitId) : undefined,
    opts.kind ? eq(agencies.kind, opts.kind) : undefined,
    opts.includeInactive ? undefined : eq(agencies.active, true),
    ...opts.words.map((w) => sql`${agencies.search} LIKE ${'%' + escapeLike(w) + '%'}`),
    opts.scope,
  );
  // Province-level agencies first (the standing agency at the top), then communes' committees.
  const [items, [count]] = await Promise.all([
    db
      .select(agencyColumns)
      .from(agencies)
      .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
      .where(where)
      .orderBy(sql`${agencies.isStandingAgency} DESC`, sql`length(${adminUnits.path})`, sql`${agencies.name} COLLATE vi`)
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(agencies).innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId)).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function countAgencies(db: Db, opts: { unitId: string; scope: SQL }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(and(eq(agencies.unitId, opts.unitId), eq(agencies.active, true), opts.scope));
  return row?.n ?? 0;
}

export async function insertAgency(db: Db, values: typeof agencies.$inferInsert) {
  const [row] = await db.insert(agencies).values(values).returning({ id: agencies.id });
  return row!.id;
}

export async function updateAgency(db: Db, id: string, values: Partial<typeof agencies.$inferInsert>) {
  await db.update(agencies).set({ ...values, updatedAt: new Date() }).where(eq(agencies.id, id));
}

export async function listGroups(db: Db, opts: { provinceIds: string[] | 'all'; words: string[] }) {
  const memberCount = sql<number>`CASE ${agencyGroups.rule}
    WHEN 'communePeoplesCommittees' THEN (SELECT count(*)::int FROM agencies a JOIN admin_units u ON u.id = a.unit_id WHERE a.province_id = agency_groups.province_id AND a.kind = 'peoplesCommittee' AND u.level = 'commune' AND a.active)
    WHEN 'provincialAgencies' THEN (SELECT count(*)::int FROM agencies a WHERE a.province_id = agency_groups.province_id AND a.unit_id = a.province_id AND a.kind NOT IN ('peoplesCommittee') AND a.active)
    WHEN 'provincialDepartments' THEN (SELECT count(*)::int FROM agencies a WHERE a.province_id = agency_groups.province_id AND a.kind = 'department' AND a.active)
    WHEN 'massOrganisations' THEN (SELECT count(*)::int FROM agencies a WHERE a.province_id = agency_groups.province_id AND a.unit_id = a.province_id AND a.kind IN ('fatherlandFront', 'massOrganisation', 'studyPromotionAssociation') AND a.active)
    ELSE (SELECT count(*)::int FROM ${agencyGroupMembers} m WHERE m.group_id = agency_groups.id) END`;
  return db
    .select({ id: agencyGroups.id, provinceId: agencyGroups.provinceId, name: agencyGroups.name, aliases: agencyGroups.aliases, rule: agencyGroups.rule, memberCount })
    .from(agencyGroups)
    .where(
      and(
        opts.provinceIds === 'all' ? undefined : opts.provinceIds.length ? sql`${agencyGroups.provinceId} IN (${sql.join(opts.provinceIds.map((p) => sql`${p}`), sql`, `)})` : sql`false`,
        ...opts.words.map((w) => sql`${agencyGroups.search} LIKE ${'%' + escapeLike(w) + '%'}`),
      ),
    )
    .orderBy(agencyGroups.name);
}

/** The whole catalogue of a province, for matching names written in a plan. */
export async function catalogueRows(db: Db, provinceId: string) {
  const [rows, groups] = await Promise.all([
    db
      .select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, abbreviations: agencies.abbreviations })
      .from(agencies)
      .where(and(eq(agencies.provinceId, provinceId), eq(agencies.active, true))),
    db.select({ id: agencyGroups.id, name: agencyGroups.name, aliases: agencyGroups.aliases, rule: agencyGroups.rule }).from(agencyGroups).where(eq(agencyGroups.provinceId, provinceId)),
  ]);
  return { agencies: rows, groups };
}

/** Members of a group: by its rule over the catalogue, or its explicit list. */
async function membersOf(db: Db, provinceId: string, g: { id: string; rule: string | null }): Promise<string[]> {
  const base = and(eq(agencies.provinceId, provinceId), eq(agencies.active, true));
  const q = db.select({ id: agencies.id }).from(agencies).innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId));
  switch (g.rule) {
    case 'communePeoplesCommittees':
      return (await q.where(and(base, eq(agencies.kind, 'peoplesCommittee'), eq(adminUnits.level, 'commune')))).map((r) => r.id);
    case 'provincialAgencies':
      return (await q.where(and(base, sql`${agencies.unitId} = ${agencies.provinceId}`, sql`${agencies.kind} <> 'peoplesCommittee'`))).map((r) => r.id);
    case 'provincialDepartments':
      return (await q.where(and(base, eq(agencies.kind, 'department')))).map((r) => r.id);
    case 'massOrganisations':
      return (await q.where(and(base, sql`${agencies.unitId} = ${agencies.provinceId}`, sql`${agencies.kind} IN ('fatherlandFront', 'massOrganisation', 'studyPromotionAssociation')`))).map((r) => r.id);
    default:
      return (await db.select({ id: agencyGroupMembers.agencyId }).from(agencyGroupMembers).where(eq(agencyGroupMembers.groupId, g.id))).map((r) => r.id);
  }
}

/** Every group of a province with its current members (groups are few: the standard four and the province's own). */
export async function groupsWithMembers(db: Db, provinceId: string) {
  const groups = await db.select({ id: agencyGroups.id, name: agencyGroups.name, rule: agencyGroups.rule }).from(agencyGroups).where(eq(agencyGroups.provinceId, provinceId));
  return Promise.all(groups.map(async (g) => ({ id: g.id, name: g.name, memberIds: await membersOf(db, provinceId, g) })));
}
