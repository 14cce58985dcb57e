import { AppError } from '../../../lib/errors.ts';

// Why an uploaded plan file could not be read. Each failure names the problem in Vietnamese for the
// person who uploaded it; `reason` tells the caller (and the tests) which one it was.
export type PlanImportErrorCode =
  | 'EMPTY_FILE' // 0 bytes, or nothing but whitespace
  | 'TOO_LARGE' // over maxBytes (default 20 MB)
  | 'WRONG_TYPE' // not the kind of file its name claims, or no kind we read (image, legacy .doc, random ZIP…)
  | 'CORRUPT' // the right kind, but broken (truncated ZIP, unreadable XML or PDF)
  | 'ZIP_BOMB' // a ZIP that inflates to far more than any plan (or lies about its sizes)
  | 'NO_DATA' // a spreadsheet or document with nothing in it
  | 'ENCRYPTED' // a PDF that needs a password
  | 'NO_TEXT_LAYER' // a scanned PDF
  | 'BAD_ENCODING'; // text that is neither UTF-8 nor UTF-16 with a BOM

/** An uploaded plan file that cannot be read; maps to HTTP 400 (413 when too large) through the common error handler. */
export class PlanImportError extends AppError {
  constructor(
    readonly reason: PlanImportErrorCode,
    message: string,
  ) {
    super(reason === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', message, [{ path: 'file', message }]);
    this.name = 'PlanImportError';
  }
}

/** "20 MB", "1,5 MB", "830 kB": sizes in the Vietnamese way (decimal comma). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) {
    const mb = n / (1024 * 1024);
    return `${(mb >= 10 ? Math.round(mb).toString() : mb.toFixed(1)).replace('.', ',')} MB`;
  }
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} byte`;
}

/** What the user claimed the file was, from its name: used only to word the error, never to choose the reader. */
export type ClaimedKind = 'docx' | 'xlsx' | 'pdf' | 'text' | 'other';

export function claimedKind(filename: string): ClaimedKind {
  const ext = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase() ?? '';
  if (['docx', 'docm', 'dotx', 'doc'].includes(ext)) return 'docx';
  if (['xlsx', 'xlsm', 'xltx', 'xls'].includes(ext)) return 'xlsx';
  if (ext === 'pdf') return 'pdf';
  if (['txt', 'md', 'markdown', 'text', 'tsv', 'csv'].includes(ext)) return 'text';
  return 'other';
}

const NOT_VALID: Record<ClaimedKind, string> = {
  docx: 'Tệp không phải là tài liệu Word (.docx) hợp lệ',
  xlsx: 'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ',
  pdf: 'Tệp không phải là tài liệu PDF hợp lệ',
  text: 'Tệp không phải là văn bản (.txt) hợp lệ',
  other: 'Không nhận ra loại tệp',
};

/** "Tệp không phải là tài liệu Word (.docx) hợp lệ: nội dung là ảnh PNG." */
export function wrongType(filename: string, what: string): PlanImportError {
  const kind = claimedKind(filename);
  const tail = kind === 'other' ? ' Hãy tải lên tệp Word (.docx), Excel (.xlsx), PDF hoặc văn bản (.txt).' : '';
  return new PlanImportError('WRONG_TYPE', `${NOT_VALID[kind]}: ${what}.${tail}`);
}
