import { describe, expect, it } from 'vitest';
import { readText, stripMarkdown } from './read-text.ts';

describe('Markdown marks in plain text', () => {
  it('drops emphasis, heading and quote marks', () => {
    expect(stripMarkdown('## **2. Mục tiêu cụ thể năm 2024**')).toBe('2. Mục tiêu cụ thể năm 2024');
    expect(stripMarkdown('**KẾ HOẠCH**  ')).toBe('KẾ HOẠCH');
    expect(stripMarkdown('> Trích: __Đề án__ 1373')).toBe('Trích: Đề án 1373');
    expect(stripMarkdown('(*qua Phòng Quản lý Thông tin*)')).toBe('(qua Phòng Quản lý Thông tin)');
    expect(stripMarkdown('1\\. Mục đích')).toBe('1. Mục đích');
  });

  it('keeps list markers and underscores drawn as a rule', () => {
    expect(stripMarkdown('  - + Phần đầu đạt tỷ lệ 90%;')).toBe('- + Phần đầu đạt tỷ lệ 90%;');
    expect(stripMarkdown('* Nơi nhận')).toBe('* Nơi nhận');
    expect(stripMarkdown('__________')).toBe('__________');
    expect(stripMarkdown('ten_tep_moi')).toBe('ten_tep_moi');
  });
});

describe('text split into blocks', () => {
  it('gives every non-blank line its own paragraph, numbered as in the file (CRLF too)', () => {
    const d = readText('Số: 74/KH-BCĐ\r\n\r\n**KẾ HOẠCH**\r\nNăm 2024\r\n');
    expect(d.lines).toEqual(['Số: 74/KH-BCĐ', '', 'KẾ HOẠCH', 'Năm 2024']);
    expect(d.blocks).toEqual([
      { kind: 'paragraph', line: 1, text: 'Số: 74/KH-BCĐ' },
      { kind: 'paragraph', line: 3, text: 'KẾ HOẠCH' },
      { kind: 'paragraph', line: 4, text: 'Năm 2024' },
    ]);
  });

  it('makes consecutive tab lines one table, and a blank line starts the next one', () => {
    const d = readText('Bảng\nTT\tNhiệm vụ\n1\t**Tuyên truyền**\n\nTT\tNhiệm vụ\n\tCòn tiếp\t\t\nSau bảng');
    expect(d.blocks).toEqual([
      { kind: 'paragraph', line: 1, text: 'Bảng' },
      { kind: 'table', line: 2, rows: [{ line: 2, cells: ['TT', 'Nhiệm vụ'] }, { line: 3, cells: ['1', 'Tuyên truyền'] }] },
      { kind: 'table', line: 5, rows: [{ line: 5, cells: ['TT', 'Nhiệm vụ'] }, { line: 6, cells: ['', 'Còn tiếp', '', ''] }] },
      { kind: 'paragraph', line: 7, text: 'Sau bảng' },
    ]);
    expect(d.lines[2]).toBe('1\tTuyên truyền');
  });

  it('reads Markdown pipe tables, skipping the rule under the header', () => {
    const d = readText('| TT | Nhiệm vụ |\n|---|:---:|\n| 1 | Tuyên truyền \\| phổ biến |');
    expect(d.blocks).toEqual([
      { kind: 'table', line: 1, rows: [{ line: 1, cells: ['TT', 'Nhiệm vụ'] }, { line: 3, cells: ['1', 'Tuyên truyền | phổ biến'] }] },
    ]);
    expect(d.lines).toEqual(['TT\tNhiệm vụ', '', '1\tTuyên truyền | phổ biến']);
  });
});
