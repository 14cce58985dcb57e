import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from './extract.ts';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('Excel workbooks', () => {
  it('shows values the way Vietnamese Excel shows them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chỉ tiêu');
    ws.addRow(['Ngày', 'Số', 'Tỷ lệ', 'Mã', 'Năm', 'Ghi chú', 'Công thức', 'Liên kết', 'Lỗi']);
    const row = ws.addRow([
      new Date(Date.UTC(2026, 0, 15)),
      1234567,
      0.5555,
      1.1,
      2026,
      { richText: [{ text: 'Sở ', font: { bold: true } }, { text: 'Nội vụ' }] },
      { formula: 'E2+1', result: 2027 },
      { text: 'Cổng thông tin', hyperlink: 'https://example.org' },
      { error: '#N/A' },
    ]);
    row.getCell(1).numFmt = 'dd/mm/yyyy';
    row.getCell(2).numFmt = '#,##0';
    row.getCell(3).numFmt = '0.00%';
    const d = await extractDocument(await bytesOf(wb), 'chi-tieu.xlsx');
    expect(d.blocks[0]).toMatchObject({
      kind: 'table',
      line: 1,
      rows: [{ line: 1 }, { line: 2, cells: ['15/01/2026', '1.234.567', '55,55%', '1.1', '2026', 'Sở Nội vụ', '2027', 'Cổng thông tin', '#N/A'] }],
    });
  });

  it('fills a merged range like Word: once across, repeated down', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhiệm vụ');
    ws.addRow(['TT', 'Cơ quan', '', 'Thời gian']);
    ws.addRow(['1', 'Sở Giáo dục và Đào tạo, Sở Nội vụ', '', '2026']);
    ws.addRow(['2', '', '', '2027']);
    ws.mergeCells('B2:C3');
    const d = await extractDocument(await bytesOf(wb), 'nv.xlsx');
    expect(d.blocks[0]).toMatchObject({
      rows: [
        { cells: ['TT', 'Cơ quan', '', 'Thời gian'] },
        { cells: ['1', 'Sở Giáo dục và Đào tạo, Sở Nội vụ', '', '2026'] },
        { cells: ['2', 'Sở Giáo dục và Đào tạo, Sở Nội vụ', '', '2027'] },
      ],
    });
  });

  it('gives one table per visible sheet with data, without empty outer columns, rows or hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('A');
    a.getCell('B2').value = 'TT';
    a.getCell('C2').value = 'Nhiệm vụ';
    a.getCell('B4').value = 1;
    a.getCell('C4').value = 'Tuyên truyền';
    wb.addWorksheet('Trống');
    const hidden = wb.addWorksheet('Danh mục', { state: 'hidden' });
    hidden.addRow(['Sở Nội vụ']);
    wb.addWorksheet('B').addRow(['Ghi chú']);
    const d = await extractDocument(await bytesOf(wb), 'nhieu-trang.xlsx');
    expect(d.blocks).toEqual([
      { kind: 'table', line: 1, rows: [{ line: 1, cells: ['TT', 'Nhiệm vụ'] }, { line: 2, cells: ['1', 'Tuyên truyền'] }] },
      { kind: 'table', line: 3, rows: [{ line: 3, cells: ['Ghi chú'] }] },
    ]);
    expect(d.lines).toEqual(['TT\tNhiệm vụ', '1\tTuyên truyền', 'Ghi chú']);
  });

  it('does not widen every row to a stray cell in the last column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rộng');
    ws.getCell('A1').value = 'TT';
    ws.getCell('B1').value = 'Nhiệm vụ';
    ws.getCell('A2').value = 1;
    ws.getCell('XFD2').value = 'ghi chú lạc';
    const d = await extractDocument(await bytesOf(wb), 'rong.xlsx');
    expect(d.blocks[0]).toMatchObject({ rows: [{ cells: ['TT', 'Nhiệm vụ', ''] }, { cells: ['1', '', 'ghi chú lạc'] }] });
  });
});
