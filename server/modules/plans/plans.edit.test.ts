import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { systemActor } from '../../lib/actor.ts';
import { PlanCommitInput } from '../../../shared/contracts/plans.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';

// Issue 3, "Plans": after commit, the coordinator resolves the names left unresolved, corrects the header,
// links versions and implementing plans, and sees what changed between two versions.

const schedule = (raw: string) => ({ raw, kind: 'yearly', milestones: [] });
type Ref = { raw: string; agencyId: string | null; groupName: string | null };
const task = (code: string | null, title: string, leads: Ref[], coordinators: Ref[] = [], extra: Record<string, unknown> = {}) => ({
  code,
  section: '1. Tuyên truyền, nâng cao nhận thức',
  title,
  leads,
  coordinators,
  deliverables: ['Báo cáo kết quả'],
  schedule: schedule('Hàng năm'),
  line: null,
  ...extra,
});
const unresolved = (raw: string): Ref => ({ raw, agencyId: null, groupName: null });

describe('changing a committed plan', () => {
  let t: TestApp;
  let coord: string;
  let vl: string;
  let soGddt: string;
  let soVhttdl: string;
  const as = async (who: string) => t.login(who);
  const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await t.database.db.execute(q))[0]!.n;
  const auditCount = () => count(sql`SELECT count(*)::int AS n FROM audit_events`);
  const unresolvedCount = () => count(sql`SELECT count(*)::int AS n FROM task_assignments WHERE agency_id IS NULL AND group_id IS NULL`);
  const commit = async (body: Record<string, unknown>, cookie = coord) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/plans', headers: { cookie }, payload: body });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
    return res.json();
  };
  const planBody = (plan: Record<string, unknown>, tasks: unknown[] = [], targets: unknown[] = []) => ({
    provinceId: vl,
    plan: { title: 'Kế hoạch thực hiện Đề án xây dựng xã hội học tập', number: null, issuer: 'UBND tỉnh Vĩnh Long', issuedOn: null, periodStart: 2026, periodEnd: 2030, ...plan },
    targets,
    tasks,
  });
  const patch = (url: string, payload: object, cookie = coord) => t.app.inject({ method: 'PATCH', url, headers: { cookie }, payload });
  const get = (url: string, cookie = coord) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp();
    coord = await t.login('sogddt');
    vl = await t.unitId('2025/86/');
    soGddt = await t.agencyId('86', 'so-gddt');
    soVhttdl = await t.agencyId('86', 'so-vhttdl');
  });
  afterAll(() => t.close());

  describe('resolving an agency name left unresolved', () => {
    let plan: { id: string; tasks: { id: string; code: string; assignments: { id: string; raw: string; role: string; agencyId: string | null; groupId: string | null }[] }[] };
    const assignment = (code: string, raw: string) => plan.tasks.find((x) => x.code === code)!.assignments.find((a) => a.raw === raw)!;
    const url = (a: { id: string }, planId = plan.id) => `/api/plans/${planId}/assignments/${a.id}`;

    beforeAll(async () => {
      plan = await commit(
        planBody({ number: '12/KH-UBND' }, [
          task('1.1', 'Xây dựng và triển khai Kế hoạch', [{ raw: 'Sở GDĐT', agencyId: soGddt, groupName: null }, unresolved('Sở GD&ĐT tỉnh')], [unresolved('Trường Cao đẳng Cộng đồng')]),
          task('1.2', 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời', [unresolved('trường cao đẳng cộng đồng')], [unresolved('Hội Khuyến học tỉnh'), unresolved('UBND cấp xã trong tỉnh')]),
          task('1.3', 'Tuyên truyền trên báo chí', [unresolved('Trường Cao Đẳng Cộng Đồng')]),
        ]),
      );
    });

    it('refuses an agency officer and a commune officer (403), another province’s coordinator (404), and writes nothing', async () => {
      const a = assignment('1.1', 'Trường Cao đẳng Cộng đồng');
      const [rows, audits] = [await unresolvedCount(), await auditCount()];
      expect((await patch(url(a), { agencyId: soVhttdl }, await as('sovhttdl'))).statusCode).toBe(403);
      expect((await patch(url(a), { agencyId: soVhttdl }, await as('longchau'))).statusCode).toBe(403);
      expect((await patch(url(a), { agencyId: soVhttdl }, await as('cantho'))).statusCode).toBe(404);
      expect(await unresolvedCount()).toBe(rows);
      expect(await auditCount()).toBe(audits + 3); // the three logins only
    });

    it('refuses an agency or a group of another province with the field’s path, and a body naming both or neither', async () => {
      const a = assignment('1.1', 'Trường Cao đẳng Cộng đồng');
      const audits = await auditCount();
      const other = await patch(url(a), { agencyId: await t.agencyId('92', 'so-gddt') });
      expect(other.statusCode).toBe(400);
      expect(other.json().error.details).toEqual([{ path: 'agencyId', message: 'cơ quan không thuộc tỉnh này' }]);
      const ctGroup = await t.idOf(sql`SELECT g.id FROM agency_groups g JOIN admin_units p ON p.id = g.province_id WHERE p.path = '2025/92/' LIMIT 1`);
      const group = await patch(url(a), { groupId: ctGroup });
      expect(group.statusCode).toBe(400);
      expect(group.json().error.details).toEqual([{ path: 'groupId', message: 'nhóm không thuộc tỉnh này' }]);
      for (const body of [{ agencyId: soVhttdl, groupId: ctGroup }, {}, { applyToSameName: true }]) {
        const res = await patch(url(a), body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details[0].path).toBe('agencyId');
      }
      expect((await patch(url(a), { agencyId: soVhttdl, everywhere: true })).json().error.details).toEqual([{ path: 'everywhere', message: 'trường không được chấp nhận' }]);
      expect(await auditCount()).toBe(audits);
    });

    it('answers 404 for an assignment of another plan', async () => {
      const other = await commit(planBody({ title: 'Kế hoạch khác' }, [task('1', 'Khác', [unresolved('Trường Chính trị tỉnh')])]));
      expect((await patch(url(assignment('1.1', 'Trường Cao đẳng Cộng đồng'), other.id), { agencyId: soVhttdl })).statusCode).toBe(404);
    });

    it('resolves every name written with the same words at once, audited with before and after', async () => {
      const a = assignment('1.1', 'Trường Cao đẳng Cộng đồng');
      const res = await patch(url(a), { agencyId: soVhttdl, applyToSameName: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ resolved: 3, unresolvedAgencies: 3, assignment: { id: a.id, agencyId: soVhttdl, agencyName: 'Sở Văn hóa, Thể thao và Du lịch', raw: 'Trường Cao đẳng Cộng đồng', role: 'coordinator', groupId: null, memberCount: null } });
      const detail = (await get(`/api/plans/${plan.id}`)).json();
      expect(detail.unresolvedAgencies).toBe(3);
      expect(detail.tasks.find((x: { code: string }) => x.code === '1.3').assignments).toMatchObject([{ agencyId: soVhttdl, raw: 'Trường Cao Đẳng Cộng Đồng' }]);
      const audit = rowsOf<{ action: string; before: { raw: string; assignments: unknown[] }; after: { name: string; resolved: number } }>(
        await t.database.db.execute(sql`SELECT action, before, after FROM audit_events WHERE entity_id = ${plan.id} AND action = 'plan.assignment.resolve'`),
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]!.before.raw).toBe('Trường Cao đẳng Cộng đồng');
      expect(audit[0]!.before.assignments).toHaveLength(3);
      expect(audit[0]!.after).toMatchObject({ name: 'Sở Văn hóa, Thể thao và Du lịch', resolved: 3 });
    });

    it('answers 409 for a name already resolved', async () => {
      const res = await patch(url(assignment('1.1', 'Trường Cao đẳng Cộng đồng')), { agencyId: soGddt });
      expect(res.statusCode).toBe(409);
    });

    it('resolves a single name to a group, counting its members', async () => {
      const group = await t.idOf(sql`SELECT g.id FROM agency_groups g JOIN admin_units p ON p.id = g.province_id WHERE p.path = '2025/86/' AND g.name = 'UBND các xã, phường'`);
      const res = await patch(url(assignment('1.2', 'UBND cấp xã trong tỉnh')), { groupId: group });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ resolved: 1, unresolvedAgencies: 2, assignment: { groupId: group, groupName: 'UBND các xã, phường', memberCount: 124, agencyId: null } });
    });

    it('merges a name into the same agency already leading the task', async () => {
      const res = await patch(url(assignment('1.1', 'Sở GD&ĐT tỉnh')), { agencyId: soGddt });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ resolved: 1, unresolvedAgencies: 1, assignment: { agencyId: soGddt, raw: 'Sở GDĐT', role: 'lead' } });
      const leads = (await get(`/api/plans/${plan.id}`)).json().tasks.find((x: { code: string }) => x.code === '1.1').assignments.filter((x: { role: string }) => x.role === 'lead');
      expect(leads).toHaveLength(1);
    });
  });

  describe('correcting the header and linking versions', () => {
    it('changes the fields sent, audits only those, and writes nothing when nothing changes', async () => {
      const p = await commit(planBody({ number: '84/KH-UBND', signer: null }));
      const res = await patch(`/api/plans/${p.id}`, { number: '84/KH-UBND ', signer: 'Nguyễn Văn Liệt', issuedOn: '2026-01-15', status: 'inForce' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ number: '84/KH-UBND', signer: 'Nguyễn Văn Liệt', issuedOn: '2026-01-15', status: 'inForce', title: p.title });
      const audits = rowsOf<{ before: object; after: object }>(await t.database.db.execute(sql`SELECT before, after FROM audit_events WHERE entity_id = ${p.id} AND action = 'plan.update'`));
      expect(audits).toEqual([{ before: { signer: null, issuedOn: null, status: 'draft' }, after: { signer: 'Nguyễn Văn Liệt', issuedOn: '2026-01-15', status: 'inForce' } }]);
      const before = await auditCount();
      expect((await patch(`/api/plans/${p.id}`, { signer: 'Nguyễn Văn Liệt' })).statusCode).toBe(200);
      expect(await auditCount()).toBe(before);
      // The list finds the plan by its new words.
      expect((await get(`/api/plans?q=${encodeURIComponent('Liệt')}`)).json().total).toBe(0);
      await patch(`/api/plans/${p.id}`, { title: 'Kế hoạch truyền thông về học tập suốt đời năm 2026' });
      expect((await get(`/api/plans?q=${encodeURIComponent('truyen thong hoc tap suot doi')}`)).json().items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    });

    it('refuses officers (403) and another province (404), and a period ending before it starts (400), writing nothing', async () => {
      const p = await commit(planBody({}));
      const audits = await auditCount();
      expect((await patch(`/api/plans/${p.id}`, { status: 'inForce' }, await as('sovhttdl'))).statusCode).toBe(403);
      expect((await patch(`/api/plans/${p.id}`, { status: 'inForce' }, await as('longchau'))).statusCode).toBe(403);
      expect((await patch(`/api/plans/${p.id}`, { status: 'inForce' }, await as('cantho'))).statusCode).toBe(404);
      const bad = await patch(`/api/plans/${p.id}`, { periodEnd: 2024, status: 'inForce' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([{ path: 'periodEnd', message: 'năm kết thúc trước năm bắt đầu' }]);
      expect(await auditCount()).toBe(audits + 3);
      expect((await get(`/api/plans/${p.id}`)).json().status).toBe('draft');
    });

    it('refuses to implement or amend a plan of another province, itself, or a plan that leads back to it', async () => {
      const ct = await t.services.plans.commit(systemActor('test'), PlanCommitInput.parse({ ...planBody({}), provinceId: await t.unitId('2025/92/') }));
      const a = await commit(planBody({ title: 'Kế hoạch giai đoạn 2026-2030' }));
      const b = await commit(planBody({ title: 'Kế hoạch năm 2026', implementsPlanId: a.id }));
      const c = await commit(planBody({ title: 'Kế hoạch của Sở VHTTDL năm 2026', implementsPlanId: b.id }));
      const other = await patch(`/api/plans/${a.id}`, { implementsPlanId: ct, amendsPlanId: a.id });
      expect(other.statusCode).toBe(400);
      expect(other.json().error.details).toEqual([
        { path: 'implementsPlanId', message: 'không có kế hoạch này trong tỉnh' },
        { path: 'amendsPlanId', message: 'một kế hoạch không thể sửa đổi, thay thế chính nó' },
      ]);
      const cycle = await patch(`/api/plans/${a.id}`, { implementsPlanId: c.id });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json().error.details[0]).toMatchObject({ path: 'implementsPlanId', message: expect.stringContaining('vòng') });
      // Committing a plan that names another province's plan is refused too.
      const res = await t.app.inject({ method: 'POST', url: '/api/plans', headers: { cookie: coord }, payload: planBody({ amendsPlanId: ct }) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([{ path: 'plan.amendsPlanId', message: 'không có kế hoạch này trong tỉnh' }]);
      // The links show on both sides.
      const detailA = (await get(`/api/plans/${a.id}`)).json();
      expect(detailA.implementedBy.map((x: { id: string }) => x.id)).toEqual([b.id]);
      expect((await get(`/api/plans/${c.id}`)).json().implementsPlan).toMatchObject({ id: b.id, title: 'Kế hoạch năm 2026' });
    });

    it('supersedes the amended plan when its new version comes into force, by edit or at commit', async () => {
      const v1 = await commit(planBody({ number: '84/KH-UBND', status: 'inForce' }));
      const v2 = await commit(planBody({ number: '120/KH-UBND', amendsPlanId: v1.id }));
      expect((await get(`/api/plans/${v1.id}`)).json()).toMatchObject({ status: 'inForce', amendedBy: [{ id: v2.id, number: '120/KH-UBND', status: 'draft' }] });
      const res = await patch(`/api/plans/${v2.id}`, { status: 'inForce' });
      expect(res.json()).toMatchObject({ status: 'inForce', amendsPlan: { id: v1.id, status: 'superseded' } });
      expect((await get(`/api/plans/${v1.id}`)).json().status).toBe('superseded');
      const supersede = rowsOf<{ after: object }>(await t.database.db.execute(sql`SELECT after FROM audit_events WHERE entity_id = ${v1.id} AND action = 'plan.supersede'`));
      expect(supersede).toEqual([{ after: { status: 'superseded', supersededBy: v2.id } }]);
      const v3 = await commit(planBody({ number: '15/KH-UBND', amendsPlanId: v2.id, status: 'inForce' }));
      expect((await get(`/api/plans/${v2.id}`)).json().status).toBe('superseded');
      expect((await get(`/api/plans/${v3.id}`)).json().status).toBe('inForce');
    });
  });

  describe('what changed between two versions', () => {
    let v1: { id: string };
    let v2: { id: string };
    const target = (indicator: string, value: number, year = 2030) => ({ text: `${value}% ${indicator}`, indicator, comparator: 'atLeast', value, unit: '%', year, group: 'competences', line: null });

    beforeAll(async () => {
      v1 = await commit(
        planBody(
          { number: '84/KH-UBND', issuedOn: '2022-03-15', status: 'inForce' },
          [
            task('1.1', 'Xây dựng và triển khai Kế hoạch', [{ raw: 'Sở GDĐT', agencyId: soGddt, groupName: null }]),
            task('1.2', 'Tuyên truyền về học tập suốt đời', [{ raw: 'Sở VHTTDL', agencyId: soVhttdl, groupName: null }], [], { schedule: schedule('Năm 2022') }),
            task('2.1', 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời', [{ raw: 'Sở GDĐT', agencyId: soGddt, groupName: null }]),
          ],
          [target('người lao động được trang bị năng lực số', 50), target('xã, phường có trung tâm học tập cộng đồng hoạt động hiệu quả', 90)],
        ),
      );
      v2 = await commit(
        planBody(
          { number: '120/KH-UBND', issuedOn: '2025-08-01', amendsPlanId: v1.id },
          [
            task('1.1', 'Xây dựng và triển khai Kế hoạch', [{ raw: 'Sở GDĐT', agencyId: soGddt, groupName: null }]),
            task('1.2', 'Tuyên truyền về học tập suốt đời', [{ raw: 'Sở GDĐT', agencyId: soGddt, groupName: null }], [], { schedule: schedule('Hằng năm') }),
            task('3.1', 'Chuyển đổi số trong trung tâm học tập cộng đồng', [{ raw: 'Sở GDĐT', agencyId: soGddt, groupName: null }]),
          ],
          [target('Người lao động được trang bị năng lực số', 70), target('xã, phường có trung tâm học tập cộng đồng hoạt động hiệu quả', 90)],
        ),
      );
    });

    it('compares with the amended plan by default', async () => {
      const res = await get(`/api/plans/${v2.id}/diff`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d.from).toMatchObject({ id: v1.id, number: '84/KH-UBND' });
      expect(d.to).toMatchObject({ id: v2.id, number: '120/KH-UBND' });
      expect(d.header).toEqual([
        { field: 'number', before: '84/KH-UBND', after: '120/KH-UBND' },
        { field: 'issuedOn', before: '2022-03-15', after: '2025-08-01' },
      ]);
      expect(d.targets).toMatchObject({ added: [], removed: [], unchanged: 1, changed: [{ changes: [{ field: 'value', before: 50, after: 70 }] }] });
      expect(d.tasks.added.map((x: { code: string }) => x.code)).toEqual(['3.1']);
      expect(d.tasks.removed.map((x: { code: string }) => x.code)).toEqual(['2.1']);
      expect(d.tasks.unchanged).toBe(1);
      expect(d.tasks.changed[0].changes).toEqual([
        { field: 'leads', before: ['Sở Văn hóa, Thể thao và Du lịch'], after: ['Sở Giáo dục và Đào tạo'], added: ['Sở Giáo dục và Đào tạo'], removed: ['Sở Văn hóa, Thể thao và Du lịch'] },
        { field: 'schedule', before: 'Năm 2022', after: 'Hằng năm' },
      ]);
      // The other way round, named in the query.
      const back = (await get(`/api/plans/${v1.id}/diff?against=${v2.id}`)).json();
      expect(back.tasks.added.map((x: { code: string }) => x.code)).toEqual(['2.1']);
      // An agency officer of the province reads it too.
      expect((await get(`/api/plans/${v2.id}/diff`, await as('sovhttdl'))).statusCode).toBe(200);
    });

    it('refuses without a plan to compare with, with the plan itself or another province’s, and hides the plan from another province', async () => {
      const missing = await get(`/api/plans/${v1.id}/diff`);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details).toEqual([{ path: 'against', message: 'chọn kế hoạch để so sánh' }]);
      expect((await get(`/api/plans/${v1.id}/diff?against=${v1.id}`)).json().error.details[0].path).toBe('against');
      const ct = await t.services.plans.commit(systemActor('test'), PlanCommitInput.parse({ ...planBody({}), provinceId: await t.unitId('2025/92/') }));
      const other = await get(`/api/plans/${v1.id}/diff?against=${ct}`);
      expect(other.statusCode).toBe(400);
      expect(other.json().error.details).toEqual([{ path: 'against', message: 'không có kế hoạch này trong tỉnh' }]);
      expect((await get(`/api/plans/${v2.id}/diff`, await as('cantho'))).statusCode).toBe(404);
    });
  });

  it('tells the web who may import plans', async () => {
    const me = async (who: string) => (await get('/api/auth/me', await as(who))).json().abilities.importPlans;
    expect(await me('sogddt')).toBe(true);
    expect(await me('admin')).toBe(true);
    expect(await me('cantho')).toBe(true);
    expect(await me('sovhttdl')).toBe(false);
    expect(await me('longchau')).toBe(false);
    expect(await me('xem')).toBe(false);
  });
});
