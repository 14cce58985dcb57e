// PDF, text layer only (pdf.js, legacy build for Node): text items grouped into visual lines by baseline,
// in reading order (top to bottom, left to right). A line whose items are separated by wide gaps is split
// into cells; runs of such lines whose cells start at the same x positions on several lines are a table,
// and every cell is placed in the column whose left edge it starts at, so empty cells (a sub-row with no
// number) come out as empty strings, like the tab-separated text. Other lines are joined into paragraphs
// when they follow at the usual line spacing. `lines` has one entry per visual line; `line` is 1-based.
// Not handled: a table cell that wraps onto several lines gives one row per visual line (the first with
// the row's number, the others as continuation rows, as in the text samples); scanned pages; multi-column
// page layouts (read across); hyphenation.
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocBlock, ExtractedDocument } from '../../../../shared/contracts/plan-import.ts';
import { PlanImportError } from './errors.ts';

type Item = { x: number; y: number; w: number; size: number; text: string };
type Segment = { x: number; right: number; text: string };
type Line = { y: number; size: number; x: number; right: number; segments: Segment[] };

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Plans run to a few dozen pages; a PDF of thousands of (possibly identical) pages is refused before reading them. */
export const MAX_PDF_PAGES = 1000;

const NO_TEXT = 'PDF không có lớp chữ (bản scan): hãy tải bản Word hoặc PDF có chữ';
/** Characters of the legacy Vietnamese 8-bit fonts (TCVN3/ABC) as they come out when a PDF has no Unicode mapping. */
const LEGACY_FONT_CHARS = /[¸µ¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞãßáâä«åèæçé¬êíëìîïóñòôõøö÷ùúýûüþ]/g;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const LIST_START = /^(?:[-+•▪*–]\s|[a-zđ]\)\s|\d+(?:\.\d+)*[.)]?\s|[IVXLC]+\.\s)/u;

/** Items of one page, whitespace-only ones dropped (the gaps are measured, not trusted). */
function pageItems(items: unknown[]): Item[] {
  const out: Item[] = [];
  for (const raw of items) {
    const it = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    if (typeof it.str !== 'string' || !it.transform || !it.str.trim()) continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = it.transform;
    if (Math.abs(b) > Math.abs(a) * 0.05 || Math.abs(c) > Math.abs(d) * 0.05) continue; // rotated text (stamps, margins)
    const size = Math.abs(d) || it.height || 10;
    out.push({ x: e, y: f, w: it.width ?? 0, size, text: it.str });
  }
  return out;
}

/** Groups items into lines by baseline, then each line into segments separated by wide gaps. */
function pageLines(items: Item[]): Line[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Item[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - it.y) <= Math.min(g[0]!.size, it.size) * 0.45) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((p, q) => p.x - q.x);
    const size = Math.max(...g.map((i) => i.size));
    const segments: Segment[] = [];
    let prev: Item | null = null;
    for (const it of g) {
      const seg = segments[segments.length - 1];
      const gap = prev ? it.x - (prev.x + prev.w) : Infinity;
      // The same text drawn twice at almost the same place: "fake bold".
      if (prev && seg && it.text === prev.text && Math.abs(it.x - prev.x) < size * 0.3) continue;
      if (!seg || gap > size * 1.2) segments.push({ x: it.x, right: it.x + it.w, text: it.text });
      else {
        const space = gap > size * 0.15 && !/\s$/.test(seg.text) && !/^\s/.test(it.text) ? ' ' : '';
        seg.text += space + it.text;
        seg.right = Math.max(seg.right, it.x + it.w);
      }
      prev = it;
    }
    for (const s of segments) s.text = s.text.normalize('NFC').replace(/\s+/g, ' ').trim();
    return { y: g[0]!.y, size, x: segments[0]!.x, right: Math.max(...segments.map((s) => s.right)), segments };
  });
}

type Piece = { kind: 'text'; line: Line } | { kind: 'table'; lines: Line[]; anchors: number[] };

/** Column left edges: segment starts (within 3 pt) found on at least two lines of the run. */
function anchorsOf(lines: Line[]): number[] {
  const clusters: { x: number; lines: Set<number> }[] = [];
  lines.forEach((l, i) => {
    for (const s of l.segments) {
      const c = clusters.find((k) => Math.abs(k.x - s.x) <= 3);
      if (c) c.lines.add(i);
      else clusters.push({ x: s.x, lines: new Set([i]) });
    }
  });
  const min = lines.length > 1 ? 2 : 1;
  return clusters.filter((c) => c.lines.size >= min).map((c) => c.x).sort((a, b) => a - b);
}

/** Splits a page's lines into plain lines and tables (runs of multi-cell lines sharing column edges). */
function pieces(lines: Line[]): Piece[] {
  const left = Math.min(...lines.map((l) => l.x));
  const out: Piece[] = [];
  let run: Line[] = [];
  const flush = () => {
    const multi = run.filter((l) => l.segments.length > 1).length;
    const anchors = anchorsOf(run);
    if (multi >= 2 && anchors.length >= 2) out.push({ kind: 'table', lines: run, anchors });
    else if (multi === 1 && run.length === 1 && run[0]!.segments.length >= 3) out.push({ kind: 'table', lines: run, anchors: anchorsOf(run) });
    else for (const l of run) out.push({ kind: 'text', line: l });
    run = [];
  };
  for (const l of lines) {
    if (l.segments.length > 1) {
      run.push(l);
      continue;
    }
    // A lone segment continues a table when it starts at one of the table's column edges, away from the margin.
    if (run.length && l.x > left + 3 && anchorsOf(run).some((a) => Math.abs(a - l.x) <= 3)) {
      run.push(l);
      continue;
    }
    if (run.length) flush();
    out.push({ kind: 'text', line: l });
  }
  if (run.length) flush();
  return out;
}

function rowCells(line: Line, anchors: number[]): string[] {
  const cells = anchors.map(() => '');
  for (const s of line.segments) {
    let col = 0;
    for (let i = 0; i < anchors.length; i++) if (anchors[i]! <= s.x + 3) col = i;
    cells[col] = cells[col] ? `${cells[col]} ${s.text}` : s.text;
  }
  return cells;
}

const detail = (e: unknown) => String((e as Error)?.message ?? e).replace(/[.\s]+$/, '');

function looksLegacyEncoded(text: string): boolean {
  const legacy = text.match(LEGACY_FONT_CHARS)?.length ?? 0;
  const viet = text.match(VIETNAMESE)?.length ?? 0;
  const letters = text.replace(/[^\p{L}]/gu, '').length || 1;
  return legacy > letters * 0.03 && legacy > viet * 3;
}

export async function readPdf(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<ExtractedDocument> {
  let doc: PDFDocumentProxy;
  try {
    doc = await getDocument({
      data: bytes.slice(), // pdf.js takes ownership of (and detaches) the buffer it is given
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
      cMapUrl: `${pdfjsDir}/cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new PlanImportError('ENCRYPTED', 'Tệp PDF được đặt mật khẩu (mã hoá): hãy tải bản không đặt mật khẩu, hoặc bản Word.');
    }
    throw new PlanImportError('CORRUPT', `Tệp PDF bị hỏng hoặc không đầy đủ (${detail(e)}).`);
  }

  if (doc.numPages > MAX_PDF_PAGES) {
    await doc.destroy();
    throw new PlanImportError('TOO_LARGE', `Tệp PDF có quá nhiều trang (${doc.numPages} trang, tối đa ${MAX_PDF_PAGES}): hãy chỉ giữ lại phần kế hoạch.`);
  }
  const blocks: DocBlock[] = [];
  const lines: string[] = [];
  let chars = 0;
  let allText = '';
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      page.cleanup();
      const items = pageItems(content.items);
      if (items.length) {
        const pl = pageLines(items);
        for (const l of pl) {
          for (const s of l.segments) {
            chars += s.text.replace(/\s/g, '').length;
            if (allText.length < 20_000) allText += `${s.text} `;
          }
        }
        emitPage(pl, blocks, lines);
      }
      onProgress?.(p / doc.numPages);
    }
  } catch (e) {
    if (e instanceof PlanImportError) throw e;
    throw new PlanImportError('CORRUPT', `Tệp PDF bị hỏng (${detail(e)}).`);
  } finally {
    await doc.destroy();
  }
  if (chars < 20) throw new PlanImportError('NO_TEXT_LAYER', `${NO_TEXT}.`);
  if (looksLegacyEncoded(allText)) {
    throw new PlanImportError('BAD_ENCODING', 'PDF dùng phông chữ tiếng Việt cũ (TCVN3/VNI) nên không đọc được chữ: hãy tải bản Word.');
  }
  return { format: 'pdf', blocks, lines };
}

function emitPage(pageLines: Line[], blocks: DocBlock[], lines: string[]) {
  // The usual distance between two lines of a paragraph on this page.
  const deltas: number[] = [];
  for (let i = 1; i < pageLines.length; i++) {
    const d = pageLines[i - 1]!.y - pageLines[i]!.y;
    if (d > 0 && d < pageLines[i]!.size * 2.5) deltas.push(d);
  }
  deltas.sort((a, b) => a - b);
  const pitch = deltas.length ? deltas[Math.floor(deltas.length / 2)]! : Infinity;
  const right = Math.max(...pageLines.map((l) => l.right));
  const left = Math.min(...pageLines.map((l) => l.x));

  let para: { block: Extract<DocBlock, { kind: 'paragraph' }>; last: Line } | null = null;
  for (const piece of pieces(pageLines)) {
    if (piece.kind === 'table') {
      para = null;
      const block: Extract<DocBlock, { kind: 'table' }> = { kind: 'table', line: lines.length + 1, rows: [] };
      for (const l of piece.lines) {
        const cells = rowCells(l, piece.anchors);
        lines.push(cells.join('\t'));
        block.rows.push({ line: lines.length, cells });
      }
      blocks.push(block);
      continue;
    }
    const l = piece.line;
    const text = l.segments.map((s) => s.text).join(' ');
    lines.push(text);
    const prev = para?.last;
    const continues =
      prev &&
      prev.y - l.y <= pitch * 1.25 &&
      Math.abs(prev.size - l.size) <= prev.size * 0.15 &&
      prev.right >= right - (right - left) * 0.15 && // the previous line ran to the right edge
      l.x <= prev.x + l.size * 0.8 && // no first-line indent
      !LIST_START.test(text);
    if (para && continues) {
      // A line broken after a hyphen or slash inside a word ("GDNN-" / "GDTX", "xã/" / "phường") joins without a space.
      para.block.text += /[\p{L}\p{N}][-/]$/u.test(para.block.text) ? text : ` ${text}`;
      para.last = l;
    } else {
      const block = { kind: 'paragraph' as const, line: lines.length, text };
      blocks.push(block);
      para = { block, last: l };
    }
  }
}
