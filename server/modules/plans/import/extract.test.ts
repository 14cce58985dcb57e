import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../../shared/contracts/plan-import.ts';
import * as fx from '../../../../test/fixtures/plans/build.ts';
import { PlanImportError } from './errors.ts';
import { extractDocument } from './extract.ts';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const tableRows = (d: ExtractedDocument) => d.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map(norm)) : []));
const words = (d: ExtractedDocument) => d.blocks.flatMap((b) => (b.kind === 'paragraph' ? norm(b.text).split(' ') : []));

/** Every block points at its own text in `lines` (1-based). */
function expectLinesPointAtBlocks(d: ExtractedDocument) {
  for (const b of d.blocks) {
    if (b.kind === 'paragraph') {
      expect(norm(b.text).startsWith(norm(d.lines[b.line - 1]!)), `line ${b.line}`).toBe(true);
      expect(d.lines[b.line - 1]).not.toBe('');
    } else {
      expect(b.line).toBe(b.rows[0]!.line);
      for (const r of b.rows) expect(d.lines[r.line - 1]).toBe(r.cells.map(norm).join('\t'));
    }
  }
}

async function rejection(p: Promise<unknown>): Promise<PlanImportError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PlanImportError);
  return e as PlanImportError;
}

const texts = Object.fromEntries(
  await Promise.all(
    (Object.keys(fx.SAMPLES) as fx.SampleName[]).map(async (name) => [name, await extractDocument(fx.sampleBytes(name), fx.SAMPLES[name])] as const),
  ),
) as Record<fx.SampleName, ExtractedDocument>;

describe('the text version of each sample', () => {
  it('keeps the line numbers of the file and renders one line per file line', () => {
    for (const name of Object.keys(fx.SAMPLES) as fx.SampleName[]) {
      const d = texts[name];
      expect(d.format).toBe('text');
      expect(d.lines.length).toBe(fx.sampleText(name).replace(/\n$/, '').split('\n').length);
      expectLinesPointAtBlocks(d);
    }
  });

  it('reads the task table of 000 as tables of six cells, the header repeated after each page break', () => {
    const d = texts['000'];
    const tables = d.blocks.filter((b) => b.kind === 'table');
    expect(tables.length).toBe(6);
    expect(tables[0]!.line).toBe(7);
    const rows = tableRows(d);
    expect(rows.length).toBe(40);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows.filter((r) => r[0] === 'TT' && r[1] === 'Tên nhiệm vụ').length).toBe(6);
    expect(rows).toContainEqual(['', '', 'Phát thanh, Truyền hình Vĩnh Long', '', '', '']);
  });

  it('drops Markdown marks and keeps list markers (003)', () => {
    const d = texts['003'];
    const at = (line: number) => d.blocks.find((b) => b.line === line);
    expect(at(7)).toEqual({ kind: 'paragraph', line: 7, text: 'KẾ HOẠCH' });
    expect(at(34)).toEqual({ kind: 'paragraph', line: 34, text: '2. Mục tiêu cụ thể năm 2024' });
    expect(at(46)).toMatchObject({ text: expect.stringMatching(/^- \+ Phần đầu đạt tỷ lệ 90% số người/) });
    expect(d.lines.some((l) => l.includes('**') || l.startsWith('#'))).toBe(false);
  });
});

describe('the same plan as Word, Excel and PDF', () => {
  for (const name of Object.keys(fx.SAMPLES) as fx.SampleName[]) {
    it(`DOCX of ${name}: same table cells and same paragraph words as the text`, async () => {
      const { bytes, stats } = await fx.docxFromText(fx.sampleText(name));
      const d = await extractDocument(bytes, `${name}.docx`);
      expect(d.format).toBe('docx');
      expect(tableRows(d)).toEqual(tableRows(texts[name]));
      expect(words(d)).toEqual(words(texts[name]));
      expectLinesPointAtBlocks(d);
      if (name === '000') {
        // The fixture exercises what Word does: a repeated header, group titles spanning the row, and
        // agency cells merged down several rows (one of them naming two agencies).
        expect(stats.headerRepeats).toBe(5);
        expect(stats.horizontalMerges).toBeGreaterThan(0);
        expect(stats.verticalMerges.some((t) => /;|,/.test(t))).toBe(true);
      }
    });

    it(`PDF of ${name}: same table cells and same paragraph words as the text`, async () => {
      const d = await extractDocument(await fx.pdfFromText(fx.sampleText(name)), `${name}.pdf`);
      expect(d.format).toBe('pdf');
      expect(tableRows(d)).toEqual(tableRows(texts[name]));
      expect(words(d)).toEqual(words(texts[name]));
      expectLinesPointAtBlocks(d);
    });
  }

  it('XLSX of 000: the task table in a sheet with merged cells gives the same rows, the empty sheet none', async () => {
    const { bytes, stats } = await fx.xlsxFromText(fx.sampleText('000'));
    expect(stats.merges.some((m) => /^B\d+:F\d+$/.test(m))).toBe(true);
    expect(stats.merges.some((m) => /^[CD]\d+:[CD]\d+$/.test(m))).toBe(true);
    const d = await extractDocument(bytes, '000.xlsx');
    expect(d.format).toBe('xlsx');
    expect(d.blocks.length).toBe(1);
    expect(tableRows(d)).toEqual(tableRows(texts['000']));
    expectLinesPointAtBlocks(d);
  });
});

describe('the real type comes from the bytes, not the name', () => {
  it('reads a Word file named .pdf as Word, and a text file named .docx as text', async () => {
    const { bytes } = await fx.docxFromText(fx.sampleText('000'));
    expect((await extractDocument(bytes, 'ke-hoach.pdf')).format).toBe('docx');
    expect((await extractDocument(fx.sampleBytes('002'), 'ke-hoach.docx')).format).toBe('text');
  });

  it('reads UTF-16 text with a BOM like UTF-8', async () => {
    const d = await extractDocument(fx.utf16le(fx.sampleText('003')), '003.txt');
    expect(d).toEqual(texts['003']);
  });
});

describe('files that are refused, each with its own message', () => {
  it('an empty file', async () => {
    const e = await rejection(extractDocument(new Uint8Array(0), 'ke-hoach.docx'));
    expect(e.reason).toBe('EMPTY_FILE');
    expect(e.message).toMatch(/Tệp rỗng/);
  });

  it('a file over the size limit', async () => {
    const e = await rejection(extractDocument(fx.sampleBytes('003'), '003.txt', { maxBytes: 10_000 }));
    expect(e.reason).toBe('TOO_LARGE');
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.message).toMatch(/Tệp quá lớn \(\d+ kB\): chỉ nhận tệp đến 10 kB/);
  });

  it('a PNG renamed .docx', async () => {
    const e = await rejection(extractDocument(fx.PNG_1x1, 'ke-hoach.docx'));
    expect(e.reason).toBe('WRONG_TYPE');
    expect(e.message).toMatch(/^Tệp không phải là tài liệu Word \(\.docx\) hợp lệ: nội dung là ảnh PNG/);
  });

  it('a ZIP of random files renamed .docx', async () => {
    const e = await rejection(extractDocument(fx.zipOfRandomFiles(), 'ke-hoach.docx'));
    expect(e.reason).toBe('WRONG_TYPE');
    expect(e.message).toMatch(/^Tệp không phải là tài liệu Word \(\.docx\) hợp lệ: tệp nén ZIP không chứa/);
  });

  it('a legacy Word .doc (or a password-protected .docx)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await rejection(extractDocument(ole, 'ke-hoach.doc'));
    expect(e.reason).toBe('WRONG_TYPE');
    expect(e.message).toMatch(/Office đời cũ \(\.doc\/\.xls\)/);
  });

  it('a truncated .docx (corrupt ZIP)', async () => {
    const { bytes } = await fx.docxFromText(fx.sampleText('000'));
    const e = await rejection(extractDocument(fx.truncated(bytes), 'ke-hoach.docx'));
    expect(e.reason).toBe('CORRUPT');
    expect(e.message).toMatch(/^Tệp Word \(\.docx\) bị hỏng hoặc không đầy đủ/);
  });

  it('a zip bomb whose directory declares more than 1 GB, before inflating anything', async () => {
    const started = performance.now();
    const bomb = fx.zipBomb();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const e = await rejection(extractDocument(bomb, 'ke-hoach.docx'));
    expect(e.reason).toBe('ZIP_BOMB');
    expect(e.message).toMatch(/zip bomb/);
  });

  it('a zip bomb that lies about its size, stopped while inflating', async () => {
    const e = await rejection(extractDocument(fx.zipBomb({ lie: true }), 'ke-hoach.docx'));
    expect(e.reason).toBe('ZIP_BOMB');
    expect(e.message).toMatch(/giải nén ra nhiều hơn dung lượng khai báo/);
  });

  it('a ZIP with thousands of parts', async () => {
    const e = await rejection(extractDocument(fx.zipWithManyEntries(), 'ke-hoach.docx'));
    expect(e.reason).toBe('ZIP_BOMB');
    expect(e.message).toMatch(/6001 phần, quá nhiều/);
  });

  it('an Excel workbook with no data', async () => {
    const e = await rejection(extractDocument(await fx.xlsxEmpty(), 'ke-hoach.xlsx'));
    expect(e.reason).toBe('NO_DATA');
    expect(e.message).toMatch(/Bảng tính Excel không có dữ liệu/);
  });

  it('a PDF that needs a password', async () => {
    const e = await rejection(extractDocument(await fx.pdfFromText(fx.sampleText('002'), { userPassword: 'mat-khau' }), 'ke-hoach.pdf'));
    expect(e.reason).toBe('ENCRYPTED');
    expect(e.message).toMatch(/PDF được đặt mật khẩu/);
  });

  it('a PDF with no text layer (a scan)', async () => {
    const e = await rejection(extractDocument(await fx.pdfWithoutText(), 'ke-hoach.pdf'));
    expect(e.reason).toBe('NO_TEXT_LAYER');
    expect(e.message).toBe('PDF không có lớp chữ (bản scan): hãy tải bản Word hoặc PDF có chữ.');
  });

  it('a broken PDF', async () => {
    const pdf = await fx.pdfFromText(fx.sampleText('002'));
    const e = await rejection(extractDocument(fx.truncated(pdf, 0.3), 'ke-hoach.pdf'));
    expect(e.reason).toBe('CORRUPT');
    expect(e.message).toMatch(/^Tệp PDF bị hỏng hoặc không đầy đủ/);
  });

  it('text in a legacy 8-bit Vietnamese encoding', async () => {
    const e = await rejection(extractDocument(fx.legacyEncoded(fx.sampleText('003')), 'ke-hoach.txt'));
    expect(e.reason).toBe('BAD_ENCODING');
    expect(e.message).toMatch(/không dùng bảng mã UTF-8/);
  });

  it('binary garbage named .txt', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const e = await rejection(extractDocument(garbage, 'ke-hoach.txt'));
    expect(e.reason).toBe('WRONG_TYPE');
    expect(e.message).toMatch(/^Tệp không phải là văn bản \(\.txt\) hợp lệ: nội dung là dữ liệu nhị phân/);
  });

  it('a file of nothing but blank lines', async () => {
    const e = await rejection(extractDocument(new TextEncoder().encode('\n \n\t\n'), 'ke-hoach.txt'));
    expect(e.reason).toBe('EMPTY_FILE');
  });
});

describe('awkward but readable files', () => {
  it('a Word table whose rows have 3 cells instead of 6 is read as it is', async () => {
    const d = await extractDocument(await fx.docxMissingColumns(), 'thieu-cot.docx');
    const rows = tableRows(d);
    expect(rows.length).toBe(7);
    expect(rows.map((r) => r.length)).toEqual([6, 3, 6, 3, 6, 3, 6]);
    expect(rows[1]![0]).toBe('1.1');
  });

  it('5,000-row task tables in Word and Excel are read whole, in seconds, reporting progress', async () => {
    const rows = fx.taskRows(5_000);
    for (const [name, bytes] of [
      ['big.docx', await fx.docxFromRows(rows)],
      ['big.xlsx', await fx.xlsxFromRows(rows)],
    ] as const) {
      const seen: number[] = [];
      const started = performance.now();
      const d = await extractDocument(bytes, name, { onProgress: (f) => seen.push(f) });
      expect(performance.now() - started).toBeLessThan(15_000);
      const got = tableRows(d);
      expect(got.length).toBe(5_001);
      expect(got[5_000]).toEqual(rows[5_000]);
      expect(seen[0]).toBe(0);
      expect(seen[seen.length - 1]).toBe(1);
      expect(seen.length).toBeGreaterThan(3);
      expect(seen.every((f, i) => i === 0 || f > seen[i - 1]!)).toBe(true);
    }
  }, 60_000);
});
