import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { BoardPage } from '../../../shared/contracts/tracking.ts';

// The board as the coordinator files it or sends it on: one row per task, in the plan's order, with the
// same columns as the screen. Dates are written dd/mm/yyyy as text so no Excel locale turns them around.

const PROGRESS_VI = { notStarted: 'Chưa triển khai', inProgress: 'Đang thực hiện', done: 'Hoàn thành', delayed: 'Chậm tiến độ' } as const;
const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export async function boardWorkbook(board: z.infer<typeof BoardPage>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'XHHT';
  wb.created = new Date();
  const ws = wb.addWorksheet(`Năm ${board.year}`, { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  ws.columns = [
    { key: 'code', width: 8 },
    { key: 'title', width: 60 },
    { key: 'section', width: 30 },
    { key: 'leads', width: 30 },
    { key: 'dues', width: 24 },
    { key: 'progress', width: 18 },
    { key: 'submitted', width: 14 },
    { key: 'accepted', width: 14 },
    { key: 'overdue', width: 12 },
  ];
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = `THEO DÕI THỰC HIỆN ${board.plan.number ? `KẾ HOẠCH SỐ ${board.plan.number}` : 'KẾ HOẠCH'} — NĂM ${board.year}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.mergeCells('A2:I2');
  ws.getCell('A2').value = `${board.plan.title}. Số liệu đến ngày ${viDate(board.today)}; ${board.total} nhiệm vụ.`;
  ws.getCell('A2').alignment = { wrapText: true };
  const header = ws.getRow(4);
  header.values = ['Mã', 'Nhiệm vụ', 'Phần, mục', 'Cơ quan chủ trì', 'Thời hạn trong năm', 'Tình hình chung', 'Đã nộp / phải nộp', 'Đã chấp nhận', 'Quá hạn'];
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (const r of board.items) {
    const row = ws.addRow({
      code: r.code ?? '',
      title: r.title,
      section: r.section ?? '',
      leads: r.leads.join('; '),
      dues: r.dues.map((d) => (d.dueDate ? `${viDate(d.dueDate)}: ${d.labels.join(', ')}` : `Không có thời hạn cố định: ${d.labels.join(', ')}`)).join('\n'),
      progress: r.progress ? PROGRESS_VI[r.progress] : 'Chưa báo cáo',
      submitted: `${r.submitted} / ${r.expected}`,
      accepted: r.accepted,
      overdue: r.overdue,
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.overdue > 0) row.getCell('overdue').font = { color: { argb: 'FFC00000' }, bold: true };
  }
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4 + board.items.length, column: 9 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
