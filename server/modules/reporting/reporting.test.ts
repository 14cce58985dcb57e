import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { systemActor } from '../../lib/actor.ts';
import { PlanCommitInput } from '../../../shared/contracts/plans.ts';

// Issue 4, "Entry and workflow" and "Results": a commune fills its yearly report, the coordinator returns it
// with a reason, the commune corrects and resubmits, the coordinator approves, and the province's indicator
// changes; refusals per role; the completeness board.

const NOW = new Date('2026-11-24T03:00:00Z');
let t: TestApp;
const cookies: Record<string, string> = {};
let vinhLong: string;
let longChau: string;
let traVinh: string;
let template: string;
// The demo fills 2025 and 2026 (the year of the plan and the one before): the tests use a year of their own.
const PERIOD = '2024';

async function as(who: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
}
const key = (unitId: string) => `templateId=${template}&periodKey=${PERIOD}&unitId=${unitId}`;
const body = (unitId: string, values: [string, string, number | null][], version: number | null, sections: Record<string, string> = {}) => ({
  templateId: template,
  periodKey: PERIOD,
  unitId,
  agencyId: null,
  values: values.map(([element, breakdown, value]) => ({ element, breakdown, value })),
  sections,
  version,
});
const indicator = async (who = 'sogddt', provisional = false) =>
  (await as(who, 'GET', `/api/reporting/indicators?unitId=${vinhLong}&periodKey=${PERIOD}${provisional ? '&provisional=true' : ''}`)).json().indicators.find((i: { code: string }) => i.code === 'informationCompetenceRate');

beforeAll(async () => {
  t = await buildTestApp({ clock: { now: () => NOW } });
  vinhLong = await t.unitId('2025/86/');
  longChau = await t.unitId('2025/86/29551/');
  traVinh = await t.unitId('2025/86/29242/');
  for (const u of ['sogddt', 'longchau', 'travinh', 'sovhttdl', 'xem', 'cantho']) cookies[u] = await t.login(u);
  const templates = (await as('sogddt', 'GET', `/api/reporting/templates?provinceId=${vinhLong}`)).json();
  template = templates.find((x: { code: string }) => x.code === 'xhht-xa').id;
  // A plan in force with a target the catalogue measures (information competence of working-age people).
  await t.services.plans.commit(
    systemActor('test'),
    PlanCommitInput.parse({
      provinceId: vinhLong,
      plan: { title: 'Kế hoạch năm 2024', number: '12/KH-UBND', issuer: null, issuedOn: null, periodStart: 2024, periodEnd: 2024, status: 'inForce' },
      targets: [
        { text: 'Phấn đấu 20% người trong độ tuổi lao động được trang bị năng lực thông tin', indicator: 'người trong độ tuổi lao động được trang bị năng lực thông tin', comparator: 'aimFor', value: 20, unit: '%', year: 2024, group: 'competences', line: null },
      ],
      tasks: [],
    }),
  );
}, 120_000);
afterAll(() => t?.close());

describe('templates and what is owed', () => {
  it('gives every province templates carrying the eleven parts of NĐ 09/2019', async () => {
    const templates = (await as('sogddt', 'GET', `/api/reporting/templates?provinceId=${vinhLong}`)).json();
    expect(templates.map((x: { code: string }) => x.code)).toEqual(['xhht-co-quan', 'xhht-tinh', 'xhht-xa']);
    const xa = templates.find((x: { code: string }) => x.code === 'xhht-xa');
    for (const part of ['name', 'content', 'reporterLevel', 'receiver', 'transmission', 'periodKind', 'dueDaysAfterCutoff', 'frequency', 'outline', 'elements', 'instructions']) expect(xa[part], part).not.toBeUndefined();
    expect(xa.elements.map((e: { code: string }) => e.code)).toContain('workingAgePeople');
  });

  it('tells a commune officer the yearly report their commune owes, due 14/12, and that it is late after that', async () => {
    const current = (await as('longchau', 'GET', '/api/reporting/owed')).json();
    expect(current.items).toEqual([expect.objectContaining({ templateId: template, periodKey: '2026', dueDate: '2026-12-14', late: false })]);
    const owed = (await as('longchau', 'GET', `/api/reporting/owed?periodKey=${PERIOD}`)).json();
    expect(owed.items).toEqual([expect.objectContaining({ templateId: template, periodKey: PERIOD, dueDate: '2024-12-14', state: 'notStarted', late: true, reporter: expect.objectContaining({ unitId: longChau, agencyId: null }) })]);
  });
});

describe('a commune report through its workflow', () => {
  let id: string;
  let version: number;

  it('opens an empty report, saves figures and narrative, and names what is wrong', async () => {
    const empty = (await as('longchau', 'GET', `/api/reporting/report?${key(longChau)}`)).json();
    expect(empty).toMatchObject({ id: null, version: null, state: 'draft', actions: ['save', 'submit'] });
    const saved = await as('longchau', 'PUT', '/api/reporting/report', body(longChau, [['workingAgePeople', '', 1000], ['workingAgeInformationCompetence', '', 1200]], null, { results: 'Đã tổ chức 12 lớp.' }));
    expect(saved.statusCode).toBe(200);
    const v = saved.json();
    expect(v).toMatchObject({ state: 'draft', version: 1, sections: { results: 'Đã tổ chức 12 lớp.' } });
    expect(v.issues.map((i: { message: string }) => i.message).join(' ')).toContain('năng lực thông tin');
    id = v.id;
    version = v.version;
  });

  it('refuses to submit while an error remains, listing it', async () => {
    const res = await as('longchau', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'submit', version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/còn 1 lỗi/);
  });

  it('refuses a stale save, another commune, and a cell the form does not have', async () => {
    const fixed = await as('longchau', 'PUT', '/api/reporting/report', body(longChau, [['workingAgePeople', '', 1000], ['workingAgeInformationCompetence', '', 300]], version));
    expect(fixed.json().issues).toEqual([]);
    const stale = await as('longchau', 'PUT', '/api/reporting/report', body(longChau, [['workingAgePeople', '', 1]], version));
    expect(stale.statusCode).toBe(409);
    version = fixed.json().version;
    expect((await as('travinh', 'GET', `/api/reporting/report?${key(longChau)}`)).statusCode).toBe(404);
    expect((await as('travinh', 'PUT', '/api/reporting/report', body(longChau, [], version))).statusCode).toBe(404);
    expect((await as('cantho', 'GET', `/api/reporting/report?${key(longChau)}`)).statusCode).toBe(404);
    const bad = await as('longchau', 'PUT', '/api/reporting/report', body(longChau, [['khongCo', '', 1], ['workingAgePeople', 'sex=other', 1]], version));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['values.0.element', 'values.1.breakdown']);
  });

  it('submits; the coordinator returns it with a reason; the commune corrects and resubmits; the coordinator approves', async () => {
    const submitted = (await as('longchau', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'submit', version })).json();
    expect(submitted).toMatchObject({ state: 'submitted', actions: [] });
    expect((await as('longchau', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'approve', version: submitted.version })).statusCode).toBe(403);
    expect((await as('xem', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'approve', version: submitted.version })).statusCode).toBe(403);
    expect((await as('sogddt', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'return', version: submitted.version })).statusCode).toBe(400);
    const returned = (await as('sogddt', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'return', reason: 'Thiếu số liệu theo giới tính.', version: submitted.version })).json();
    expect(returned).toMatchObject({ state: 'returned', returnReason: 'Thiếu số liệu theo giới tính.' });
    expect((await as('longchau', 'GET', `/api/reporting/owed?periodKey=${PERIOD}`)).json().items[0]).toMatchObject({ state: 'returned', returnReason: 'Thiếu số liệu theo giới tính.' });
    const corrected = (await as('longchau', 'PUT', '/api/reporting/report', body(longChau, [['workingAgePeople', '', 1000], ['workingAgePeople', 'sex=female', 520], ['workingAgePeople', 'sex=male', 480], ['workingAgeInformationCompetence', '', 300]], returned.version))).json();
    expect(corrected.issues).toEqual([]);
    const again = (await as('longchau', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'submit', version: corrected.version })).json();
    expect(again).toMatchObject({ state: 'submitted', returnReason: null });
    expect(await indicator()).toMatchObject({ value: null, unitsReporting: 0 });
    expect(await indicator('sogddt', true)).toMatchObject({ value: 30, unitsReporting: 1 });
    const approved = (await as('sogddt', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'approve', version: again.version })).json();
    expect(approved).toMatchObject({ state: 'approved', actions: ['reopen'] });
    const locked = await as('longchau', 'PUT', '/api/reporting/report', body(longChau, [['workingAgePeople', '', 1]], approved.version));
    expect(locked.statusCode).toBe(409);
    const audit = rowsOf<{ action: string }>(await t.database.db.execute(sql`SELECT action FROM audit_events WHERE entity_id = ${id} ORDER BY id`));
    expect(audit.map((a) => a.action)).toEqual(['report.save', 'report.save', 'report.submit', 'report.return', 'report.save', 'report.submit', 'report.approve']);
  });

  it('computes the province’s indicator live from approved figures, summing before dividing', async () => {
    // Long Châu 300/1000 approved; Trà Vinh 10/2000 approved: (300 + 10) / (1000 + 2000) = 10.33 %, not the mean 15.25 %.
    const tv = (await as('travinh', 'PUT', '/api/reporting/report', body(traVinh, [['workingAgePeople', '', 2000], ['workingAgeInformationCompetence', '', 10]], null))).json();
    const sub = (await as('travinh', 'POST', `/api/reporting/reports/${tv.id}/actions`, { action: 'submit', version: tv.version })).json();
    await as('sogddt', 'POST', `/api/reporting/reports/${sub.id}/actions`, { action: 'approve', version: sub.version });
    const ind = await indicator();
    expect(ind).toMatchObject({ numerator: 310, denominator: 3000, unitsReporting: 2, unitsExpected: 124, status: 'partial' });
    expect(ind.value).toBeCloseTo(10.333, 3);
    // The 2024 plan's target of 20 % is measured by this indicator, and not met.
    expect(ind.targets).toEqual([expect.objectContaining({ planNumber: '12/KH-UBND', value: 20, year: 2024, met: false })]);
    const table = (await as('sogddt', 'GET', `/api/reporting/indicators?unitId=${vinhLong}&periodKey=${PERIOD}`)).json();
    expect(table.rows).toHaveLength(124);
    expect(table.rows.find((r: { unitId: string }) => r.unitId === longChau).values.informationCompetenceRate).toBe(30);
    expect(table.latestAt).not.toBeNull();
    // A commune officer sees their commune's indicators, not another commune's.
    expect((await as('longchau', 'GET', `/api/reporting/indicators?unitId=${longChau}&periodKey=${PERIOD}`)).statusCode).toBe(200);
    expect((await as('longchau', 'GET', `/api/reporting/indicators?unitId=${traVinh}&periodKey=${PERIOD}`)).statusCode).toBe(404);
  });

  it('lets only the coordinator reopen an approved report, with a reason', async () => {
    const current = (await as('sogddt', 'GET', `/api/reporting/report?${key(longChau)}`)).json();
    expect((await as('longchau', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'reopen', reason: 'x', version: current.version })).statusCode).toBe(403);
    const reopened = (await as('sogddt', 'POST', `/api/reporting/reports/${id}/actions`, { action: 'reopen', reason: 'Cập nhật số liệu cuối năm.', version: current.version })).json();
    expect(reopened).toMatchObject({ state: 'returned', returnReason: 'Cập nhật số liệu cuối năm.' });
  });
});

describe('the completeness board', () => {
  it('shows the coordinator who has submitted and who has not', async () => {
    const res = await as('sogddt', 'GET', `/api/reporting/completeness?templateId=${template}&periodKey=${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.rows).toHaveLength(124);
    expect(b.counts).toMatchObject({ returned: 1, approved: 1, notStarted: 122 });
    // Submitted in 2026 for a report due 14/12/2024: late, as is every commune that has not reported.
    expect(b).toMatchObject({ dueDate: '2024-12-14', late: 124 });
  });

  it('is refused to a commune or agency officer, and unknown to another province', async () => {
    expect((await as('longchau', 'GET', `/api/reporting/completeness?templateId=${template}&periodKey=${PERIOD}`)).statusCode).toBe(403);
    expect((await as('sovhttdl', 'GET', `/api/reporting/completeness?templateId=${template}&periodKey=${PERIOD}`)).statusCode).toBe(403);
    expect((await as('cantho', 'GET', `/api/reporting/completeness?templateId=${template}&periodKey=${PERIOD}`)).statusCode).toBe(404);
  });
});

describe('export for DHIS2', () => {
  it('writes the approved figures in DHIS2’s CSV data-value format, by code', async () => {
    const res = await as('sogddt', 'GET', `/api/reporting/export.csv?templateId=${template}&periodKey=${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup');
    // Only Trà Vinh's report is approved now (Long Châu's was reopened): its two figures.
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 6).join(','))).toEqual([
      'workingAgeInformationCompetence,2024,29242,default,default,10',
      'workingAgePeople,2024,29242,default,default,2000',
    ]);
    expect((await as('longchau', 'GET', `/api/reporting/export.csv?templateId=${template}&periodKey=${PERIOD}`)).statusCode).toBe(403);
  });
});

describe('two saves of the same report at once', () => {
  it('keeps one, refuses the other naming who saved, and audits what the figures were before', async () => {
    const first = (await as('travinh', 'PUT', '/api/reporting/report', { ...body(traVinh, [['workingAgePeople', '', 500], ['population15Plus', '', 900]], null, { results: 'Bản đầu.' }), periodKey: '2022' })).json();
    // Both forms were opened at version 1; the two saves reach the server together.
    const [a, b] = await Promise.all([
      as('travinh', 'PUT', '/api/reporting/report', { ...body(traVinh, [['workingAgePeople', '', 501]], first.version, { results: 'Bản A.' }), periodKey: '2022' }),
      as('travinh', 'PUT', '/api/reporting/report', { ...body(traVinh, [['workingAgePeople', '', 502]], first.version, { results: 'Bản B.' }), periodKey: '2022' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().error.message).toMatch(/vừa được cập nhật/);
    const stored = (await as('travinh', 'GET', `/api/reporting/report?templateId=${template}&periodKey=2022&unitId=${traVinh}`)).json();
    expect(stored).toMatchObject({ version: 2, values: won.json().values, sections: won.json().sections });
    // The figure left out of the winning form is gone; the audit keeps it in "before".
    expect(stored.values).toEqual([{ element: 'workingAgePeople', breakdown: '', value: won.json().values[0].value }]);
    const [audit] = rowsOf<{ before: { values: unknown[]; sections: object; version: number } }>(
      await t.database.db.execute(sql`SELECT before FROM audit_events WHERE entity_id = ${first.id} AND action = 'report.save' AND before IS NOT NULL`),
    );
    expect(audit!.before).toEqual({
      values: [
        { element: 'population15Plus', breakdown: '', value: 900 },
        { element: 'workingAgePeople', breakdown: '', value: 500 },
      ],
      sections: { results: 'Bản đầu.' },
      version: 1,
    });
  });
});
