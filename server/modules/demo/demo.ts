import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appMeta } from '../../db/schema/accounts.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { plans } from '../../db/schema/plans.ts';
import { fromRoot } from '../../lib/paths.ts';
import { PlanCommitInput, previewToCommit } from '../../../shared/contracts/plans.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { foldForSearch } from '../../../shared/text.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { Services } from '../../app.ts';
import { loadDemoProgress } from './demo-progress.ts';
import { loadDemoReporting } from './demo-reporting.ts';

// The demo province of issue 2: Vĩnh Long (code 86, 124 communes), its standard agencies, and one
// account per role. Every demo account has the password below, listed in the README.
export const DEMO_PROVINCE_CODE = '86';
export const DEMO_PASSWORD = 'xhht-demo-2026';
const DEMO_COMMUNE = '29551'; // Phường Long Châu
const DEMO_PLAN_FILE = 'vinh-long-ke-hoach-2026-2030-phu-luc-2.txt';
const DEMO_LEARNING_CENTRE = 'Trung tâm học tập cộng đồng phường Long Châu';

export type DemoAccount = { username: string; displayName: string; role: Role; scope: string };

export async function isDemoLoaded(db: Db): Promise<boolean> {
  const [row] = await db.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, 'demo'));
  return !!row;
}

export async function loadDemo(db: Db, services: Pick<Services, 'units' | 'users' | 'plans' | 'tracking' | 'auth' | 'reporting'>, actor: Actor): Promise<DemoAccount[]> {
  await services.units.importOfficial(actor, { provinceCode: DEMO_PROVINCE_CODE });
  const [province] = await db.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.path, `2025/${DEMO_PROVINCE_CODE}/`));
  const [commune] = await db.select({ id: adminUnits.id, path: adminUnits.path }).from(adminUnits).where(eq(adminUnits.path, `2025/${DEMO_PROVINCE_CODE}/${DEMO_COMMUNE}/`));
  const agencyId = async (key: string) =>
    (await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.provinceId, province!.id), eq(agencies.catalogueKey, key))))[0]!.id;

  await db.transaction(async (tx) => {
    // Hamlets are entered by the commune; the demo gives Long Châu a few so the village level shows.
    for (const [i, name] of ['Khóm 1', 'Khóm 2', 'Khóm 3'].entries()) {
      const code = `T${String(i + 1).padStart(3, '0')}`;
      await tx
        .insert(adminUnits)
        .values({ edition: '2025', level: 'village', code, name, kind: 'khóm', parentId: commune!.id, path: `${commune!.path}${code}/`, validFrom: '2025-07-01', official: false, search: foldForSearch(`${name} khóm`) })
        .onConflictDoNothing();
    }
    const inserted = await tx
      .insert(agencies)
      .values({
        provinceId: province!.id,
        unitId: commune!.id,
        kind: 'learningCentre',
        name: DEMO_LEARNING_CENTRE,
        shortName: 'TTHTCĐ phường Long Châu',
        abbreviations: ['Trung tâm HTCĐ phường Long Châu'],
        catalogueKey: 'demo:tthtcd-long-chau',
        search: foldForSearch(`${DEMO_LEARNING_CENTRE} TTHTCĐ phường Long Châu`),
      })
      .onConflictDoNothing()
      .returning({ id: agencies.id });
    if (inserted[0]) await recordAudit(tx, actor, { action: 'agency.create', entityType: 'agency', entityId: inserted[0].id, after: { name: DEMO_LEARNING_CENTRE } });
  });

  const accounts: (DemoAccount & { unitId?: string; agencyId?: string })[] = [
    { username: 'admin', displayName: 'Quản trị hệ thống', role: 'systemAdmin', scope: 'toàn hệ thống' },
    { username: 'sogddt', displayName: 'Nguyễn Thị Thu (Sở GDĐT)', role: 'coordinator', scope: 'Tỉnh Vĩnh Long', unitId: province!.id },
    { username: 'sovhttdl', displayName: 'Trần Văn Minh (Sở VHTTDL)', role: 'agencyOfficer', scope: 'Sở Văn hóa, Thể thao và Du lịch', agencyId: await agencyId('so-vhttdl') },
    { username: 'longchau', displayName: 'Lê Thị Hoa (UBND phường Long Châu)', role: 'communeOfficer', scope: 'Phường Long Châu', unitId: commune!.id },
    { username: 'khuyenhoc', displayName: 'Phạm Văn Hùng (Hội Khuyến học tỉnh)', role: 'evaluator', scope: 'Tỉnh Vĩnh Long', unitId: province!.id },
    { username: 'tthtcd', displayName: 'Võ Thị Lan (TTHTCĐ Long Châu)', role: 'learningCentreStaff', scope: DEMO_LEARNING_CENTRE, agencyId: await agencyIdByName(db, DEMO_LEARNING_CENTRE) },
    { username: 'xem', displayName: 'Người xem (UBND tỉnh)', role: 'viewer', scope: 'Tỉnh Vĩnh Long', unitId: province!.id },
  ];
  for (const a of accounts) {
    // Demo accounts skip the first-login password change so that anyone can try every role at once.
    await services.users.createOrUpdateByUsername(actor, {
      username: a.username,
      displayName: a.displayName,
      password: DEMO_PASSWORD,
      email: null,
      grants: [{ role: a.role, unitId: a.unitId ?? null, agencyId: a.agencyId ?? null }],
    }, { mustChangePassword: false });
  }
  // Vĩnh Long's task appendix, through the same preview-and-commit path a coordinator uses.
  const [existing] = await db.select({ id: plans.id, periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.sourceFilename, DEMO_PLAN_FILE));
  let plan = existing;
  if (!plan) {
    const bytes = new Uint8Array(readFileSync(fromRoot('data/demo', DEMO_PLAN_FILE)));
    const preview = await services.plans.preview(actor, province!.id, { filename: DEMO_PLAN_FILE, bytes });
    // The file is the plan's appendix, whose heading is not the plan's title: corrected in the preview, as the
    // coordinator does on screen.
    const reviewed = previewToCommit(preview, 'inForce');
    reviewed.plan.title = 'Kế hoạch thực hiện Đề án "Xây dựng xã hội học tập giai đoạn 2021-2030" trên địa bàn tỉnh Vĩnh Long, giai đoạn 2026-2030';
    reviewed.plan.issuer = reviewed.plan.issuer ?? 'UBND tỉnh Vĩnh Long';
    const id = await services.plans.commit(actor, PlanCommitInput.parse(reviewed));
    plan = { id, periodStart: preview.plan.periodStart, periodEnd: preview.plan.periodEnd };
  }
  // Progress of the current year, kept within the plan's period (a demo loaded in 2031 shows 2030).
  const thisYear = new Date().getFullYear();
  const year = Math.min(Math.max(thisYear, plan.periodStart ?? thisYear), plan.periodEnd ?? thisYear);
  await loadDemoProgress(db, services, actor, { provinceId: province!.id, planId: plan.id, password: DEMO_PASSWORD, year });
  await loadDemoReporting(db, services, { provinceId: province!.id, year });
  await db
    .insert(appMeta)
    .values({ key: 'demo', value: { province: DEMO_PROVINCE_CODE, loadedAt: new Date().toISOString() } })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: sql`excluded.value`, updatedAt: sql`now()` } });
  return accounts.map(({ username, displayName, role, scope }) => ({ username, displayName, role, scope }));
}

async function agencyIdByName(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name));
  return row!.id;
}
