import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Schedule } from '../contracts/plan-import.ts';
import { DEFAULT_YEARLY_DUE, obligationsFor, parseSchedule, quarterEnd, yearlyReportDue, type ScheduleContext } from './schedule.ts';

const PLAN: ScheduleContext = { periodStart: 2026, periodEnd: 2030 };
const NO_PERIOD: ScheduleContext = { periodStart: null, periodEnd: null };
const YEARS = [2026, 2027, 2028, 2029, 2030];
const REPORT_DUES = YEARS.map((y) => `${y}-12-14`);

const parse = (raw: string, ctx: ScheduleContext = PLAN) => parseSchedule(raw, ctx);
const dues = (s: Schedule) => s.milestones.map((m) => m.due);
const labels = (s: Schedule) => s.milestones.map((m) => m.label);

describe('quarterEnd and yearlyReportDue', () => {
  it('gives the last day of each quarter', () => {
    expect([1, 2, 3, 4].map((q) => quarterEnd(q, 2026))).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
  });

  it('rejects a quarter outside 1-4', () => {
    expect(() => quarterEnd(0, 2026)).toThrow(RangeError);
    expect(() => quarterEnd(5, 2026)).toThrow(RangeError);
  });

  it('puts the yearly report on 14 December by default (NĐ 09/2019 cut-off, "trước 15/12")', () => {
    expect(DEFAULT_YEARLY_DUE).toEqual({ month: 12, day: 14 });
    expect(yearlyReportDue(2027)).toBe('2027-12-14');
    expect(yearlyReportDue(2027, { month: 6, day: 31 })).toBe('2027-06-30');
    expect(() => yearlyReportDue(2027, { month: 13, day: 1 })).toThrow(RangeError);
  });
});

describe('parseSchedule: one due date', () => {
  it.each([
    ['Quý I/2026', 'Quý I/2026', '2026-03-31'],
    ['Quý II/2026', 'Quý II/2026', '2026-06-30'],
    ['Quý III/2026', 'Quý III/2026', '2026-09-30'],
    ['Quý IV/2026', 'Quý IV/2026', '2026-12-31'],
  ])('reads %s as due at the end of the quarter', (raw, label, due) => {
    expect(parse(raw)).toEqual({ raw, kind: 'once', milestones: [{ label, due, recurrence: null }] });
  });

  it.each(['quý i/2026', 'QUÝ I/2026', 'Quy I/2026', 'Quý  I / 2026.', 'Quý I năm 2026', 'Quý I/năm 2026', 'Quý 1/2026', 'quý I - 2026;', ' Quý I/2026 ', 'Quý I/2026'.normalize('NFD')])(
    'reads the quarter written as %j',
    (raw) => {
      const s = parse(raw);
      expect(s.kind).toBe('once');
      expect(s.milestones).toEqual([{ label: 'Quý I/2026', due: '2026-03-31', recurrence: null }]);
    },
  );

  it.each(['Năm 2026', 'năm 2026.', '2026', 'NĂM 2026', 'Trong năm 2026'])('reads %j as due on 31 December 2026', (raw) => {
    expect(parse(raw).milestones).toEqual([{ label: 'Năm 2026', due: '2026-12-31', recurrence: null }]);
    expect(parse(raw).kind).toBe('once');
  });

  it('reads "trước tháng 11/2021" as due at the end of the month before', () => {
    expect(parse('trước tháng 11/2021').milestones).toEqual([{ label: 'Trước tháng 11/2021', due: '2021-10-31', recurrence: null }]);
    expect(dues(parse('Trước tháng 1/2022'))).toEqual(['2021-12-31']);
  });

  it('reads "tháng 6/2026" as due at the end of that month, leap years included', () => {
    expect(parse('tháng 6/2026').milestones).toEqual([{ label: 'Tháng 6/2026', due: '2026-06-30', recurrence: null }]);
    expect(dues(parse('Tháng 2/2028'))).toEqual(['2028-02-29']);
    expect(dues(parse('trong tháng 6 năm 2026'))).toEqual(['2026-06-30']);
  });

  it('reads "6 tháng đầu năm 2026" as 30 June and "6 tháng cuối năm 2026" as 31 December', () => {
    expect(parse('6 tháng đầu năm 2026').milestones).toEqual([{ label: '6 tháng đầu năm 2026', due: '2026-06-30', recurrence: null }]);
    expect(dues(parse('6 tháng cuối năm 2026'))).toEqual(['2026-12-31']);
  });

  it('reads a full date, and "trước ngày" as the day before', () => {
    expect(dues(parse('Ngày 30/9/2026'))).toEqual(['2026-09-30']);
    expect(parse('trước ngày 15/12/2026').milestones).toEqual([{ label: 'Trước ngày 15/12/2026', due: '2026-12-14', recurrence: null }]);
  });

  it('reads a date without a year in the plan year when the plan covers one year only', () => {
    const y2024: ScheduleContext = { periodStart: 2024, periodEnd: 2024 };
    expect(parse('Quý II', y2024).milestones).toEqual([{ label: 'Quý II/2024', due: '2024-06-30', recurrence: null }]);
    expect(dues(parse('tháng 9', y2024))).toEqual(['2024-09-30']);
  });

  it('reads a cell merged with its copy across a page break ("2026 2026") once', () => {
    expect(parse('2026 2026')).toEqual({ raw: '2026 2026', kind: 'once', milestones: [{ label: 'Năm 2026', due: '2026-12-31', recurrence: null }] });
  });
});

describe('parseSchedule: every year', () => {
  it.each(['2026-2030', '2026 - 2030', '2026 – 2030', 'Giai đoạn 2026 - 2030', 'Từ năm 2026 đến năm 2030', 'năm 2026-2030.'])(
    'reads %j as a range with one report per year, due on the yearly report date',
    (raw) => {
      const s = parse(raw);
      expect(s.kind).toBe('range');
      expect(dues(s)).toEqual(REPORT_DUES);
      expect(labels(s)).toEqual(YEARS.map((y) => `Báo cáo năm ${y}`));
      expect(s.milestones.every((m) => m.recurrence === 'yearly')).toBe(true);
    },
  );

  it('takes the years of a range from the cell, not from the plan period', () => {
    expect(dues(parse('2027-2028', { periodStart: 2021, periodEnd: 2030 }))).toEqual(['2027-12-14', '2028-12-14']);
    expect(dues(parse('2027-2028', NO_PERIOD))).toEqual(['2027-12-14', '2028-12-14']);
  });

  it.each(['Hàng năm', 'Hằng năm', 'hàng năm.', 'HẰNG NĂM', 'Hang nam', 'Định kỳ hằng năm', 'Mỗi năm'])('reads %j as one report per year of the plan', (raw) => {
    const s = parse(raw);
    expect(s.kind).toBe('yearly');
    expect(s.milestones).toEqual(YEARS.map((y) => ({ label: `Báo cáo năm ${y}`, due: `${y}-12-14`, recurrence: 'yearly' })));
  });

  it('gives one undated yearly milestone when the plan period is unknown', () => {
    const expected = { raw: 'Hằng năm', kind: 'yearly', milestones: [{ label: 'Báo cáo hằng năm', due: null, recurrence: 'yearly' }] };
    expect(parse('Hằng năm', NO_PERIOD)).toEqual(expected);
    expect(parse('Hằng năm', { periodStart: 2026, periodEnd: null })).toEqual(expected);
  });

  it('uses the yearly report date given in the context', () => {
    expect(dues(parse('Hàng năm', { ...PLAN, yearlyDue: { month: 12, day: 15 } }))).toEqual(YEARS.map((y) => `${y}-12-15`));
    expect(dues(parse('2026-2027', { ...PLAN, yearlyDue: { month: 11, day: 30 } }))).toEqual(['2026-11-30', '2027-11-30']);
  });

  it.each(['Thường xuyên, hàng năm', 'thường xuyên, hàng năm', 'Thường xuyên và hằng năm', 'Hàng năm; thường xuyên'])(
    'reads %j as yearly: continuous work is reported in the yearly reports',
    (raw) => {
      const s = parse(raw);
      expect(s.kind).toBe('yearly');
      expect(dues(s)).toEqual(REPORT_DUES);
    },
  );

  it('reads "2026-2030; thường xuyên, hàng năm" as the range', () => {
    const s = parse('2026-2030; thường xuyên, hàng năm');
    expect(s.kind).toBe('range');
    expect(dues(s)).toEqual(REPORT_DUES);
  });

  it('reads "vào tuần thứ 2 của tháng 12 hằng năm" as due on 14 December of every year (end of the 2nd 7-day block)', () => {
    const s = parse('vào tuần thứ 2 của tháng 12 hằng năm');
    expect(s.kind).toBe('yearly');
    expect(s.milestones[0]).toEqual({ label: 'Tuần thứ 2 tháng 12/2026', due: '2026-12-14', recurrence: 'yearly' });
    expect(dues(s)).toEqual(REPORT_DUES);
    expect(parse('vào tuần thứ 2 của tháng 12 hằng năm', NO_PERIOD).milestones).toEqual([{ label: 'Tuần thứ 2 tháng 12 hằng năm', due: null, recurrence: 'yearly' }]);
    expect(dues(parse('tuần cuối tháng 2 hằng năm', { periodStart: 2028, periodEnd: 2028 }))).toEqual(['2028-02-29']);
  });

  it('reads "Quý I hằng năm" as due at the end of every first quarter', () => {
    const s = parse('Quý I hằng năm');
    expect(s.kind).toBe('yearly');
    expect(s.milestones).toEqual(YEARS.map((y) => ({ label: `Quý I/${y}`, due: `${y}-03-31`, recurrence: 'yearly' })));
    expect(dues(parse('Hằng năm, vào quý I'))).toEqual(YEARS.map((y) => `${y}-03-31`));
    expect(dues(parse('tháng 6 hằng năm'))).toEqual(YEARS.map((y) => `${y}-06-30`));
    expect(dues(parse('6 tháng đầu năm hằng năm'))).toEqual(YEARS.map((y) => `${y}-06-30`));
  });

  it('reads "Hàng năm và cuối giai đoạn" as the yearly reports plus one at the end of the period', () => {
    const s = parse('Hàng năm và cuối giai đoạn');
    expect(s.kind).toBe('composite');
    expect(s.milestones.slice(0, 5).map((m) => m.due)).toEqual(REPORT_DUES);
    expect(s.milestones[5]).toEqual({ label: 'Cuối giai đoạn', due: '2030-12-14', recurrence: null });
    expect(parse('Hàng năm và cuối giai đoạn', NO_PERIOD).milestones).toEqual([
      { label: 'Báo cáo hằng năm', due: null, recurrence: 'yearly' },
      { label: 'Cuối giai đoạn', due: null, recurrence: null },
    ]);
  });
});

describe('parseSchedule: no fixed date', () => {
  it.each(['Thường xuyên', 'thường xuyên.', 'THƯỜNG XUYÊN'])('reads %j as continuous, with one undated milestone', (raw) => {
    expect(parse(raw)).toEqual({ raw: raw.trim(), kind: 'continuous', milestones: [{ label: 'Thường xuyên', due: null, recurrence: null }] });
  });

  it('reads "Khi có sự thay đổi" as on event, labelled as written', () => {
    expect(parse('Khi có sự thay đổi')).toEqual({ raw: 'Khi có sự thay đổi', kind: 'onEvent', milestones: [{ label: 'Khi có sự thay đổi', due: null, recurrence: null }] });
    expect(parse('khi có yêu cầu, chỉ đạo.').milestones).toEqual([{ label: 'Khi có yêu cầu, chỉ đạo', due: null, recurrence: null }]);
    expect(parse('Đột xuất').kind).toBe('onEvent');
  });
});

describe('parseSchedule: labelled parts', () => {
  it('reads "Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên" as a composite of two labelled milestones', () => {
    expect(parse('Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên')).toEqual({
      raw: 'Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên',
      kind: 'composite',
      milestones: [
        { label: 'Ban hành Kế hoạch', due: '2026-03-31', recurrence: null },
        { label: 'Thực hiện', due: null, recurrence: null },
      ],
    });
  });

  it('reads the parts on separate lines or after ";" alike', () => {
    expect(dues(parse('Ban hành Kế hoạch: Quý I/2026\nThực hiện: Thường xuyên'))).toEqual(['2026-03-31', null]);
    expect(dues(parse('ban hành kế hoạch: quý i/2026; thực hiện: thường xuyên.'))).toEqual(['2026-03-31', null]);
  });

  it('reads "Thực hiện: Thường xuyên" as continuous, labelled "Thực hiện"', () => {
    expect(parse('Thực hiện: Thường xuyên')).toEqual({ raw: 'Thực hiện: Thường xuyên', kind: 'continuous', milestones: [{ label: 'Thực hiện', due: null, recurrence: null }] });
  });

  it('reads a yearly part on an event, keeping the event in the labels', () => {
    const raw = 'Ban hành Kế hoạch: hàng năm khi có hướng dẫn Bộ Giáo dục và Đào tạo và Bộ Văn hóa, Thể thao và Du lịch.';
    const s = parse(raw);
    expect(s.raw).toBe(raw);
    expect(s.kind).toBe('yearly');
    expect(dues(s)).toEqual(REPORT_DUES);
    expect(s.milestones[1]).toEqual({
      label: 'Ban hành Kế hoạch năm 2027 (khi có hướng dẫn Bộ Giáo dục và Đào tạo và Bộ Văn hóa, Thể thao và Du lịch)',
      due: '2027-12-14',
      recurrence: 'yearly',
    });
  });

  it('names each yearly milestone of a labelled part by its year', () => {
    expect(labels(parse('Ban hành: Quý I/2026. Báo cáo: hằng năm', { periodStart: 2026, periodEnd: 2027 }))).toEqual(['Ban hành', 'Báo cáo năm 2026', 'Báo cáo năm 2027']);
  });
});

describe('parseSchedule: never guesses', () => {
  it.each([
    '',
    '   ',
    'Sớm',
    'Quý V/2026',
    'tháng 13/2026',
    '2030-2026',
    'Quý I', // no year, and the plan covers several years
    'Năm 2026 và các năm tiếp theo',
    'Ban hành Kế hoạch: Quý I/2026. Thực hiện: sớm nhất có thể', // one part unknown: the whole cell is
    '2026 2027',
  ])('gives kind unknown and no milestones for %j', (raw) => {
    expect(parse(raw)).toEqual({ raw: raw.trim(), kind: 'unknown', milestones: [] });
  });

  it('keeps raw as written, only trimmed', () => {
    expect(parse('  quý  i / 2026. \n').raw).toBe('quý  i / 2026.');
  });

  it('produces schedules that satisfy the contract', () => {
    for (const raw of ['Quý I/2026', 'Hằng năm', 'Khi có sự thay đổi', 'Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên', 'xyz']) {
      expect(() => Schedule.parse(parse(raw))).not.toThrow();
    }
  });
});

describe('parseSchedule on the Vĩnh Long task table (fixture 000)', () => {
  const file = fileURLToPath(new URL('../../test/fixtures/plans/000_e35a57ecf8b44306.txt', import.meta.url));
  const cells = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c.length < 6 || c[0] === 'TT') continue;
    const time = c[5]!.trim();
    if (time) cells.add(time);
  }
  const expected: Record<string, { kind: Schedule['kind']; dues: (string | null)[] }> = {
    'Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên': { kind: 'composite', dues: ['2026-03-31', null] },
    '2026 2026': { kind: 'once', dues: ['2026-12-31'] },
    '2026': { kind: 'once', dues: ['2026-12-31'] },
    'Khi có sự thay đổi': { kind: 'onEvent', dues: [null] },
    'Hàng năm': { kind: 'yearly', dues: REPORT_DUES },
    '2026-2030; thường xuyên, hàng năm': { kind: 'range', dues: REPORT_DUES },
    'Quý II/2026': { kind: 'once', dues: ['2026-06-30'] },
    'Thường xuyên, hàng năm': { kind: 'yearly', dues: REPORT_DUES },
    'Ban hành Kế hoạch: hàng năm khi có hướng dẫn Bộ Giáo dục và Đào tạo và Bộ Văn hóa, Thể thao và Du lịch.': { kind: 'yearly', dues: REPORT_DUES },
    'Thực hiện: Thường xuyên': { kind: 'continuous', dues: [null] },
  };

  it('finds exactly the timeline cells listed here', () => {
    expect([...cells].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('reads %j', (raw, e) => {
    const s = parse(raw);
    expect(s.kind).toBe(e.kind);
    expect(dues(s)).toEqual(e.dues);
  });
});

describe('obligationsFor', () => {
  const year2027 = { start: '2026-12-15', end: '2027-12-14' };

  it('returns the milestones due in a reporting period, both ends included', () => {
    const s = parse('2026-2030');
    expect(obligationsFor(s, year2027)).toEqual([{ label: 'Báo cáo năm 2027', due: '2027-12-14', recurrence: 'yearly' }]);
    expect(obligationsFor(s, { start: '2026-12-14', end: '2026-12-14' }).map((m) => m.label)).toEqual(['Báo cáo năm 2026']);
    expect(obligationsFor(s, { start: '2031-01-01', end: '2031-12-31' })).toEqual([]);
  });

  it('picks the dated part of a composite', () => {
    const s = parse('Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên');
    expect(obligationsFor(s, { start: '2026-01-01', end: '2026-03-31' }).map((m) => m.label)).toEqual(['Ban hành Kế hoạch']);
    expect(obligationsFor(s, { start: '2026-04-01', end: '2026-06-30' })).toEqual([]);
  });

  it('returns nothing for undated milestones (continuous, on event, unknown)', () => {
    for (const raw of ['Thường xuyên', 'Khi có sự thay đổi', 'Sớm']) expect(obligationsFor(parse(raw), { start: '2000-01-01', end: '2100-12-31' })).toEqual([]);
  });
});
