import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { reportTemplates } from '../../db/schema/reporting.ts';
import { systemActor } from '../../lib/actor.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { PlanCommitInput } from '../../../shared/contracts/plans.ts';
import type { ProposalsView, TemplateDetails } from '../../../shared/contracts/report-templates.ts';

// Issue 4: "From a plan, the platform proposes the templates each commune and agency owes, from the targets
// and tasks assigned to it", and the coordinator edits the templates' NĐ 09/2019 parts. The demo plan
// (Vĩnh Long's task appendix, data/demo/) gives the reporters; a plan committed here gives the targets.

let t: TestApp;
const cookies: Record<string, string> = {};
let vinhLong: string;
let canTho: string;
let demoPlan: string;
let targetsPlan: string;
const ids: Record<string, string> = {};

async function as(who: string | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload ? { payload } : {}) });
}
const details = async (who = 'sogddt', provinceId = vinhLong) => (await as(who, 'GET', `/api/reporting/template-details?provinceId=${provinceId}`)).json() as TemplateDetails;
const tpl = async (code: string) => (await details()).templates.find((x) => x.code === code)!;
const stored = async (code: string) => (await t.database.db.select().from(reportTemplates).where(and(eq(reportTemplates.provinceId, vinhLong), eq(reportTemplates.code, code))))[0]!;
const auditRows = async () => rowsOf<{ action: string; entity_id: string; before: Record<string, unknown>; after: Record<string, unknown> }>(await t.database.db.execute(sql`SELECT action, entity_id, before, after FROM audit_events WHERE entity_type = 'reportTemplate' ORDER BY at, id`));
const count = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events`))[0]!.n;
const proposals = async (planId: string, who = 'sogddt') => (await as(who, 'GET', `/api/reporting/proposals?planId=${planId}`)).json() as ProposalsView;
const byCode = (p: ProposalsView, code: string) => p.templates.find((x) => x.code === code)!;
const VIA_COMMUNES = '(qua nhóm “UBND các xã, phường”)';
const VIA_AGENCIES = '(qua nhóm “Các sở, ban, ngành”)';

beforeAll(async () => {
  t = await buildTestApp();
  vinhLong = await t.unitId('2025/86/');
  canTho = await t.unitId('2025/92/');
  for (const u of ['sogddt', 'sovhttdl', 'longchau', 'tthtcd', 'xem', 'khuyenhoc', 'cantho', 'admin']) cookies[u] = await t.login(u);
  demoPlan = await t.idOf(sql`SELECT id FROM plans WHERE source_filename = 'vinh-long-ke-hoach-2026-2030-phu-luc-2.txt'`);
  for (const key of ['so-vhttdl', 'so-tai-chinh', 'so-noi-vu', 'so-gddt', 'ldld', 'ubnd']) ids[key] = await t.agencyId('86', key);
  ids.ubndLongChau = await t.agencyId('86', 'ubnd-xa:29551');
  ids.canThoGddt = await t.agencyId('92', 'so-gddt');
  // A plan of the province with targets the catalogue measures, one it cannot, and two tasks.
  targetsPlan = await t.services.plans.commit(
    systemActor('test'),
    PlanCommitInput.parse({
      provinceId: vinhLong,
      plan: { title: 'Kế hoạch xây dựng xã hội học tập năm 2027', number: '27/KH-UBND', issuer: null, issuedOn: null, periodStart: 2027, periodEnd: 2027, status: 'inForce' },
      targets: [
        { text: 'Đến năm 2030, 70% người trong độ tuổi lao động được trang bị năng lực thông tin', indicator: 'người trong độ tuổi lao động được trang bị năng lực thông tin', comparator: 'atLeast', value: 70, unit: '%', year: 2030, group: 'competences', line: null },
        { text: '70% trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục', indicator: 'trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục', comparator: 'atLeast', value: 70, unit: '%', year: 2027, group: 'institutions', line: null },
        { text: '100% quận, huyện đạt chuẩn phổ cập giáo dục mầm non cho trẻ mẫu giáo', indicator: 'quận, huyện đạt chuẩn phổ cập giáo dục mầm non cho trẻ mẫu giáo', comparator: 'exact', value: 100, unit: '%', year: 2027, group: 'literacy', line: null },
        { text: 'Mỗi xã, phường có ít nhất 01 câu lạc bộ đọc sách', indicator: 'câu lạc bộ đọc sách', comparator: 'atLeast', value: 1, unit: 'câu lạc bộ', year: 2027, group: 'other', scope: 'eachCommune', line: null },
      ],
      tasks: [
        {
          code: '1',
          section: null,
          title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời',
          leads: [{ raw: 'Sở VHTTDL', agencyId: ids['so-vhttdl'], groupName: null }],
          coordinators: [{ raw: 'Sở Tài chính', agencyId: ids['so-tai-chinh'], groupName: null }],
          deliverables: [],
          schedule: { raw: 'Hàng năm', kind: 'yearly', milestones: [] },
          line: null,
        },
        {
          code: '2',
          section: null,
          title: 'Chỉ đạo chung',
          leads: [{ raw: 'UBND tỉnh', agencyId: ids.ubnd, groupName: null }],
          coordinators: [],
          deliverables: [],
          schedule: { raw: 'Thường xuyên', kind: 'continuous', milestones: [] },
          line: null,
        },
      ],
    }),
  );
}, 120_000);
afterAll(() => t?.close());

describe('proposals from the demo plan (its tasks and who they are assigned to)', () => {
  let p: ProposalsView;
  beforeAll(async () => {
    p = await proposals(demoPlan);
  });

  it('says the communes owe their template, citing each task given to "UBND các xã, phường", in the plan’s order', () => {
    const xa = byCode(p, 'xhht-xa');
    expect(xa.level).toBe('commune');
    const expected = [['Chủ trì', '1.1'], ['Phối hợp', '1.2'], ['Phối hợp', '1.3'], ['Chủ trì', '1.4'], ['Phối hợp', '2.1'], ['Phối hợp', '2.1.a'], ['Chủ trì', '3.2.b'], ['Phối hợp', '3.3'], ['Chủ trì', '3.4.a'], ['Phối hợp', '3.4.b'], ['Phối hợp', '3.4.c'], ['Phối hợp', '3.4.d'], ['Phối hợp', '3.5'], ['Phối hợp', '3.6'], ['Chủ trì', '4.1'], ['Phối hợp', '4.2']];
    expect(xa.reporters).toEqual({ kind: 'communes', owed: true, reasons: expected.map(([role, code]) => `${role} nhiệm vụ ${code} ${VIA_COMMUNES}`) });
  });

  it('keeps every provincial agency on the agency template, since "Các sở, ban, ngành" works on every task', async () => {
    const r = byCode(p, 'xhht-co-quan').reporters;
    if (r.kind !== 'agencies') throw new Error(r.kind);
    // The 25 standard agencies of the catalogue less the provincial People's Committee.
    expect(r).toMatchObject({ everyAgency: true, add: [], dropCandidates: [] });
    expect(r.keep).toHaveLength(24);
    expect(r.keep.map((a) => a.agencyId)).not.toContain(ids.ubnd);
    const vhttdl = r.keep.find((a) => a.agencyId === ids['so-vhttdl'])!;
    // Led directly: 1.2, 2.1.a, 2.2, 3.5; led through the group: 1.1; coordinating through the group: the 19 others.
    expect(vhttdl.reasons.slice(0, 6)).toEqual(['Chủ trì nhiệm vụ 1.2', 'Chủ trì nhiệm vụ 2.1.a', 'Chủ trì nhiệm vụ 2.2', 'Chủ trì nhiệm vụ 3.5', `Chủ trì nhiệm vụ 1.1 ${VIA_AGENCIES}`, `Phối hợp nhiệm vụ 1.3 ${VIA_AGENCIES}`]);
    expect(vhttdl.reasons).toHaveLength(24);
    expect(r.keep.find((a) => a.agencyId === ids.ldld)!.reasons.slice(0, 3)).toEqual(['Chủ trì nhiệm vụ 3.4.d', 'Chủ trì nhiệm vụ 4.2', `Chủ trì nhiệm vụ 1.1 ${VIA_AGENCIES}`]);
  });

  it('proposes no figures (the appendix has no targets), leaves the province template’s reporters, and lists the name still unresolved', () => {
    for (const x of p.templates) expect(x.elements, x.code).toEqual({ keep: [], add: [] });
    expect(byCode(p, 'xhht-tinh')).toMatchObject({ level: 'province', reporters: { kind: 'unchanged' } });
    expect(p).toMatchObject({ unmeasured: [], unplaced: [], notReporters: [], unresolved: [{ raw: 'Trường Cao đẳng, Đại học', task: 'nhiệm vụ 2.3' }], abilities: { apply: true } });
    expect(p.plan).toMatchObject({ id: demoPlan, status: 'inForce', targetCount: 0 });
  });
});

describe('editing a template', () => {
  it('lists the province’s templates with their eleven parts and version, and the agencies that may report', async () => {
    const d = await details();
    expect(d.templates.map((x) => [x.code, x.level, x.version])).toEqual([
      ['xhht-co-quan', 'agency', 1],
      ['xhht-tinh', 'province', 1],
      ['xhht-xa', 'commune', 1],
    ]);
    expect(d.templates.find((x) => x.code === 'xhht-tinh')!.reporterAgencies).toEqual([{ id: ids['so-gddt'], name: 'Sở Giáo dục và Đào tạo' }]);
    expect(d.provincialAgencies).toHaveLength(24);
    expect(d.abilities).toEqual({ edit: true });
    expect((await details('xem')).abilities).toEqual({ edit: false });
  });

  it('refuses a foreign or wrong-level element and a foreign agency, naming the field, and writes nothing', async () => {
    const xa = await tpl('xhht-xa');
    const coQuan = await tpl('xhht-co-quan');
    const before = await count();
    const bad = await as('sogddt', 'PATCH', `/api/reporting/templates/${xa.id}`, { version: xa.version, elements: ['workingAgePeople', 'khongCo', 'communes'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'elements.1', message: 'không có chỉ tiêu “khongCo” trong danh mục' },
      { path: 'elements.2', message: '“Tổng số xã, phường, đặc khu” là số liệu của tỉnh (cơ quan thường trực tổng hợp), không thuộc biểu mẫu của xã, phường, đặc khu' },
    ]);
    const foreign = await as('sogddt', 'PATCH', `/api/reporting/templates/${coQuan.id}`, { version: coQuan.version, name: 'Đổi tên', reporterAgencyIds: [ids.canThoGddt, ids.ubndLongChau] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.map((d: { path: string }) => d.path)).toEqual(['reporterAgencyIds.0', 'reporterAgencyIds.1']);
    const communeList = await as('sogddt', 'PATCH', `/api/reporting/templates/${xa.id}`, { version: xa.version, reporterAgencyIds: [ids['so-vhttdl']] });
    expect(communeList.json().error.details).toEqual([{ path: 'reporterAgencyIds', message: 'mẫu của xã do mọi xã, phường, đặc khu báo cáo; không chọn cơ quan' }]);
    const unknownField = await as('sogddt', 'PATCH', `/api/reporting/templates/${xa.id}`, { version: xa.version, periodKind: 'quarter' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.details[0].path).toBe('periodKind');
    expect(await count()).toBe(before);
    expect((await stored('xhht-co-quan')).name).toBe(coQuan.name);
    expect((await stored('xhht-xa')).version).toBe(1);
  });

  it('saves the parts sent, with an audit record of before and after, and refuses a stale version with 409', async () => {
    const xa = await tpl('xhht-xa');
    const elements = xa.elements.map((e) => e.code).filter((c) => !c.startsWith('learningCentres'));
    const res = await as('sogddt', 'PATCH', `/api/reporting/templates/${xa.id}`, { version: xa.version, elements, dueDaysAfterCutoff: 1, instructions: `${xa.instructions}\nGửi kèm minh chứng.` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, dueDaysAfterCutoff: 1, updatedByName: 'Nguyễn Thị Thu (Sở GDĐT)' });
    expect(res.json().elements.map((e: { code: string }) => e.code)).toEqual(elements);
    const [audit] = (await auditRows()).filter((a) => a.entity_id === xa.id);
    expect(audit).toMatchObject({ action: 'reportTemplate.update', before: { dueDaysAfterCutoff: 0, version: 1 }, after: { dueDaysAfterCutoff: 1, elements, version: 2 } });
    expect(Object.keys(audit!.after).sort()).toEqual(['dueDaysAfterCutoff', 'elements', 'instructions', 'version']);
    const before = await count();
    const stale = await as('sogddt', 'PATCH', `/api/reporting/templates/${xa.id}`, { version: 1, frequency: 'Sáu tháng' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('Nguyễn Thị Thu (Sở GDĐT)');
    expect(await count()).toBe(before);
    expect((await stored('xhht-xa')).frequency).toBe('Hằng năm');
  });

  it('lets the coordinator list the agencies that report; others are refused or told it does not exist', async () => {
    const coQuan = await tpl('xhht-co-quan');
    const body = { version: coQuan.version, reporterAgencyIds: [ids['so-vhttdl'], ids['so-noi-vu']] };
    expect((await as(null, 'PATCH', `/api/reporting/templates/${coQuan.id}`, body)).statusCode).toBe(401);
    for (const who of ['sovhttdl', 'longchau', 'tthtcd', 'xem', 'khuyenhoc']) expect((await as(who, 'PATCH', `/api/reporting/templates/${coQuan.id}`, body)).statusCode, who).toBe(403);
    expect((await as('cantho', 'PATCH', `/api/reporting/templates/${coQuan.id}`, body)).statusCode).toBe(404);
    const ok = await as('sogddt', 'PATCH', `/api/reporting/templates/${coQuan.id}`, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().reporterAgencies.map((a: { id: string }) => a.id)).toEqual([ids['so-vhttdl'], ids['so-noi-vu']]);
  });

  it('gives another province its own templates and hides Vĩnh Long’s from its coordinator', async () => {
    expect((await as('cantho', 'GET', `/api/reporting/template-details?provinceId=${vinhLong}`)).statusCode).toBe(404);
    expect((await as('longchau', 'GET', `/api/reporting/template-details?provinceId=${vinhLong}`)).statusCode).toBe(403);
    expect((await details('cantho', canTho)).templates.map((x) => x.code)).toEqual(['xhht-co-quan', 'xhht-tinh', 'xhht-xa']);
  });
});

describe('proposals from a plan with targets, applied', () => {
  // Runs after the edits above: the commune template has lost its learning-centre figures, and the agency
  // template lists Sở VHTTDL and Sở Nội vụ.
  it('adds the figures a target needs, keeps those there, lists what the catalogue cannot measure', async () => {
    const p = await proposals(targetsPlan);
    const xa = byCode(p, 'xhht-xa');
    expect(xa.elements.keep.map((e) => e.code)).toEqual(['workingAgePeople', 'workingAgeInformationCompetence']);
    expect(xa.elements.add.map((e) => e.code)).toEqual(['learningCentres', 'learningCentresUsingIt']);
    expect(xa.elements.add[1]!.reasons).toEqual([
      'Chỉ tiêu “70% trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục” đo bằng chỉ số “Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục”, cần số liệu “Số trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục” (tử số)',
    ]);
    expect(xa.reporters).toEqual({ kind: 'communes', owed: true, reasons: ['Chỉ tiêu “Mỗi xã, phường có ít nhất 01 câu lạc bộ đọc sách” đặt cho từng xã, phường'] });
    expect(p.unmeasured.map((u) => [u.text.slice(0, 20), u.note])).toEqual([
      ['100% quận, huyện đạt', 'Chỉ tiêu tính theo quận, huyện, chỉ số tính theo xã, phường; cần xác định lại cách tính.'],
      ['Mỗi xã, phường có ít', 'Không có chỉ số nào trong danh mục đo chỉ tiêu này.'],
    ]);
    expect(p.notReporters).toEqual([{ agencyId: ids.ubnd, name: 'Ủy ban nhân dân tỉnh Vĩnh Long', reason: 'Ủy ban nhân dân tỉnh không thuộc danh sách báo cáo của mẫu sở, ban, ngành.' }]);
  });

  it('adds the agencies given tasks and offers the others to drop, without dropping them', async () => {
    const r = byCode(await proposals(targetsPlan), 'xhht-co-quan').reporters;
    expect(r).toEqual({
      kind: 'agencies',
      everyAgency: false,
      keep: [{ agencyId: ids['so-vhttdl'], name: 'Sở Văn hóa, Thể thao và Du lịch', reasons: ['Chủ trì nhiệm vụ 1'] }],
      add: [{ agencyId: ids['so-tai-chinh'], name: 'Sở Tài chính', reasons: ['Phối hợp nhiệm vụ 1'] }],
      dropCandidates: [{ agencyId: ids['so-noi-vu'], name: 'Sở Nội vụ', reasons: ['Không được giao nhiệm vụ nào trong kế hoạch này.'] }],
    });
  });

  it('is read by province viewers and evaluators, refused to officers in the province, unknown elsewhere', async () => {
    expect((await as(null, 'GET', `/api/reporting/proposals?planId=${targetsPlan}`)).statusCode).toBe(401);
    for (const who of ['sovhttdl', 'longchau', 'tthtcd']) expect((await as(who, 'GET', `/api/reporting/proposals?planId=${targetsPlan}`)).statusCode, who).toBe(403);
    expect((await as('cantho', 'GET', `/api/reporting/proposals?planId=${targetsPlan}`)).statusCode).toBe(404);
    expect((await proposals(targetsPlan, 'xem')).abilities).toEqual({ apply: false });
    expect((await as('khuyenhoc', 'GET', `/api/reporting/proposals?planId=${targetsPlan}`)).statusCode).toBe(200);
  });

  it('refuses to apply what is not proposed, or to anyone but the coordinator, writing nothing', async () => {
    const p = await proposals(targetsPlan);
    const xa = byCode(p, 'xhht-xa');
    const before = { audit: await count(), xa: await stored('xhht-xa') };
    const notOffered = await as('sogddt', 'POST', '/api/reporting/proposals/apply', { planId: targetsPlan, templates: [{ templateId: xa.templateId, version: xa.version, addElements: ['learningCentres', 'families'] }] });
    expect(notOffered.statusCode).toBe(400);
    expect(notOffered.json().error.details.map((d: { path: string }) => d.path)).toEqual(['templates.0.addElements.1']);
    const apply = { planId: targetsPlan, templates: [{ templateId: xa.templateId, version: xa.version, addElements: ['learningCentres'] }] };
    expect((await as(null, 'POST', '/api/reporting/proposals/apply', apply)).statusCode).toBe(401);
    for (const who of ['xem', 'sovhttdl', 'longchau']) expect((await as(who, 'POST', '/api/reporting/proposals/apply', apply)).statusCode, who).toBe(403);
    expect((await as('cantho', 'POST', '/api/reporting/proposals/apply', apply)).statusCode).toBe(404);
    expect((await as('sogddt', 'POST', '/api/reporting/proposals/apply', { ...apply, templates: [{ ...apply.templates[0], version: xa.version - 1 }] })).statusCode).toBe(409);
    expect(await count()).toBe(before.audit);
    expect(await stored('xhht-xa')).toEqual(before.xa);
  });

  it('writes nothing at all when one template of the batch fails inside the transaction', async () => {
    const p = await proposals(targetsPlan);
    const xa = byCode(p, 'xhht-xa');
    const coQuan = byCode(p, 'xhht-co-quan');
    const before = { audit: await count(), xa: await stored('xhht-xa'), coQuan: await stored('xhht-co-quan') };
    // The second update fails after the first template and its audit record were written.
    await t.database.db.execute(sql.raw(`CREATE FUNCTION test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$ LANGUAGE plpgsql`));
    await t.database.db.execute(sql.raw(`CREATE TRIGGER test_refuse BEFORE UPDATE ON report_templates FOR EACH ROW WHEN (OLD.id = '${coQuan.templateId}') EXECUTE FUNCTION test_refuse()`));
    try {
      const res = await as('sogddt', 'POST', '/api/reporting/proposals/apply', {
        planId: targetsPlan,
        templates: [
          { templateId: xa.templateId, version: xa.version, addElements: ['learningCentres', 'learningCentresUsingIt'] },
          { templateId: coQuan.templateId, version: coQuan.version, addReporters: [ids['so-tai-chinh']] },
        ],
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.database.db.execute(sql.raw('DROP TRIGGER test_refuse ON report_templates'));
      await t.database.db.execute(sql.raw('DROP FUNCTION test_refuse()'));
    }
    expect(await count()).toBe(before.audit);
    expect(await stored('xhht-xa')).toEqual(before.xa);
    expect(await stored('xhht-co-quan')).toEqual(before.coQuan);
  });

  it('applies the ticked items to both templates with their audit records, and the proposal then shows them kept', async () => {
    const p = await proposals(targetsPlan);
    const xa = byCode(p, 'xhht-xa');
    const coQuan = byCode(p, 'xhht-co-quan');
    const xaBefore = await stored('xhht-xa');
    const res = await as('sogddt', 'POST', '/api/reporting/proposals/apply', {
      planId: targetsPlan,
      templates: [
        { templateId: xa.templateId, version: xa.version, addElements: ['learningCentres', 'learningCentresUsingIt'] },
        // Sở Nội vụ stays: the candidate to drop is not ticked.
        { templateId: coQuan.templateId, version: coQuan.version, addReporters: [ids['so-tai-chinh']] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.applied).toEqual([
      { templateId: xa.templateId, name: xa.name, version: xa.version + 1, addedElements: [{ code: 'learningCentres', name: 'Số trung tâm học tập cộng đồng' }, expect.objectContaining({ code: 'learningCentresUsingIt' })], addedReporters: [], droppedReporters: [] },
      { templateId: coQuan.templateId, name: coQuan.name, version: coQuan.version + 1, addedElements: [], addedReporters: [{ id: ids['so-tai-chinh'], name: 'Sở Tài chính' }], droppedReporters: [] },
    ]);
    const xaAfter = await stored('xhht-xa');
    expect(xaAfter.elements).toEqual([...xaBefore.elements, 'learningCentres', 'learningCentresUsingIt']);
    expect((await stored('xhht-co-quan')).reporterAgencyIds).toEqual([ids['so-vhttdl'], ids['so-noi-vu'], ids['so-tai-chinh']]);
    const audit = (await auditRows()).filter((a) => a.action === 'reportTemplate.applyProposal');
    expect(audit.map((a) => a.entity_id)).toEqual([xa.templateId, coQuan.templateId]);
    expect(audit[1]).toMatchObject({
      before: { reporterAgencyIds: [ids['so-vhttdl'], ids['so-noi-vu']], version: coQuan.version },
      after: { reporterAgencyIds: [ids['so-vhttdl'], ids['so-noi-vu'], ids['so-tai-chinh']], addedReporters: [ids['so-tai-chinh']], droppedReporters: [], plan: { id: targetsPlan, number: '27/KH-UBND' } },
    });
    const again = out.proposals as ProposalsView;
    expect(byCode(again, 'xhht-xa').elements.add).toEqual([]);
    expect(byCode(again, 'xhht-co-quan').reporters).toMatchObject({ add: [], dropCandidates: [{ agencyId: ids['so-noi-vu'] }] });
    // Nothing left to apply.
    const empty = await as('sogddt', 'POST', '/api/reporting/proposals/apply', { planId: targetsPlan, templates: [{ templateId: xa.templateId, version: xa.version + 1 }] });
    expect(empty.json().error.details).toEqual([{ path: 'templates', message: 'chưa chọn đề xuất nào' }]);
  });
});

describe('an edit reaches the report form at once', () => {
  it('refuses a figure the coordinator just removed from the template, though the save path keeps templates a minute', async () => {
    const xa = await tpl('xhht-xa');
    const longChau = await t.unitId('2025/86/29551/');
    const save = (version: number | null) =>
      as('longchau', 'PUT', '/api/reporting/report', { templateId: xa.id, periodKey: '2019', unitId: longChau, agencyId: null, values: [{ element: 'learningCentres', breakdown: '', value: 2 }], sections: {}, version });
    const first = await save(null);
    expect(first.statusCode).toBe(200);
    const edited = await as('sogddt', 'PATCH', `/api/reporting/templates/${xa.id}`, { version: xa.version, elements: xa.elements.map((e) => e.code).filter((c) => c !== 'learningCentres') });
    expect(edited.statusCode).toBe(200);
    const again = await save(first.json().version);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.map((d: { path: string }) => d.path)).toEqual(['values.0.element']);
  });
});
