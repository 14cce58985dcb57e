// Excel (.xlsx), through ExcelJS: each visible sheet with data becomes one table block (empty rows and
// empty outer columns dropped, rows padded to the sheet's width). Values are shown as Excel shows them:
// dates and explicitly formatted numbers in the Vietnamese way (dd/mm/yyyy, 1.234,5, 55,55%), numbers in
// the General format as typed (1.1 stays "1.1": it is usually a task code), rich text flattened, formulas
// by their cached result. Merged ranges are filled like Word tables: the master's text once, empty
// strings across the row, and each row below repeats the text of the cell above it.
import ExcelJS from 'exceljs';
import { format as formatValue, isDateFormat } from 'numfmt';
import type { DocBlock, ExtractedDocument } from '../../../../shared/contracts/plan-import.ts';
import { PlanImportError } from './errors.ts';

/** No plan table is wider; a sheet wider than this keeps its non-empty columns, up to this many. */
const MAX_COLUMNS = 100;

const clean = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** ExcelJS names the locale-dependent built-in formats in US style; Vietnamese Excel shows them day first. */
function normalizeFormat(fmt: string | undefined): string {
  if (!fmt) return 'General';
  if (fmt === 'mm-dd-yy' || fmt === 'm/d/yy' || fmt === 'm/d/yyyy') return 'dd/mm/yyyy';
  if (fmt === 'm/d/yy h:mm' || fmt === 'm/d/yyyy h:mm') return 'dd/mm/yyyy hh:mm';
  return fmt;
}

function numberText(n: number, fmt: string): string {
  const f = normalizeFormat(fmt);
  try {
    if (f === 'General' || f === '@') return formatValue('General', n, { locale: 'en' });
    return formatValue(f, n, { locale: 'vi' });
  } catch {
    return String(n);
  }
}

function dateText(d: Date, fmt: string): string {
  const serial = d.getTime() / 86_400_000 + 25_569; // ExcelJS gives UTC dates: back to the 1900-system serial
  const f = normalizeFormat(fmt);
  try {
    return formatValue(isDateFormat(f) ? f : 'dd/mm/yyyy', serial, { locale: 'vi' });
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

function valueText(v: unknown, fmt: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v, fmt);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v, fmt);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if (typeof o.error === 'string') return o.error;
    if ('formula' in o || 'sharedFormula' in o) return valueText(o.result, fmt);
    if ('hyperlink' in o) return valueText(o.text, fmt);
    if ('text' in o) return valueText(o.text, fmt);
  }
  return String(v);
}

export async function readXlsx(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<ExtractedDocument> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want the old Buffer shape; a Node Buffer view of the same bytes is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new PlanImportError('CORRUPT', `Tệp Excel (.xlsx) bị hỏng hoặc không đầy đủ (${String((e as Error)?.message ?? e).replace(/[.\s]+$/, '')}).`);
  }
  onProgress?.(0.5);

  const sheets = wb.worksheets.filter((ws) => !ws.state || ws.state === 'visible');
  const totalRows = sheets.reduce((n, ws) => n + ws.rowCount, 0) || 1;
  let doneRows = 0;
  const blocks: DocBlock[] = [];
  const lines: string[] = [];

  for (const ws of sheets) {
    const grid: { r: number; cells: string[] }[] = [];
    let prev: { r: number; cells: string[] } | null = null;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        let text: string;
        const master = cell.isMerged ? cell.master : cell;
        if (master !== cell && master.address !== cell.address) {
          // Inside a merged range: empty across the master's row, the cell above's text below it.
          text = Number(master.row) === r ? '' : prev && prev.r === r - 1 ? (prev.cells[c - 1] ?? '') : clean(valueText(master.value, master.numFmt));
        } else {
          text = clean(valueText(cell.value, cell.numFmt));
        }
        cells[c - 1] = text;
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      prev = { r, cells };
      if (cells.some((t) => t !== '')) grid.push(prev);
      if (++doneRows % 500 === 0) onProgress?.(0.5 + (0.5 * doneRows) / totalRows);
    });
    if (!grid.length) continue;

    // Drop columns that are empty in every row, at either side; pad rows to the sheet's width.
    let first = Infinity;
    let last = -1;
    for (const { cells } of grid) {
      const f = cells.findIndex((t) => t !== '');
      if (f !== -1) first = Math.min(first, f);
      for (let i = cells.length - 1; i > last; i--) if (cells[i] !== '') last = i;
    }
    // A cell far to the right (XFD1) must not make every row 16,384 cells wide: past MAX_COLUMNS, only
    // the columns holding something are kept.
    let columns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    if (columns.length > MAX_COLUMNS) columns = columns.filter((c) => grid.some((r) => r.cells[c])).slice(0, MAX_COLUMNS);
    const block: Extract<DocBlock, { kind: 'table' }> = { kind: 'table', line: lines.length + 1, rows: [] };
    for (const { cells } of grid) {
      const out = columns.map((c) => cells[c] ?? '');
      lines.push(out.map(oneLine).join('\t'));
      block.rows.push({ line: lines.length, cells: out });
    }
    blocks.push(block);
  }
  if (!blocks.length) throw new PlanImportError('NO_DATA', 'Bảng tính Excel không có dữ liệu: các trang tính đều trống.');
  onProgress?.(1);
  return { format: 'xlsx', blocks, lines };
}
