import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { executeNamed, rowsOf, type Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { plans } from '../../db/schema/plans.ts';
import { reportSections, reportTemplates, reports, reportValues } from '../../db/schema/reporting.ts';
import { adminUnits } from '../../db/schema/units.ts';
import type { AuditRow } from '../../lib/audit.ts';
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

/** Updates only if the version is still the one read; the caller treats 0 rows as a conflict. */
export async function updateReport(db: Db, id: string, version: number, values: Partial<typeof reports.$inferInsert>) {
  const rows = await db.update(reports).set({ ...values, version: version + 1, updatedAt: new Date() }).where(and(eq(reports.id, id), eq(reports.version, version))).returning({ id: reports.id });
  return rows.length;
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

/**
 * The figures counted for indicators over several periods at once (the trajectory of a unit across years): the
 * same selection as valuesForIndicators, in one query for every period, each row with its period, the state of
 * its report (a submitted one makes the year provisional) and when that report was last written.
 */
export async function valuesForIndicatorsByPeriod(db: Db, opts: { templateIds: string[]; periodKeys: string[]; path: string; states: string[]; elements: string[] }) {
  if (!opts.templateIds.length || !opts.periodKeys.length || !opts.elements.length) return [];
  const rows = await db
    .select({
      periodKey: reports.periodKey,
      state: reports.state,
      updatedAt: reports.updatedAt,
      unitId: reports.unitId,
      agencyId: reports.agencyId,
      element: reportValues.element,
      breakdown: reportValues.breakdown,
      value: reportValues.value,
    })
    .from(reportValues)
    .innerJoin(reports, eq(reports.id, reportValues.reportId))
    .innerJoin(adminUnits, eq(adminUnits.id, reports.unitId))
    .where(
      and(
        inArray(reports.templateId, opts.templateIds),
        inArray(reports.periodKey, opts.periodKeys),
        inArray(reports.state, opts.states),
        sql`${adminUnits.path} LIKE ${escapeLike(opts.path) + '%'}`,
        inArray(reportValues.element, opts.elements),
      ),
    );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** The first year of the province's plans in force (null when none states one), for a trajectory's default range. */
export async function firstPlanYearInForce(db: Db, provinceId: string): Promise<number | null> {
  const [row] = await db
    .select({ first: sql<number | null>`min(${plans.periodStart})` })
    .from(plans)
    .where(and(eq(plans.provinceId, provinceId), eq(plans.status, 'inForce')));
  return row?.first == null ? null : Number(row.first);
}

// The save path (issue 4 figure: p99 of a save under 100 ms with 130 reporters, 50 at once): one statement when
// it succeeds, written as SQL because it does what the query builder would need eight round trips for.
const NO_AGENCY = sql`'00000000-0000-0000-0000-000000000000'::uuid`;
type Cell = { element: string; breakdown: string; value: number };
type ReporterKey = { templateId: string; periodKey: string; unitId: string; agencyId: string | null };
const epochMs = (alias: string, col: string) => sql.raw(`(extract(epoch FROM ${alias}.${col}) * 1000)::float8`);
const dateOf = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));
/** The reports of one reporter and template (any period): uses the unique index reports_reporter_uq. */
const sameReporterAs = (alias: string, k: ReporterKey) => {
  const a = sql.raw(alias);
  return sql`${a}.template_id = ${k.templateId} AND ${a}.unit_id = ${k.unitId} AND coalesce(${a}.agency_id, ${NO_AGENCY}) = coalesce(${k.agencyId}::uuid, ${NO_AGENCY})`;
};
/** The approved figures of the reporter's report for another period, as a JSON array (for "far from last period"). */
const previousFigures = (k: ReporterKey, previousKey: string) => sql`(
  SELECT coalesce(jsonb_agg(jsonb_build_object('element', v.element, 'breakdown', v.breakdown, 'value', v.value)), '[]'::jsonb)
  FROM reports p JOIN report_values v ON v.report_id = p.id
  WHERE ${sameReporterAs('p', k)} AND p.period_key = ${previousKey} AND p.state = 'approved')`;
const reportFields = (alias: string) => {
  const a = sql.raw(alias);
  return sql`${a}.id, ${a}.template_id, ${a}.period_key, ${a}.unit_id, ${a}.agency_id, ${a}.state, ${a}.version, ${a}.due_date::text AS due_date, ${a}.return_reason,
    ${epochMs(alias, 'submitted_at')} AS submitted_at, ${epochMs(alias, 'reviewed_at')} AS reviewed_at, ${epochMs(alias, 'updated_at')} AS updated_at`;
};
function toReportRow(row: Record<string, unknown>, updatedByName: string | null): ReportRow {
  return {
    id: row.id as string,
    templateId: row.template_id as string,
    periodKey: row.period_key as string,
    unitId: row.unit_id as string,
    agencyId: (row.agency_id as string | null) ?? null,
    state: row.state as string,
    version: Number(row.version),
    dueDate: row.due_date as string,
    returnReason: (row.return_reason as string | null) ?? null,
    submittedAt: dateOf(row.submitted_at as number | null),
    reviewedAt: dateOf(row.reviewed_at as number | null),
    updatedAt: dateOf(row.updated_at as number)!,
    updatedByName,
  };
}
const previousOf = (row: Record<string, unknown> | undefined) => ((row?.previous ?? []) as Cell[]).map((v) => ({ ...v, value: Number(v.value) }));

/**
 * A reporter's report for a period (if any) and the approved figures of the period before it (for the check
 * of figures far from last period), in one round trip.
 */
export async function reportWithPrevious(db: Db, k: ReporterKey, previousKey: string) {
  const result = await db.execute(sql`
    SELECT cur.*, ${previousFigures(k, previousKey)} AS previous
    FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT ${reportFields('r')}, (SELECT u.display_name FROM users u WHERE u.id = r.updated_by) AS updated_by_name
      FROM reports r WHERE ${sameReporterAs('r', k)} AND r.period_key = ${k.periodKey}
    ) cur ON true`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  return { report: row?.id ? toReportRow(row, (row.updated_by_name as string | null) ?? null) : undefined, previous: previousOf(row) };
}

/**
 * Writes a report's figures and narrative as they stand in the form, and its audit record, in ONE statement
 * (atomic without a transaction's round trips), and answers the report as written with the approved figures
 * of the period before. The head is the first save (an insert; nothing if the report exists meanwhile) or a
 * later one (an update only if the version the form started from is still current and the state is one the
 * workflow lets the reporter save in: the optimistic lock that refuses silent overwrites). Every other part
 * runs through the head, so when the head writes nothing, nothing is written and the answer is undefined (the
 * caller reads why). Figures no longer in the form are deleted, the others upserted; the audit's "before" is
 * read from the statement's snapshot, i.e. before any of its changes.
 */
export async function writeReport(
  db: Db,
  k: ReporterKey,
  head: { kind: 'insert'; dueDate: string } | { kind: 'update'; version: number; savableStates: readonly string[] },
  previousKey: string,
  updatedBy: string,
  cells: Cell[],
  sections: Record<string, string>,
  /** The audit row (lib/audit auditRow); its entity and the figures "before" are filled in by the statement. */
  audit: AuditRow,
): Promise<{ report: ReportRow; previous: Cell[] } | undefined> {
  const headSql =
    head.kind === 'insert'
      ? sql`INSERT INTO reports AS r (template_id, period_key, unit_id, agency_id, due_date, updated_by)
            VALUES (${k.templateId}, ${k.periodKey}, ${k.unitId}, ${k.agencyId}::uuid, ${head.dueDate}::date, ${updatedBy})
            ON CONFLICT DO NOTHING RETURNING ${reportFields('r')}`
      : sql`UPDATE reports AS r SET version = r.version + 1, updated_at = now(), updated_by = ${updatedBy}
            WHERE ${sameReporterAs('r', k)} AND r.period_key = ${k.periodKey} AND r.version = ${head.version}
              AND r.state IN (${sql.join(head.savableStates.map((x) => sql`${x}`), sql`, `)})
            RETURNING ${reportFields('r')}`;
  // Named: the most frequent write of the platform (autosave); see executeNamed.
  const result = await executeNamed(db, sql`
    WITH head AS (${headSql}),
    new_values AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(cells)}::jsonb) AS n(element text, breakdown text, value numeric)),
    new_sections AS (SELECT key, value AS text FROM jsonb_each_text(${JSON.stringify(sections)}::jsonb) WHERE btrim(value) <> ''),
    old_values AS (SELECT v.element, v.breakdown, v.value FROM report_values v JOIN head ON v.report_id = head.id),
    old_sections AS (SELECT s.key, s.text FROM report_sections s JOIN head ON s.report_id = head.id),
    gone_values AS (
      DELETE FROM report_values v USING head WHERE v.report_id = head.id
        AND NOT EXISTS (SELECT 1 FROM new_values n WHERE n.element = v.element AND n.breakdown = v.breakdown)),
    put_values AS (
      INSERT INTO report_values (report_id, element, breakdown, value) SELECT head.id, n.element, n.breakdown, n.value FROM head, new_values n
      ON CONFLICT (report_id, element, breakdown) DO UPDATE SET value = excluded.value WHERE report_values.value IS DISTINCT FROM excluded.value),
    gone_sections AS (
      DELETE FROM report_sections s USING head WHERE s.report_id = head.id AND NOT EXISTS (SELECT 1 FROM new_sections n WHERE n.key = s.key)),
    put_sections AS (
      INSERT INTO report_sections (report_id, key, text) SELECT head.id, n.key, n.text FROM head, new_sections n
      ON CONFLICT (report_id, key) DO UPDATE SET text = excluded.text WHERE report_sections.text IS DISTINCT FROM excluded.text),
    audit AS (
      INSERT INTO audit_events (actor_id, actor_name, action, entity_type, entity_id, before, after, request_id, ip)
      SELECT ${audit.actorId}::uuid, ${audit.actorName}, ${audit.action}, ${audit.entityType}, head.id::text,
        CASE WHEN ${head.kind === 'insert'} THEN NULL ELSE jsonb_build_object(
          'values', (SELECT coalesce(jsonb_agg(jsonb_build_object('element', element, 'breakdown', breakdown, 'value', value) ORDER BY element, breakdown), '[]'::jsonb) FROM old_values),
          'sections', (SELECT coalesce(jsonb_object_agg(key, text), '{}'::jsonb) FROM old_sections),
          'version', head.version - 1) || ${JSON.stringify(audit.before ?? {})}::jsonb END,
        ${JSON.stringify(audit.after)}::jsonb, ${audit.requestId}, ${audit.ip}
      FROM head)
    SELECT head.*, ${previousFigures(k, previousKey)} AS previous FROM head`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  return row ? { report: toReportRow(row, null), previous: previousOf(row) } : undefined;
}
