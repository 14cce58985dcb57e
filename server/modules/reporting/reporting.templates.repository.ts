import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { reportTemplates } from '../../db/schema/reporting.ts';
import { adminUnits } from '../../db/schema/units.ts';

// Reads and writes of report templates for the coordinator's editing and the plan proposals. Kept apart from
// reporting.repository.ts (entry and workflow); both read the same table.

const editor = sql<string | null>`(SELECT display_name FROM users u WHERE u.id = report_templates.updated_by)`;
const columns = {
  id: reportTemplates.id,
  provinceId: reportTemplates.provinceId,
  code: reportTemplates.code,
  name: reportTemplates.name,
  content: reportTemplates.content,
  reporterLevel: reportTemplates.reporterLevel,
  reporterAgencyIds: reportTemplates.reporterAgencyIds,
  receiver: reportTemplates.receiver,
  transmission: reportTemplates.transmission,
  periodKind: reportTemplates.periodKind,
  dueDaysAfterCutoff: reportTemplates.dueDaysAfterCutoff,
  frequency: reportTemplates.frequency,
  outline: reportTemplates.outline,
  elements: reportTemplates.elements,
  instructions: reportTemplates.instructions,
  legalBasis: reportTemplates.legalBasis,
  active: reportTemplates.active,
  version: reportTemplates.version,
  updatedAt: reportTemplates.updatedAt,
  updatedByName: editor,
};
export type TemplateRecord = Awaited<ReturnType<typeof allTemplatesOf>>[number];

/** Every template of a province, active or not (a stopped one can be started again). */
export async function allTemplatesOf(db: Db, provinceId: string) {
  return db.select(columns).from(reportTemplates).where(eq(reportTemplates.provinceId, provinceId)).orderBy(asc(reportTemplates.code));
}

export async function findTemplate(db: Db, id: string) {
  const [row] = await db.select({ ...columns, provincePath: adminUnits.path }).from(reportTemplates).innerJoin(adminUnits, eq(adminUnits.id, reportTemplates.provinceId)).where(eq(reportTemplates.id, id));
  return row;
}

/** Writes only if the version is still the one read; 0 rows back means someone else saved first. */
export async function updateTemplate(db: Db, id: string, version: number, values: Partial<typeof reportTemplates.$inferInsert>) {
  const rows = await db
    .update(reportTemplates)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(reportTemplates.id, id), eq(reportTemplates.version, version)))
    .returning({ id: reportTemplates.id });
  return rows.length;
}

export async function findProvince(db: Db, id: string) {
  const [row] = await db.select({ id: adminUnits.id, name: adminUnits.name, path: adminUnits.path, level: adminUnits.level }).from(adminUnits).where(eq(adminUnits.id, id));
  return row;
}

/** Every agency of a province with the level of the unit it is attached to (a sở: the province itself). */
export async function agenciesOf(db: Db, provinceId: string) {
  return db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, unitLevel: adminUnits.level, active: agencies.active, isStandingAgency: agencies.isStandingAgency })
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(eq(agencies.provinceId, provinceId))
    .orderBy(asc(agencies.name));
}
