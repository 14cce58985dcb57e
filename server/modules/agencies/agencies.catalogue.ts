import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { agencies, agencyGroups } from '../../db/schema/agencies.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { foldForSearch } from '../../../shared/text.ts';
import { STANDARD_AGENCIES, STANDARD_GROUPS, fillCatalogueName as fill, provinceWords } from '../../../shared/domain/agency-catalogue.ts';

export function agencySearchText(a: { name: string; shortName?: string | null; abbreviations: string[] }): string {
  return foldForSearch([a.name, a.shortName ?? '', ...a.abbreviations].join(' | '));
}

/**
 * Creates what is missing of the standard catalogue for one province: its agencies, the People's
 * Committee of each commune, and the named groups. Existing entries (perhaps edited by the province)
 * are left alone. Returns how many agencies were created.
 */
export async function ensureStandardAgencies(tx: Db, actor: Actor, provinceId: string): Promise<number> {
  const [province] = await tx.select({ id: adminUnits.id, name: adminUnits.name, path: adminUnits.path }).from(adminUnits).where(eq(adminUnits.id, provinceId));
  if (!province) throw new Error(`province ${provinceId} not found`);
  const w = provinceWords(province.name);
  const communes = await tx
    .select({ id: adminUnits.id, name: adminUnits.name, code: adminUnits.code })
    .from(adminUnits)
    .where(and(eq(adminUnits.parentId, province.id), eq(adminUnits.level, 'commune')));

  const rows: (typeof agencies.$inferInsert)[] = STANDARD_AGENCIES.map((e) => {
    const abbreviations = [...new Set(e.abbreviations.map((a) => fill(a, w)))];
    const name = fill(e.name, w);
    const shortName = e.shortName ? fill(e.shortName, w) : null;
    return {
      provinceId: province.id,
      unitId: province.id,
      kind: e.kind,
      name,
      shortName,
      abbreviations,
      catalogueKey: e.key,
      isStandingAgency: e.standing ?? false,
      search: agencySearchText({ name, shortName, abbreviations }),
    };
  });
  for (const c of communes) {
    // "Phường Ba Đình" → "Ủy ban nhân dân phường Ba Đình" / "UBND phường Ba Đình".
    const lowered = c.name.replace(/^(Xã|Phường|Đặc khu)/u, (m) => m.toLowerCase());
    const name = `Ủy ban nhân dân ${lowered}`;
    const shortName = `UBND ${lowered}`;
    rows.push({
      provinceId: province.id,
      unitId: c.id,
      kind: 'peoplesCommittee',
      name,
      shortName,
      abbreviations: [`UBND ${c.name}`],
      catalogueKey: `ubnd-xa:${c.code}`,
      search: agencySearchText({ name, shortName, abbreviations: [] }),
    });
  }
  let created = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const out = await tx.insert(agencies).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: agencies.id });
    created += out.length;
  }
  await tx
    .insert(agencyGroups)
    .values(
      STANDARD_GROUPS.map((g) => {
        const aliases = g.aliases.map((a) => fill(a, w));
        return { provinceId: province.id, key: g.key, name: g.name, aliases, rule: g.rule, search: foldForSearch([g.name, ...aliases].join(' | ')) };
      }),
    )
    .onConflictDoNothing();
  if (created > 0) {
    await recordAudit(tx, actor, {
      action: 'agency.seedStandard',
      entityType: 'agency',
      entityId: null,
      after: { province: province.name, created },
    });
  }
  return created;
}

/** Count helper for the demo and tests. */
export async function countAgencies(db: Db, provinceId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(agencies).where(eq(agencies.provinceId, provinceId));
  return r?.n ?? 0;
}
