import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { systemActor } from '../../lib/actor.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { PlanCommitInput } from '../../../shared/contracts/plans.ts';
import type { CatalogueView, DataElementView, IndicatorView, TargetLinksView } from '../../../shared/contracts/catalogue.ts';
import { CATALOGUE_ELEMENTS, CATALOGUE_INDICATORS } from '../../../shared/domain/indicator-catalogue.ts';
import { codeFromName } from './reporting.catalogue.service.ts';

// Issue 4, "Definitions": a province's catalogue of data elements and indicators, seeded from the starter and
// extended by its coordinator; a figure the province adds is reported by its communes and computed into its own
// indicator; a plan target the words cannot link is linked by hand. Refusals per role, with nothing written.

let t: TestApp;
const cookies: Record<string, string> = {};
let vinhLong: string;
let canTho: string;
let longChau: string;
let plan: string;
const PERIOD = '2027';
const NOW = new Date('2027-11-20T03:00:00Z');

async function as(who: string | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload ? { payload } : {}) });
}
const catalogue = async (who = 'sogddt', provinceId = vinhLong) => (await as(who, 'GET', `/api/reporting/catalogue?provinceId=${provinceId}`)).json() as CatalogueView;
const element = async (code: string) => (await catalogue()).elements.find((e) => e.code === code)!;
const auditCount = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events`))[0]!.n;
const lastAudit = async (action: string) =>
  rowsOf<{ before: Record<string, unknown> | null; after: Record<string, unknown> }>(await t.database.db.execute(sql`SELECT before, after FROM audit_events WHERE action = ${action} ORDER BY at DESC, id DESC LIMIT 1`))[0]!;
const indicatorTable = async (unitId = vinhLong) => (await as('sogddt', 'GET', `/api/reporting/indicators?unitId=${unitId}&periodKey=${PERIOD}`)).json() as { indicators: { code: string; value: number | null; level: string; unitsReporting: number; targets: { text: string }[] }[] };

beforeAll(async () => {
  t = await buildTestApp({ clock: { now: () => NOW } });
  vinhLong = await t.unitId('2025/86/');
  canTho = await t.unitId('2025/92/');
  longChau = await t.unitId('2025/86/29551/');
  for (const u of ['sogddt', 'longchau', 'sovhttdl', 'xem', 'cantho', 'admin']) cookies[u] = await t.login(u);
  plan = await t.services.plans.commit(
    systemActor('test'),
    PlanCommitInput.parse({
      provinceId: vinhLong,
      plan: { title: 'Kế hoạch phát triển văn hóa đọc năm 2027', number: '31/KH-UBND', issuer: null, issuedOn: null, periodStart: 2027, periodEnd: 2027, status: 'inForce' },
      targets: [
        { text: 'Mỗi xã, phường có ít nhất 01 câu lạc bộ đọc sách', indicator: 'câu lạc bộ đọc sách', comparator: 'atLeast', value: 1, unit: 'câu lạc bộ', year: 2027, group: 'other', scope: 'eachCommune', line: null },
        { text: 'Phấn đấu 60% người trong độ tuổi lao động được trang bị năng lực thông tin', indicator: 'người trong độ tuổi lao động được trang bị năng lực thông tin', comparator: 'aimFor', value: 60, unit: '%', year: 2027, group: 'competences', line: null },
      ],
      tasks: [],
    }),
  );
}, 120_000);
afterAll(() => t?.close());

describe('the starter catalogue, seeded per province', () => {
  it('gives each province a copy of the starter, which its coordinator manages and its viewer reads', async () => {
    const c = await catalogue();
    expect(c.elements.map((e) => e.code)).toEqual(CATALOGUE_ELEMENTS.map((e) => e.code));
    expect(c.indicators.map((i) => i.code)).toEqual(CATALOGUE_INDICATORS.map((i) => i.code));
    expect(c.abilities).toEqual({ manage: true });
    const info = c.indicators.find((i) => i.code === 'informationCompetenceRate')!;
    expect(info).toMatchObject({ formula: { kind: 'ratio', numerator: 'workingAgeInformationCompetence', denominator: 'workingAgePeople' }, unit: '%', autoMatch: true, source: 'starter', active: true, version: 1 });
    const working = c.elements.find((e) => e.code === 'workingAgePeople')!;
    expect(working.usedBy.templates.map((x) => x.name)).toHaveLength(1);
    expect(working.usedBy.indicators.map((i) => i.code)).toEqual(['informationCompetenceRate', 'lifeSkillsRate']);
    expect((await catalogue('xem')).abilities).toEqual({ manage: false });
    expect((await catalogue('cantho', canTho)).elements).toHaveLength(CATALOGUE_ELEMENTS.length);
  });

  it('refuses the catalogue to an officer (403), to another province (404) and to no one signed in (401)', async () => {
    expect((await as('longchau', 'GET', `/api/reporting/catalogue?provinceId=${vinhLong}`)).statusCode).toBe(403);
    expect((await as('sovhttdl', 'GET', `/api/reporting/catalogue?provinceId=${vinhLong}`)).statusCode).toBe(403);
    expect((await as('cantho', 'GET', `/api/reporting/catalogue?provinceId=${vinhLong}`)).statusCode).toBe(404);
    expect((await as(null, 'GET', `/api/reporting/catalogue?provinceId=${vinhLong}`)).statusCode).toBe(401);
    expect((await as('sogddt', 'GET', `/api/reporting/catalogue?provinceId=${longChau}`)).statusCode).toBe(404);
  });
});

describe('a figure and an indicator the province adds', () => {
  let clubs: DataElementView;
  let clubsCount: IndicatorView;

  it('makes a code from the name, the way DHIS2 and the XLSX form carry it', () => {
    expect(codeFromName('Số câu lạc bộ đọc sách')).toBe('soCauLacBoDocSach');
    expect(codeFromName('2 loại hình')).toBe('x2LoaiHinh');
  });

  it('adds an element for the communes to report, with an audit record', async () => {
    const before = await auditCount();
    const res = await as('sogddt', 'POST', '/api/reporting/catalogue/elements', { provinceId: vinhLong, name: 'Số câu lạc bộ đọc sách', level: 'commune', valueType: 'count' });
    expect(res.statusCode).toBe(201);
    clubs = res.json();
    expect(clubs).toMatchObject({ code: 'soCauLacBoDocSach', level: 'commune', breakdowns: [], source: 'province', active: true, version: 1, valueCount: 0, updatedByName: 'Nguyễn Thị Thu (Sở GDĐT)' });
    expect(await auditCount()).toBe(before + 1);
    expect((await lastAudit('dataElement.create')).after).toMatchObject({ code: 'soCauLacBoDocSach', name: 'Số câu lạc bộ đọc sách' });
  });

  it('refuses a duplicate name or code, age groups without their breakdown, and a bad code, naming the field; writes nothing', async () => {
    const before = await auditCount();
    const dup = await as('sogddt', 'POST', '/api/reporting/catalogue/elements', { provinceId: vinhLong, name: 'số câu lạc bộ ĐỌC SÁCH', level: 'commune', valueType: 'count' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details).toEqual([{ path: 'name', message: 'trùng tên với một số liệu đã có' }]);
    const code = await as('sogddt', 'POST', '/api/reporting/catalogue/elements', { provinceId: vinhLong, code: 'communes', name: 'Số xã khác', level: 'province', valueType: 'count' });
    expect(code.json().error.details).toEqual([{ path: 'code', message: 'mã đã được dùng' }]);
    const ages = await as('sogddt', 'POST', '/api/reporting/catalogue/elements', { provinceId: vinhLong, name: 'Số người đọc sách', level: 'commune', valueType: 'count', breakdowns: ['ageGroup'] });
    expect(ages.json().error.details).toEqual([{ path: 'ageGroups', message: 'phân tổ theo nhóm tuổi cần ít nhất một nhóm tuổi (ví dụ 15-35)' }]);
    const badCode = await as('sogddt', 'POST', '/api/reporting/catalogue/elements', { provinceId: vinhLong, code: 'số liệu', name: 'Số người đọc sách', level: 'commune', valueType: 'count' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details[0].path).toBe('code');
    expect(await auditCount()).toBe(before);
  });

  it('refuses additions to everyone but the coordinator: viewer and officers 403, another province 404', async () => {
    const body = { provinceId: vinhLong, name: 'Số thư viện cộng đồng', level: 'commune', valueType: 'count' };
    for (const who of ['xem', 'longchau', 'sovhttdl']) expect((await as(who, 'POST', '/api/reporting/catalogue/elements', body)).statusCode, who).toBe(403);
    expect((await as('cantho', 'POST', '/api/reporting/catalogue/elements', body)).statusCode).toBe(404);
    expect((await as(null, 'POST', '/api/reporting/catalogue/elements', body)).statusCode).toBe(401);
    expect((await catalogue()).elements.some((e) => e.name === body.name)).toBe(false);
  });

  it('adds a count indicator over it, and refuses formulas that would not sum over the same units', async () => {
    const mixed = await as('sogddt', 'POST', '/api/reporting/catalogue/indicators', { provinceId: vinhLong, name: 'Tỷ lệ lạ', group: 'other', formula: { kind: 'ratio', numerator: 'soCauLacBoDocSach', denominator: 'universities' } });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details).toEqual([{ path: 'formula.denominator', message: 'tử số do xã báo cáo, mẫu số do cơ quan: tỷ lệ phải tính trên cùng các đơn vị' }]);
    const unknown = await as('sogddt', 'POST', '/api/reporting/catalogue/indicators', { provinceId: vinhLong, name: 'Tổng lạ', group: 'other', formula: { kind: 'count', element: 'khongCo', unit: 'cái' } });
    expect(unknown.json().error.details).toEqual([{ path: 'formula.element', message: 'không có số liệu mã “khongCo” trong danh mục của tỉnh' }]);
    const itself = await as('sogddt', 'POST', '/api/reporting/catalogue/indicators', { provinceId: vinhLong, name: 'Tỷ lệ chính nó', group: 'other', formula: { kind: 'ratio', numerator: 'families', denominator: 'families' } });
    expect(itself.json().error.details).toEqual([{ path: 'formula.denominator', message: 'tử số và mẫu số phải là hai số liệu khác nhau' }]);
    const female = await as('sogddt', 'POST', '/api/reporting/catalogue/indicators', { provinceId: vinhLong, name: 'Tỷ lệ gia đình học tập là nữ', group: 'learningModels', formula: { kind: 'ratio', numerator: 'learningFamilies', denominator: 'families' }, breakdown: { sex: 'female' } });
    expect(female.json().error.details).toEqual([{ path: 'breakdown', message: '“Số gia đình được công nhận “Gia đình học tập”” không có phân tổ theo giới tính' }]);
    const res = await as('sogddt', 'POST', '/api/reporting/catalogue/indicators', { provinceId: vinhLong, name: 'Số câu lạc bộ đọc sách', group: 'other', formula: { kind: 'count', element: 'soCauLacBoDocSach', unit: 'câu lạc bộ' } });
    expect(res.statusCode).toBe(201);
    clubsCount = res.json();
    expect(clubsCount).toMatchObject({ code: 'soCauLacBoDocSach', unit: 'câu lạc bộ', autoMatch: false, source: 'province' });
    expect((await as('xem', 'POST', '/api/reporting/catalogue/indicators', { provinceId: vinhLong, name: 'X', group: 'other', formula: { kind: 'count', element: 'families', unit: 'gia đình' } })).statusCode).toBe(403);
  });

  it('goes on the commune form; the commune reports it; once approved it is counted in the province’s indicator', async () => {
    const templates = (await as('sogddt', 'GET', `/api/reporting/template-details?provinceId=${vinhLong}`)).json().templates as { id: string; code: string; version: number; elements: { code: string }[] }[];
    const xa = templates.find((x) => x.code === 'xhht-xa')!;
    const patched = await as('sogddt', 'PATCH', `/api/reporting/templates/${xa.id}`, { version: xa.version, elements: [...xa.elements.map((e) => e.code), 'soCauLacBoDocSach'] });
    expect(patched.statusCode).toBe(200);
    const key = `templateId=${xa.id}&periodKey=${PERIOD}&unitId=${longChau}`;
    const form = (await as('longchau', 'GET', `/api/reporting/report?${key}`)).json();
    expect(form.template.elements.at(-1)).toEqual({ code: 'soCauLacBoDocSach', name: 'Số câu lạc bộ đọc sách', level: 'commune', valueType: 'count', breakdowns: [], ageGroups: [] });
    expect(form.template.ratioChecks.map((r: { code: string }) => r.code)).toContain('informationCompetenceRate');
    const values = [
      { element: 'soCauLacBoDocSach', breakdown: '', value: 3 },
      { element: 'workingAgePeople', breakdown: '', value: 1000 },
      { element: 'workingAgeInformationCompetence', breakdown: '', value: 640 },
    ];
    const saved = await as('longchau', 'PUT', '/api/reporting/report', { templateId: xa.id, periodKey: PERIOD, unitId: longChau, agencyId: null, values, sections: {}, version: null });
    expect(saved.statusCode).toBe(200);
    const submitted = (await as('longchau', 'POST', `/api/reporting/reports/${saved.json().id}/actions`, { action: 'submit', version: saved.json().version })).json();
    expect((await as('sogddt', 'POST', `/api/reporting/reports/${submitted.id}/actions`, { action: 'approve', version: submitted.version })).statusCode).toBe(200);
    const table = await indicatorTable();
    expect(table.indicators.find((i) => i.code === 'soCauLacBoDocSach')).toMatchObject({ value: 3, level: 'commune', unitsReporting: 1 });
    // Unlinked so far: the words of "câu lạc bộ đọc sách" match no indicator of the starter's rules.
    expect(table.indicators.find((i) => i.code === 'soCauLacBoDocSach')!.targets).toEqual([]);
    expect((await element('soCauLacBoDocSach')).valueCount).toBe(1);
  });

  it('keeps the shape of an element that has figures, refuses to retire one in use, and renames with an audit record', async () => {
    const e = await element('soCauLacBoDocSach');
    const before = await auditCount();
    const shape = await as('sogddt', 'PATCH', `/api/reporting/catalogue/elements/${e.id}`, { version: e.version, breakdowns: ['sex'] });
    expect(shape.statusCode).toBe(409);
    expect(shape.json().error.message).toContain('đã có 1 số liệu được báo cáo');
    const retire = await as('sogddt', 'PATCH', `/api/reporting/catalogue/elements/${e.id}`, { version: e.version, active: false });
    expect(retire.statusCode).toBe(409);
    expect(retire.json().error.message).toContain('chỉ số “Số câu lạc bộ đọc sách”');
    expect(await auditCount()).toBe(before);
    const renamed = await as('sogddt', 'PATCH', `/api/reporting/catalogue/elements/${e.id}`, { version: e.version, name: 'Số câu lạc bộ đọc sách đang hoạt động' });
    expect(renamed.json()).toMatchObject({ name: 'Số câu lạc bộ đọc sách đang hoạt động', version: 2 });
    expect(await lastAudit('dataElement.update')).toMatchObject({ before: { name: 'Số câu lạc bộ đọc sách', version: 1 }, after: { name: 'Số câu lạc bộ đọc sách đang hoạt động', version: 2 } });
    const stale = await as('sogddt', 'PATCH', `/api/reporting/catalogue/elements/${e.id}`, { version: 1, name: 'Tên cũ' });
    expect(stale.statusCode).toBe(409);
    expect((await as('xem', 'PATCH', `/api/reporting/catalogue/elements/${e.id}`, { version: 2, name: 'X' })).statusCode).toBe(403);
    expect((await as('cantho', 'PATCH', `/api/reporting/catalogue/elements/${e.id}`, { version: 2, name: 'X' })).statusCode).toBe(404);
    // The form the commune opens carries the new name at once (the catalogue kept in the process is dropped).
    expect((await element('soCauLacBoDocSach')).name).toBe('Số câu lạc bộ đọc sách đang hoạt động');
  });

  it('changes the shape of an element with no figures yet', async () => {
    const created = (await as('sogddt', 'POST', '/api/reporting/catalogue/elements', { provinceId: vinhLong, name: 'Số người tham gia câu lạc bộ đọc sách', level: 'commune', valueType: 'count' })).json() as DataElementView;
    const res = await as('sogddt', 'PATCH', `/api/reporting/catalogue/elements/${created.id}`, { version: 1, breakdowns: ['sex', 'ageGroup'], ageGroups: ['15-35', '36-60'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ breakdowns: ['sex', 'ageGroup'], ageGroups: ['15-35', '36-60'], version: 2 });
    const retired = await as('sogddt', 'PATCH', `/api/reporting/catalogue/elements/${created.id}`, { version: 2, active: false });
    expect(retired.json()).toMatchObject({ active: false, version: 3 });
    // A retired element cannot be put on a form, nor in a formula.
    const formula = await as('sogddt', 'POST', '/api/reporting/catalogue/indicators', { provinceId: vinhLong, name: 'Tổng người tham gia', group: 'other', formula: { kind: 'count', element: created.code, unit: 'người' } });
    expect(formula.json().error.details).toEqual([{ path: 'formula.element', message: '“Số người tham gia câu lạc bộ đọc sách” đã ngừng sử dụng' }]);
  });
});

describe('which indicator measures each plan target', () => {
  const links = async (who = 'sogddt') => (await as(who, 'GET', `/api/reporting/target-links?planId=${plan}`)).json() as TargetLinksView;

  it('lists the targets with the link their words give', async () => {
    const l = await links();
    expect(l.targets.map((x) => [x.text, x.mode, x.code])).toEqual([
      ['Mỗi xã, phường có ít nhất 01 câu lạc bộ đọc sách', 'auto', null],
      ['Phấn đấu 60% người trong độ tuổi lao động được trang bị năng lực thông tin', 'auto', 'informationCompetenceRate'],
    ]);
    expect(l.abilities).toEqual({ manage: true });
    expect((await links('xem')).abilities).toEqual({ manage: false });
    expect((await as('longchau', 'GET', `/api/reporting/target-links?planId=${plan}`)).statusCode).toBe(403);
    expect((await as('cantho', 'GET', `/api/reporting/target-links?planId=${plan}`)).statusCode).toBe(404);
  });

  it('links a target by hand; the indicator table shows it against that target, for the province and the commune', async () => {
    const target = (await links()).targets[0]!;
    for (const who of ['xem', 'longchau']) expect((await as(who, 'PUT', `/api/reporting/target-links/${target.targetId}`, { mode: 'manual', code: 'soCauLacBoDocSach' })).statusCode, who).toBe(403);
    expect((await as('cantho', 'PUT', `/api/reporting/target-links/${target.targetId}`, { mode: 'manual', code: 'soCauLacBoDocSach' })).statusCode).toBe(404);
    const unknown = await as('sogddt', 'PUT', `/api/reporting/target-links/${target.targetId}`, { mode: 'manual', code: 'khongCo' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'code', message: 'không có chỉ số này' }]);
    const res = await as('sogddt', 'PUT', `/api/reporting/target-links/${target.targetId}`, { mode: 'manual', code: 'soCauLacBoDocSach' });
    expect(res.json()).toMatchObject({ mode: 'manual', code: 'soCauLacBoDocSach', note: null });
    expect(await lastAudit('targetLink.set')).toMatchObject({ before: { mode: 'auto' }, after: { mode: 'manual', code: 'soCauLacBoDocSach' } });
    const forProvince = (await indicatorTable()).indicators.find((i) => i.code === 'soCauLacBoDocSach')!;
    expect(forProvince.targets.map((x) => x.text)).toEqual([target.text]);
    // Set "for each commune": a commune's table shows it too.
    const forCommune = (await indicatorTable(longChau)).indicators.find((i) => i.code === 'soCauLacBoDocSach')!;
    expect(forCommune).toMatchObject({ value: 3 });
    expect(forCommune.targets.map((x) => x.text)).toEqual([target.text]);
  });

  it('says a target is measured by no indicator, and goes back to its words', async () => {
    const target = (await links()).targets[1]!;
    const none = await as('sogddt', 'PUT', `/api/reporting/target-links/${target.targetId}`, { mode: 'none' });
    expect(none.json()).toMatchObject({ mode: 'none', code: null, candidates: ['informationCompetenceRate'] });
    expect((await indicatorTable()).indicators.find((i) => i.code === 'informationCompetenceRate')!.targets).toEqual([]);
    const auto = await as('sogddt', 'PUT', `/api/reporting/target-links/${target.targetId}`, { mode: 'auto' });
    expect(auto.json()).toMatchObject({ mode: 'auto', code: 'informationCompetenceRate' });
    expect((await indicatorTable()).indicators.find((i) => i.code === 'informationCompetenceRate')!.targets.map((x) => x.text)).toEqual([target.text]);
  });

  it('drops a retired indicator from the table and from the links chosen by hand', async () => {
    const ind = (await catalogue()).indicators.find((i) => i.code === 'soCauLacBoDocSach')!;
    const res = await as('sogddt', 'PATCH', `/api/reporting/catalogue/indicators/${ind.id}`, { version: ind.version, active: false });
    expect(res.json()).toMatchObject({ active: false, version: 2 });
    expect((await indicatorTable()).indicators.some((i) => i.code === 'soCauLacBoDocSach')).toBe(false);
    const l = await links();
    expect(l.targets[0]).toMatchObject({ mode: 'manual', code: null, note: 'Chỉ số đã chọn (soCauLacBoDocSach) không còn được sử dụng; cần chọn lại.' });
  });
});
