// Word (.docx): the body of word/document.xml read as a stream, paragraphs and tables in body order.
// A cell's paragraphs are joined with "\n"; a horizontally merged cell (gridSpan) gives its text once and
// empty strings for the columns it spans; a vertically merged continuation (vMerge) repeats the text of
// the cell above, so every row stands on its own. Auto-numbering is rendered as Word shows it.
// `lines` has one entry per paragraph and one per table row (cells joined by tabs); `line` is 1-based.
// Not read: headers, footers, footnotes, comments, text boxes and shapes, deleted (tracked) text.
import type { DocBlock, ExtractedDocument } from '../../../../shared/contracts/plan-import.ts';
import { Numbering, symbolChar } from './docx-numbering.ts';
import { elements, parseXml, relsPath, resolveTarget } from './xml.ts';
import { type ZipArchive, xmlText } from './zip.ts';

type Para = { parts: string[]; numId?: string; ilvl?: number; style?: string };
type Cell = { paras: string[]; span: number; vMerge: 'restart' | 'continue' | null; hMerge: 'restart' | 'continue' | null };
type Row = { cells: string[]; col: number };
type Table = { rows: string[][]; row: Row | null; cell: Cell | null; above: Map<number, string> };

/** Elements whose content is not part of the visible text (or is a duplicate of it). */
const SKIP = new Set([
  'del', 'moveFrom', 'delText', 'delInstrText', 'instrText', // tracked deletions and field codes
  'txbxContent', 'Fallback', // text boxes; the fallback copy of alternate content
  'pPrChange', 'rPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'sectPrChange', 'numberingChange', 'tblGridChange',
  'footnoteReference', 'endnoteReference', 'commentReference',
]);

const clean = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

async function part(zip: ZipArchive, name: string | null): Promise<string | null> {
  if (!name) return null;
  const bytes = await zip.read(name);
  return bytes ? xmlText(bytes, name) : null;
}

export async function readDocx(zip: ZipArchive, mainPart: string, onProgress?: (fraction: number) => void): Promise<ExtractedDocument> {
  const xml = await part(zip, mainPart);
  if (xml === null) return { format: 'docx', blocks: [], lines: [] };

  // Numbering and styles, found through the main part's relationships.
  const rels = (await part(zip, relsPath(mainPart))) ?? '';
  const relList = rels ? await elements(rels, relsPath(mainPart), 'Relationship') : [];
  const byType = (suffix: string) => {
    const r = relList.find((x) => (x.Type ?? '').endsWith(`/${suffix}`) && x.TargetMode !== 'External' && x.Target);
    return r ? resolveTarget(mainPart, r.Target!) : null;
  };
  const numbering = await Numbering.load(await part(zip, byType('numbering')), await part(zip, byType('styles')));
  onProgress?.(0.1);

  const blocks: DocBlock[] = [];
  const lines: string[] = [];
  const stack: string[] = [];
  const tables: Table[] = [];
  const paras: Para[] = [];
  let skip = 0;

  const emitParagraph = (text: string) => {
    const t = oneLine(text);
    lines.push(t);
    if (t) blocks.push({ kind: 'paragraph', line: lines.length, text: clean(text) });
  };

  const emitTable = (rows: string[][]) => {
    if (!rows.length) return;
    const block: Extract<DocBlock, { kind: 'table' }> = { kind: 'table', line: lines.length + 1, rows: [] };
    for (const cells of rows) {
      lines.push(cells.map(oneLine).join('\t'));
      block.rows.push({ line: lines.length, cells });
    }
    blocks.push(block);
  };

  await parseXml(
    xml,
    mainPart,
    {
      open(name, a) {
        if (skip) return void skip++;
        if (SKIP.has(name)) return void (skip = 1);
        const parent = stack[stack.length - 1];
        stack.push(name);
        const para = paras[paras.length - 1];
        const table = tables[tables.length - 1];
        switch (name) {
          case 'p':
            paras.push({ parts: [] });
            break;
          case 'pStyle':
            if (para && parent === 'pPr') para.style = a.val;
            break;
          case 'numId':
            if (para && parent === 'numPr') para.numId = a.val;
            break;
          case 'ilvl':
            if (para && parent === 'numPr') para.ilvl = Number(a.val ?? 0);
            break;
          case 'tab':
          case 'ptab':
            if (para && parent === 'r') para.parts.push('\t');
            break;
          case 'br':
          case 'cr':
            if (para && parent === 'r') para.parts.push('\n');
            break;
          case 'noBreakHyphen':
            if (para && parent === 'r') para.parts.push('-');
            break;
          case 'sym':
            if (para && parent === 'r' && a.char) para.parts.push(symbolChar(parseInt(a.char, 16)));
            break;
          case 'tbl':
            tables.push({ rows: [], row: null, cell: null, above: new Map() });
            break;
          case 'tr':
            if (table) table.row = { cells: [], col: 0 };
            break;
          case 'gridBefore':
            if (table?.row && parent === 'trPr') {
              const n = Math.min(64, Number(a.val ?? 0) || 0);
              for (let i = 0; i < n; i++) table.row.cells.push('');
              table.row.col += n;
            }
            break;
          case 'tc':
            if (table) table.cell = { paras: [], span: 1, vMerge: null, hMerge: null };
            break;
          case 'gridSpan':
            if (table?.cell && parent === 'tcPr') table.cell.span = Math.max(1, Math.min(64, Number(a.val ?? 1) || 1));
            break;
          case 'vMerge':
            if (table?.cell && parent === 'tcPr') table.cell.vMerge = a.val === 'restart' ? 'restart' : 'continue';
            break;
          case 'hMerge':
            if (table?.cell && parent === 'tcPr') table.cell.hMerge = a.val === 'restart' ? 'restart' : 'continue';
            break;
        }
      },
      close(name) {
        if (skip) return void skip--;
        stack.pop();
        const table = tables[tables.length - 1];
        switch (name) {
          case 'p': {
            const para = paras.pop();
            if (!para) break;
            const label = numbering.label(para.numId, para.ilvl, para.style);
            const text = label + para.parts.join('');
            if (table?.cell) table.cell.paras.push(text);
            else if (!table) emitParagraph(text);
            break;
          }
          case 'tc': {
            const cell = table?.cell;
            const row = table?.row;
            if (!table || !cell || !row) break;
            table.cell = null;
            if (cell.hMerge === 'continue') {
              row.cells.push('');
              table.above.set(row.col++, '');
              break;
            }
            const text = cell.vMerge === 'continue' ? (table.above.get(row.col) ?? '') : clean(cell.paras.map(clean).filter(Boolean).join('\n'));
            row.cells.push(text);
            table.above.set(row.col, text);
            for (let k = 1; k < cell.span; k++) {
              row.cells.push('');
              table.above.set(row.col + k, '');
            }
            row.col += cell.span;
            break;
          }
          case 'tr':
            if (table?.row) {
              if (table.row.cells.some((c) => c !== '')) table.rows.push(table.row.cells);
              table.row = null;
            }
            break;
          case 'tbl': {
            const done = tables.pop();
            if (!done) break;
            const outer = tables[tables.length - 1];
            // A table nested in a cell becomes text of that cell: one line per row.
            if (outer?.cell) outer.cell.paras.push(...done.rows.map((r) => r.filter(Boolean).map(oneLine).join(' ')));
            else emitTable(done.rows);
            break;
          }
        }
      },
      text(t) {
        if (skip) return;
        if (stack[stack.length - 1] === 't') paras[paras.length - 1]?.parts.push(t);
      },
    },
    (f) => onProgress?.(0.1 + 0.9 * f),
  );
  return { format: 'docx', blocks, lines };
}
