import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reports } from '../../db/schema/reporting.ts';
import { adminUnits } from '../../db/schema/units.ts';
import type { Services } from '../../app.ts';

// A reporting year in progress (issue 4: "some communes and agencies approved, some submitted, some returned,
// some late"), entered through the reporting service as the demo's officers. The figures are made up but
// plausible: each commune's working-age population and the share trained differ, so indicators vary.

type DemoServices = Pick<Services, 'reporting' | 'auth'>;

export async function loadDemoReporting(db: Db, services: DemoServices, opts: { provinceId: string; year: number }) {
  const [any] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).innerJoin(adminUnits, eq(adminUnits.id, reports.unitId)).where(and(sql`${adminUnits.path} LIKE '2025/86/%'`));
  if (any && any.n > 0) return;
  const as = async (u: string) => (await services.auth.actorOfUsername(u))!;
  const coordinator = await as('sogddt');
  const templates = await services.reporting.templates(coordinator, opts.provinceId);
  const xa = templates.find((t) => t.code === 'xhht-xa')!;
  const people = (seed: number) => 2000 + ((seed * 7919) % 9000);

  async function commune(username: string, periodKey: string, seed: number, until: 'draft' | 'submitted' | 'approved' | 'returned') {
    const actor = await as(username);
    const unitId = actor.grants.find((g) => g.role === 'communeOfficer')!.unitId!;
    const total = people(seed);
    const female = Math.round(total * 0.51);
    const values = [
      { element: 'workingAgePeople', breakdown: '', value: total },
      { element: 'workingAgePeople', breakdown: 'sex=female', value: female },
      { element: 'workingAgePeople', breakdown: 'sex=male', value: total - female },
      { element: 'workingAgeInformationCompetence', breakdown: '', value: Math.round(total * (0.35 + (seed % 5) * 0.06)) },
      { element: 'workingAgeLifeSkills', breakdown: '', value: Math.round(total * (0.4 + (seed % 4) * 0.05)) },
    ];
    const sections = { results: 'Duy trì hoạt động của Trung tâm học tập cộng đồng; tổ chức các lớp tin học cơ bản và kỹ năng sống cho người lao động.' };
    let r = await services.reporting.save(actor, { templateId: xa.id, periodKey, unitId, agencyId: null, values, sections, version: null });
    if (until === 'draft') return;
    r = await services.reporting.act(actor, r.id!, { action: 'submit', version: r.version! });
    if (until === 'approved') await services.reporting.act(coordinator, r.id!, { action: 'approve', version: r.version! });
    if (until === 'returned') await services.reporting.act(coordinator, r.id!, { action: 'return', reason: 'Đề nghị bổ sung số liệu theo giới tính của người được trang bị năng lực thông tin.', version: r.version! });
  }

  const last = String(opts.year - 1);
  const current = String(opts.year);
  // Last year's reports: approved, two sent after the deadline (they show as late).
  for (const [i, u] of ['longchau', 'xa29242', 'xa29254', 'xa29263'].entries()) await commune(u, last, i + 11, 'approved');
  await commune('xa29275', last, 15, 'submitted');
  await commune('xa29278', last, 16, 'submitted');
  // This year's: approved, submitted, returned, a draft; the other communes have not started.
  await commune('longchau', current, 1, 'approved');
  await commune('xa29242', current, 2, 'approved');
  await commune('xa29254', current, 3, 'submitted');
  await commune('xa29263', current, 4, 'returned');
  await commune('xa29275', current, 5, 'draft');
}
