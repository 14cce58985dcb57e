import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import yauzl from 'yauzl';
import type { Actor } from '../../lib/actor.ts';
import { AppError, conflict, forbidden, invalid, type FieldIssue } from '../../lib/errors.ts';
import { sniffFileType, type SniffedType } from '../../lib/file-type.ts';
import type { ReportView } from '../../../shared/contracts/reporting.ts';
import { CATEGORY_LABELS_VI, formatNumberVi, type DataElement } from '../../../shared/domain/indicators.ts';
import { cellsOf, type Cell } from '../../../shared/domain/report-entry.ts';
import type { ReportingService } from './reporting.service.ts';

// A report as an Excel workbook, to fill offline and upload back (issue 4): "every cell is checked, all errors
// are listed with their cell addresses, and nothing is written unless the whole file is valid".
//
// - "Số liệu": a title block, then one row per data element (its code in the hidden column A, rows are matched
//   by that code, never by position) with one column per cell of the form (Tổng số, Nam, Nữ, …) and the
//   previous period's total for reference. Input cells are unlocked and carry a data validation; the sheet is
//   protected without a password, so nobody breaks the layout by accident (and anyone can on purpose: the
//   upload trusts nothing of it).
// - "Thuyết minh": one row per section of the outline (key hidden in column A).
// - "_xhht" (very hidden): the report's key, its version at download time and the format version, so an upload
//   is matched to its report and a stale file is refused (409) instead of overwriting someone's newer figures.
//
// An uploaded file is read in this order, each step refusing the whole file with one clear message: at most
// 5 MB; an XLSX by its bytes (server/lib/file-type.ts); a ZIP that inflates to a sane size (every part is
// inflated once and counted: yauzl also stops a part that inflates past its declared size); ExcelJS reading only
// cell values (data validations, merges, column ranges, conditional formats are skipped: ExcelJS expands their
// ranges cell by cell, and one "A1:XFD1048576" would hold the server for minutes) with a cap on rows and
// columns; the "_xhht" sheet and its key. Then every cell is checked and every problem collected.

export const REPORT_XLSX_MAX_BYTES = 5 * 1024 * 1024;
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATA_SHEET = 'Số liệu';
export const SECTIONS_SHEET = 'Thuyết minh';
export const META_SHEET = '_xhht';
/** Bumped when the layout changes so that an older file is refused with a clear message. */
export const FORMAT_VERSION = 'xhht-bao-cao-xlsx/1';

const CODE_HEADER = 'Mã';
const NAME_HEADER = 'Chỉ tiêu';
const PREVIOUS_HEADER = 'Kỳ trước (tổng số)';
const SECTION_TITLE_HEADER = 'Mục';
const SECTION_HINT_HEADER = 'Gợi ý';
const SECTION_TEXT_HEADER = 'Nội dung thuyết minh';
const DATA_HEADER_ROW = 7;
const SECTIONS_HEADER_ROW = 3;
const MAX_SECTION_CHARS = 50_000;
const MAX_VALUE = 1e15;
/** Problems listed in one answer; the message gives the total. */
const MAX_LISTED = 500;

/** What the container may hold before ExcelJS sees it. A 5,000-cell report inflates to about 1 MB. */
export const XLSX_LIMITS = {
  maxEntries: 1_000,
  maxInflatedBytes: 40 * 1024 * 1024,
  /** Cells addressed by the workbook's defined names (ExcelJS expands those ranges too). */
  maxNamedCells: 200_000,
  maxRows: 20_000,
  maxCellsPerRow: 1_000,
};

export type ReportKey = { templateId: string; periodKey: string; unitId: string; agencyId: string | null };
export type SectionDef = { key: string; title: string; hint: string };

/** What the workbook shows, and what an upload is checked against. */
export type ReportForm = {
  key: ReportKey;
  templateCode: string;
  templateName: string;
  reporterName: string;
  periodLabel: string;
  /** ISO date. */
  dueDate: string;
  /** The report's version now (null before its first save). */
  version: number | null;
  elements: readonly DataElement[];
  outline: readonly SectionDef[];
  values: readonly Cell[];
  /** The previous period's approved figures (only the totals are shown). */
  previous: readonly Cell[];
  sections: Readonly<Record<string, string>>;
};

export function formOf(view: ReportView): ReportForm {
  return {
    key: { templateId: view.template.id, periodKey: view.periodKey, unitId: view.reporter.unitId, agencyId: view.reporter.agencyId },
    templateCode: view.template.code,
    templateName: view.template.name,
    reporterName: view.reporter.name,
    periodLabel: view.periodLabel,
    dueDate: view.dueDate,
    version: view.version,
    elements: view.template.elements.map((e) => ({ ...e, level: e.level as DataElement['level'], breakdowns: e.breakdowns as DataElement['breakdowns'] })),
    outline: view.template.outline,
    values: view.values,
    previous: view.previous,
    sections: view.sections,
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The columns of the form: every cell any element has, in the order they first appear (Tổng số first). */
export function columnsOf(elements: readonly DataElement[]): string[] {
  const out: string[] = [];
  for (const e of elements) for (const c of cellsOf(e)) if (!out.includes(c)) out.push(c);
  return out;
}

/** '' → "Tổng số", 'sex=female' → "Nữ", 'ethnicMinority=no' → "Không phải dân tộc thiểu số". */
export function cellLabel(key: string): string {
  if (key === '') return 'Tổng số';
  return key
    .split('|')
    .map((part) => {
      const [dim, cat = ''] = part.split('=');
      return dim === 'ageGroup' ? `Nhóm tuổi ${cat}` : (CATEGORY_LABELS_VI[cat] ?? cat);
    })
    .join(', ');
}

/** `bao-cao-xhht-xa-Phường-Long-Châu-2026.xlsx` */
export function reportFilename(form: Pick<ReportForm, 'templateCode' | 'reporterName' | 'key'>): string {
  const slug = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return `bao-cao-${slug(form.templateCode)}-${slug(form.reporterName)}-${slug(form.key.periodKey)}.xlsx`;
}


const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

function validationFor(e: DataElement): ExcelJS.DataValidation {
  const count = e.valueType === 'count';
  return {
    type: count ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [0, MAX_VALUE],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Số liệu không hợp lệ',
    error: count ? 'Chỉ tiêu này đếm số lượng: hãy nhập một số nguyên không âm (0, 1, 2, …) hoặc để trống nếu chưa có số liệu.' : 'Hãy nhập một số không âm hoặc để trống nếu chưa có số liệu.',
    showInputMessage: false,
  };
}

function titleBlock(ws: ExcelJS.Worksheet, lastCol: number, lines: { text: string; font?: Partial<ExcelJS.Font>; height?: number }[]) {
  lines.forEach((l, i) => {
    const row = i + 1;
    ws.mergeCells(row, 2, row, lastCol);
    const cell = ws.getCell(row, 2);
    cell.value = l.text;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    if (l.font) cell.font = l.font;
    if (l.height) ws.getRow(row).height = l.height;
  });
}

/** The report as a workbook, pre-filled with its current figures and narrative. */
export async function reportWorkbook(form: ReportForm, downloadedAt = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'XHHT';
  wb.created = downloadedAt;
  const columns = columnsOf(form.elements);
  const firstCell = 3;
  const previousCol = firstCell + columns.length;
  const values = new Map(form.values.map((v) => [`${v.element}|${v.breakdown}`, v.value]));
  const previous = new Map(form.previous.filter((v) => v.breakdown === '').map((v) => [v.element, v.value]));

  const ws = wb.addWorksheet(DATA_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: DATA_HEADER_ROW }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.columns = [{ width: 6, hidden: true }, { width: 58 }, ...columns.map(() => ({ width: 14 })), { width: 14 }];
  // One validation per row's run of input cells: ExcelJS's own merging of per-cell validations writes
  // overlapping ranges (it walks the addresses in string order, C10 before C8), which Excel may "repair".
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  titleBlock(ws, previousCol, [
    { text: form.templateName.toLocaleUpperCase('vi'), font: { bold: true, size: 13 }, height: 36 },
    { text: `Đơn vị báo cáo: ${form.reporterName}`, font: { bold: true } },
    { text: `Kỳ báo cáo: ${form.periodLabel}` },
    { text: `Hạn gửi: ${viDate(form.dueDate)}` },
    {
      text: 'Nhập số liệu vào các ô nền trắng; để trống ô chưa có số liệu. Ô nền xám không nhập. Không đổi tên trang tính, không xóa hay chèn dòng, cột. Lưu tệp rồi tải lên ở trang báo cáo: mọi ô được kiểm tra, có lỗi thì không lưu gì.',
      font: { italic: true, color: { argb: 'FF595959' } },
      height: 45,
    },
  ]);
  const header = ws.getRow(DATA_HEADER_ROW);
  header.values = [CODE_HEADER, NAME_HEADER, ...columns.map(cellLabel), PREVIOUS_HEADER];
  header.height = 45;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
  });

  form.elements.forEach((e, i) => {
    const row = ws.getRow(DATA_HEADER_ROW + 1 + i);
    row.getCell(1).value = e.code;
    const name = row.getCell(2);
    name.value = e.name;
    name.alignment = { wrapText: true, vertical: 'middle' };
    name.border = THIN;
    const own = new Set(cellsOf(e));
    const numFmt = e.valueType === 'count' ? '#,##0' : 'General';
    let run: number[] = [];
    const validate = () => {
      if (run.length) validations.add(`${colLetters(run[0]!)}${row.number}:${colLetters(run.at(-1)!)}${row.number}`, validationFor(e));
      run = [];
    };
    columns.forEach((key, k) => {
      const cell = row.getCell(firstCell + k);
      cell.border = THIN;
      if (!own.has(key)) {
        cell.fill = GREY;
        return validate();
      }
      cell.value = values.get(`${e.code}|${key}`) ?? null;
      cell.numFmt = numFmt;
      cell.protection = { locked: false };
      run.push(firstCell + k);
    });
    validate();
    const prev = row.getCell(previousCol);
    prev.value = previous.get(e.code) ?? null;
    prev.numFmt = numFmt;
    prev.fill = GREY;
    prev.font = { italic: true, color: { argb: 'FF595959' } };
    prev.border = THIN;
  });
  await ws.protect('', PROTECTION);

  const ss = wb.addWorksheet(SECTIONS_SHEET, { views: [{ state: 'frozen', ySplit: SECTIONS_HEADER_ROW }] });
  ss.columns = [{ width: 6, hidden: true }, { width: 30 }, { width: 40 }, { width: 90 }];
  titleBlock(ss, 4, [
    { text: `BÁO CÁO THUYẾT MINH: ${form.templateName} (${form.reporterName}, ${form.periodLabel})`, font: { bold: true, size: 13 }, height: 36 },
    { text: 'Viết nội dung từng mục vào cột “Nội dung thuyết minh” (xuống dòng trong ô: Alt+Enter).', font: { italic: true, color: { argb: 'FF595959' } } },
  ]);
  const sh = ss.getRow(SECTIONS_HEADER_ROW);
  sh.values = [CODE_HEADER, SECTION_TITLE_HEADER, SECTION_HINT_HEADER, SECTION_TEXT_HEADER];
  sh.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  form.outline.forEach((s, i) => {
    const row = ss.getRow(SECTIONS_HEADER_ROW + 1 + i);
    row.values = [s.key, s.title, s.hint, form.sections[s.key] ?? ''];
    row.height = 120;
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell(2).font = { bold: true };
    row.getCell(3).font = { italic: true, color: { argb: 'FF595959' } };
    row.getCell(3).fill = GREY;
    row.getCell(4).protection = { locked: false };
    row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
  });
  await ss.protect('', PROTECTION);

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    ['format', FORMAT_VERSION],
    ['templateId', form.key.templateId],
    ['templateCode', form.templateCode],
    ['periodKey', form.key.periodKey],
    ['unitId', form.key.unitId],
    ['agencyId', form.key.agencyId ?? ''],
    ['reporter', form.reporterName],
    ['version', form.version ?? ''],
    ['downloadedAt', downloadedAt.toISOString()],
  ]);
  await meta.protect('', {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------
// Reading

const fileProblem = (message: string) => invalid(message, [{ path: 'file', message }]);

const WHAT_IT_IS: Record<SniffedType, string> = {
  'application/pdf': 'tài liệu PDF',
  'image/png': 'ảnh PNG',
  'image/jpeg': 'ảnh JPEG',
  'image/webp': 'ảnh WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'tài liệu Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'bảng tính Excel',
};
const RE_DOWNLOAD = 'Hãy tải tệp Excel của chính báo cáo này từ XHHT, nhập số liệu vào tệp đó rồi tải lên.';

function notAWorkbook(bytes: Uint8Array, type: SniffedType | null): AppError {
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const what = type ? WHAT_IT_IS[type] : ole ? 'tệp Office đời cũ (.xls, .doc): hãy lưu ở dạng .xlsx' : 'không nhận ra loại tệp';
  return fileProblem(`Tệp tải lên không phải là bảng tính Excel (.xlsx): ${what}. ${RE_DOWNLOAD}`);
}

const MB = 1024 * 1024;

/**
 * Opens the ZIP container from its central directory and inflates every part once, counting: too many parts,
 * too many bytes declared or actually inflated (yauzl stops a part that inflates past its declared size), an
 * encrypted part, or defined names over huge ranges refuse the file before ExcelJS (which trusts all of it).
 */
async function checkContainer(bytes: Uint8Array, limits = XLSX_LIMITS): Promise<void> {
  const bomb = (what: string) => fileProblem(`Tệp Excel bất thường (${what}): có thể là tệp độc hại, không đọc. ${RE_DOWNLOAD}`);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false });
  } catch (e) {
    throw fileProblem(`Tệp Excel bị hỏng, không đọc được (${(e as Error).message}).`);
  }
  if (zip.entryCount > limits.maxEntries) throw bomb(`${zip.entryCount} phần nén, tối đa ${limits.maxEntries}`);
  let declared = 0;
  let inflated = 0;
  let workbookXml = '';
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (declared > limits.maxInflatedBytes) return reject(bomb(`giải nén ra hơn ${limits.maxInflatedBytes / MB} MB`));
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        if (entry.isEncrypted()) return reject(fileProblem('Tệp Excel có phần được mã hoá hoặc đặt mật khẩu: hãy bỏ mật khẩu rồi tải lên lại.'));
        const keep = entry.fileName.replace(/^\//, '') === 'xl/workbook.xml';
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxInflatedBytes) {
              stream.destroy();
              reject(bomb(`giải nén ra hơn ${limits.maxInflatedBytes / MB} MB`));
            } else if (keep) chunks.push(chunk);
          });
          stream.on('error', (e: Error) => reject(/too many bytes/i.test(e.message) ? bomb(`phần ${entry.fileName} giải nén ra nhiều hơn dung lượng khai báo`) : e));
          stream.on('end', () => {
            if (keep) workbookXml = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileProblem(`Tệp Excel bị hỏng, không đọc được (${(e as Error).message}).`);
  } finally {
    zip.close();
  }
  // ExcelJS marks every cell of a defined name's range ("Print_Area", named ranges).
  let named = 0;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b[^>]*>([^<]*)</g)) {
    for (const r of m[1]!.matchAll(/\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)/g)) {
      named += (Math.abs(colNumber(r[3]!) - colNumber(r[1]!)) + 1) * (Math.abs(Number(r[4]) - Number(r[2])) + 1);
    }
  }
  if (named > limits.maxNamedCells) throw bomb(`tên vùng (Name) trỏ tới ${named.toLocaleString('vi-VN')} ô`);
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string => (n <= 0 ? '' : colLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** Parts of a worksheet ExcelJS would read that the upload does not need; several expand ranges cell by cell. */
const IGNORED_NODES = ['dataValidations', 'mergeCells', 'cols', 'conditionalFormatting', 'extLst', 'hyperlinks', 'drawing', 'picture', 'tableParts', 'rowBreaks', 'autoFilter', 'headerFooter', 'pageSetup', 'printOptions', 'pageMargins', 'sheetProtection', 'sheetViews'];

async function loadWorkbook(bytes: Uint8Array, limits = XLSX_LIMITS): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // maxRows and maxCols are read by ExcelJS's worksheet parser, though its typings only declare ignoreNodes.
    const options = { ignoreNodes: IGNORED_NODES, maxRows: limits.maxRows, maxCols: limits.maxCellsPerRow };
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer, options);
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/^Max .* exceeded/.test(msg)) throw fileProblem(`Bảng tính quá lớn so với một báo cáo (${msg}). ${RE_DOWNLOAD}`);
    throw fileProblem(`Tệp Excel bị hỏng hoặc không đầy đủ (${msg.replace(/[.\s]+$/, '')}).`);
  }
  return wb;
}

/** A cell's content as the person sees it: rich text flattened, a formula by its result, a link by its text. */
function plain(v: ExcelJS.CellValue): string | number | boolean | Date | { error: string } | { formula: true; result: unknown } | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if (typeof o.error === 'string') return { error: o.error };
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result;
    return r === undefined || r === null ? { formula: true, result: r } : plain(r as ExcelJS.CellValue);
  }
  if ('text' in o) return plain(o.text as ExcelJS.CellValue);
  return String(v);
}

const clean = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim();
const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

function textOf(v: ExcelJS.CellValue): string {
  const p = plain(v);
  if (p === null) return '';
  if (typeof p === 'string') return clean(p);
  if (typeof p === 'number' || typeof p === 'boolean') return String(p);
  if (p instanceof Date) return viDate(p.toISOString().slice(0, 10));
  return '';
}

type Read = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'bad'; why: string };

function numberOf(v: ExcelJS.CellValue): Read {
  const p = plain(v);
  if (p === null) return { kind: 'empty' };
  if (typeof p === 'number') return Number.isFinite(p) ? { kind: 'number', value: p } : { kind: 'bad', why: 'không phải là số' };
  if (typeof p === 'string') {
    const s = clean(p);
    if (s === '') return { kind: 'empty' };
    // A number stored as text ('120, or pasted from elsewhere) is still a number when it is only digits.
    if (/^-?\d{1,16}$/.test(s)) return { kind: 'number', value: Number(s) };
    return { kind: 'bad', why: `${quote(s)} không phải là số` };
  }
  if (typeof p === 'boolean') return { kind: 'bad', why: `${quote(p ? 'TRUE' : 'FALSE')} không phải là số` };
  if (p instanceof Date) return { kind: 'bad', why: `${quote(viDate(p.toISOString().slice(0, 10)))} là ngày tháng, không phải là số` };
  if ('error' in p) return { kind: 'bad', why: `ô báo lỗi ${p.error}` };
  return { kind: 'bad', why: 'ô có công thức chưa tính ra kết quả: hãy nhập số' };
}

/** The row whose column A reads "Mã", and where each header label is. */
function locateHeader(ws: ExcelJS.Worksheet): { row: number; cols: Map<string, number> } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, 50); r++) {
    const row = ws.getRow(r);
    if (textOf(row.getCell(1).value) !== CODE_HEADER) continue;
    const cols = new Map<string, number>();
    row.eachCell((cell, c) => {
      const label = textOf(cell.value).replace(/\s+/g, ' ');
      if (label && !cols.has(label)) cols.set(label, c);
    });
    return { row: r, cols };
  }
  return null;
}

function findSheet(wb: ExcelJS.Workbook, name: string) {
  return wb.worksheets.find((ws) => ws.name.normalize('NFC').trim() === name);
}

type Meta = Record<string, string>;

function readMeta(ws: ExcelJS.Worksheet): Meta {
  const meta: Meta = {};
  ws.eachRow((row) => {
    const k = textOf(row.getCell(1).value);
    if (k) meta[k] = textOf(row.getCell(2).value);
  });
  return meta;
}

export type ParsedReport = {
  /** The report's version when the file was downloaded (null: before its first save). */
  version: number | null;
  values: Cell[];
  sections: Record<string, string>;
  /** Every problem of the cells, rows and sheets, with its address: nothing is saved while there is one. */
  problems: FieldIssue[];
};

/**
 * Reads an uploaded workbook for `form`. A file that is not this report's workbook (not an XLSX, a zip bomb,
 * another file, another report) throws 400 with one message; every other problem is collected in `problems`.
 */
export async function readReportWorkbook(bytes: Uint8Array, form: Pick<ReportForm, 'key' | 'templateName' | 'reporterName' | 'elements' | 'outline'>): Promise<ParsedReport> {
  if (bytes.length === 0) throw fileProblem(`Tệp tải lên rỗng. ${RE_DOWNLOAD}`);
  const type = await sniffFileType(bytes);
  if (type !== XLSX_MEDIA_TYPE) throw notAWorkbook(bytes, type);
  await checkContainer(bytes);
  const wb = await loadWorkbook(bytes);

  const metaSheet = findSheet(wb, META_SHEET);
  if (!metaSheet) throw fileProblem(`Tệp này không phải là báo cáo tải về từ XHHT (không có trang thông tin ẩn “${META_SHEET}”). ${RE_DOWNLOAD}`);
  const meta = readMeta(metaSheet);
  if (meta.format !== FORMAT_VERSION) {
    throw fileProblem(`Tệp được tạo theo định dạng ${meta.format ? quote(meta.format) : 'không rõ'}, không phải định dạng hiện nay (${FORMAT_VERSION}). ${RE_DOWNLOAD}`);
  }
  const k = form.key;
  const mismatch: string[] = [];
  if (meta.templateId !== k.templateId) mismatch.push(`tệp là báo cáo theo mẫu khác (${meta.templateCode ? quote(meta.templateCode) : 'không rõ'}), không phải mẫu “${form.templateName}”`);
  if (meta.periodKey !== k.periodKey) mismatch.push(`tệp là số liệu kỳ ${meta.periodKey ? quote(meta.periodKey) : 'không rõ'}, không phải kỳ ${k.periodKey}`);
  if (meta.unitId !== k.unitId || (meta.agencyId || null) !== k.agencyId) mismatch.push(`tệp là báo cáo của ${meta.reporter ? quote(meta.reporter) : 'đơn vị khác'}, không phải của ${form.reporterName}`);
  if (mismatch.length) {
    const message = `Tệp này không phải là báo cáo đang mở: ${mismatch.join('; ')}. ${RE_DOWNLOAD}`;
    throw invalid(message, mismatch.map((m) => ({ path: 'file', message: m })));
  }
  let version: number | null = null;
  if (meta.version) {
    version = Number(meta.version);
    if (!Number.isInteger(version) || version < 1) throw fileProblem(`Trang thông tin “${META_SHEET}” bị sửa (phiên bản ${quote(meta.version)}). ${RE_DOWNLOAD}`);
  }

  const problems: FieldIssue[] = [];
  const sheetNames = wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map((ws) => `“${ws.name}”`).join(', ') || 'không có';
  const missingSheet = (name: string) => problems.push({ path: name, message: `Không có trang tính “${name}” (đã bị đổi tên hoặc xóa); các trang trong tệp: ${sheetNames}. Hãy giữ nguyên tên trang “${name}”.` });
  const values: Cell[] = [];
  const sections: Record<string, string> = {};

  const data = findSheet(wb, DATA_SHEET);
  if (!data) missingSheet(DATA_SHEET);
  else readData(data, form.elements, values, problems);

  const text = findSheet(wb, SECTIONS_SHEET);
  if (!text) missingSheet(SECTIONS_SHEET);
  else readSections(text, form.outline, sections, problems);

  return { version, values, sections, problems };
}

function readData(ws: ExcelJS.Worksheet, elements: readonly DataElement[], values: Cell[], problems: FieldIssue[]) {
  const at = (addr: string) => `${DATA_SHEET}!${addr}`;
  const header = locateHeader(ws);
  if (!header) {
    problems.push({ path: DATA_SHEET, message: `Trang “${DATA_SHEET}” không còn dòng tiêu đề (ô “${CODE_HEADER}” ở cột A, dòng ${DATA_HEADER_ROW}): không đọc được số liệu. ${RE_DOWNLOAD}` });
    return;
  }
  const columns = columnsOf(elements);
  const colOf = new Map<string, number>();
  for (const key of columns) {
    const c = header.cols.get(cellLabel(key));
    if (c === undefined) problems.push({ path: at(`${colLetters(3 + columns.indexOf(key))}${header.row}`), message: `Thiếu cột “${cellLabel(key)}” ở dòng tiêu đề ${header.row}: cột đã bị xóa hoặc đổi tên.` });
    else colOf.set(key, c);
  }
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const seen = new Map<string, number>();
  ws.eachRow((row, r) => {
    if (r <= header.row) return;
    const code = textOf(row.getCell(1).value);
    if (!code) {
      const filled = [...colOf.values()].filter((c) => numberOf(row.getCell(c).value).kind !== 'empty');
      if (filled.length) problems.push({ path: at(`${colLetters(filled[0]!)}${r}`), message: `Dòng ${r} không có mã chỉ tiêu (cột A, ẩn): có vẻ là dòng chèn thêm. Hãy nhập số liệu vào các dòng có sẵn.` });
      return;
    }
    const e = byCode.get(code);
    if (!e) {
      problems.push({ path: at(`A${r}`), message: `Dòng ${r}: mã chỉ tiêu ${quote(code)} không có trong mẫu báo cáo này.` });
      return;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      problems.push({ path: at(`A${r}`), message: `Dòng ${r}: chỉ tiêu “${e.name}” đã có ở dòng ${first}; mỗi chỉ tiêu chỉ một dòng.` });
      return;
    }
    seen.set(code, r);
    const own = new Set(cellsOf(e));
    for (const [key, c] of colOf) {
      const read = numberOf(row.getCell(c).value);
      if (read.kind === 'empty') continue;
      const addr = `${colLetters(c)}${r}`;
      const where = `Ô ${addr} (${e.name}, ${cellLabel(key)})`;
      if (!own.has(key)) {
        problems.push({ path: at(addr), message: `${where}: chỉ tiêu này không có ô “${cellLabel(key)}”, hãy để trống.` });
        continue;
      }
      if (read.kind === 'bad') {
        problems.push({ path: at(addr), message: `${where}: ${read.why}.` });
        continue;
      }
      const v = read.value;
      if (v < 0) problems.push({ path: at(addr), message: `${where}: ${formatNumberVi(v)} là số âm; số liệu không được âm.` });
      else if (v > MAX_VALUE) problems.push({ path: at(addr), message: `${where}: ${formatNumberVi(v)} quá lớn.` });
      else if (e.valueType === 'count' && !Number.isInteger(v)) problems.push({ path: at(addr), message: `${where}: ${formatNumberVi(v)} không phải là số nguyên (chỉ tiêu đếm số lượng).` });
      else values.push({ element: e.code, breakdown: key, value: v });
    }
  });
  for (const e of elements) {
    if (!seen.has(e.code)) problems.push({ path: DATA_SHEET, message: `Thiếu dòng của chỉ tiêu “${e.name}” (mã ${e.code}): dòng đã bị xóa hoặc mã ở cột A bị sửa. ${RE_DOWNLOAD}` });
  }
}

function readSections(ws: ExcelJS.Worksheet, outline: readonly SectionDef[], sections: Record<string, string>, problems: FieldIssue[]) {
  const at = (addr: string) => `${SECTIONS_SHEET}!${addr}`;
  const header = locateHeader(ws);
  const textCol = header?.cols.get(SECTION_TEXT_HEADER);
  if (!header || textCol === undefined) {
    problems.push({ path: SECTIONS_SHEET, message: `Trang “${SECTIONS_SHEET}” không còn dòng tiêu đề (ô “${CODE_HEADER}” ở cột A và cột “${SECTION_TEXT_HEADER}”): không đọc được thuyết minh. ${RE_DOWNLOAD}` });
    return;
  }
  const byKey = new Map(outline.map((s) => [s.key, s]));
  const seen = new Map<string, number>();
  ws.eachRow((row, r) => {
    if (r <= header.row) return;
    const key = textOf(row.getCell(1).value);
    const text = textOf(row.getCell(textCol).value);
    const addr = `${colLetters(textCol)}${r}`;
    if (!key) {
      if (text) problems.push({ path: at(addr), message: `Dòng ${r} không có mã mục (cột A, ẩn): có vẻ là dòng chèn thêm. Hãy viết vào các mục có sẵn.` });
      return;
    }
    const s = byKey.get(key);
    const v = plain(row.getCell(textCol).value);
    if (!s) problems.push({ path: at(`A${r}`), message: `Dòng ${r}: mục ${quote(key)} không có trong đề cương báo cáo.` });
    else if (seen.has(key)) problems.push({ path: at(`A${r}`), message: `Dòng ${r}: mục “${s.title}” đã có ở dòng ${seen.get(key)}.` });
    else {
      seen.set(key, r);
      if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
        problems.push({ path: at(addr), message: `Ô ${addr} (${s.title}): ${'error' in v ? `ô báo lỗi ${v.error}` : 'ô có công thức chưa tính ra kết quả'}.` });
      } else if (text.length > MAX_SECTION_CHARS) {
        problems.push({ path: at(addr), message: `Ô ${addr} (${s.title}): dài ${text.length.toLocaleString('vi-VN')} ký tự, tối đa ${MAX_SECTION_CHARS.toLocaleString('vi-VN')}.` });
      } else sections[key] = text;
    }
  });
  for (const s of outline) {
    if (!seen.has(s.key)) problems.push({ path: SECTIONS_SHEET, message: `Thiếu dòng của mục “${s.title}”: dòng đã bị xóa hoặc mã ở cột A bị sửa. ${RE_DOWNLOAD}` });
  }
}

// ---------------------------------------------------------------------------------------------------
// The two routes' work

/** The uploaded file (multipart field "file", at most 5 MB). */
export async function uploadedXlsx(req: FastifyRequest): Promise<Uint8Array> {
  if (!req.isMultipart()) throw invalid('Hãy gửi tệp Excel dưới dạng multipart/form-data (trường "file").', [{ path: 'file', message: 'thiếu tệp' }]);
  const file = await req.file({ limits: { fileSize: REPORT_XLSX_MAX_BYTES, files: 1 } });
  if (!file) throw invalid('Chưa chọn tệp Excel.', [{ path: 'file', message: 'thiếu tệp' }]);
  try {
    const bytes = await file.toBuffer();
    if (file.fieldname !== 'file') throw invalid('Tệp phải được gửi trong trường "file".', [{ path: 'file', message: 'thiếu tệp' }]);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `Tệp Excel quá lớn (tối đa ${REPORT_XLSX_MAX_BYTES / MB} MB): tệp báo cáo tải về chỉ vài trăm kB.`, [{ path: 'file', message: 'quá lớn' }]);
    }
    throw e;
  }
}

const viDateTime = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * An upload: the report must be the actor's to fill and still open; the file must be this report's, downloaded
 * from its current version; every cell must be valid. Only then is it saved, through the same `save` as the
 * form (which returns the form's domain checks as issues: they block a submission, not a save).
 */
export async function receiveReportWorkbook(reporting: Pick<ReportingService, 'open' | 'save'>, actor: Actor, key: ReportKey, bytes: Uint8Array) {
  const view = await reporting.open(actor, key);
  if (!view.actions.includes('save')) {
    // In an open report only its reporter may save; in a sent one nobody may, and the coordinator acts on it instead.
    if (view.state === 'draft' || view.state === 'returned' || view.actions.length > 0) throw forbidden('Bạn chỉ nhập được báo cáo của xã, cơ quan mình.');
    throw conflict('Báo cáo đã gửi hoặc đã được phê duyệt nên không nhận tệp Excel; nếu cần sửa, hãy đề nghị Sở GDĐT trả lại.');
  }
  const form = formOf(view);
  const parsed = await readReportWorkbook(bytes, form);
  if (parsed.version !== view.version) {
    const file = parsed.version === null ? 'khi báo cáo chưa được lưu lần nào' : `ở phiên bản ${parsed.version}`;
    const by = view.updatedByName ? ` bởi ${view.updatedByName}` : '';
    const when = view.updatedAt ? ` lúc ${viDateTime(view.updatedAt)}` : '';
    throw conflict(`Tệp này được tải về ${file}; báo cáo đã được lưu lại sau đó${by}${when} (phiên bản ${view.version ?? 'không rõ'}). Để không ghi đè số liệu mới, hãy tải lại tệp Excel, nhập lại rồi tải lên.`);
  }
  if (parsed.problems.length) {
    const n = parsed.problems.length;
    // A sheet pasted over with text could give thousands: the first ones say what to fix.
    const listed = n > MAX_LISTED ? [...parsed.problems.slice(0, MAX_LISTED), { path: 'file', message: `… và ${n - MAX_LISTED} lỗi khác.` }] : parsed.problems;
    throw invalid(`Tệp Excel có ${n} lỗi nên chưa lưu gì: ${parsed.problems.slice(0, 3).map((p) => p.message).join(' ')}${n > 3 ? ' …' : ''}`, listed);
  }
  return reporting.save(actor, { ...key, values: parsed.values, sections: parsed.sections, version: parsed.version });
}
