import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { multipartFile } from '../../../test/support/multipart.ts';
import { docxFromText } from '../../../test/fixtures/plans/build.ts';
import { DATA_SHEET, FORMAT_VERSION, META_SHEET, SECTIONS_SHEET } from './reporting.xlsx.ts';

// Issue 4: "Download the report as a pre-filled XLSX, fill it offline, upload it back: every cell is checked, all
// errors are listed with their cell addresses, and nothing is written unless the whole file is valid." The round
// trip, then a file corrupted in each way a person would (text in a number cell, a deleted row, a renamed sheet,
// a foreign file, a stale file), each time proving that nothing was written.

const NOW = new Date('2026-11-24T03:00:00Z');
// The demo fills 2025 and 2026, reporting.test.ts uses 2024 and the access matrix 2021-2023 in its own copy.
const PERIOD = '2021';
const PREVIOUS = '2020';
let t: TestApp;
const cookies: Record<string, string> = {};
let vinhLong: string;
let longChau: string;
let template: string;
let provinceTemplate: string;
let soGddt: string;

const query = (period = PERIOD, unitId = longChau) => `templateId=${template}&periodKey=${period}&unitId=${unitId}`;
const inject = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, extra: { payload?: object | Buffer; headers?: Record<string, string> } = {}) =>
  t.app.inject({ method, url, ...extra, headers: { cookie: cookies[who]!, ...extra.headers } });

async function download(who = 'longchau', q = query()) {
  const res = await inject(who, 'GET', `/api/reporting/report.xlsx?${q}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return { res, wb, data: wb.getWorksheet(DATA_SHEET)!, text: wb.getWorksheet(SECTIONS_SHEET)! };
}
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const upload = (who: string, bytes: Uint8Array, q = query(), filename = 'bao-cao.xlsx') => inject(who, 'POST', `/api/reporting/report.xlsx?${q}`, multipartFile(filename, bytes));

const HEADER_ROW = 7;
const rowOf = (ws: ExcelJS.Worksheet, code: string) => {
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
  throw new Error(`no row ${code}`);
};
const colOf = (ws: ExcelJS.Worksheet, label: string, headerRow = HEADER_ROW) => {
  let col = 0;
  ws.getRow(headerRow).eachCell((c, n) => {
    if (c.value === label) col = n;
  });
  if (!col) throw new Error(`no column ${label}`);
  return col;
};
const cell = (ws: ExcelJS.Worksheet, code: string, label: string) => ws.getCell(rowOf(ws, code), colOf(ws, label));
const address = (ws: ExcelJS.Worksheet, code: string, label: string) => cell(ws, code, label).address;

async function counts() {
  const [row] = rowsOf<{ values: number; audit: number; reports: number }>(
    await t.database.db.execute(sql`SELECT (SELECT count(*)::int FROM report_values) AS values, (SELECT count(*)::int FROM audit_events) AS audit, (SELECT count(*)::int FROM reports) AS reports`),
  );
  return row!;
}
/** Runs an upload that must fail and proves it wrote nothing: no figure, no report, no audit event. */
async function refused(run: () => ReturnType<typeof upload>, status: number) {
  const before = await counts();
  const res = await run();
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  expect(await counts()).toEqual(before);
  return res.json().error as { code: string; message: string; details?: { path: string; message: string }[] };
}

/** A ZIP of the given parts, written by hand (stored sizes as given: `lie` declares a smaller size than the truth). */
function zipOf(parts: { name: string; data: Buffer; lie?: number }[]) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const packed = deflateRawSync(p.data);
    const size = p.lie ?? p.data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(p.data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(p.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    centrals.push(central, name);
    offset += head.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

beforeAll(async () => {
  t = await buildTestApp({ clock: { now: () => NOW } });
  vinhLong = await t.unitId('2025/86/');
  longChau = await t.unitId('2025/86/29551/');
  soGddt = await t.agencyId('86', 'so-gddt');
  for (const u of ['sogddt', 'longchau', 'travinh', 'cantho', 'xem']) cookies[u] = await t.login(u);
  const templates = (await inject('sogddt', 'GET', `/api/reporting/templates?provinceId=${vinhLong}`)).json() as { id: string; code: string }[];
  template = templates.find((x) => x.code === 'xhht-xa')!.id;
  provinceTemplate = templates.find((x) => x.code === 'xhht-tinh')!.id;
  // An approved previous period, for the "Kỳ trước" column.
  const prev = await inject('longchau', 'PUT', '/api/reporting/report', {
    payload: { templateId: template, periodKey: PREVIOUS, unitId: longChau, agencyId: null, values: [{ element: 'workingAgePeople', breakdown: '', value: 900 }], sections: {}, version: null },
  });
  const sent = await inject('longchau', 'POST', `/api/reporting/reports/${prev.json().id}/actions`, { payload: { action: 'submit', version: prev.json().version } });
  await inject('sogddt', 'POST', `/api/reporting/reports/${prev.json().id}/actions`, { payload: { action: 'approve', version: sent.json().version } });
}, 120_000);
afterAll(() => t?.close());

describe('downloading a report as a workbook', () => {
  it('gives the form with its title block, one row per data element, the previous period and a hidden key', async () => {
    const { res, wb, data, text } = await download();
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename="bao-cao-xhht-xa-Phuong-Long-Chau-${PERIOD}.xlsx"`);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`bao-cao-xhht-xa-Phường-Long-Châu-${PERIOD}.xlsx`)}`);
    const title = [1, 2, 3, 4].map((r) => String(data.getCell(r, 2).value));
    expect(title[0]).toContain('XÃ HỘI HỌC TẬP');
    expect(title[1]).toBe('Đơn vị báo cáo: Phường Long Châu');
    expect(title[2]).toContain(`năm ${PERIOD}`);
    expect(title[3]).toBe(`Hạn gửi: 14/12/${PERIOD}`);
    expect(data.getRow(HEADER_ROW).values).toEqual([undefined, 'Mã', 'Chỉ tiêu', 'Tổng số', 'Nam', 'Nữ', 'Dân tộc thiểu số', 'Không phải dân tộc thiểu số', 'Kỳ trước (tổng số)']);
    expect(data.getColumn(1).hidden).toBe(true);
    expect(data.getCell(rowOf(data, 'workingAgePeople'), 2).value).toBe('Số người trong độ tuổi lao động');
    // The previous period's approved total, for reference, locked.
    expect(cell(data, 'workingAgePeople', 'Kỳ trước (tổng số)').value).toBe(900);
    // Input cells are unlocked with a validation; a cell the element does not have is locked; the sheet is protected.
    const input = cell(data, 'workingAgePeople', 'Nữ');
    expect(input.protection).toMatchObject({ locked: false });
    expect(input.dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 1e15], showErrorMessage: true });
    expect(input.dataValidation.error).toContain('số nguyên không âm');
    expect(cell(data, 'learningCentres', 'Nam').protection?.locked).not.toBe(false);
    // ExcelJS's typings leave out what it reads of the sheet's protection and validations.
    const protection = (data as unknown as { sheetProtection: object }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty('hashValue');
    expect(text.getCell(4, 1).value).toBe('results');
    expect(text.getCell(4, 4).protection).toMatchObject({ locked: false });
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    const kv = Object.fromEntries(meta.getSheetValues().filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(kv).toMatchObject({ format: FORMAT_VERSION, templateId: template, periodKey: PERIOD, unitId: longChau, agencyId: '', version: '' });
  });

  it('is refused to another commune and another province, as the report is', async () => {
    expect((await inject('travinh', 'GET', `/api/reporting/report.xlsx?${query()}`)).statusCode).toBe(404);
    expect((await inject('cantho', 'GET', `/api/reporting/report.xlsx?${query()}`)).statusCode).toBe(404);
    expect((await inject('sogddt', 'GET', `/api/reporting/report.xlsx?${query()}`)).statusCode).toBe(200);
  });
});

describe('uploading a filled workbook', () => {
  it('saves every figure and the narrative, in one save, and gives the report back', async () => {
    const { wb, data, text } = await download();
    cell(data, 'workingAgePeople', 'Tổng số').value = 1000;
    cell(data, 'workingAgePeople', 'Nam').value = 480;
    cell(data, 'workingAgePeople', 'Nữ').value = 520;
    cell(data, 'workingAgeInformationCompetence', 'Tổng số').value = { formula: '100*3', result: 300 };
    cell(data, 'learningCentres', 'Tổng số').value = '4'; // typed as text
    text.getCell(4, 4).value = { richText: [{ text: 'Đã tổ chức ' }, { font: { bold: true }, text: '12 lớp' }, { text: '.' }] };
    const before = await counts();
    const res = await upload('longchau', await bytesOf(wb));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ state: 'draft', version: 1, sections: { results: 'Đã tổ chức 12 lớp.' }, issues: [] });
    expect(new Set(view.values.map((v: { element: string; breakdown: string; value: number }) => `${v.element}|${v.breakdown}=${v.value}`))).toEqual(
      new Set(['workingAgePeople|=1000', 'workingAgePeople|sex=male=480', 'workingAgePeople|sex=female=520', 'workingAgeInformationCompetence|=300', 'learningCentres|=4']),
    );
    expect(await counts()).toEqual({ values: before.values + 5, audit: before.audit + 1, reports: before.reports + 1 });
  });

  it('pre-fills the next download; an emptied cell is no value; the form’s checks come back as issues without blocking', async () => {
    const { wb, data } = await download();
    expect(cell(data, 'workingAgePeople', 'Nữ').value).toBe(520);
    const kv = Object.fromEntries(wb.getWorksheet(META_SHEET)!.getSheetValues().filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(kv.version).toBe(1);
    cell(data, 'learningCentres', 'Tổng số').value = null;
    cell(data, 'workingAgePeople', 'Nữ').value = 600; // 480 + 600 ≠ 1000
    const res = await upload('longchau', await bytesOf(wb));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const view = res.json();
    expect(view.version).toBe(2);
    expect(view.values.find((v: { element: string }) => v.element === 'learningCentres')).toBeUndefined();
    expect(view.issues).toEqual([expect.objectContaining({ code: 'partsDifferFromTotal', severity: 'error' })]);
  });
});

describe('a corrupted file is refused whole, every problem named, nothing written', () => {
  it('lists text, a negative and a decimal in number cells, each with its address', async () => {
    const { wb, data } = await download();
    cell(data, 'workingAgePeople', 'Nữ').value = 'abc';
    cell(data, 'workingAgeLifeSkills', 'Tổng số').value = -5;
    cell(data, 'families', 'Tổng số').value = 12.5;
    cell(data, 'learningCentres', 'Nam').value = 3; // a cell this element does not have
    cell(data, 'villages', 'Tổng số').value = 40; // valid: still not saved, since the file has errors
    const err = await refused(async () => upload('longchau', await bytesOf(wb)), 400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(/^Tệp Excel có 4 lỗi nên chưa lưu gì/);
    const nu = address(data, 'workingAgePeople', 'Nữ');
    expect(err.details).toEqual([
      { path: `Số liệu!${nu}`, message: `Ô ${nu} (Số người trong độ tuổi lao động, Nữ): “abc” không phải là số.` },
      { path: `Số liệu!${address(data, 'workingAgeLifeSkills', 'Tổng số')}`, message: expect.stringContaining('-5 là số âm') },
      { path: `Số liệu!${address(data, 'learningCentres', 'Nam')}`, message: expect.stringContaining('không có ô “Nam”') },
      { path: `Số liệu!${address(data, 'families', 'Tổng số')}`, message: expect.stringContaining('12,5 không phải là số nguyên') },
    ]);
  });

  it('names a deleted row, a duplicated one and an unknown code', async () => {
    const { wb, data } = await download();
    const lifeSkills = rowOf(data, 'workingAgeLifeSkills');
    data.spliceRows(lifeSkills, 1);
    data.getCell(rowOf(data, 'clans'), 1).value = 'khongCo';
    const err = await refused(async () => upload('longchau', await bytesOf(wb)), 400);
    expect(err.details!.map((d) => d.message)).toEqual([
      expect.stringMatching(/^Dòng \d+: mã chỉ tiêu “khongCo” không có trong mẫu báo cáo này\.$/),
      expect.stringContaining('Thiếu dòng của chỉ tiêu “Số người trong độ tuổi lao động được trang bị kỹ năng sống”'),
      expect.stringContaining('Thiếu dòng của chỉ tiêu “Tổng số dòng họ”'),
    ]);
  });

  it('matches rows by their code, not their position: sorted rows are read right', async () => {
    const { wb, data } = await download();
    const a = rowOf(data, 'workingAgePeople');
    const b = rowOf(data, 'families');
    const rowA = data.getRow(a).values as ExcelJS.CellValue[];
    const rowB = data.getRow(b).values as ExcelJS.CellValue[];
    data.getRow(a).values = rowB;
    data.getRow(b).values = rowA;
    cell(data, 'families', 'Tổng số').value = 250;
    const res = await upload('longchau', await bytesOf(wb));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json().values).toEqual(expect.arrayContaining([{ element: 'families', breakdown: '', value: 250 }, { element: 'workingAgePeople', breakdown: 'sex=female', value: 600 }]));
  });

  it('names a renamed sheet and the sheets it found', async () => {
    const { wb, data, text } = await download();
    data.name = 'Data';
    text.name = 'Sheet2';
    const err = await refused(async () => upload('longchau', await bytesOf(wb)), 400);
    expect(err.details).toEqual([
      { path: 'Số liệu', message: 'Không có trang tính “Số liệu” (đã bị đổi tên hoặc xóa); các trang trong tệp: “Data”, “Sheet2”. Hãy giữ nguyên tên trang “Số liệu”.' },
      { path: 'Thuyết minh', message: expect.stringContaining('Không có trang tính “Thuyết minh”') },
    ]);
  });

  it('refuses a foreign file with one clear message: a DOCX, a PNG, random bytes, an unrelated workbook', async () => {
    const docx = (await docxFromText('KẾ HOẠCH\nXây dựng xã hội học tập\n')).bytes;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...randomBytes(32)]);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Số liệu').addRow(['Mã', 'Chỉ tiêu', 'Tổng số']);
    const cases: [Uint8Array, string, RegExp][] = [
      [docx, 'bao-cao.xlsx', /không phải là bảng tính Excel \(\.xlsx\): tài liệu Word \(\.docx\)/],
      [png, 'bao-cao.xlsx', /không phải là bảng tính Excel \(\.xlsx\): ảnh PNG/],
      [new Uint8Array(randomBytes(4096)), 'bao-cao.xlsx', /không phải là bảng tính Excel \(\.xlsx\): không nhận ra loại tệp/],
      [new Uint8Array(0), 'bao-cao.xlsx', /rỗng/],
      [await bytesOf(plain), 'bao-cao.xlsx', /không phải là báo cáo tải về từ XHHT \(không có trang thông tin ẩn “_xhht”\)/],
    ];
    for (const [bytes, name, message] of cases) {
      const err = await refused(() => upload('longchau', bytes, query(), name), 400);
      expect(err.message, name).toMatch(message);
      expect(err.details).toEqual([{ path: 'file', message: err.message }]);
    }
  });

  it('refuses the workbook of another template, another period, or an older format', async () => {
    // Sở GDĐT's province-wide report, downloaded by the coordinator, uploaded to Long Châu's report.
    const other = await download('sogddt', `templateId=${provinceTemplate}&periodKey=${PERIOD}&unitId=${vinhLong}&agencyId=${soGddt}`);
    let err = await refused(async () => upload('longchau', await bytesOf(other.wb)), 400);
    expect(err.message).toContain('tệp là báo cáo theo mẫu khác (“xhht-tinh”)');
    expect(err.message).toContain('tệp là báo cáo của “Sở Giáo dục và Đào tạo');
    const previous = await download('longchau', query(PREVIOUS));
    err = await refused(async () => upload('longchau', await bytesOf(previous.wb)), 400);
    expect(err.details).toEqual([{ path: 'file', message: `tệp là số liệu kỳ “${PREVIOUS}”, không phải kỳ ${PERIOD}` }]);
    const old = await download();
    old.wb.getWorksheet(META_SHEET)!.getCell('B1').value = 'xhht-bao-cao-xlsx/0';
    err = await refused(async () => upload('longchau', await bytesOf(old.wb)), 400);
    expect(err.message).toContain('định dạng “xhht-bao-cao-xlsx/0”');
  });

  it('refuses a stale file (409), saying who saved the report and when', async () => {
    const stale = await download();
    const fresh = await download();
    cell(fresh.data, 'villages', 'Tổng số').value = 12;
    expect((await upload('longchau', await bytesOf(fresh.wb))).statusCode).toBe(200);
    cell(stale.data, 'villages', 'Tổng số').value = 99;
    const err = await refused(async () => upload('longchau', await bytesOf(stale.wb)), 409);
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/^Tệp này được tải về ở phiên bản \d+; báo cáo đã được lưu lại sau đó bởi .+ lúc .+ \(phiên bản \d+\)/);
  });

  it('refuses a zip bomb, a part that lies about its size, and a file over 5 MB', async () => {
    const types = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    const book = Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const huge = Buffer.alloc(60 * 1024 * 1024, 0x20);
    const bomb = zipOf([{ name: '[Content_Types].xml', data: types }, { name: 'xl/workbook.xml', data: book }, { name: 'xl/worksheets/sheet1.xml', data: huge }]);
    expect(bomb.length).toBeLessThan(200_000);
    let err = await refused(() => upload('longchau', bomb), 400);
    expect(err.message).toMatch(/giải nén ra hơn 40 MB\): có thể là tệp độc hại/);
    const liar = zipOf([{ name: '[Content_Types].xml', data: types }, { name: 'xl/workbook.xml', data: book }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024 * 1024, 0x20), lie: 1000 }]);
    err = await refused(() => upload('longchau', liar), 400);
    expect(err.message).toMatch(/giải nén ra nhiều hơn dung lượng khai báo/);
    err = await refused(() => upload('longchau', new Uint8Array(randomBytes(5 * 1024 * 1024 + 1))), 413);
    expect(err.message).toContain('tối đa 5 MB');
  });

  it('reads a file whose validation someone stretched over the whole sheet without expanding it', async () => {
    const { wb, data } = await download();
    // ExcelJS would mark 17 billion cells reading this; the upload skips validations it does not need.
    (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('A1:XFD1048576', { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true });
    cell(data, 'villages', 'Tổng số').value = 13;
    const started = Date.now();
    const res = await upload('longchau', await bytesOf(wb));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('who may upload', () => {
  it('refuses another commune’s officer (404), the coordinator and a province viewer (403), and a sent report (409)', async () => {
    const { wb } = await download();
    const bytes = await bytesOf(wb);
    expect((await refused(() => upload('travinh', bytes), 404)).code).toBe('NOT_FOUND');
    expect((await refused(() => upload('cantho', bytes), 404)).code).toBe('NOT_FOUND');
    expect((await refused(() => upload('sogddt', bytes), 403)).message).toBe('Bạn chỉ nhập được báo cáo của xã, cơ quan mình.');
    expect((await refused(() => upload('xem', bytes), 403)).code).toBe('FORBIDDEN');
    const current = (await inject('longchau', 'GET', `/api/reporting/report?${query()}`)).json();
    await inject('longchau', 'PUT', '/api/reporting/report', { payload: { templateId: template, periodKey: PERIOD, unitId: longChau, agencyId: null, values: [{ element: 'workingAgePeople', breakdown: '', value: 1000 }], sections: {}, version: current.version } });
    const saved = (await inject('longchau', 'GET', `/api/reporting/report?${query()}`)).json();
    const sent = await inject('longchau', 'POST', `/api/reporting/reports/${saved.id}/actions`, { payload: { action: 'submit', version: saved.version } });
    expect(sent.statusCode, sent.body).toBe(200);
    const again = await download();
    expect((await refused(async () => upload('longchau', await bytesOf(again.wb)), 409)).message).toContain('đã gửi');
  });

  it('asks for a file when none is sent', async () => {
    const res = await inject('longchau', 'POST', `/api/reporting/report.xlsx?${query()}`, { payload: { not: 'a file' } });
    expect(res.statusCode).toBe(400);
  });
});
