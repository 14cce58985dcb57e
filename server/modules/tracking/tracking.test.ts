import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { systemActor } from '../../lib/actor.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { multipartFile } from '../../../test/support/multipart.ts';
import { PlanCommitInput } from '../../../shared/contracts/plans.ts';
import { parseSchedule } from '../../../shared/domain/schedule.ts';

// Issue 3, "Tracking": obligations from schedules, contributions with evidence, review by the lead, the
// consolidated status, "Việc của tôi", the board, and who may do what (refusals as much as successes).

const NOW = new Date('2026-11-24T03:00:00Z'); // 24/11/2026 in Vietnam
let t: TestApp;
let planId: string;
let taskYearly: string; // lead Sở VHTTDL, coordinators: every commune's committee (a group)
let taskQuarter: string; // lead Sở GDĐT, coordinator Sở VHTTDL, due 31/03/2026 (overdue now)
let taskOnEvent: string; // lead Sở Nội vụ, no fixed date
const cookies: Record<string, string> = {};
let ubndLongChau: string;
let ubndTraVinh: string;
let soVhttdl: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ctx = { periodStart: 2026, periodEnd: 2030 };

async function as(who: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
}
const count = async (table: string) => rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

beforeAll(async () => {
  t = await buildTestApp({ clock: { now: () => NOW } });
  const vinhLong = await t.unitId('2025/86/');
  const agency = (key: string) => t.agencyId('86', key);
  soVhttdl = await agency('so-vhttdl');
  ubndLongChau = await agency('ubnd-xa:29551');
  ubndTraVinh = await agency('ubnd-xa:29242');
  const ref = (raw: string, agencyId: string | null, groupName: string | null = null) => ({ raw, agencyId, groupName });
  const task = (code: string, title: string, leads: object[], coordinators: object[], schedule: string) => ({
    code,
    section: 'I. Nhiệm vụ',
    title,
    leads,
    coordinators,
    deliverables: ['Báo cáo'],
    schedule: parseSchedule(schedule, ctx),
    line: null,
  });
  planId = await t.services.plans.commit(
    systemActor('test'),
    PlanCommitInput.parse({
      provinceId: vinhLong,
      plan: { title: 'Kế hoạch thử theo dõi', number: '99/KH-UBND', issuer: 'UBND tỉnh Vĩnh Long', issuedOn: '2026-01-10', periodStart: 2026, periodEnd: 2030, status: 'inForce' },
      targets: [],
      tasks: [
        task('1', 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời', [ref('Sở VHTTDL', soVhttdl)], [ref('UBND các xã, phường', null, 'UBND các xã, phường')], 'Hàng năm'),
        task('2', 'Ban hành kế hoạch truyền thông', [ref('Sở GDĐT', await agency('so-gddt'))], [ref('Sở VHTTDL', soVhttdl)], 'Quý I/2026'),
        task('3', 'Cập nhật quy chế phối hợp', [ref('Sở Nội vụ', await agency('so-noi-vu'))], [], 'Khi có sự thay đổi'),
      ],
    }),
  );
  const ids = rowsOf<{ id: string; code: string }>(await t.database.db.execute(sql`SELECT id, code FROM plan_tasks WHERE plan_id = ${planId} ORDER BY position`));
  [taskYearly, taskQuarter, taskOnEvent] = ids.map((r) => r.id) as [string, string, string];
  for (const u of ['sogddt', 'sovhttdl', 'longchau', 'travinh', 'sotaichinh', 'xem', 'cantho']) cookies[u] = await t.login(u);
}, 120_000);
afterAll(() => t?.close());

describe('obligations of a task', () => {
  it('owes a yearly report every year of the plan from the lead and from every commune named through the group', async () => {
    const res = await as('sogddt', 'GET', `/api/tracking/tasks/${taskYearly}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.obligations.map((o: { due: string }) => o.due)).toEqual(['2026-12-14', '2027-12-14', '2028-12-14', '2029-12-14', '2030-12-14']);
    expect(body.obligations[0]).toMatchObject({ expected: 125, submitted: 0, overdue: 0 });
    expect(body.obligations[0].contributors).toHaveLength(125);
    expect(body.obligations[0].contributors[0]).toMatchObject({ agencyId: soVhttdl, role: 'lead', viaGroup: null, status: 'dueSoon' });
    expect(body.abilities).toMatchObject({ reportFor: [], review: true, consolidate: true });
  });

  it('marks a dated obligation overdue the day after, and gives a task with no fixed date one undated obligation', async () => {
    const quarter = (await as('sogddt', 'GET', `/api/tracking/tasks/${taskQuarter}`)).json();
    expect(quarter.obligations).toHaveLength(1);
    expect(quarter.obligations[0]).toMatchObject({ due: '2026-03-31', expected: 2, overdue: 2 });
    const onEvent = (await as('sogddt', 'GET', `/api/tracking/tasks/${taskOnEvent}`)).json();
    expect(onEvent.obligations).toEqual([expect.objectContaining({ due: 'open', dueDate: null, overdue: 0 })]);
  });
});

describe('Việc của tôi', () => {
  it('shows a commune officer the tasks their commune owes through "UBND các xã, phường", and nothing else', async () => {
    const res = await as('longchau', 'GET', `/api/tracking/my?planId=${planId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.today).toBe('2026-11-24');
    // Within the horizon: the 2026 report (due soon); 2027 onwards stays on the task page.
    expect(body.items.map((i: { taskId: string; due: string; status: string; viaGroup: string }) => [i.taskId, i.due, i.status, i.viaGroup])).toEqual([[taskYearly, '2026-12-14', 'dueSoon', 'UBND các xã, phường']]);
    expect(body.items[0].agencyId).toBe(ubndLongChau);
  });

  it('shows an agency officer what is late first', async () => {
    const body = (await as('sovhttdl', 'GET', `/api/tracking/my?planId=${planId}`)).json();
    expect(body.items.map((i: { taskId: string; status: string; role: string }) => [i.taskId, i.status, i.role])).toEqual([
      [taskQuarter, 'overdue', 'coordinator'],
      [taskYearly, 'dueSoon', 'lead'],
    ]);
    expect(body.counts).toMatchObject({ overdue: 1, dueSoon: 1 });
    const late = (await as('sovhttdl', 'GET', `/api/tracking/my?planId=${planId}&status=overdue`)).json();
    expect(late.items).toHaveLength(1);
  });

  it('finds a task by words typed without diacritics', async () => {
    const body = (await as('sovhttdl', 'GET', `/api/tracking/my?planId=${planId}&q=${encodeURIComponent('tuan le huong ung')}`)).json();
    expect(body.items.map((i: { taskId: string }) => i.taskId)).toEqual([taskYearly]);
  });

  it('shows the coordinator what Sở GDĐT, the standing agency they work in, owes', async () => {
    const body = (await as('sogddt', 'GET', `/api/tracking/my?planId=${planId}`)).json();
    expect(body.items.map((i: { taskId: string; agencyName: string; role: string }) => [i.taskId, i.agencyName, i.role])).toEqual([[taskQuarter, 'Sở Giáo dục và Đào tạo', 'lead']]);
  });

  it('is empty for a role that reports for no agency', async () => {
    const body = (await as('xem', 'GET', '/api/tracking/my')).json();
    expect(body).toMatchObject({ items: [], total: 0 });
  });
});

describe('reporting, review and the consolidated status', () => {
  let contributionId: string;
  let version: number;

  it('lets a commune officer save a draft for their commune, attach evidence and submit', async () => {
    const save = await as('longchau', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: ubndLongChau, due: '2026-12-14', progress: 'inProgress', narrative: 'Đã tổ chức 3 buổi tại khóm 1, 2, 3.', version: null });
    expect(save.statusCode).toBe(200);
    contributionId = save.json().id;
    expect(save.json()).toMatchObject({ state: 'draft', version: 1, actions: ['save', 'submit'], abilities: { edit: true, attach: true } });
    const up = multipartFile('Biên bản tuần lễ.pdf', PDF);
    const att = await t.app.inject({ method: 'POST', url: `/api/tracking/contributions/${contributionId}/evidence`, headers: { cookie: cookies.longchau!, ...up.headers }, payload: up.payload });
    expect(att.statusCode).toBe(200);
    expect(att.json().evidence).toEqual([expect.objectContaining({ filename: 'Biên bản tuần lễ.pdf', mediaType: 'application/pdf', size: PDF.length })]);
    version = att.json().version;
    const submit = await as('longchau', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'submit', version });
    expect(submit.statusCode).toBe(200);
    expect(submit.json()).toMatchObject({ state: 'submitted', actions: [], abilities: { edit: false } });
    version = submit.json().version;
    const audit = rowsOf<{ action: string }>(await t.database.db.execute(sql`SELECT action FROM audit_events WHERE entity_id = ${contributionId} ORDER BY id`));
    expect(audit.map((a) => a.action)).toEqual(['contribution.save', 'evidence.add', 'contribution.submit']);
  });

  it('does not show one commune’s report or evidence to another commune', async () => {
    const task = (await as('travinh', 'GET', `/api/tracking/tasks/${taskYearly}`)).json();
    expect(task.obligations[0].submitted).toBe(1);
    expect(task.obligations[0].contributors.map((c: { agencyId: string }) => c.agencyId)).toEqual([ubndTraVinh]);
    const evidenceId = (await as('longchau', 'GET', `/api/tracking/tasks/${taskYearly}`)).json().obligations[0].contributors[0].contribution.evidence[0].id;
    expect((await as('travinh', 'GET', `/api/tracking/evidence/${evidenceId}`)).statusCode).toBe(404);
    const own = await as('longchau', 'GET', `/api/tracking/evidence/${evidenceId}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toContain("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n");
    expect(own.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a report for another commune’s committee and a task the agency is not assigned to', async () => {
    const other = await as('travinh', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: ubndLongChau, due: '2026-12-14', progress: 'done', narrative: 'x', version: 1 });
    expect(other.statusCode).toBe(403);
    const notAssigned = await as('sotaichinh', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: await t.agencyId('86', 'so-tai-chinh'), due: '2026-12-14', progress: 'done', narrative: 'x', version: null });
    expect(notAssigned.statusCode).toBe(400);
    expect(notAssigned.json().error.details).toEqual([{ path: 'agencyId', message: 'không được giao nhiệm vụ này' }]);
    const badDue = await as('longchau', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: ubndLongChau, due: '2026-06-30', progress: 'done', narrative: 'x', version: null });
    expect(badDue.statusCode).toBe(400);
    const otherProvince = await as('cantho', 'GET', `/api/tracking/tasks/${taskYearly}`);
    expect(otherProvince.statusCode).toBe(404);
  });

  it('refuses a submitted report’s edit, and a review by someone who is not the lead or the coordinator', async () => {
    const edit = await as('longchau', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: ubndLongChau, due: '2026-12-14', progress: 'done', narrative: 'sửa', version });
    expect(edit.statusCode).toBe(409);
    expect((await as('longchau', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'accept', version })).statusCode).toBe(403);
    expect((await as('travinh', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'accept', version })).statusCode).toBe(404);
    expect((await as('sotaichinh', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'return', reason: 'x', version })).statusCode).toBe(404);
    expect((await as('xem', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'accept', version })).statusCode).toBe(403);
  });

  it('lets the lead agency return it with a reason, shown to the commune in "Việc của tôi"; the commune corrects and resubmits', async () => {
    const noReason = await as('sovhttdl', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'return', version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([{ path: 'reason', message: 'không được để trống' }]);
    const back = await as('sovhttdl', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'return', reason: 'Thiếu số người tham gia.', version });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ state: 'returned', returnReason: 'Thiếu số người tham gia.', reviewedByName: 'Trần Văn Minh (Sở VHTTDL)' });
    const mine = (await as('longchau', 'GET', `/api/tracking/my?planId=${planId}&status=returned`)).json();
    expect(mine.items).toEqual([expect.objectContaining({ status: 'returned', contribution: expect.objectContaining({ returnReason: 'Thiếu số người tham gia.' }) })]);
    version = back.json().version;
    const fixed = await as('longchau', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: ubndLongChau, due: '2026-12-14', progress: 'done', narrative: 'Đã tổ chức 3 buổi, 420 người tham gia.', version });
    expect(fixed.json()).toMatchObject({ state: 'returned', progress: 'done' });
    const again = await as('longchau', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'submit', version: fixed.json().version });
    expect(again.json()).toMatchObject({ state: 'submitted', returnReason: null });
    version = again.json().version;
  });

  it('refuses a save from a stale form and keeps the newer text', async () => {
    const draft = await as('sovhttdl', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: soVhttdl, due: '2026-12-14', progress: 'inProgress', narrative: 'Bản của người thứ nhất', version: null });
    const first = draft.json();
    await as('sovhttdl', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: soVhttdl, due: '2026-12-14', progress: 'inProgress', narrative: 'Bản sửa của người thứ nhất', version: first.version });
    const stale = await as('sovhttdl', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: soVhttdl, due: '2026-12-14', progress: 'done', narrative: 'Bản của người thứ hai', version: first.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('vừa được cập nhật bởi Trần Văn Minh (Sở VHTTDL)');
    const secondCreate = await as('sovhttdl', 'PUT', '/api/tracking/contributions', { taskId: taskYearly, agencyId: soVhttdl, due: '2026-12-14', progress: 'done', narrative: 'Cũng tạo mới', version: null });
    expect(secondCreate.statusCode).toBe(409);
    const task = (await as('sovhttdl', 'GET', `/api/tracking/tasks/${taskYearly}`)).json();
    expect(task.obligations[0].contributors.find((c: { agencyId: string }) => c.agencyId === soVhttdl).contribution.narrative).toBe('Bản sửa của người thứ nhất');
  });

  it('lets the lead accept and set the consolidated status; only the coordinator reopens', async () => {
    const ok = await as('sovhttdl', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'accept', version });
    expect(ok.json()).toMatchObject({ state: 'accepted', actions: [] });
    expect((await as('sovhttdl', 'POST', `/api/tracking/contributions/${contributionId}/actions`, { action: 'reopen', reason: 'x', version: ok.json().version })).statusCode).toBe(403);
    const coordinatorView = (await as('sogddt', 'GET', `/api/tracking/tasks/${taskYearly}`)).json();
    const row = coordinatorView.obligations[0].contributors.find((c: { agencyId: string }) => c.agencyId === ubndLongChau);
    expect(row).toMatchObject({ status: 'accepted', contribution: { actions: ['reopen'] } });

    const set = await as('sovhttdl', 'PUT', `/api/tracking/tasks/${taskYearly}/status`, { due: '2026-12-14', progress: 'inProgress', note: '1/124 xã đã báo cáo.', version: null });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ progress: 'inProgress', version: 1, updatedByName: 'Trần Văn Minh (Sở VHTTDL)' });
    const stale = await as('sogddt', 'PUT', `/api/tracking/tasks/${taskYearly}/status`, { due: '2026-12-14', progress: 'done', note: '', version: null });
    expect(stale.statusCode).toBe(409);
    expect((await as('longchau', 'PUT', `/api/tracking/tasks/${taskYearly}/status`, { due: '2026-12-14', progress: 'done', note: '', version: 1 })).statusCode).toBe(403);
    expect((await as('sotaichinh', 'PUT', `/api/tracking/tasks/${taskYearly}/status`, { due: '2026-12-14', progress: 'done', note: '', version: 1 })).statusCode).toBe(403);
  });
});

describe('evidence files', () => {
  let id: string;
  beforeAll(async () => {
    const res = await as('sovhttdl', 'PUT', '/api/tracking/contributions', { taskId: taskQuarter, agencyId: soVhttdl, due: '2026-03-31', progress: 'done', narrative: 'Đã phối hợp', version: null });
    id = res.json().id;
  });
  const upload = (name: string, bytes: Uint8Array | string) => {
    const up = multipartFile(name, bytes);
    return t.app.inject({ method: 'POST', url: `/api/tracking/contributions/${id}/evidence`, headers: { cookie: cookies.sovhttdl!, ...up.headers }, payload: up.payload });
  };

  it('refuses a file that is not what its name says, an empty file and one over 10 MB, writing nothing', async () => {
    const before = [await count('evidence_files'), await count('audit_events')];
    const exe = await upload('bao-cao.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toContain('"bao-cao.pdf" không phải PDF, DOCX, XLSX hay ảnh');
    expect((await upload('rong.pdf', '')).statusCode).toBe(400);
    const huge = await upload('lon.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    const zipNotOffice = await upload('x.docx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(zipNotOffice.statusCode).toBe(400);
    expect([await count('evidence_files'), await count('audit_events')]).toEqual(before);
  });

  it('takes a real XLSX and a PNG, and removes one again while the report is a draft', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Số liệu').addRow(['Số người', 420]);
    const xlsx = await upload('so-lieu.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(xlsx.json().evidence[0].mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const png = await upload('anh.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect(png.json().evidence).toHaveLength(2);
    const del = await as('sovhttdl', 'DELETE', `/api/tracking/evidence/${png.json().evidence[1].id}`);
    expect(del.json().evidence).toHaveLength(1);
    expect((await as('longchau', 'DELETE', `/api/tracking/evidence/${png.json().evidence[0].id}`)).statusCode).toBe(404);
  });
});

describe('the coordinator’s board', () => {
  it('lists every task of the plan with its obligations of the year and where they stand', async () => {
    const res = await as('sogddt', 'GET', `/api/tracking/board?planId=${planId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, total: 3, sections: ['I. Nhiệm vụ'] });
    const [yearly, quarter, onEvent] = body.items;
    expect(yearly).toMatchObject({ code: '1', progress: 'inProgress', expected: 125, submitted: 1, accepted: 1, overdue: 0, leads: ['Sở Văn hóa, Thể thao và Du lịch'] });
    // Sở VHTTDL's report on it is still a draft (evidence tests): a draft does not count as submitted.
    expect(quarter).toMatchObject({ code: '2', progress: null, expected: 2, submitted: 0, overdue: 2 });
    expect(onEvent.dues).toEqual([{ due: 'open', dueDate: null, labels: ['Khi có sự thay đổi'] }]);
    expect(body.counts).toMatchObject({ inProgress: 1, noReport: 2, overdue: 1 });
  });

  it('filters by status, agency (through groups) and year', async () => {
    const overdue = (await as('sogddt', 'GET', `/api/tracking/board?planId=${planId}&status=overdue`)).json();
    expect(overdue.items.map((r: { code: string }) => r.code)).toEqual(['2']);
    const commune = (await as('sogddt', 'GET', `/api/tracking/board?planId=${planId}&agencyId=${ubndTraVinh}`)).json();
    expect(commune.items.map((r: { code: string }) => r.code)).toEqual(['1']);
    const y2027 = (await as('sogddt', 'GET', `/api/tracking/board?planId=${planId}&year=2027`)).json();
    expect(y2027.items.find((r: { code: string }) => r.code === '2').dues).toEqual([]);
  });

  it('exports the same rows to XLSX', async () => {
    const res = await as('sogddt', 'GET', `/api/tracking/board.xlsx?planId=${planId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('theo-doi-99-KH-UBND-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Năm 2026')!;
    expect(ws.getRow(4).getCell(2).value).toBe('Nhiệm vụ');
    expect(ws.getRow(5).getCell(2).value).toBe('Tổ chức Tuần lễ hưởng ứng học tập suốt đời');
    expect(ws.getRow(6).getCell(9).value).toBe(2);
    expect(ws.rowCount).toBe(7);
  });

  it('is for the coordinator and province readers: an agency officer is refused, another province does not see the plan', async () => {
    expect((await as('xem', 'GET', `/api/tracking/board?planId=${planId}`)).statusCode).toBe(200);
    expect((await as('sovhttdl', 'GET', `/api/tracking/board?planId=${planId}`)).statusCode).toBe(403);
    expect((await as('longchau', 'GET', `/api/tracking/board.xlsx?planId=${planId}`)).statusCode).toBe(403);
    expect((await as('cantho', 'GET', `/api/tracking/board?planId=${planId}`)).statusCode).toBe(404);
  });
});
