import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { reportSections, reportTemplates, reports, reportValues } from '../../db/schema/reporting.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { escapeLike } from '../../lib/scope.ts';

export async function templatesOf(db: Db, provinceId: string) {
  return db.select().from(reportTemplates).where(and(eq(reportTemplates.provinceId, provinceId), eq(reportTemplates.active, true))).orderBy(asc(reportTemplates.code));
}
export type TemplateRow = Awaited<ReturnType<typeof templatesOf>>[number];

export async function findTemplate(db: Db, id: string) {
  const [row] = await db
    .select({ template: reportTemplates, provincePath: adminUnits.path })
    .from(reportTemplates)
    .innerJoin(adminUnits, eq(adminUnits.id, reportTemplates.provinceId))
    .where(eq(reportTemplates.id, id));
  return row;
}

export async function insertTemplates(db: Db, rows: (typeof reportTemplates.$inferInsert)[]) {
  if (rows.length) await db.insert(reportTemplates).values(rows).onConflictDoNothing();
}

export async function standingAgency(db: Db, provinceId: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId }).from(agencies).where(and(eq(agencies.provinceId, provinceId), eq(agencies.isStandingAgency, true), eq(agencies.active, true)));
  return row;
}

/** Provincial agencies (attached to the province itself, not a commune), without the People's Committee. */
export async function provincialAgencies(db: Db, provinceId: string, ids?: string[]) {
  if (ids && ids.length === 0) return [];
  return db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId })
    .from(agencies)
    .where(and(eq(agencies.provinceId, provinceId), eq(agencies.unitId, provinceId), ne(agencies.kind, 'peoplesCommittee'), eq(agencies.active, true), ids ? inArray(agencies.id, ids) : undefined))
    .orderBy(agencies.name);
}

export async function communesOf(db: Db, provincePath: string) {
  return db
    .select({ id: adminUnits.id, name: adminUnits.name, path: adminUnits.path })
    .from(adminUnits)
    .where(and(sql`${adminUnits.path} LIKE ${escapeLike(provincePath) + '%'}`, eq(adminUnits.level, 'commune'), sql`${adminUnits.validTo} IS NULL`))
    .orderBy(adminUnits.name);
}

export async function findUnit(db: Db, id: string) {
  const [row] = await db.select({ id: adminUnits.id, name: adminUnits.name, path: adminUnits.path, level: adminUnits.level }).from(adminUnits).where(eq(adminUnits.id, id));
  return row;
}

export async function unitByPath(db: Db, path: string) {
  const [row] = await db.select({ id: adminUnits.id, name: adminUnits.name, path: adminUnits.path, level: adminUnits.level }).from(adminUnits).where(eq(adminUnits.path, path));
  return row;
}

export async function findAgency(db: Db, id: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId, provinceId: agencies.provinceId, isStandingAgency: agencies.isStandingAgency }).from(agencies).where(eq(agencies.id, id));
  return row;
}

const editor = sql<string | null>`(SELECT display_name FROM users u WHERE u.id = reports.updated_by)`;
const reportColumns = {
  id: reports.id,
  templateId: reports.templateId,
  periodKey: reports.periodKey,
  unitId: reports.unitId,
  agencyId: reports.agencyId,
  state: reports.state,
  version: reports.version,
  dueDate: reports.dueDate,
  returnReason: reports.returnReason,
  submittedAt: reports.submittedAt,
  reviewedAt: reports.reviewedAt,
  updatedAt: reports.updatedAt,
  updatedByName: editor,
};
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function findReport(db: Db, id: string) {
  const [row] = await db.select(reportColumns).from(reports).where(eq(reports.id, id));
  return row;
}

export async function findReportByKey(db: Db, k: { templateId: string; periodKey: string; unitId: string; agencyId: string | null }) {
  const [row] = await db
    .select(reportColumns)
    .from(reports)
    .where(and(eq(reports.templateId, k.templateId), eq(reports.periodKey, k.periodKey), eq(reports.unitId, k.unitId), k.agencyId ? eq(reports.agencyId, k.agencyId) : sql`${reports.agencyId} IS NULL`));
  return row;
}

export async function reportsOf(db: Db, templateId: string, periodKey: string) {
  return db.select(reportColumns).from(reports).where(and(eq(reports.templateId, templateId), eq(reports.periodKey, periodKey)));
}

export async function reportsForReporters(db: Db, periodKey: string, reporters: { unitId: string; agencyId: string | null }[]) {
  if (!reporters.length) return [];
  return db
    .select(reportColumns)
    .from(reports)
    .where(and(eq(reports.periodKey, periodKey), sql`(${sql.join(reporters.map((r) => (r.agencyId ? sql`(reports.agency_id = ${r.agencyId})` : sql`(reports.unit_id = ${r.unitId} AND reports.agency_id IS NULL)`)), sql` OR `)})`));
}

export async function valuesOf(db: Db, reportId: string) {
  return (await db.select({ element: reportValues.element, breakdown: reportValues.breakdown, value: reportValues.value }).from(reportValues).where(eq(reportValues.reportId, reportId))).map((v) => ({ ...v, value: Number(v.value) }));
}

export async function sectionsOf(db: Db, reportId: string) {
  return Object.fromEntries((await db.select({ key: reportSections.key, text: reportSections.text }).from(reportSections).where(eq(reportSections.reportId, reportId))).map((s) => [s.key, s.text]));
}

export async function insertReport(db: Db, values: typeof reports.$inferInsert) {
  const [row] = await db.insert(reports).values(values).returning({ id: reports.id });
  return row!.id;
}

/** Updates only if the version is still the one read; the caller treats 0 rows as a conflict. */
export async function updateReport(db: Db, id: string, version: number, values: Partial<typeof reports.$inferInsert>) {
  const rows = await db.update(reports).set({ ...values, version: version + 1, updatedAt: new Date() }).where(and(eq(reports.id, id), eq(reports.version, version))).returning({ id: reports.id });
  return rows.length;
}

/** Replaces a report's figures and narrative, and answers what they were (for the audit's "before"). */
export async function replaceContent(db: Db, reportId: string, values: { element: string; breakdown: string; value: number }[], sections: Record<string, string>) {
  const oldValues = await db.delete(reportValues).where(eq(reportValues.reportId, reportId)).returning({ element: reportValues.element, breakdown: reportValues.breakdown, value: reportValues.value });
  for (let i = 0; i < values.length; i += 1000) await db.insert(reportValues).values(values.slice(i, i + 1000).map((v) => ({ reportId, element: v.element, breakdown: v.breakdown, value: String(v.value) })));
  const oldSections = await db.delete(reportSections).where(eq(reportSections.reportId, reportId)).returning({ key: reportSections.key, text: reportSections.text });
  const rows = Object.entries(sections).filter(([, text]) => text.trim() !== '');
  if (rows.length) await db.insert(reportSections).values(rows.map(([key, text]) => ({ reportId, key, text })));
  return { values: oldValues.map((v) => ({ ...v, value: Number(v.value) })), sections: Object.fromEntries(oldSections.map((x) => [x.key, x.text])) };
}

/**
 * The figures counted for indicators: the reports of a period whose reporter lies in a unit subtree, in the
 * given states. One query, summed per reporter and cell by the caller (shared/domain/indicators.ts).
 */
export async function valuesForIndicators(db: Db, opts: { templateIds: string[]; periodKey: string; path: string; states: string[]; elements: string[] }) {
  if (!opts.templateIds.length) return { rows: [], latestAt: null as Date | null };
  const where = and(
    inArray(reports.templateId, opts.templateIds),
    eq(reports.periodKey, opts.periodKey),
    inArray(reports.state, opts.states),
    sql`${adminUnits.path} LIKE ${escapeLike(opts.path) + '%'}`,
  );
  const [rows, [latest]] = await Promise.all([
    db
      .select({ unitId: reports.unitId, agencyId: reports.agencyId, element: reportValues.element, breakdown: reportValues.breakdown, value: reportValues.value })
      .from(reportValues)
      .innerJoin(reports, eq(reports.id, reportValues.reportId))
      .innerJoin(adminUnits, eq(adminUnits.id, reports.unitId))
      .where(and(where, inArray(reportValues.element, opts.elements))),
    db.select({ at: sql<Date | null>`max(${reports.updatedAt})` }).from(reports).innerJoin(adminUnits, eq(adminUnits.id, reports.unitId)).where(where),
  ]);
  const at = latest?.at ? new Date(latest.at) : null;
  return { rows: rows.map((r) => ({ ...r, value: Number(r.value) })), latestAt: at };
}

/** The approved figures of a template and period, with what DHIS2 needs to identify them. */
export async function approvedForExport(db: Db, templateId: string, periodKey: string) {
  const rows = await db
    .select({
      element: reportValues.element,
      breakdown: reportValues.breakdown,
      value: reportValues.value,
      unitCode: adminUnits.code,
      agencyKey: agencies.catalogueKey,
      agencyId: reports.agencyId,
      storedBy: sql<string | null>`(SELECT username FROM users u WHERE u.id = reports.updated_by)`,
      lastUpdated: reports.updatedAt,
    })
    .from(reportValues)
    .innerJoin(reports, eq(reports.id, reportValues.reportId))
    .innerJoin(adminUnits, eq(adminUnits.id, reports.unitId))
    .leftJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(and(eq(reports.templateId, templateId), eq(reports.periodKey, periodKey), eq(reports.state, 'approved')))
    .orderBy(adminUnits.code, reportValues.element, reportValues.breakdown);
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
