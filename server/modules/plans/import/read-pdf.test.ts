import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_REGULAR } from '../../../../test/fixtures/plans/build.ts';
import { PlanImportError } from './errors.ts';
import { extractDocument } from './extract.ts';

const FEATURES = { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };

/** A one-page PDF; `draw` places text with Noto Sans 10 pt. */
async function pdf(draw: (doc: PDFKit.PDFDocument) => void, pages = 1): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [842, 595], margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((r) => doc.on('end', () => r(new Uint8Array(Buffer.concat(chunks)))));
  doc.font(FONT_REGULAR).fontSize(10);
  for (let p = 0; p < pages; p++) {
    if (p) doc.addPage();
    draw(doc);
  }
  doc.end();
  return done;
}
const at = (doc: PDFKit.PDFDocument, text: string, x: number, y: number) => doc.text(text, x, y, { lineBreak: false, ...FEATURES });

describe('PDF text layers', () => {
  it('reads lines top to bottom whatever order they were drawn in', async () => {
    const bytes = await pdf((doc) => {
      at(doc, 'Dòng thứ ba', 40, 140);
      at(doc, 'Dòng thứ nhất', 40, 60);
      at(doc, 'Dòng thứ hai', 40, 100);
    });
    const d = await extractDocument(bytes, 'k.pdf');
    expect(d.lines).toEqual(['Dòng thứ nhất', 'Dòng thứ hai', 'Dòng thứ ba']);
  });

  it('rebuilds table rows from column gaps, with empty cells where a column has no text', async () => {
    const bytes = await pdf((doc) => {
      at(doc, 'Kế hoạch năm 2026', 40, 40);
      const cols = [40, 80, 330, 560];
      const rows = [
        ['TT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian'],
        ['1', 'Tuyên truyền về xã hội học tập', 'Sở Văn hóa, Thể thao và Du lịch', 'Hàng năm'],
        ['', '- Đối với trung tâm HTCĐ', 'Sở Giáo dục và Đào tạo', ''],
        ['', '', 'Hội Khuyến học tỉnh', ''],
      ];
      rows.forEach((r, i) => r.forEach((c, k) => c && at(doc, c, cols[k]!, 80 + i * 16)));
      at(doc, 'Nơi nhận:', 40, 180);
    });
    const d = await extractDocument(bytes, 'k.pdf');
    expect(d.blocks).toEqual([
      { kind: 'paragraph', line: 1, text: 'Kế hoạch năm 2026' },
      {
        kind: 'table',
        line: 2,
        rows: [
          { line: 2, cells: ['TT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian'] },
          { line: 3, cells: ['1', 'Tuyên truyền về xã hội học tập', 'Sở Văn hóa, Thể thao và Du lịch', 'Hàng năm'] },
          { line: 4, cells: ['', '- Đối với trung tâm HTCĐ', 'Sở Giáo dục và Đào tạo', ''] },
          { line: 5, cells: ['', '', 'Hội Khuyến học tỉnh', ''] },
        ],
      },
      { kind: 'paragraph', line: 6, text: 'Nơi nhận:' },
    ]);
    expect(d.lines[3]).toBe('\t- Đối với trung tâm HTCĐ\tSở Giáo dục và Đào tạo\t');
  });

  it('joins the wrapped lines of a paragraph and starts a new one after a gap or at a list marker', async () => {
    const long = 'Tăng cường tuyên truyền, phổ biến nâng cao nhận thức cho người dân và toàn xã hội về học tập suốt đời, xây dựng xã hội học tập trong điều kiện phát triển nền kinh tế số, xã hội số.';
    const bytes = await pdf((doc) => {
      doc.text(long, 40, 40, { width: 300, ...FEATURES });
      doc.text('- Thông tin trên bảng tin công cộng;', 40, doc.y, { width: 300, ...FEATURES });
      doc.text('Kinh phí thực hiện', 40, doc.y + 20, { width: 300, ...FEATURES });
    });
    const d = await extractDocument(bytes, 'k.pdf');
    expect(d.lines.length).toBeGreaterThan(4);
    expect(d.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([long, '- Thông tin trên bảng tin công cộng;', 'Kinh phí thực hiện']);
  });

  it('reports progress page by page', async () => {
    const bytes = await pdf((doc) => at(doc, 'Trang tài liệu', 40, 40), 4);
    const seen: number[] = [];
    const d = await extractDocument(bytes, 'k.pdf', { onProgress: (f) => seen.push(f) });
    expect(d.lines).toEqual(Array(4).fill('Trang tài liệu'));
    expect(seen).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('refuses a PDF of more than 1,000 pages before reading them', async () => {
    const bytes = await pdf(() => {}, 1_001);
    const e = await extractDocument(bytes, 'k.pdf').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PlanImportError);
    expect(e).toMatchObject({ reason: 'TOO_LARGE', message: expect.stringMatching(/^Tệp PDF có quá nhiều trang \(1001 trang, tối đa 1000\)/) });
  });
});
