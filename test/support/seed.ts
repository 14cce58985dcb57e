import { sql } from 'drizzle-orm';
import { createServices } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { DatabaseHandle } from '../../server/db/client.ts';
import { rowsOf } from '../../server/db/client.ts';
import { systemActor } from '../../server/lib/actor.ts';
import { loadDemo } from '../../server/modules/demo/demo.ts';

export const TEST_PASSWORD = 'xhht-demo-2026';

/**
 * The world every test file starts from: the demo province (Vĩnh Long, with one account per role) and a
 * second province (Cần Thơ) with its own coordinator, plus accounts for a second commune and a second
 * agency of Vĩnh Long, so that every scope has an "inside" and an "outside".
 */
export async function seed(database: DatabaseHandle) {
  const config = loadConfig({ NODE_ENV: 'test' });
  const services = createServices(config, { database });
  const actor = systemActor('test-seed');
  await loadDemo(database.db, services, actor);
  await services.units.importOfficial(actor, { provinceCode: '92' });
  const id = async (q: ReturnType<typeof sql>) => rowsOf<{ id: string }>(await database.db.execute(q))[0]!.id;
  const canTho = await id(sql`SELECT id FROM admin_units WHERE path = '2025/92/'`);
  const traVinh = await id(sql`SELECT id FROM admin_units WHERE path = '2025/86/29242/'`);
  const soTaiChinh = await id(sql`SELECT a.id FROM agencies a JOIN admin_units u ON u.id = a.province_id WHERE u.code = '86' AND a.catalogue_key = 'so-tai-chinh'`);
  const extra = [
    { username: 'cantho', displayName: 'Điều phối Cần Thơ', grants: [{ role: 'coordinator' as const, unitId: canTho }] },
    { username: 'travinh', displayName: 'Cán bộ phường Trà Vinh', grants: [{ role: 'communeOfficer' as const, unitId: traVinh }] },
    { username: 'sotaichinh', displayName: 'Cán bộ Sở Tài chính', grants: [{ role: 'agencyOfficer' as const, agencyId: soTaiChinh }] },
  ];
  for (const u of extra) {
    await services.users.create(actor, { ...u, email: null, password: TEST_PASSWORD }, { mustChangePassword: false });
  }
}
