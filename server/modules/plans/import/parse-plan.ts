// The plan parser (issue 3): an extracted document (paragraphs and tables) → the plan's header, its
// targets (chỉ tiêu) and its tasks (nhiệm vụ), with warnings for the coordinator. Pure: no I/O.
//
// How a document is read (details in the parse-*.ts helpers beside this file):
// - Paragraphs are cleaned (NFC, Markdown marks left by the extraction dropped) and lines broken
//   mid-sentence by PDF extraction are joined (a line not ending in ".", ";", ":" followed by one that starts
//   in lower case).
// - Header (parse-header.ts): "Số: 74 /KH-BCĐ" → "74/KH-BCĐ" (blank number → null and a warning); "Cần Thơ,
//   ngày 04 tháng 5 năm 2024" → issuedOn and the province; the title follows "KẾ HOẠCH"; the period comes
//   from the title ("năm 2024", "giai đoạn 2026 - 2030"), else from the period the text names most (with
//   a warning); the issuer is the body that "xây dựng/ban hành Kế hoạch" in the preamble, else the known
//   agency printed in capitals at the top, else the province's People's Committee (silently for a
//   "…/KH-UBND" number, with a warning otherwise). The province is the caller's, else the place line's,
//   else the one the text names most.
// - Targets (parse-targets.ts): every figure with a unit under a "Mục tiêu …" heading.
// - Tasks from tables (parse-table-tasks.ts): columns by their names; page-break repeats dropped; a cut
//   row joined back; unnumbered sub-rows coded parent + letter ("3.4.a") with `parentCode`; section rows
//   ("1", "II") set `section`.
// - Tasks in prose (parse-prose-tasks.ts): numbered items of "Nhiệm vụ và giải pháp" (and their lettered
//   sub-items, coded "1.a" with `parentCode` "1"), and, in "Tổ chức thực hiện", one task per responsibility
//   (section "Tổ chức thực hiện", code "V.1.a") with its agency as the lead. When the document has a task
//   table, the prose "Nhiệm vụ" part is not turned into tasks a second time.
// - Agencies go through matchAgencies; an unmatched name (agency and group null) is flagged once, with
//   every line it appears on. Timelines go through parseSchedule; an unknown form is flagged with its line.
import { matchAgencies, prepareCatalogue, standardCatalogue, type MatchCatalogue, type PreparedCatalogue } from '../../../../shared/domain/agency-matcher.ts';
import { parseSchedule } from '../../../../shared/domain/schedule.ts';
import type { AgencyRef, ExtractedDocument, ImportedTask, PlanImportResult, Schedule } from '../../../../shared/contracts/plan-import.ts';
import { clean, joinBrokenLines, readMarker, romanValue, toRoman, type Para, type TaskDraft, type Warning } from './parse-common.ts';
import { parseHeader } from './parse-header.ts';
import { buildOutline, zoneRoots, type ONode } from './parse-outline.ts';
import { parseResponsibilityZone, parseTaskZone } from './parse-prose-tasks.ts';
import { headerColumns, parseTableTasks } from './parse-table-tasks.ts';
import { parseTargets } from './parse-targets.ts';

export type ParsePlanOptions = {
  /** The catalogue to match agencies against; by default the standard catalogue of the plan's province. */
  catalogue?: MatchCatalogue;
  /** The plan's province ("Tỉnh Vĩnh Long") when the caller knows it; else read from the document. */
  provinceName?: string;
};

/** How many paragraphs at most the header is looked for in. */
const HEAD_MAX = 60;

export function parsePlan(doc: ExtractedDocument, opts: ParsePlanOptions = {}): PlanImportResult {
  const warnings: Warning[] = [];

  // Paragraphs, joined where a line was broken mid-sentence (never across a table).
  const paras: Para[] = [];
  let run: Para[] = [];
  const flush = () => {
    paras.push(...joinBrokenLines(run));
    run = [];
  };
  for (const b of doc.blocks) {
    if (b.kind === 'table') flush();
    else {
      const text = clean(b.text);
      if (text) run.push({ line: b.line, text });
    }
  }
  flush();

  // The header: what comes before the first Roman-numbered part or the first task table.
  const head: Para[] = [];
  const firstBody = paras.findIndex((p) => readMarker(p.text).kind === 'roman');
  const firstTable = doc.blocks.find((b) => b.kind === 'table' && b.rows.some((r) => headerColumns(r.cells.map(clean))));
  for (const [i, p] of paras.entries()) {
    if ((firstBody >= 0 && i >= firstBody) || (firstTable && p.line > firstTable.line) || head.length >= HEAD_MAX) break;
    head.push(p);
  }
  for (const b of doc.blocks) {
    if (b.kind === 'table' && b !== firstTable && (!firstTable || b.line < firstTable.line) && b.line < (paras[firstBody]?.line ?? Infinity)) {
      for (const r of b.rows) for (const c of r.cells) if (clean(c)) head.push({ line: r.line, text: clean(c) });
    }
  }
  head.sort((a, b) => a.line - b.line);
  const allText = [...paras.map((p) => p.text), ...doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.join(' ')) : []))].join('\n');
  const header = parseHeader(head, allText, opts.provinceName, (text, province) => {
    const refs = matchAgencies(text, opts.catalogue ?? standardCatalogue(province ?? 'Tỉnh'));
    return refs.length === 1 ? (refs[0]!.agency ?? null) : null;
  });
  warnings.push(...header.warnings);
  const { plan, provinceName } = header;

  // Targets.
  const outline = buildOutline(paras);
  warnings.push(...romanSequence(outline));
  const targets = parseTargets(outline, plan.periodEnd);
  warnings.push(...targets.warnings);

  // Tasks: tables, then the prose parts.
  const table = parseTableTasks(doc.blocks);
  warnings.push(...table.warnings);
  const drafts: TaskDraft[] = [...table.tasks];
  const usedCodes = new Set(drafts.map((t) => t.code).filter((c): c is string => !!c));
  for (const zone of zoneRoots(outline, 'tasks')) {
    if (table.tasks.length) {
      warnings.push({ line: zone.line, message: `Văn bản có bảng nhiệm vụ: phần “${zone.marker.body}” không tách thành nhiệm vụ riêng để khỏi trùng với bảng` });
      continue;
    }
    const r = parseTaskZone(zone, usedCodes);
    drafts.push(...r.tasks);
    warnings.push(...r.warnings);
  }
  for (const zone of zoneRoots(outline, 'responsibilities')) {
    const r = parseResponsibilityZone(zone);
    drafts.push(...r.tasks);
    warnings.push(...r.warnings);
  }
  if (!drafts.length) warnings.push({ line: null, message: 'Không tìm thấy nhiệm vụ nào (bảng phân công hoặc phần “Nhiệm vụ”, “Tổ chức thực hiện”)' });

  // Agencies and timelines.
  const catalogue: PreparedCatalogue = prepareCatalogue(opts.catalogue ?? standardCatalogue(provinceName ?? 'Tỉnh'));
  const ctx = { periodStart: plan.periodStart, periodEnd: plan.periodEnd };
  const unmatched = new Map<string, Set<number>>();
  const tasks: ImportedTask[] = drafts.map((d) => finishTask(d, catalogue, ctx, warnings, unmatched));
  // One warning per unmatched name (a name is often repeated row after row), on its first line.
  for (const [raw, set] of unmatched) {
    const lines = [...set];
    const more = lines.length > 1 ? ` (${lines.length} lần, dòng ${lines.join(', ')})` : '';
    warnings.push({ line: lines[0]!, message: `Không khớp cơ quan: ${raw}${more}` });
  }

  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { plan, targets: targets.targets, tasks, warnings };
}

function finishTask(
  d: TaskDraft,
  catalogue: PreparedCatalogue,
  ctx: { periodStart: number | null; periodEnd: number | null },
  warnings: Warning[],
  unmatched: Map<string, Set<number>>,
): ImportedTask {
  const match = (cells: string[]) => dedupeRefs(cells.flatMap((c) => matchAgencies(c, catalogue)));
  const leads = match(d.leadCells);
  const coordinators = match(d.coordinatorCells);
  for (const r of [...leads, ...coordinators]) {
    if (r.agency === null && r.group === null) unmatched.set(r.raw, (unmatched.get(r.raw) ?? new Set()).add(d.line));
  }
  let schedule: Schedule;
  if (d.scheduleRaw) {
    schedule = parseSchedule(d.scheduleRaw, ctx);
    if (schedule.kind === 'unknown') warnings.push({ line: d.line, message: `Không đọc được thời gian “${d.scheduleRaw}”${d.code ? ` (nhiệm vụ ${d.code})` : ''}` });
  } else schedule = { raw: '', kind: 'unknown', milestones: [] };
  return {
    code: d.code,
    section: d.section,
    title: d.title,
    ...(d.parentCode ? { parentCode: d.parentCode } : {}),
    ...(d.description ? { description: d.description } : {}),
    leads,
    coordinators,
    deliverables: d.deliverables,
    schedule,
    ...(d.budget ? { budget: d.budget } : {}),
    line: d.line,
  };
}

/** Roman-numbered parts out of sequence ("I, II, II, III": a typo) are flagged, never fatal. */
function romanSequence(outline: ONode): Warning[] {
  const out: Warning[] = [];
  let last = 0;
  for (const it of outline.items) {
    if (it.kind !== 'node' || it.node.marker.kind !== 'roman') continue;
    const n = romanValue(it.node.marker.label);
    if (n === last) out.push({ line: it.node.line, message: `Mục La Mã “${it.node.marker.label}” bị lặp (có lẽ là “${toRoman(n + 1)}”); giữ nguyên như văn bản` });
    else if (last && n !== last + 1) out.push({ line: it.node.line, message: `Mục La Mã “${it.node.marker.label}” không liền sau “${toRoman(last)}”` });
    last = n;
  }
  return out;
}

function dedupeRefs(refs: AgencyRef[]): AgencyRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.agency ? `a:${r.agency}` : r.group ? `g:${r.group}` : `r:${r.raw}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
