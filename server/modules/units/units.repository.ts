import { and, asc, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { escapeLike, inSubtrees } from '../../lib/scope.ts';

// Parent and province names, so a result reads "Phường X — Tỉnh Y" once several provinces are loaded.
const parentName = sql<string | null>`(SELECT p.name FROM admin_units p WHERE p.id = admin_units.parent_id)`;
const provinceName = sql<string | null>`(SELECT g.name FROM admin_units g WHERE g.level = 'province' AND g.id <> admin_units.id
  AND g.path = split_part(admin_units.path, '/', 1) || '/' || split_part(admin_units.path, '/', 2) || '/')`;

export const unitColumns = {
  id: adminUnits.id,
  code: adminUnits.code,
  name: adminUnits.name,
  kind: adminUnits.kind,
  level: adminUnits.level,
  edition: adminUnits.edition,
  parentId: adminUnits.parentId,
  path: adminUnits.path,
  validFrom: adminUnits.validFrom,
  validTo: adminUnits.validTo,
  official: adminUnits.official,
  parentName,
  provinceName,
};
export type UnitRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  edition: string;
  parentId: string | null;
  path: string;
  validFrom: string | null;
  validTo: string | null;
  official: boolean;
  parentName: string | null;
  provinceName: string | null;
};

const viOrder = sql`${adminUnits.name} COLLATE vi`;

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select(unitColumns).from(adminUnits).where(eq(adminUnits.id, id));
  return row;
}

export async function findUnitByPath(db: Db, path: string): Promise<UnitRow | undefined> {
  const [row] = await db.select(unitColumns).from(adminUnits).where(eq(adminUnits.path, path));
  return row;
}

export async function findUnitsByPaths(db: Db, paths: string[]): Promise<UnitRow[]> {
  if (paths.length === 0) return [];
  return db.select(unitColumns).from(adminUnits).where(inArray(adminUnits.path, paths));
}

/** Children with their own child counts, restricted to the subtrees given (or their ancestors). */
export async function listChildren(db: Db, parentId: string, paths: string[] | 'all', includeRetired: boolean) {
  const scope = visibleScope(paths);
  // Counted within the same scope as the list, so a commune officer is not told of communes they cannot open.
  const childCount = sql<number>`(SELECT count(*)::int FROM admin_units c WHERE c.parent_id = admin_units.id AND c.valid_to IS NULL AND ${visibleScope(paths, sql`c.path`)})`;
  return db
    .select({ ...unitColumns, childCount })
    .from(adminUnits)
    .where(and(eq(adminUnits.parentId, parentId), scope, includeRetired ? undefined : isNull(adminUnits.validTo)))
    .orderBy(viOrder);
}

export async function listProvinces(db: Db, edition: string, paths: string[] | 'all') {
  const scope = visibleScope(paths);
  const childCount = sql<number>`(SELECT count(*)::int FROM admin_units c WHERE c.parent_id = admin_units.id AND c.valid_to IS NULL AND ${visibleScope(paths, sql`c.path`)})`;
  return db
    .select({ ...unitColumns, childCount })
    .from(adminUnits)
    .where(and(eq(adminUnits.edition, edition), eq(adminUnits.level, 'province'), scope))
    .orderBy(asc(adminUnits.code));
}

/** Visible = in one of the subtrees, or an ancestor of one; over `column` (default: the listed unit's path). */
export function visibleScope(paths: string[] | 'all', column: AnyColumn | SQL = adminUnits.path): SQL {
  if (paths === 'all') return sql`true`;
  if (paths.length === 0) return sql`false`;
  return sql`(${inSubtrees(column, paths)} OR ${column} IN (${sql.join(
    ancestorsOfPaths(paths).map((p) => sql`${p}`),
    sql`, `,
  )}))`;
}

/** "2025/86/29101/" → ["2025/", "2025/86/"]: every proper prefix ending at a separator. */
export function ancestorsOfPaths(paths: string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) out.add(parts.slice(0, i).join('/') + '/');
  }
  return out.size ? [...out] : [''];
}

export async function searchUnits(
  db: Db,
  opts: { words: string[]; levels?: string[]; edition: string; withinPath?: string; scope: SQL; limit: number },
) {
  const conds: (SQL | undefined)[] = [
    eq(adminUnits.edition, opts.edition),
    opts.levels?.length ? inArray(adminUnits.level, opts.levels) : undefined,
    opts.withinPath ? sql`${adminUnits.path} LIKE ${escapeLike(opts.withinPath) + '%'}` : undefined,
    ...opts.words.map((w) => sql`${adminUnits.search} LIKE ${'%' + escapeLike(w) + '%'}`),
    opts.scope,
  ];
  // Exact prefix matches first ("vinh long" ranks Tỉnh Vĩnh Long before Phường Vĩnh Long Xyz), then shallower units.
  const q = opts.words.join(' ');
  return db
    .select(unitColumns)
    .from(adminUnits)
    .where(and(...conds))
    .orderBy(
      sql`CASE WHEN ${adminUnits.search} LIKE ${'%' + escapeLike(q) + '%'} THEN 0 ELSE 1 END`,
      sql`length(${adminUnits.path})`,
      viOrder,
    )
    .limit(opts.limit);
}

export async function ancestorsOf(db: Db, path: string) {
  const prefixes = ancestorsOfPaths([path]).filter((p) => p.split('/').length > 2);
  if (prefixes.length === 0) return [];
  return db
    .select({ id: adminUnits.id, name: adminUnits.name, level: adminUnits.level, code: adminUnits.code, path: adminUnits.path })
    .from(adminUnits)
    .where(inArray(adminUnits.path, prefixes))
    .orderBy(sql`length(${adminUnits.path})`);
}

/** The whole subtree below a unit to a depth, as flat rows ordered for nesting. */
export async function subtreeRows(db: Db, path: string, maxDepth: number) {
  const depth = path.split('/').filter(Boolean).length;
  return db
    .select({ id: adminUnits.id, code: adminUnits.code, name: adminUnits.name, kind: adminUnits.kind, level: adminUnits.level, parentId: adminUnits.parentId, path: adminUnits.path })
    .from(adminUnits)
    .where(
      and(
        sql`${adminUnits.path} LIKE ${escapeLike(path) + '%'}`,
        sql`${adminUnits.path} <> ${path}`,
        sql`array_length(string_to_array(rtrim(${adminUnits.path}, '/'), '/'), 1) <= ${depth + maxDepth}`,
        isNull(adminUnits.validTo),
      ),
    )
    .orderBy(viOrder);
}

export async function predecessorsOf(db: Db, unitId: string) {
  const res = await db.execute(sql`
    SELECT u.id, u.code, u.name, u.kind, u.level, u.edition, u.parent_id AS "parentId", u.valid_from::text AS "validFrom",
           u.valid_to::text AS "validTo", u.official, s.kind AS "mergeKind", p.name AS "parentName", g.name AS "provinceName"
    FROM unit_successions s
    JOIN admin_units u ON u.id = s.predecessor_id
    LEFT JOIN admin_units p ON p.id = u.parent_id
    LEFT JOIN admin_units g ON g.id = p.parent_id
    WHERE s.successor_id = ${unitId}
    ORDER BY g.name COLLATE vi, p.name COLLATE vi, u.name COLLATE vi`);
  return rowsOf<UnitRow & { mergeKind: 'whole' | 'part'; parentName: string | null; provinceName: string | null }>(res);
}

export async function successorsOf(db: Db, unitPath: string) {
  // A former district or province leads to every new commune its communes went into.
  const res = await db.execute(sql`
    SELECT DISTINCT n.id, n.code, n.name, n.kind, n.level, n.edition, n.parent_id AS "parentId", n.valid_from::text AS "validFrom",
           n.valid_to::text AS "validTo", n.official, s.kind AS "mergeKind", pn.name AS "parentName", pn.name AS "provinceName"
    FROM admin_units d
    JOIN unit_successions s ON s.predecessor_id = d.id
    JOIN admin_units n ON n.id = s.successor_id
    LEFT JOIN admin_units pn ON pn.id = n.parent_id
    WHERE d.path LIKE ${escapeLike(unitPath) + '%'}
    ORDER BY n.name`);
  return rowsOf<UnitRow & { mergeKind: 'whole' | 'part' }>(res);
}

/** Whether a former unit (or one of its former communes) went into a commune inside the subtrees. */
export async function formerUnitLeadsInto(db: Db, formerPath: string, paths: string[]): Promise<boolean> {
  if (paths.length === 0) return false;
  const res = await db.execute(sql`
    SELECT 1 FROM admin_units d
    JOIN unit_successions s ON s.predecessor_id = d.id
    JOIN admin_units n ON n.id = s.successor_id
    WHERE d.path LIKE ${escapeLike(formerPath) + '%'} AND ${inSubtrees(sql`n.path`, paths)}
    LIMIT 1`);
  return rowsOf(res).length > 0;
}

export async function nextVillageCode(db: Db, communePath: string): Promise<string> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'village'), sql`${adminUnits.path} LIKE ${escapeLike(communePath) + '%'}`));
  return `T${String((row?.n ?? 0) + 1).padStart(3, '0')}`;
}

export async function insertUnit(db: Db, values: typeof adminUnits.$inferInsert) {
  const [row] = await db.insert(adminUnits).values(values).returning(unitColumns);
  return row!;
}

export async function updateUnit(db: Db, id: string, values: Partial<typeof adminUnits.$inferInsert>) {
  const [row] = await db
    .update(adminUnits)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(adminUnits.id, id))
    .returning(unitColumns);
  return row!;
}

