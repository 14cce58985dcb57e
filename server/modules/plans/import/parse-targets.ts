// Targets (chỉ tiêu) from the objectives part of a plan: every figure with a unit in a sentence under a
// "Mục tiêu …" heading. Pure.
import type { ImportedTarget } from '../../../../shared/contracts/plan-import.ts';
import { fold, isHeadingLike, lowerFirst, trimEndPunct, type Warning } from './parse-common.ts';
import { sectionLabel, zoneRoots, type ONode } from './parse-outline.ts';

type Group = ImportedTarget['group'];
type Comparator = ImportedTarget['comparator'];

// Units a target is counted in. Count units stay in the indicator ("50 trung tâm học tập cộng đồng …").
const COUNT_UNITS = [
  'lượt người', 'người', 'lượt', 'đơn vị', 'trường', 'cơ sở', 'trung tâm', 'xã, phường', 'xã', 'phường', 'thôn', 'ấp', 'tổ dân phố',
  'hộ gia đình', 'hộ', 'gia đình', 'dòng họ', 'cộng đồng', 'lớp', 'học viên', 'cán bộ', 'giáo viên', 'thư viện', 'mô hình',
  'câu lạc bộ', 'tỷ đồng', 'triệu đồng', 'tin bài', 'chuyên mục', 'huyện', 'quận',
];
const UNIT_ALT = ['%', 'phần trăm', ...COUNT_UNITS].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** A figure with its unit: "55,55%", "1.200 người". Not part of a reference ("1373/QĐ") or a longer number. */
const FIGURE_SOURCE = `(?<![\\p{L}\\p{N}/.,-])(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+,\\d+|\\d+\\.\\d{1,2}(?=\\s*%)|\\d+)\\s*(${UNIT_ALT})(?![\\p{L}\\p{N}])`;
const FIGURE = new RegExp(FIGURE_SOURCE, 'u');
const FIGURES = new RegExp(FIGURE_SOURCE, 'gu');

/** "55,55" → 55.55; "1.200" → 1200; "12.5" (before %) → 12.5. */
export function viNumber(s: string): number {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  return Number(s.replace(',', '.'));
}

/** The group of national targets (reference.md §1) an indicator belongs to, by its words; null when none says. */
export function targetGroup(text: string): Group | null {
  const f = fold(text);
  if (/\b(pho cap|xoa mu chu|mu chu|biet chu)\b/.test(f)) return 'literacy';
  if (/\b((cong dan|gia dinh|dong ho|cong dong|don vi|mo hinh|xa|huyen|tinh|thanh pho|quan) hoc tap|cdht|gdht|dhht|dvht)\b/.test(f)) return 'learningModels';
  const competence = /\b(nang luc|ky nang|trinh do|dao tao|boi duong|chuyen mon|ngoai ngu|tin hoc)\b/.test(f);
  // People with a competence ("số người … được trang bị năng lực …"), before the words of institutions
  // that their sentence may hold ("… học tập trên môi trường mạng").
  if (competence && /^(so |ty le |ti le )?(nguoi|dan so|can bo|cong chuc|vien chuc|lao dong|cong nhan|hoc vien|hoc sinh|tre|thanh nien|phu nu|hoi vien|giao vien)\b/.test(f)) return 'competences';
  if (/\b(truong (dai hoc|cao dang|hoc|pho thong|mam non|tieu hoc|trung hoc|thcs|thpt)|co so giao duc|co so gd|csgd|gdnn|gdtx|trung tam hoc tap cong dong|tthtcd|trung tam gd|hoc lieu so|dai hoc so|thu vien|bao tang|thiet che van hoa)\b/.test(f)) return 'institutions';
  return competence ? 'competences' : null;
}

const AIM = /\bphan dau\b/; // "phấn đấu", and "phần đầu" (a common typo)
const YEAR_IN_SENTENCE = /(?:đến|tới|vào|trong|hết)\s+(?:hết\s+)?năm\s+((?:19|20)\d{2})/iu;

const LEADING_FILLER = /^(?:trong đó|phấn đấu|phần đầu|phần đấu|phấn đầu|mục tiêu|(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}|năm\s+\d{4})\s*[,:]?\s*/iu;
const TRAILING_FILLER = /\s*(?:đạt tỷ lệ|đạt tỉ lệ|đạt|có|là|ít nhất|tối thiểu|không dưới|không ít hơn|trên|hơn|khoảng|từ|tỷ lệ|tỉ lệ)\s*$/iu;

function stripRepeat(s: string, re: RegExp): string {
  let prev: string;
  do {
    prev = s;
    s = s.replace(re, '');
  } while (s !== prev);
  return s.trim();
}

type Context = { year: number | null; group: Group | null; aim: boolean };

export type TargetsResult = { targets: ImportedTarget[]; warnings: Warning[] };

/** Reads the targets of every "Mục tiêu" part. `periodEnd` is the year of a target whose heading names none. */
export function parseTargets(root: ONode, periodEnd: number | null): TargetsResult {
  const targets: ImportedTarget[] = [];
  const warnings: Warning[] = [];
  for (const zone of zoneRoots(root, 'targets')) {
    let defaulted = 0;
    const visit = (node: ONode, ctx: Context) => {
      for (const it of node.items) {
        const text = it.kind === 'node' ? it.node.marker.body : it.para.text;
        const line = it.kind === 'node' ? it.node.line : it.para.line;
        const found = targetsIn(text, line, ctx);
        if (found.length) {
          for (const t of found) {
            if (t.year !== null || periodEnd === null) continue;
            t.year = periodEnd;
            defaulted++;
          }
          targets.push(...found);
        }
        if (it.kind === 'node') visit(it.node, found.length ? ctx : contextOf(it.node, ctx));
      }
    };
    visit(zone, contextOf(zone, { year: null, group: null, aim: false }));
    if (defaulted) warnings.push({ line: zone.line, message: `${defaulted} chỉ tiêu trong “${sectionLabel(zone)}” không ghi năm; lấy năm cuối kỳ kế hoạch (${periodEnd})` });
  }
  return { targets, warnings };
}

/** What a heading or a lead-in ("- Về năng lực cơ bản …:") says about the targets under it. */
function contextOf(node: ONode, ctx: Context): Context {
  const body = node.marker.body;
  if (!isHeadingLike(body, 30) && !/:$/.test(body)) return ctx;
  const yearRange = /(?:giai\s+đoạn|năm)\s*((?:19|20)\d{2})\s*(?:-|–|đến)\s*((?:19|20)\d{2})/iu.exec(body);
  const single = /năm\s+((?:19|20)\d{2})/iu.exec(body);
  const year = yearRange ? Number(yearRange[2]) : single ? Number(single[1]) : ctx.year;
  return { year, group: targetGroup(body) ?? ctx.group, aim: ctx.aim || AIM.test(fold(body)) };
}

/** The targets of one sentence (or paragraph): one per figure with a unit. */
export function targetsIn(paragraph: string, line: number, ctx: Context): ImportedTarget[] {
  const text = trimEndPunct(paragraph);
  if (!FIGURE.test(text)) return [];
  const out: ImportedTarget[] = [];
  const sentenceYear = YEAR_IN_SENTENCE.exec(text)?.[1];
  let aim = ctx.aim;
  for (const clause of text.split(/;\s*|\.\s+(?=\p{Lu})/u)) {
    if (AIM.test(fold(clause))) aim = true;
    for (const piece of splitFigures(clause)) {
      const m = FIGURE.exec(piece);
      if (!m) continue;
      const unit = m[2] === 'phần trăm' ? '%' : m[2]!;
      const before = piece.slice(0, m.index);
      const after = unit === '%' ? piece.slice(m.index + m[0].length) : piece.slice(m.index + m[1]!.length);
      const fb = fold(before);
      let comparator: Comparator = 'exact';
      if (/\b(it nhat|toi thieu|khong duoi|khong it hon)\s*$/.test(fb) || /^\s*tro len\b/.test(fold(after))) comparator = 'atLeast';
      else if (/\b(tren|hon|vuot)\s*$/.test(fb)) comparator = 'moreThan';
      else if (aim) comparator = 'aimFor';
      const prefix = stripRepeat(stripRepeat(before.trim(), LEADING_FILLER), TRAILING_FILLER);
      const suffix = after.trim().replace(/^trở lên\b\s*/u, '');
      const indicator = lowerFirst(trimEndPunct([prefix, suffix].filter(Boolean).join(' ')).replace(/^[,:\s]+/u, ''));
      out.push({
        text,
        indicator,
        comparator,
        value: viNumber(m[1]!),
        unit,
        year: sentenceYear ? Number(sentenceYear) : ctx.year,
        group: targetGroup(indicator) ?? ctx.group ?? 'other',
        line,
      });
    }
  }
  return out;
}

/** Splits a clause holding several figures ("70% gia đình …, 65% dòng họ …") before each figure after the first. */
function splitFigures(clause: string): string[] {
  const figures = [...clause.matchAll(FIGURES)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (figures.length < 2) return [clause];
  const pieces: string[] = [];
  let from = 0;
  for (let i = 1; i < figures.length; i++) {
    const between = clause.slice(figures[i - 1]!.end, figures[i]!.start);
    const comma = between.lastIndexOf(',');
    const and = between.lastIndexOf(' và ');
    if (comma < 0 && and < 0) continue;
    const at = figures[i - 1]!.end + Math.max(comma, and);
    pieces.push(clause.slice(from, at));
    from = at + (comma > and ? 1 : 4);
  }
  pieces.push(clause.slice(from));
  return pieces;
}
