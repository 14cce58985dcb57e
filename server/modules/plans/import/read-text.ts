// Plain text and Markdown (what copy-paste and most converters give): one paragraph per line, tab-separated
// (or `| a | b |`) lines as table rows, consecutive ones forming one table. Markdown emphasis and heading
// marks are dropped; list markers (`-`, `+`) are kept, they carry meaning. `line` is the 1-based line of
// the original file, and `lines` has one entry per line of the file, so `lines[line - 1]` is the row.
import type { DocBlock, ExtractedDocument } from '../../../../shared/contracts/plan-import.ts';
import { PlanImportError, wrongType } from './errors.ts';

type TableBlock = Extract<DocBlock, { kind: 'table' }>;

/** Drops Markdown marks that are layout, not content: `**`, `__`, `*em*`, leading `#`, `> `, backslash escapes. */
export function stripMarkdown(s: string): string {
  let t = s.replace(/^\s{0,3}(?:>\s?)+/u, '');
  t = t.replace(/^\s*#{1,6}(?=\s|$)\s*/u, '');
  t = t.replace(/\*\*/g, '');
  // `__bold__`, but not a run of underscores drawn as a rule (`________`).
  t = t.replace(/(?<![\p{L}\p{N}_])__(?=[^\s_])|(?<=[^\s_])__(?![\p{L}\p{N}_])/gu, '');
  // `*emphasis*` inside a line; a leading `* ` list marker has a space after it and is left alone.
  t = t.replace(/(?<![*\p{L}\p{N}])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\p{L}\p{N}])/gu, '$1');
  t = t.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  return t.replace(/\s+/gu, ' ').trim();
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => stripMarkdown(c.replace(/\\\|/g, '|')));
}

/** Splits decoded text into blocks. Never throws: any text is a document, possibly with no blocks. */
export function readText(text: string, onProgress?: (fraction: number) => void): ExtractedDocument {
  const raw = text.split(/\r\n|\n|\r/);
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const blocks: DocBlock[] = [];
  const lines: string[] = [];
  let table: TableBlock | null = null;
  const step = Math.max(1, Math.ceil(raw.length / 20));

  raw.forEach((rawLine, i) => {
    const line = i + 1;
    let cells: string[] | null = null;
    if (rawLine.includes('\t')) cells = rawLine.split('\t').map(stripMarkdown);
    else if (PIPE_RULE.test(rawLine) && rawLine.includes('|') && table) {
      lines.push('');
      return; // the `|---|---|` line under a Markdown table header
    } else if (PIPE_ROW.test(rawLine)) cells = pipeCells(rawLine);

    if (cells) {
      if (cells.every((c) => c === '')) {
        lines.push('');
        return; // a row of empty cells carries nothing; it does not end the table either
      }
      if (!table) {
        table = { kind: 'table', line, rows: [] };
        blocks.push(table);
      }
      table.rows.push({ line, cells });
      lines.push(cells.join('\t'));
    } else {
      table = null;
      const t = stripMarkdown(rawLine);
      lines.push(t);
      if (t) blocks.push({ kind: 'paragraph', line, text: t });
    }
    if (onProgress && i % step === 0) onProgress(i / raw.length);
  });
  return { format: 'text', blocks, lines };
}

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

/**
 * Decodes the bytes of a text file, into NFC: UTF-8 (with or without BOM) or UTF-16 with a BOM. Rejects binary
 * content and text in another encoding (TCVN3, VNI, Windows-1258 give many invalid UTF-8 sequences).
 */
export function decodeText(bytes: Uint8Array, filename: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2)).normalize('NFC');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2)).normalize('NFC');
  const body = BOM_UTF8.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;

  // Binary: NUL bytes, or more than a few control characters other than tab, newlines and form feed.
  let controls = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b === 0) throw wrongType(filename, 'nội dung là dữ liệu nhị phân, không phải văn bản');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (controls > 8 && controls > body.length * 0.01) throw wrongType(filename, 'nội dung là dữ liệu nhị phân, không phải văn bản');

  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) bad++;
  if (bad > 2 && bad > text.length * 0.002) {
    throw new PlanImportError(
      'BAD_ENCODING',
      'Tệp văn bản không dùng bảng mã UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258): hãy mở tệp và lưu lại với bảng mã UTF-8 (hoặc tải bản Word).',
    );
  }
  return text.normalize('NFC');
}
