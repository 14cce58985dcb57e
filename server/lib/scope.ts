import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from './actor.ts';
import { isAdmin } from './actor.ts';

// Scope rules (issue 2, "People and access"): a role is held within a unit subtree or an agency.
// Unit paths are prefix-closed ("2025/86/" contains "2025/86/29101/"), so a subtree is one LIKE.

/** Unit subtrees the actor may read, or 'all'. Agency roles read within the unit their agency is attached to. */
export function readableUnitPaths(actor: Actor): string[] | 'all' {
  if (isAdmin(actor)) return 'all';
  return [...new Set(actor.grants.map((g) => g.unitPath).filter((p): p is string => !!p))];
}

/** Subtrees the actor may change reference data in (villages, agencies): coordinators and commune officers. */
export function writableUnitPaths(actor: Actor): string[] | 'all' {
  if (isAdmin(actor)) return 'all';
  return actor.grants
    .filter((g) => g.role === 'coordinator' || g.role === 'communeOfficer')
    .map((g) => g.unitPath)
    .filter((p): p is string => !!p);
}

export const within = (path: string, scope: string) => path.startsWith(scope);

export function pathAllowed(paths: string[] | 'all', path: string): boolean {
  return paths === 'all' || paths.some((p) => within(path, p));
}

/** In a subtree, or an ancestor of one (so a commune officer sees the name of their province as a breadcrumb). */
export function pathVisible(paths: string[] | 'all', path: string): boolean {
  return paths === 'all' || paths.some((p) => within(path, p) || within(p, path));
}

/** SQL: column lies in one of the subtrees. An empty scope matches nothing rather than everything. */
export function inSubtrees(column: AnyColumn | SQL, paths: string[] | 'all'): SQL {
  if (paths === 'all') return sql`true`;
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(
    paths.map((p) => sql`${column} LIKE ${escapeLike(p) + '%'}`),
    sql` OR `,
  )})`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** Agencies an agency-scoped actor works for. */
export function grantedAgencyIds(actor: Actor): string[] {
  return actor.grants.map((g) => g.agencyId).filter((a): a is string => !!a);
}
