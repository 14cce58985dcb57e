import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TEST_PASSWORD } from '../../../test/support/seed.ts';
import { adminUnits } from '../../db/schema/units.ts';
import { systemActor, type Actor } from '../../lib/actor.ts';
import { PlanCommitInput } from '../../../shared/contracts/plans.ts';
import { foldForSearch } from '../../../shared/text.ts';

// Issue 4, "Results": "progress against each plan target and its milestone (e.g. 2025 value against the 2025
// target, trajectory toward 2030), per commune and for the province". A province of exactly two communes (so
// that coverage is complete, partial or none by hand), figures for 2015-2017 (other tests use 2018-2026):
//
//   informationCompetenceRate = workingAgeInformationCompetence / workingAgePeople
//   year  Xã An Phú             Xã Bình Hòa             province (approved)              with submitted
//   2015  100/1000 approved     900/2000 approved       1000/3000 = 33.33 %, 2/2         same
//   2016  300/1200 approved     500/1000 submitted      300/1200 = 25 %, 1/2 (partial)   800/2200 = 36.36 %, 2/2
//   2017  999/1000 draft        —                       null, 0/2 (a draft never counts) null
//
// Summing before dividing: 2015 is 33.33 %, not the 27.5 % mean of 10 % and 45 %.

const NOW = new Date('2026-11-24T03:00:00Z');
const IND = 'informationCompetenceRate';
const INDICATOR_TEXT = 'người trong độ tuổi lao động được trang bị năng lực thông tin';
let t: TestApp;
const cookies: Record<string, string> = {};
let province: string;
let anPhu: string;
let binhHoa: string;

async function get(who: string | null, url: string) {
  return t.app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who]! } : {} });
}
const trajectoryUrl = (unitId: string, extra = '') => `/api/reporting/indicators/trajectory?unitId=${unitId}&indicator=${IND}${extra}`;
async function trajectory(who: string, unitId: string, extra = '') {
  const res = await get(who, trajectoryUrl(unitId, extra));
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await buildTestApp({ clock: { now: () => NOW } });
  const db = t.database.db;
  const unit = async (level: string, code: string, name: string, kind: string, parentId: string | null, path: string) =>
    (await db.insert(adminUnits).values({ edition: '2025', level, code, name, kind, parentId, path, validFrom: '2025-07-01', search: foldForSearch(`${name} ${code}`) }).returning({ id: adminUnits.id }))[0]!.id;
  province = await unit('province', '99', 'Tỉnh Thử Nghiệm', 'tỉnh', null, '2025/99/');
  anPhu = await unit('commune', '99001', 'Xã An Phú', 'xã', province, '2025/99/99001/');
  binhHoa = await unit('commune', '99002', 'Xã Bình Hòa', 'xã', province, '2025/99/99002/');
  const admin = systemActor('test');
  for (const [username, role, unitId] of [
    ['tnphoihop', 'coordinator', province],
    ['tnanphu', 'communeOfficer', anPhu],
    ['tnbinhhoa', 'communeOfficer', binhHoa],
  ] as const) {
    await t.services.users.create(admin, { username, displayName: username, email: null, password: TEST_PASSWORD, grants: [{ role, unitId }] }, { mustChangePassword: false });
  }
  for (const u of ['tnphoihop', 'tnanphu', 'tnbinhhoa', 'cantho', 'sogddt']) cookies[u] = await t.login(u);

  // A plan in force 2015-2017 with a target for each year, and one set for each commune.
  const target = (text: string, comparator: 'atLeast' | 'moreThan' | 'aimFor', value: number, year: number, scope: 'province' | 'eachCommune' = 'province') => ({
    text,
    indicator: INDICATOR_TEXT,
    comparator,
    value,
    unit: '%',
    year,
    group: 'competences' as const,
    scope,
    line: null,
  });
  await t.services.plans.commit(
    admin,
    PlanCommitInput.parse({
      provinceId: province,
      plan: { title: 'Kế hoạch xây dựng xã hội học tập 2015-2017', number: '7/KH-UBND', issuer: null, issuedOn: null, periodStart: 2015, periodEnd: 2017, status: 'inForce' },
      targets: [
        target('Năm 2015: ít nhất 30% người trong độ tuổi lao động được trang bị năng lực thông tin', 'atLeast', 30, 2015),
        target('Năm 2016: trên 30% người trong độ tuổi lao động được trang bị năng lực thông tin', 'moreThan', 30, 2016),
        target('Năm 2017: phấn đấu 40% người trong độ tuổi lao động được trang bị năng lực thông tin', 'aimFor', 40, 2017),
        target('Năm 2016: mỗi xã có ít nhất 20% người trong độ tuổi lao động được trang bị năng lực thông tin', 'atLeast', 20, 2016, 'eachCommune'),
      ],
      tasks: [],
    }),
  );

  const actor = async (u: string) => (await t.services.auth.actorOfUsername(u)) as Actor;
  const coordinator = await actor('tnphoihop');
  const template = (await t.services.reporting.templates(coordinator, province)).find((x) => x.code === 'xhht-xa')!.id;
  async function report(username: string, unitId: string, periodKey: string, people: number, trained: number, until: 'draft' | 'submitted' | 'approved') {
    const officer = await actor(username);
    const values = [
      { element: 'workingAgePeople', breakdown: '', value: people },
      { element: 'workingAgeInformationCompetence', breakdown: '', value: trained },
    ];
    let r = await t.services.reporting.save(officer, { templateId: template, periodKey, unitId, agencyId: null, values, sections: {}, version: null });
    if (until === 'draft') return;
    r = await t.services.reporting.act(officer, r.id!, { action: 'submit', version: r.version! });
    if (until === 'approved') await t.services.reporting.act(coordinator, r.id!, { action: 'approve', version: r.version! });
  }
  await report('tnanphu', anPhu, '2015', 1000, 100, 'approved');
  await report('tnbinhhoa', binhHoa, '2015', 2000, 900, 'approved');
  await report('tnanphu', anPhu, '2016', 1200, 300, 'approved');
  await report('tnbinhhoa', binhHoa, '2016', 1000, 500, 'submitted');
  await report('tnanphu', anPhu, '2017', 1000, 999, 'draft');
}, 120_000);
afterAll(() => t?.close());

describe('the trajectory of an indicator across years', () => {
  it('gives the province one point per year from approved figures, summing before dividing; a year without figures is null, not 0', async () => {
    const page = await trajectory('tnphoihop', province, '&fromYear=2015&toYear=2017');
    expect(page).toMatchObject({ unit: { id: province, level: 'province' }, fromYear: 2015, toYear: 2017, provisional: false });
    expect(page.latestAt).not.toBeNull();
    expect(page.indicators).toHaveLength(1);
    const [p2015, p2016, p2017] = page.indicators[0].points;
    expect(p2015).toMatchObject({ year: 2015, periodKey: '2015', numerator: 1000, denominator: 3000, status: 'complete', unitsReporting: 2, unitsExpected: 2, provisional: false, reason: null });
    expect(p2015.value).toBeCloseTo(33.333, 3);
    expect(p2015.latestAt).not.toBeNull();
    // Bình Hòa's 2016 report is only submitted: the year is partial, from An Phú alone.
    expect(p2016).toMatchObject({ year: 2016, value: 25, numerator: 300, denominator: 1200, status: 'partial', unitsReporting: 1, unitsExpected: 2, provisional: false });
    // An Phú's 2017 report is a draft: nothing counts, and the value is missing, not zero.
    expect(p2017).toEqual({ year: 2017, periodKey: '2017', value: null, numerator: null, denominator: null, status: 'none', unitsReporting: 0, unitsExpected: 2, reason: 'Chưa có đơn vị nào báo cáo đủ số liệu', provisional: false, latestAt: null });
  });

  it('judges each target on its milestone year, and says how the latest year since then stands (targets by year, then as the plan lists them)', async () => {
    const [ind] = (await trajectory('tnphoihop', province, '&fromYear=2015&toYear=2017')).indicators;
    expect(ind.targets).toEqual([
      // 33.33 % ≥ 30 % in 2015; by 2016 (25 %) the share has fallen below it.
      expect.objectContaining({ planNumber: '7/KH-UBND', comparator: 'atLeast', value: 30, year: 2015, met: true, latest: { year: 2016, met: false } }),
      expect.objectContaining({ comparator: 'moreThan', value: 30, year: 2016, met: false, latest: { year: 2016, met: false } }),
      // A target for each commune is shown for the province too, judged on the province's share (25 % ≥ 20 %).
      expect.objectContaining({ comparator: 'atLeast', value: 20, year: 2016, met: true, latest: { year: 2016, met: true } }),
      // No figures for 2017: not judged, neither met nor missed.
      expect.objectContaining({ comparator: 'aimFor', value: 40, year: 2017, met: null, latest: null }),
    ]);
  });

  it('counts submitted figures when asked, marking the years they touch as provisional', async () => {
    const [ind] = (await trajectory('tnphoihop', province, '&fromYear=2015&toYear=2017&provisional=true')).indicators;
    const [p2015, p2016, p2017] = ind.points;
    expect(p2015).toMatchObject({ numerator: 1000, denominator: 3000, provisional: false });
    // (300 + 500) / (1200 + 1000) = 36.36 %, both communes now reporting.
    expect(p2016).toMatchObject({ numerator: 800, denominator: 2200, status: 'complete', unitsReporting: 2, provisional: true });
    expect(p2016.value).toBeCloseTo(36.364, 3);
    expect(p2017).toMatchObject({ value: null, status: 'none', provisional: false });
    expect(ind.targets.find((x: { year: number; comparator: string }) => x.year === 2016 && x.comparator === 'moreThan')).toMatchObject({ met: true });
  });

  it('runs by default from the first year of the plans in force to 2030', async () => {
    const page = await trajectory('tnphoihop', province);
    expect(page).toMatchObject({ fromYear: 2015, toYear: 2030 });
    const points = page.indicators[0].points;
    expect(points.map((p: { year: number }) => p.year)).toEqual(Array.from({ length: 16 }, (_, k) => 2015 + k));
    expect(points.slice(2).every((p: { value: number | null; status: string }) => p.value === null && p.status === 'none')).toBe(true);
  });

  it('gives every indicator of the catalogue when none is named', async () => {
    const page = (await get('tnphoihop', `/api/reporting/indicators/trajectory?unitId=${province}&fromYear=2015&toYear=2017`)).json();
    expect(page.indicators.length).toBeGreaterThan(10);
    expect(page.indicators.every((i: { points: unknown[] }) => i.points.length === 3)).toBe(true);
    expect(page.indicators.find((i: { code: string }) => i.code === IND).points[0].numerator).toBe(1000);
    // An indicator nobody reported: three null points, none of them zero.
    expect(page.indicators.find((i: { code: string }) => i.code === 'lifeSkillsRate').points.map((p: { value: number | null }) => p.value)).toEqual([null, null, null]);
  });

  it('gives a commune its own trajectory and only the targets set for each commune', async () => {
    const anPhuPage = await trajectory('tnanphu', anPhu, '&fromYear=2015&toYear=2017');
    const [ind] = anPhuPage.indicators;
    expect(ind.points.map((p: { value: number | null }) => p.value)).toEqual([10, 25, null]);
    expect(ind.points.map((p: { unitsExpected: number }) => p.unitsExpected)).toEqual([1, 1, 1]);
    expect(ind.targets).toEqual([expect.objectContaining({ value: 20, year: 2016, met: true })]);
    // Bình Hòa: 45 % in 2015; 2016 only with its submitted figures (50 %).
    expect((await trajectory('tnbinhhoa', binhHoa, '&fromYear=2015&toYear=2017')).indicators[0].points.map((p: { value: number | null }) => p.value)).toEqual([45, null, null]);
    const provisional = (await trajectory('tnbinhhoa', binhHoa, '&fromYear=2015&toYear=2017&provisional=true')).indicators[0].points;
    expect(provisional.map((p: { value: number | null; provisional: boolean }) => [p.value, p.provisional])).toEqual([
      [45, false],
      [50, true],
      [null, false],
    ]);
  });

  it('refuses what the query cannot mean', async () => {
    expect((await get('tnphoihop', `/api/reporting/indicators/trajectory?unitId=${province}&indicator=khongCo`)).statusCode).toBe(400);
    expect((await get('tnphoihop', trajectoryUrl(province, '&fromYear=2017&toYear=2015'))).statusCode).toBe(400);
    expect((await get('tnphoihop', trajectoryUrl(province, '&fromYear=2000&toYear=2050'))).statusCode).toBe(400);
    expect((await get('tnphoihop', trajectoryUrl(province, '&fromYear=hai'))).statusCode).toBe(400);
  });
});

describe('who may read a trajectory', () => {
  it('is unknown to a commune officer asking about another commune or the province', async () => {
    expect((await get('tnbinhhoa', trajectoryUrl(anPhu))).statusCode).toBe(404);
    expect((await get('tnanphu', trajectoryUrl(province))).statusCode).toBe(404);
  });

  it('is unknown to the officers of another province', async () => {
    expect((await get('cantho', trajectoryUrl(province))).statusCode).toBe(404);
    expect((await get('sogddt', trajectoryUrl(anPhu))).statusCode).toBe(404);
  });

  it('asks an anonymous visitor to sign in', async () => {
    expect((await get(null, trajectoryUrl(province))).statusCode).toBe(401);
  });
});
