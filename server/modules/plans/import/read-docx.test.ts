import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import * as fx from '../../../../test/fixtures/plans/build.ts';
import { extractDocument } from './extract.ts';

async function docx(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
const cell = (...paras: string[]) => new TableCell({ children: paras.map((p) => new Paragraph(p)) });

describe('Word documents', () => {
  it('keeps paragraphs and tables in body order, one line per paragraph and per row', async () => {
    const bytes = await docx([
      new Paragraph('KẾ HOẠCH'),
      new Table({ rows: [new TableRow({ children: [cell('TT'), cell('Nhiệm vụ')] }), new TableRow({ children: [cell('1'), cell('Tuyên truyền', '- Báo chí', '- Loa')] })] }),
      new Paragraph(''),
      new Paragraph('Nơi nhận:'),
    ]);
    const d = await extractDocument(bytes, 'k.docx');
    expect(d.blocks).toEqual([
      { kind: 'paragraph', line: 1, text: 'KẾ HOẠCH' },
      { kind: 'table', line: 2, rows: [{ line: 2, cells: ['TT', 'Nhiệm vụ'] }, { line: 3, cells: ['1', 'Tuyên truyền\n- Báo chí\n- Loa'] }] },
      { kind: 'paragraph', line: 5, text: 'Nơi nhận:' },
    ]);
    expect(d.lines).toEqual(['KẾ HOẠCH', 'TT\tNhiệm vụ', '1\tTuyên truyền - Báo chí - Loa', '', 'Nơi nhận:']);
  });

  it('gives a cell merged across columns once, then empty strings; a cell merged down repeats its text', async () => {
    const bytes = await docx([
      new Table({
        rows: [
          new TableRow({ children: [cell('1'), new TableCell({ children: [new Paragraph('Nhóm nhiệm vụ')], columnSpan: 3 })] }),
          new TableRow({
            children: [cell('1.1'), cell('Việc A'), new TableCell({ children: [new Paragraph('Sở Giáo dục và Đào tạo; Sở Nội vụ')], verticalMerge: VerticalMergeType.RESTART }), cell('2026')],
          }),
          new TableRow({ children: [cell('1.2'), cell('Việc B'), new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE }), cell('2027')] }),
        ],
      }),
    ]);
    const d = await extractDocument(bytes, 'k.docx');
    expect(d.blocks[0]).toMatchObject({
      kind: 'table',
      rows: [
        { cells: ['1', 'Nhóm nhiệm vụ', '', ''] },
        { cells: ['1.1', 'Việc A', 'Sở Giáo dục và Đào tạo; Sở Nội vụ', '2026'] },
        { cells: ['1.2', 'Việc B', 'Sở Giáo dục và Đào tạo; Sở Nội vụ', '2027'] },
      ],
    });
  });

  it('shows automatic numbering as Word does (I., 1., a), bullets)', async () => {
    const d = await extractDocument(await fx.docxWithNumbering(), 'so-thu-tu.docx');
    expect(d.lines).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'a) Tổ chức triển khai',
      'b) Đánh giá kết quả',
      '2. Yêu cầu',
      '- Các nhiệm vụ có lộ trình',
      'II. MỤC TIÊU',
      '1. Mục tiêu chung',
    ]);
  });
});
