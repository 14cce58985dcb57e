// The plan parser (issue 3): the Vĩnh Long appendix sample (26 tasks) end to end (bytes → extractDocument →
// parsePlan), and a generated task table of 3,000 tasks built in memory (page-break header repeats, cut
// rows, sub-rows, section rows every ten tasks), with the process's resident memory.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocBlock, ExtractedDocument } from '../shared/contracts/plan-import.ts';
import { parsePlan } from '../server/modules/plans/import/parse-plan.ts';
import { ROOT, figure, main, median, ms, note } from './lib.ts';

const RUNS = 5;
const HEADER = ['TT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm/kết quả', 'Thời gian'];
const LEADS = ['Sở Giáo dục và Đào tạo', 'Sở Văn hóa, Thể thao và Du lịch, Báo và Phát thanh, Truyền hình Vĩnh Long', 'Hội Khuyến học tỉnh, Ủy ban nhân dân các xã/phường', 'Sở Nội vụ; Liên đoàn Lao động tỉnh', 'Sở GD&ĐT, Sở KH&CN'];
const TIMES = ['Hàng năm', 'Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên', 'Quý II/2027', 'Thường xuyên, hàng năm', '2026-2030', 'Khi có sự thay đổi'];
const PRODUCTS = ['Văn bản, tài liệu, tin bài, phóng sự', 'Văn bản chỉ đạo, điều hành; báo cáo', 'Kế hoạch', 'Nghị quyết của Hội đồng nhân dân tỉnh'];

/** A task table of `tasks` tasks: sections of ten, a page break every 25 rows, one cut row and one sub-row per section. */
function generatedTable(tasks: number): ExtractedDocument {
  const blocks: DocBlock[] = [{ kind: 'paragraph', line: 1, text: 'Phụ lục. PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ (Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh Vĩnh Long)' }];
  let line = 2;
  let rows: { line: number; cells: string[] }[] = [];
  const push = (cells: string[]) => {
    if (rows.length && rows.length % 25 === 0) {
      blocks.push({ kind: 'table', line: rows[0]!.line, rows });
      rows = [{ line: ++line, cells: HEADER }];
    }
    rows.push({ line: ++line, cells });
  };
  push(HEADER);
  for (let i = 0; i < tasks; i++) {
    const s = Math.floor(i / 10) + 1;
    const k = (i % 10) + 1;
    if (k === 1) push([String(s), `Nhóm nhiệm vụ số ${s} về xây dựng xã hội học tập`, '', '', '', '']);
    const cells = [`${s}.${k}`, `Triển khai nhiệm vụ ${s}.${k} về học tập suốt đời trên địa bàn tỉnh.`, LEADS[i % LEADS.length]!, 'Các sở, ban, ngành; Ủy ban nhân dân các xã/phường và đơn vị liên quan.', PRODUCTS[i % PRODUCTS.length]!, TIMES[i % TIMES.length]!];
    if (k === 4) {
      // A row cut by the page break: the title goes on under the repeated header.
      cells[1] = `Xây dựng, trình cấp có thẩm quyền ban hành chính sách ${s}.${k} cho người lao động,`;
      push(cells);
      blocks.push({ kind: 'table', line: rows[0]!.line, rows });
      rows = [{ line: ++line, cells: HEADER }];
      push(['', 'thanh niên trên địa bàn tỉnh giai đoạn 2026 - 2030.', '', '', '', '']);
    } else if (k === 7) {
      push([cells[0]!, 'Đổi mới nội dung, phương pháp giáo dục:', '', '', '', '']);
      push(['', '- Đối với các trung tâm học tập cộng đồng.', cells[2]!, cells[3]!, cells[4]!, cells[5]!]);
    } else push(cells);
  }
  blocks.push({ kind: 'table', line: rows[0]!.line, rows });
  return { format: 'text', blocks, lines: [] };
}

main(async () => {
  // The generated table first, with only the parser loaded: its memory is the parser's.
  const doc = generatedTable(3000);
  const bigTimes: number[] = [];
  let bigTasks = 0;
  let warnings = 0;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const r = parsePlan(doc, { provinceName: 'Tỉnh Vĩnh Long' });
    bigTimes.push(ms(t));
    bigTasks = r.tasks.length;
    warnings = r.warnings.length;
  }
  note(`generated table: ${doc.blocks.length} blocks, ${bigTasks} tasks, ${warnings} warnings; runs ${bigTimes.map((x) => Math.round(x)).join(', ')} ms`);
  if (bigTasks < 3000) note(`warning: expected at least 3000 tasks, got ${bigTasks}`);
  figure('plan-parse.table3000.first', Math.round(bigTimes[0]!), 'ms', '< 10000 ms');
  figure('plan-parse.table3000.median', Math.round(median(bigTimes)), 'ms');
  figure('plan-parse.rss', Math.round(process.memoryUsage().rss / 1024 / 1024), 'MB', '< 300 MB');

  // The sample end to end: bytes → extractDocument → parsePlan. Loading the extractor brings its readers
  // (PDF, Excel) into memory, hence the second memory figure.
  const { extractDocument } = await import('../server/modules/plans/import/extract.ts');
  const samplePath = path.join(ROOT, 'test/fixtures/plans/000_e35a57ecf8b44306.txt');
  const bytes = readFileSync(samplePath);
  const sampleTimes: number[] = [];
  let sampleTasks = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = parsePlan(await extractDocument(bytes, path.basename(samplePath)), {});
    sampleTimes.push(ms(t));
    sampleTasks = r.tasks.length;
  }
  note(`sample 000: ${sampleTasks} tasks; runs ${sampleTimes.map((x) => x.toFixed(1)).join(', ')} ms (the first includes warm-up)`);
  figure('plan-parse.sample000.first', Math.round(sampleTimes[0]!), 'ms', '< 1000 ms');
  figure('plan-parse.sample000.median', Number(median(sampleTimes).toFixed(1)), 'ms');
  figure('plan-parse.rss.withExtractor', Math.round(process.memoryUsage().rss / 1024 / 1024), 'MB');
});
