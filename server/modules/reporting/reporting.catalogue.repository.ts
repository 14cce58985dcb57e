import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { dataElements, indicators, targetLinks } from '../../db/schema/catalogue.ts';
import { users } from '../../db/schema/accounts.ts';
import { adminUnits } from '../../db/schema/units.ts';

export type ElementRow = typeof dataElements.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;

export async function elementsOf(db: Db, provinceId: string) {
  return db.select().from(dataElements).where(eq(dataElements.provinceId, provinceId)).orderBy(asc(dataElements.position));
}

export async function indicatorsOf(db: Db, provinceId: string) {
  return db.select().from(indicators).where(eq(indicators.provinceId, provinceId)).orderBy(asc(indicators.position));
}

/** Idempotent: two first requests at once both try, the unique codes keep one copy. */
export async function seed(db: Db, elements: (typeof dataElements.$inferInsert)[], rows: (typeof indicators.$inferInsert)[]) {
  await db.transaction(async (tx) => {
    if (elements.length) await tx.insert(dataElements).values(elements).onConflictDoNothing();
    if (rows.length) await tx.insert(indicators).values(rows).onConflictDoNothing();
  });
}

/** Who last changed each element and indicator of a province, by user id. */
export async function editorNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(sql`${users.id} IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findElement(db: Db, id: string) {
  const [row] = await db.select({ element: dataElements, provincePath: adminUnits.path }).from(dataElements).innerJoin(adminUnits, eq(adminUnits.id, dataElements.provinceId)).where(eq(dataElements.id, id));
  return row;
}

export async function findIndicator(db: Db, id: string) {
  const [row] = await db.select({ indicator: indicators, provincePath: adminUnits.path }).from(indicators).innerJoin(adminUnits, eq(adminUnits.id, indicators.provinceId)).where(eq(indicators.id, id));
  return row;
}

export async function insertElement(db: Db, row: typeof dataElements.$inferInsert) {
  const [created] = await db.insert(dataElements).values(row).returning();
  return created!;
}

export async function insertIndicator(db: Db, row: typeof indicators.$inferInsert) {
  const [created] = await db.insert(indicators).values(row).returning();
  return created!;
}

/** Updates only if the version is still the one the form opened; undefined means someone changed it meanwhile. */
export async function updateElement(db: Db, id: string, version: number, values: Partial<typeof dataElements.$inferInsert>) {
  const [row] = await db.update(dataElements).set({ ...values, version: version + 1, updatedAt: new Date() }).where(and(eq(dataElements.id, id), eq(dataElements.version, version))).returning();
  return row;
}

export async function updateIndicator(db: Db, id: string, version: number, values: Partial<typeof indicators.$inferInsert>) {
  const [row] = await db.update(indicators).set({ ...values, version: version + 1, updatedAt: new Date() }).where(and(eq(indicators.id, id), eq(indicators.version, version))).returning();
  return row;
}

export async function nextPosition(db: Db, table: 'data_elements' | 'indicators', provinceId: string) {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT coalesce(max(position), 0)::int + 1 AS n FROM ${sql.identifier(table)} WHERE province_id = ${provinceId}`));
  return row!.n;
}

/** How many figures each element has in the province's reports (any state): an element with figures keeps its shape. */
export async function valueCounts(db: Db, provinceId: string, element?: string) {
  const rows = rowsOf<{ element: string; n: number }>(
    await db.execute(sql`
      SELECT v.element, count(*)::int AS n FROM report_values v
      JOIN reports r ON r.id = v.report_id JOIN report_templates t ON t.id = r.template_id
      WHERE t.province_id = ${provinceId} ${element === undefined ? sql`` : sql`AND v.element = ${element}`}
      GROUP BY v.element`),
  );
  return new Map(rows.map((r) => [r.element, r.n]));
}

export async function linksOf(db: Db, provinceId: string) {
  const rows = await db.select({ targetId: targetLinks.targetId, code: targetLinks.indicatorCode }).from(targetLinks).where(eq(targetLinks.provinceId, provinceId));
  return new Map(rows.map((r) => [r.targetId, r.code]));
}

export async function findLink(db: Db, targetId: string) {
  const [row] = await db.select().from(targetLinks).where(eq(targetLinks.targetId, targetId));
  return row;
}

export async function putLink(db: Db, row: typeof targetLinks.$inferInsert) {
  await db
    .insert(targetLinks)
    .values(row)
    .onConflictDoUpdate({ target: targetLinks.targetId, set: { indicatorCode: row.indicatorCode ?? null, linkedAt: new Date(), linkedBy: row.linkedBy ?? null } });
}

export async function deleteLink(db: Db, targetId: string) {
  await db.delete(targetLinks).where(eq(targetLinks.targetId, targetId));
}
