import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fromRoot } from '../../lib/paths.ts';
import { adminUnits, unitSuccessions } from '../../db/schema/units.ts';
import { foldForSearch } from '../../../shared/text.ts';
import { EDITION_2025_START } from '../../../shared/domain/units.ts';

export const DATA_DIR = fromRoot('data/admin-units');

type NewRow = { province_code: string; province_name: string; province_type: string; commune_code: string; commune_name: string; commune_type: string };
type OldRow = {
  new_province_code: string;
  new_commune_code: string;
  old_commune_code: string;
  old_commune_name: string;
  merge_note: string;
  old_district_code: string;
  old_district_name: string;
  old_province_code: string;
  old_province_name: string;
};

export type UnitImportResult = {
  provinces: number;
  communes: number;
  formerProvinces: number;
  formerDistricts: number;
  formerCommunes: number;
  successions: number;
  provinceIds: string[];
};

const CHUNK = 1000;
// The day before the 2-level local government took effect: the last day the former units existed.
const FORMER_VALID_TO = '2025-06-30';

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(path.join(DATA_DIR, file)), { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

/** "Phường Ba Đình" → "phường"; the kind word is the leading one(s) the GSO list uses. */
function kindFromName(name: string): string {
  const m = /^(Thành phố|Thị trấn|Thị xã|Đặc khu|Tỉnh|Huyện|Quận|Phường|Xã)\b/u.exec(name);
  return m ? m[1]!.toLowerCase() : 'khác';
}

type UnitValues = typeof adminUnits.$inferInsert;

async function upsertUnits(db: Db, rows: UnitValues[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const out = await db
      .insert(adminUnits)
      .values(chunk)
      .onConflictDoUpdate({
        target: adminUnits.path,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          search: sql`excluded.search`,
          parentId: sql`excluded.parent_id`,
          validFrom: sql`excluded.valid_from`,
          validTo: sql`excluded.valid_to`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: adminUnits.id, path: adminUnits.path });
    for (const r of out) ids.set(r.path, r.id);
  }
  return ids;
}

/**
 * Loads the official list (one province by code, or all 34), the former units that went into it and
 * the old-to-new mapping. Idempotent: running it again updates names and keeps ids, so nothing that
 * refers to a unit breaks. Runs inside the caller's transaction.
 */
export async function importUnits(db: Db, opts: { provinceCode?: string } = {}): Promise<UnitImportResult> {
  const all = readCsv<NewRow>('admin-units-2025.csv');
  const rows = opts.provinceCode ? all.filter((r) => r.province_code === opts.provinceCode) : all;
  if (rows.length === 0) throw new Error(`Không có tỉnh, thành phố mã "${opts.provinceCode}" trong danh mục 2025.`);

  const provinces = new Map<string, NewRow>();
  for (const r of rows) provinces.set(r.province_code, r);
  const provinceIds = await upsertUnits(
    db,
    [...provinces.values()].map((p) => ({
      edition: '2025',
      level: 'province',
      code: p.province_code,
      name: p.province_name,
      kind: p.province_type,
      parentId: null,
      path: `2025/${p.province_code}/`,
      validFrom: EDITION_2025_START,
      search: foldForSearch(`${p.province_name} ${p.province_code}`),
    })),
  );
  const communeIds = await upsertUnits(
    db,
    rows.map((r) => ({
      edition: '2025',
      level: 'commune',
      code: r.commune_code,
      name: r.commune_name,
      kind: r.commune_type,
      parentId: provinceIds.get(`2025/${r.province_code}/`)!,
      path: `2025/${r.province_code}/${r.commune_code}/`,
      validFrom: EDITION_2025_START,
      search: foldForSearch(`${r.commune_name} ${r.commune_code}`),
    })),
  );

  const wanted = new Set(provinces.keys());
  const old = readCsv<OldRow>('admin-units-2025-from-pre2025.csv').filter((r) => wanted.has(r.new_province_code));
  const oldProvinces = new Map<string, OldRow>();
  const oldDistricts = new Map<string, OldRow>();
  const oldCommunes = new Map<string, OldRow>();
  for (const r of old) {
    oldProvinces.set(r.old_province_code, r);
    oldDistricts.set(`${r.old_province_code}/${r.old_district_code}`, r);
    oldCommunes.set(`${r.old_province_code}/${r.old_district_code}/${r.old_commune_code}`, r);
  }
  const former = { edition: 'pre2025', validFrom: null, validTo: FORMER_VALID_TO } as const;
  const oldProvinceIds = await upsertUnits(
    db,
    [...oldProvinces.values()].map((r) => ({
      ...former,
      level: 'province',
      code: r.old_province_code,
      name: r.old_province_name,
      kind: kindFromName(r.old_province_name),
      parentId: null,
      path: `pre2025/${r.old_province_code}/`,
      search: foldForSearch(`${r.old_province_name} ${r.old_province_code}`),
    })),
  );
  const oldDistrictIds = await upsertUnits(
    db,
    [...oldDistricts.values()].map((r) => ({
      ...former,
      level: 'district',
      code: r.old_district_code,
      name: r.old_district_name,
      kind: kindFromName(r.old_district_name),
      parentId: oldProvinceIds.get(`pre2025/${r.old_province_code}/`)!,
      path: `pre2025/${r.old_province_code}/${r.old_district_code}/`,
      search: foldForSearch(`${r.old_district_name} ${r.old_district_code}`),
    })),
  );
  const oldCommuneIds = await upsertUnits(
    db,
    [...oldCommunes.values()].map((r) => ({
      ...former,
      level: 'commune',
      code: r.old_commune_code,
      name: r.old_commune_name,
      kind: kindFromName(r.old_commune_name),
      parentId: oldDistrictIds.get(`pre2025/${r.old_province_code}/${r.old_district_code}/`)!,
      path: `pre2025/${r.old_province_code}/${r.old_district_code}/${r.old_commune_code}/`,
      search: foldForSearch(`${r.old_commune_name} ${r.old_commune_code} ${r.old_district_name}`),
    })),
  );

  const links = new Map<string, typeof unitSuccessions.$inferInsert>();
  for (const r of old) {
    const predecessorId = oldCommuneIds.get(`pre2025/${r.old_province_code}/${r.old_district_code}/${r.old_commune_code}/`);
    const successorId = communeIds.get(`2025/${r.new_province_code}/${r.new_commune_code}/`);
    if (!predecessorId || !successorId) continue;
    links.set(`${predecessorId}>${successorId}`, {
      predecessorId,
      successorId,
      kind: /toàn bộ/iu.test(r.merge_note) ? 'whole' : 'part',
      note: r.merge_note,
    });
  }
  const linkRows = [...links.values()];
  for (let i = 0; i < linkRows.length; i += CHUNK) {
    await db
      .insert(unitSuccessions)
      .values(linkRows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [unitSuccessions.predecessorId, unitSuccessions.successorId],
        set: { kind: sql`excluded.kind`, note: sql`excluded.note` },
      });
  }

  return {
    provinces: provinceIds.size,
    communes: communeIds.size,
    formerProvinces: oldProvinceIds.size,
    formerDistricts: oldDistrictIds.size,
    formerCommunes: oldCommuneIds.size,
    successions: linkRows.length,
    provinceIds: [...provinceIds.values()],
  };
}

/** Province codes present in the vendored list (for validation of `xhht units import --province`). */
export function knownProvinceCodes(): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of readCsv<NewRow>('admin-units-2025.csv')) seen.set(r.province_code, r.province_name);
  return [...seen].map(([code, name]) => ({ code, name }));
}
