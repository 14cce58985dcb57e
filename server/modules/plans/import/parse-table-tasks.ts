// Tasks from a task table (the "Phụ lục" of a plan). Pure.
//
// - Columns are found by their names (TT/STT; Tên nhiệm vụ/Nội dung; Cơ quan/Đơn vị chủ trì; … phối hợp;
//   Sản phẩm/kết quả; Thời gian/Tiến độ; Kinh phí; Ghi chú), also from a second header row under a merged
//   cell. A missing column is warned about once; text outside the known columns is warned about, not lost.
// - Header rows repeated after a page break are dropped; the table goes on across blocks.
// - Section rows: a Roman numeral ("I", "II"), or a whole number ("1"), with nothing but a title; or a title
//   in capitals spanning the row. They set `section` ("1. Triển khai …"). Roman numerals out of sequence
//   (a duplicated "II") are warned about; under Roman parts codes carry the part ("II.1"), and a code still
//   repeated gets "#2".
// - A row without a TT continues the previous row (a row cut by a page break) when it has no title, when its
//   title starts in lower case, or when the previous title stops mid-phrase ("…, ", "… và") and the row
//   brings no agency of its own. Its cells are appended one by one with a space ("báo" + "cáo"); a cell
//   equal to the previous one (a merged cell repeated on the new page) is not doubled. A row repeating the
//   previous TT is a continuation too.
// - Any other row without a TT is a new item: a sub-task of the last numbered task (code = parent + letter,
//   "3.4.a", with `parentCode`), or, when it has nothing but a title, a heading whose "- " sub-rows follow.
//   A TT printed beside one of those sub-rows (a merged TT cell centred on its rows, 000's "3.2") is given
//   to the heading, with a warning.
// - A cell holding the same text twice (a merged cell as extracted: "2026 2026") is read once.
import type { DocBlock } from '../../../../shared/contracts/plan-import.ts';
import { clean, fold, readMarker, romanValue, toRoman, trimEndPunct, viLetter, wordCount, type TaskDraft, type Warning } from './parse-common.ts';

type Col = 'tt' | 'title' | 'lead' | 'coord' | 'deliv' | 'time' | 'budget' | 'note';
type Row = { line: number; tt: string; title: string; lead: string; coord: string; deliv: string; time: string; budget: string; note: string };
type CellCol = 'title' | 'lead' | 'coord' | 'deliv' | 'time' | 'budget' | 'note';
const CELL_COLS: CellCol[] = ['title', 'lead', 'coord', 'deliv', 'time', 'budget', 'note'];

// Column names, checked in this order on the folded header cell.
const COLUMN_RULES: [Col, RegExp][] = [
  ['tt', /^(s?tt|so tt|so thu tu|thu tu)$/],
  ['lead', /chu tri|^(co quan|don vi|co quan don vi) thuc hien$/],
  ['coord', /phoi hop/],
  ['deliv', /san pham|ket qua/],
  ['time', /thoi gian|tien do|thoi han|thoi diem/],
  ['budget', /kinh phi|du toan|nguon von/],
  ['note', /ghi chu/],
  ['title', /nhiem vu|noi dung|giai phap|hoat dong|cong viec/],
];
const COL_LABEL: Record<Col, string> = {
  tt: 'TT',
  title: 'Tên nhiệm vụ',
  lead: 'Cơ quan chủ trì',
  coord: 'Cơ quan phối hợp',
  deliv: 'Sản phẩm/kết quả',
  time: 'Thời gian',
  budget: 'Kinh phí',
  note: 'Ghi chú',
};

type Columns = Partial<Record<Col, number>>;

/** The columns of a header row, or null when the row is not a task-table header. */
export function headerColumns(cells: string[]): Columns | null {
  const cols: Columns = {};
  let known = 0;
  cells.forEach((cell, i) => {
    const f = fold(cell);
    if (!f || wordCount(f) > 8) return;
    const rule = COLUMN_RULES.find(([col, re]) => cols[col] === undefined && re.test(f));
    if (rule) {
      cols[rule[0]] = i;
      known++;
    }
  });
  return known >= 3 && cols.title !== undefined ? cols : null;
}

/** The columns a second header row names (every non-empty cell is a column name), or null. */
function subHeaderColumns(cells: string[]): Columns | null {
  const cols: Columns = {};
  let named = 0;
  for (const [i, cell] of cells.entries()) {
    if (!cell) continue;
    const f = fold(cell);
    const rule = wordCount(f) <= 5 ? COLUMN_RULES.find(([, re]) => re.test(f)) : undefined;
    if (!rule) return null;
    cols[rule[0]] = i;
    named++;
  }
  return named >= 2 ? cols : null;
}

/** A cell that holds the same text twice (a merged cell, as extracted): "2026 2026" → "2026". */
export function dedupeHalves(s: string): string {
  const mid = (s.length - 1) / 2;
  if (s.length >= 3 && Number.isInteger(mid) && s[mid] === ' ' && s.slice(0, mid) === s.slice(mid + 1)) return s.slice(0, mid);
  return s;
}

// Product nouns: a "," splits a deliverables cell only when every part is one of these, short.
const PRODUCT_HEAD =
  /^(văn bản|tài liệu|tin bài|tin|bài|bài viết|phóng sự|học liệu|kế hoạch|báo cáo|nghị quyết|quyết định|đề án|chương trình|hướng dẫn|công văn|ấn phẩm|video|clip|tờ rơi|pano|áp phích|băng rôn|sách|chuyên mục|chuyên trang|chuyên đề|tọa đàm|hội nghị|hội thảo|cuộc thi|lớp|phần mềm|cơ sở dữ liệu|dữ liệu|bộ tiêu chí|tiêu chí|thông báo|tờ trình|biên bản|danh sách|hồ sơ|ảnh|hình ảnh|sản phẩm|bản tin|kho|mô hình|quy chế|quy định|kết luận|chỉ thị|đề cương|website|trang thông tin)(\s|$)/iu;

/**
 * The products of a "Sản phẩm/kết quả" cell. Split on ";" first; a part is split again on "," only when
 * every piece is a short product noun ("Văn bản, tài liệu, tin bài, phóng sự" → 4), so that a product
 * with a comma in its name stays whole ("Văn bản chỉ đạo, điều hành; báo cáo" → 2).
 */
export function splitDeliverables(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/\s*;\s*/)) {
    const p = trimEndPunct(part);
    if (!p) continue;
    const pieces = p.split(/\s*,\s*/).map((x) => x.trim()).filter(Boolean);
    if (pieces.length > 1 && pieces.every((x) => wordCount(x) <= 4 && PRODUCT_HEAD.test(x))) out.push(...pieces);
    else out.push(p);
  }
  return out;
}

type RowTask = { row: Row; cols: Columns; code: string | null; section: string | null; parent: RowTask | null; children: RowTask[]; explicitLetter?: string };

const BULLET = /^[-+•–]\s*/u;
// The previous title stops mid-phrase: a comma or a linking word at its end.
const OPEN_END = /(,|(?:^|\s)(và|của|các|cho|với|trên|trong|về|để|hoặc|theo|tại|từ|đến|những|nhằm|là|được|có))$/u;

export type TableTasksResult = { tasks: TaskDraft[]; warnings: Warning[] };

/** Reads the tasks of every task table, in document order. Tables whose header is not recognised are skipped. */
export function parseTableTasks(blocks: DocBlock[]): TableTasksResult {
  const warnings: Warning[] = [];
  const all: RowTask[] = [];
  let cols: Columns | null = null;
  /** The line of the header just read, until the first data row under it. */
  let headerAt: number | null = null;
  let section: string | null = null;
  let lastRoman = 0;
  // Inside Roman parts numbering restarts ("I 1, 2 … II 1, 2"): codes carry the part ("II.1"). A code
  // still repeated (a duplicated "II") gets "#2" rather than a guessed number.
  let romanPrefix = '';
  const usedCodes = new Map<string, number>();
  const codeFor = (tt: string) => {
    const code = romanPrefix && tt !== romanPrefix ? `${romanPrefix}.${tt}` : tt;
    const n = (usedCodes.get(code) ?? 0) + 1;
    usedCodes.set(code, n);
    return n === 1 ? code : `${code}#${n}`;
  };
  let lastTask: RowTask | null = null;
  let lastParent: RowTask | null = null;
  let openHeading: RowTask | null = null;
  let sectionRow: { row: Row; label: string } | null = null;
  const warnedHeaders = new Set<string>();

  const labelOf = (tt: string, title: string) => `${tt}. ${trimEndPunct(title)}`;

  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    for (const raw of block.rows) {
      const cells = raw.cells.map((c) => clean(c));
      const header = headerColumns(cells);
      if (header) {
        cols = header;
        headerAt = raw.line;
        continue; // a header, or its repeat after a page break
      }
      if (!cols) continue;
      // A second header row under a merged cell ("Đơn vị thực hiện" over "Chủ trì" | "Phối hợp").
      const sub = headerAt !== null ? subHeaderColumns(cells) : null;
      if (sub) {
        cols = { ...cols, ...sub };
        continue;
      }
      if (headerAt !== null) {
        const signature = JSON.stringify(cols);
        const missing = (['tt', 'lead', 'coord', 'deliv', 'time'] as Col[]).filter((c) => cols![c] === undefined);
        if (missing.length && !warnedHeaders.has(signature)) {
          warnings.push({ line: headerAt, message: `Bảng nhiệm vụ thiếu cột: ${missing.map((c) => COL_LABEL[c]).join(', ')}; các nhiệm vụ để trống phần này` });
        }
        warnedHeaders.add(signature);
        headerAt = null;
      }
      const get = (c: Col) => (cols![c] === undefined ? '' : dedupeHalves(cells[cols![c]!] ?? ''));
      const row: Row = {
        line: raw.line,
        tt: get('tt').replace(/[.)]+$/, ''),
        title: get('title'),
        lead: get('lead'),
        coord: get('coord'),
        deliv: get('deliv'),
        time: get('time'),
        budget: get('budget'),
        note: get('note'),
      };
      // A code written with its title in one cell ("I. CÔNG TÁC TUYÊN TRUYỀN" merged across TT and title,
      // or "1.1. Xây dựng …" in the title column) is split back into code and title.
      if (/\s/.test(row.tt) || (!row.tt && row.title)) {
        const text = /\s/.test(row.tt) ? `${row.tt} ${row.title}`.trim() : row.title;
        const m = readMarker(text);
        if (m.kind === 'roman' || (m.kind === 'number' && (m.level > 1 || /^\p{Lu}/u.test(m.body)))) {
          row.tt = m.label;
          row.title = m.body;
        } else if (/\s/.test(row.tt)) {
          row.tt = '';
          row.title = text;
        }
      }
      // Text in a column the header does not name is kept in the warning, never dropped silently.
      const mapped = new Set(Object.values(cols));
      const stray = cells.filter((c, i) => c && !mapped.has(i));
      if (stray.length) warnings.push({ line: raw.line, message: `Ô nằm ngoài các cột của bảng, không đọc: “${stray.join('”, “')}”` });
      if (!row.tt && CELL_COLS.every((c) => !row[c])) continue;
      const otherEmpty = !row.lead && !row.coord && !row.deliv && !row.time && !row.budget && !row.note;

      // Section rows: a Roman numeral, or a whole number, with nothing but a title; or an unnumbered title in
      // capitals spanning the row.
      const roman = romanValue(row.tt);
      const romanLike = /^[IVXLC]+$/.test(row.tt);
      const capsTitle = !row.tt && otherEmpty && wordCount(row.title) >= 2 && /\p{Lu}/u.test(row.title) && row.title === row.title.toLocaleUpperCase('vi');
      if ((romanLike && otherEmpty) || (/^\d+$/.test(row.tt) && otherEmpty && row.title) || capsTitle) {
        if (romanLike && !roman) warnings.push({ line: row.line, message: `Số La Mã “${row.tt}” viết sai; giữ nguyên như văn bản` });
        if (romanLike) romanPrefix = row.tt;
        if (roman > 0) {
          if (roman === lastRoman) warnings.push({ line: row.line, message: `Mục La Mã “${row.tt}” bị lặp (có lẽ là “${toRoman(roman + 1)}”); giữ nguyên như văn bản` });
          else if (lastRoman && roman !== lastRoman + 1) warnings.push({ line: row.line, message: `Mục La Mã “${row.tt}” không liền sau “${toRoman(lastRoman)}”` });
          lastRoman = roman;
        }
        section = row.tt ? labelOf(row.tt, row.title) : trimEndPunct(row.title);
        sectionRow = { row, label: section };
        lastTask = lastParent = openHeading = null;
        continue;
      }

      // Continuation of a row cut by a page break.
      if (lastTask && isContinuation(row, lastTask)) {
        for (const c of CELL_COLS) appendCell(lastTask.row, c, row[c]);
        continue;
      }
      if (!lastTask && sectionRow && !row.tt && /^\p{Ll}/u.test(row.title) && otherEmpty) {
        sectionRow.label = section = `${sectionRow.label} ${trimEndPunct(row.title)}`;
        continue;
      }

      const task: RowTask = { row: { ...row, title: row.title.replace(BULLET, '') }, cols, code: null, section, parent: null, children: [] };
      const bulleted = BULLET.test(row.title);
      if (/^[a-zđ]$/.test(row.tt) && lastParent) {
        task.explicitLetter = row.tt;
        addChild(lastParent, task);
      } else if (row.tt && /^\d+(\.\d+)*$|^[IVXLC]+$/.test(row.tt)) {
        if (bulleted && openHeading && openHeading.code === null) {
          // The number of a merged TT cell printed beside one of its sub-rows: it belongs to the heading above.
          openHeading.code = codeFor(row.tt);
          warnings.push({ line: row.line, message: `Số ${row.tt} nằm ở một ý con (“${trimEndPunct(task.row.title)}”); gán cho nhiệm vụ “${trimEndPunct(openHeading.row.title)}” (dòng ${openHeading.row.line})` });
          addChild(openHeading, task);
        } else {
          task.code = codeFor(row.tt);
          lastParent = task;
          openHeading = null;
        }
      } else if (otherEmpty && !bulleted) {
        // An unnumbered heading ("Đổi mới chương trình …:") whose sub-rows follow.
        lastParent = openHeading = task;
      } else if (lastParent) addChild(lastParent, task);
      all.push(task);
      lastTask = task;
    }
  }

  const tasks: TaskDraft[] = [];
  for (const t of all) {
    if (t.children.length) {
      let i = 0;
      for (const c of t.children) {
        if (c.explicitLetter) c.code = t.code ? `${t.code}.${c.explicitLetter}` : null;
        else c.code = t.code ? `${t.code}.${viLetter(i)}` : null;
        i = c.explicitLetter ? Math.max(i, letterIndex(c.explicitLetter) + 1) : i + 1;
      }
    }
  }
  for (const t of all) {
    const r = t.row;
    const name = t.code ?? `“${trimEndPunct(r.title).slice(0, 60)}”`;
    if (!t.children.length) {
      if (!t.code) warnings.push({ line: r.line, message: `Nhiệm vụ không có số thứ tự: ${name}` });
      if (!r.lead && t.cols.lead !== undefined) warnings.push({ line: r.line, message: `Nhiệm vụ ${name} chưa có cơ quan chủ trì` });
      if (!r.time && t.cols.time !== undefined) warnings.push({ line: r.line, message: `Nhiệm vụ ${name} không ghi thời gian thực hiện` });
    }
    tasks.push({
      source: 'table',
      code: t.code,
      section: t.parent?.section ?? t.section,
      title: trimEndPunct(r.title),
      ...(t.parent?.code ? { parentCode: t.parent.code } : {}),
      leadCells: r.lead ? [r.lead] : [],
      coordinatorCells: r.coord ? [r.coord] : [],
      deliverables: r.deliv ? splitDeliverables(r.deliv) : [],
      scheduleRaw: r.time,
      ...(r.budget ? { budget: r.budget } : {}),
      ...(r.note ? { description: `Ghi chú: ${r.note}` } : {}),
      line: r.line,
      hasChildren: t.children.length > 0,
    });
  }
  return { tasks, warnings };
}

function letterIndex(l: string): number {
  const i = 'abcdđeghiklmnopqrstuvxy'.indexOf(l);
  return i < 0 ? 0 : i;
}

function addChild(parent: RowTask, child: RowTask) {
  child.parent = parent;
  parent.children.push(child);
}

/** Cut text goes back on the row it came from; a cell repeated by the page break is not doubled. */
function appendCell(row: Row, c: CellCol, v: string) {
  if (!v) return;
  const cur = row[c];
  if (!cur) row[c] = v;
  else if (cur !== v && !cur.endsWith(v)) row[c] = `${cur} ${v}`;
}

/**
 * Whether an unnumbered row continues the previous one (a row cut by a page break): it has no title (only
 * other cells), its title starts in lower case, or the previous title stops mid-phrase and the row brings
 * no agency of its own. A row starting with "- " or with its own agencies is a new item.
 */
function isContinuation(row: Row, prev: RowTask): boolean {
  if (row.tt && row.tt === prev.row.tt) return true;
  if (row.tt) return false;
  if (!row.title) return true;
  if (/^\p{Ll}/u.test(row.title) || /^[,;:)]/.test(row.title)) return true;
  if (BULLET.test(row.title)) return false;
  const ownAgencies = !!row.lead && row.lead !== prev.row.lead;
  return !/[.;:!?]$/.test(prev.row.title) && OPEN_END.test(prev.row.title) && !ownAgencies;
}

