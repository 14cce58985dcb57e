// The one entry point of the document readers: bytes of an uploaded plan in, the common block model out.
// The real type is read from the bytes (ZIP + [Content_Types].xml tells Word from Excel, `%PDF-` a PDF,
// otherwise UTF-8/UTF-16 text); the file name is only used to word the error when the bytes are not what
// it claims. Every refusal is a PlanImportError with a Vietnamese message naming the problem.
// The Excel and PDF readers (ExcelJS, pdf.js: large) are loaded on first use, not at server start.
import type { ExtractedDocument } from '../../../../shared/contracts/plan-import.ts';
import { PlanImportError, claimedKind, formatBytes, wrongType } from './errors.ts';
import { readDocx } from './read-docx.ts';
import { decodeText, readText } from './read-text.ts';
import { elements } from './xml.ts';
import { ZIP_LIMITS, type ZipArchive, type ZipLimits, ZipProblem, openZip, xmlText } from './zip.ts';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * Largest XML a reader takes in, inflated: Word's body (read as a stream: time grows with it, ≈ 0.3 s per
 * 10 MB) and Excel's sheets and shared strings (ExcelJS holds the workbook in memory: ≈ 30 MB of memory
 * per MB of sheet XML; 16 MB is ≈ 30,000 plain rows, 5,000 rows are ≈ 2.5 MB).
 */
export const MAX_DOCX_BODY_BYTES = 64 * 1024 * 1024;
export const MAX_XLSX_SHEET_BYTES = 16 * 1024 * 1024;

export type ExtractOptions = {
  /** Called with fractions from 0 to 1, never going back, as the file is read. */
  onProgress?: (fraction: number) => void;
  /** Largest accepted upload, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Limits on the inflated ZIP content of .docx/.xlsx (defaults: 5,000 parts, 100 MB). */
  zipLimits?: ZipLimits;
};

const DOCX_MAIN = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
]);
const XLSX_MAIN = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, n: number) => String.fromCharCode(...bytes.subarray(0, n));

/** Formats we recognise but do not read, with what to tell the user. */
function unsupported(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'đây là tệp Office đời cũ (.doc/.xls) hoặc tệp Office có đặt mật khẩu: hãy mở bằng Word/Excel, bỏ mật khẩu nếu có và lưu lại thành .docx/.xlsx';
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'nội dung là ảnh PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'nội dung là ảnh JPEG';
  if (ascii(bytes, 4) === 'GIF8') return 'nội dung là ảnh GIF';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'nội dung là ảnh TIFF';
  if (ascii(bytes, 4) === 'RIFF' && ascii(bytes.subarray(8), 4) === 'WEBP') return 'nội dung là ảnh WebP';
  if (ascii(bytes, 4) === 'Rar!') return 'nội dung là tệp nén RAR';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'nội dung là tệp nén 7z';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'nội dung là tệp nén gzip';
  if (ascii(bytes, 5) === '{\\rtf') return 'nội dung là tệp RTF: hãy mở bằng Word và lưu lại thành .docx';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'nội dung là trang web (HTML): hãy mở bằng Word và lưu lại thành .docx';
  if (head.startsWith('<?xml')) return 'nội dung là tệp XML: hãy mở bằng Word/Excel và lưu lại thành .docx/.xlsx';
  return null;
}

/** Turns a monotone, clamped, de-duplicated progress callback out of the caller's. */
function progressOf(cb: ((f: number) => void) | undefined) {
  let last = -1;
  return (f: number) => {
    if (!cb) return;
    const v = Math.min(1, Math.max(0, f));
    if (v < last || (v - last < 0.01 && v !== 1) || (v === 1 && last === 1)) return;
    last = v;
    cb(v);
  };
}

const tooMuch = (what: string, size: number, max: number) =>
  new PlanImportError(
    'TOO_LARGE',
    `${what} có quá nhiều dữ liệu để nhập (${formatBytes(size)} nội dung, tối đa ${formatBytes(max)}): một kế hoạch chỉ có vài nghìn dòng; hãy chỉ giữ lại phần kế hoạch.`,
  );

const containerName = (filename: string) =>
  ({ docx: 'Tệp Word (.docx)', xlsx: 'Tệp Excel (.xlsx)', pdf: 'Tệp', text: 'Tệp', other: 'Tệp' })[claimedKind(filename)];

function zipFailure(e: unknown, filename: string): unknown {
  if (!(e instanceof ZipProblem)) return e;
  if (e.kind === 'bomb') return new PlanImportError('ZIP_BOMB', `Tệp bị từ chối vì lý do an toàn: ${e.message}.`);
  return new PlanImportError('CORRUPT', `${containerName(filename)} bị hỏng hoặc không đầy đủ: ${e.message}.`);
}

async function readOffice(bytes: Uint8Array, filename: string, limits: ZipLimits, progress: (f: number) => void): Promise<ExtractedDocument> {
  let zip: ZipArchive;
  let overrides: Record<string, string>[];
  try {
    zip = await openZip(bytes, limits);
    const ct = await zip.read('[Content_Types].xml');
    if (!ct) {
      if (zip.has('mimetype') && new TextDecoder().decode((await zip.read('mimetype'))!).includes('opendocument')) {
        throw wrongType(filename, 'đây là tài liệu OpenDocument (.odt/.ods): hãy lưu lại thành .docx/.xlsx');
      }
      throw wrongType(filename, 'tệp nén ZIP không chứa tài liệu Word hay bảng tính Excel');
    }
    overrides = await elements(xmlText(ct, '[Content_Types].xml'), '[Content_Types].xml', 'Override');
  } catch (e) {
    throw zipFailure(e, filename);
  }
  const main = (types: Set<string>) => overrides.find((o) => types.has(o.ContentType ?? '') && o.PartName)?.PartName!.replace(/^\//, '');
  const docx = main(DOCX_MAIN);
  const xlsx = main(XLSX_MAIN);
  try {
    if (docx && zip.has(docx)) {
      if (zip.sizeOf(docx) > MAX_DOCX_BODY_BYTES) throw tooMuch('Tài liệu Word', zip.sizeOf(docx), MAX_DOCX_BODY_BYTES);
      const doc = await readDocx(zip, docx, progress);
      if (!doc.blocks.length) throw new PlanImportError('NO_DATA', 'Tài liệu Word không có nội dung: không thấy đoạn văn hay bảng nào.');
      return doc;
    }
    if (xlsx && zip.has(xlsx)) {
      const sheets = zip.names.filter((n) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(n)).reduce((s, n) => s + zip.sizeOf(n), 0);
      if (sheets > MAX_XLSX_SHEET_BYTES) throw tooMuch('Bảng tính Excel', sheets, MAX_XLSX_SHEET_BYTES);
      // ExcelJS inflates the parts itself: first make sure none of them inflates past the limits.
      await zip.verifyAll();
      progress(0.2);
      const { readXlsx } = await import('./read-xlsx.ts');
      return await readXlsx(bytes, (f) => progress(0.2 + 0.8 * f));
    }
  } catch (e) {
    throw zipFailure(e, filename);
  }
  const types = overrides.map((o) => o.ContentType ?? '').join(' ');
  if (types.includes('presentationml')) throw wrongType(filename, 'đây là bản trình chiếu PowerPoint');
  if (types.includes('sheet.binary')) throw wrongType(filename, 'đây là bảng tính Excel nhị phân (.xlsb): hãy lưu lại thành .xlsx');
  throw wrongType(filename, 'tệp nén ZIP không chứa tài liệu Word hay bảng tính Excel');
}

/** Reads an uploaded plan document into paragraphs and tables. */
export async function extractDocument(bytes: Uint8Array, filename: string, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new PlanImportError('EMPTY_FILE', 'Tệp rỗng (0 byte): không có nội dung để đọc.');
  if (bytes.length > maxBytes) {
    throw new PlanImportError('TOO_LARGE', `Tệp quá lớn (${formatBytes(bytes.length)}): chỉ nhận tệp đến ${formatBytes(maxBytes)}.`);
  }
  const progress = progressOf(opts.onProgress);
  progress(0);

  let doc: ExtractedDocument;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    doc = await readOffice(bytes, filename, opts.zipLimits ?? ZIP_LIMITS, progress);
  } else if (ascii(bytes, Math.min(bytes.length, 1024)).includes('%PDF-')) {
    const { readPdf } = await import('./read-pdf.ts');
    doc = await readPdf(bytes, progress);
  } else {
    const why = unsupported(bytes);
    if (why) throw wrongType(filename, why);
    const text = decodeText(bytes, filename);
    if (!text.trim()) throw new PlanImportError('EMPTY_FILE', 'Tệp chỉ có khoảng trắng: không có nội dung để đọc.');
    doc = readText(text, progress);
  }
  progress(1);
  return doc;
}
