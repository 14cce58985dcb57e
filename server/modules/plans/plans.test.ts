import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';

describe('committing a reviewed plan', () => {
  let t: TestApp;
  let coord: string;
  let vl: string;
  beforeAll(async () => {
    t = await buildTestApp();
    coord = await t.login('sogddt');
    vl = await t.unitId('2025/86/');
  });
  afterAll(() => t.close());

  const schedule = { raw: 'Hàng năm', kind: 'yearly', milestones: [{ label: 'Báo cáo năm 2026', due: '2026-12-14', recurrence: null }] };
  const input = async () => ({
    provinceId: vl,
    plan: { title: 'Thực hiện Đề án xây dựng xã hội học tập giai đoạn 2026-2030', number: '84/KH-UBND', issuer: 'UBND tỉnh Vĩnh Long', issuedOn: '2026-01-15', periodStart: 2026, periodEnd: 2030, status: 'inForce' },
    targets: [{ text: '70% người trong độ tuổi lao động được trang bị năng lực thông tin', indicator: 'người trong độ tuổi lao động được trang bị năng lực thông tin', comparator: 'atLeast', value: 70, unit: '%', year: 2030, group: 'competences', line: 12 }],
    tasks: [
      {
        code: '1.1',
        section: '1. Triển khai, tuyên truyền',
        title: 'Xây dựng và triển khai Kế hoạch',
        leads: [{ raw: 'Sở GDĐT', agencyId: await t.agencyId('86', 'so-gddt'), groupName: null }],
        coordinators: [
          { raw: 'UBND các xã/phường', agencyId: null, groupName: 'UBND các xã, phường' },
          { raw: 'Trường Cao đẳng Cộng đồng', agencyId: null, groupName: null },
        ],
        deliverables: ['Kế hoạch'],
        schedule,
        line: 8,
      },
    ],
  });
  const post = async (body: unknown) => t.app.inject({ method: 'POST', url: '/api/plans', headers: { cookie: coord }, payload: body as object });

  it('writes the plan, its targets and tasks, keeping a group as one assignment that counts every commune’s committee, and unresolved names', async () => {
    const res = await post(await input());
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ number: '84/KH-UBND', status: 'inForce', taskCount: 1, targetCount: 1, unresolvedAgencies: 1 });
    expect(plan.targets[0]).toMatchObject({ value: 70, unit: '%', year: 2030, group: 'competences', sourceLine: 12 });
    const task = plan.tasks[0];
    expect(task.assignments.filter((a: { role: string }) => a.role === 'lead').map((a: { agencyName: string }) => a.agencyName)).toEqual(['Sở Giáo dục và Đào tạo']);
    const coordinators = task.assignments.filter((a: { role: string }) => a.role === 'coordinator');
    expect(coordinators).toHaveLength(2);
    expect(coordinators.find((a: { groupId: string | null }) => a.groupId !== null)).toMatchObject({ groupName: 'UBND các xã, phường', memberCount: 124, agencyId: null });
    expect(coordinators.find((a: { agencyId: string | null; groupId: string | null }) => a.agencyId === null && a.groupId === null)).toMatchObject({ raw: 'Trường Cao đẳng Cộng đồng' });
    const audit = rowsOf<{ action: string }>(await t.database.db.execute(sql`SELECT action FROM audit_events WHERE entity_id = ${plan.id}`));
    expect(audit).toEqual([{ action: 'plan.create' }]);
  });

  it('refuses an agency of another province and writes nothing', async () => {
    const count = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM plans`))[0]!.n;
    const before = await count();
    const body = await input();
    body.tasks[0]!.leads[0]!.agencyId = await t.agencyId('92', 'so-gddt');
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'tasks.0.leads.0.agencyId', message: 'cơ quan không thuộc tỉnh này' }]);
    expect(await count()).toBe(before);
  });

  it('refuses an unknown group and a period that ends before it starts', async () => {
    const body = await input();
    body.tasks[0]!.coordinators[0]!.groupName = 'Các nhóm không có';
    body.plan.periodEnd = 2020;
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['tasks.0.coordinators.0.groupName', 'plan.periodEnd']);
  });

  it('shows the plan to an agency officer of the province but not to another province', async () => {
    const id = (await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie: coord } })).json().items[0].id;
    expect((await t.app.inject({ method: 'GET', url: `/api/plans/${id}`, headers: { cookie: await t.login('sovhttdl') } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/plans/${id}`, headers: { cookie: await t.login('cantho') } })).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie: await t.login('cantho') } })).json();
    expect(list.total).toBe(0);
  });
});
