import { describe, expect, it } from 'vitest';
import {
  annualWindow,
  calendarYear,
  DEFAULT_ANNUAL_CUTOFF,
  DEFAULT_SCHOOL_YEAR_START,
  nextPeriod,
  periodContaining,
  periodFromKey,
  periodLabel,
  periodsBetween,
  quarter,
  schoolYear,
  type PeriodRules,
} from './reporting-periods.ts';

const days = (p: { start: string; end: string }) => (Date.parse(`${p.end}T00:00:00Z`) - Date.parse(`${p.start}T00:00:00Z`)) / 86_400_000 + 1;

describe('building periods', () => {
  it('gives each kind its dates, key and label', () => {
    expect(calendarYear(2026)).toEqual({ kind: 'calendarYear', key: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(annualWindow(2026)).toEqual({ kind: 'annualWindow', key: '2026', start: '2025-12-15', end: '2026-12-14' });
    expect(schoolYear(2025)).toEqual({ kind: 'schoolYear', key: '2025-2026', start: '2025-09-01', end: '2026-08-31' });
    expect(quarter(2026, 1)).toEqual({ kind: 'quarter', key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect([calendarYear(2026), quarter(2026, 1), quarter(2026, 4), schoolYear(2025), annualWindow(2026)].map(periodLabel)).toEqual([
      'Năm 2026',
      'Quý I/2026',
      'Quý IV/2026',
      'Năm học 2025-2026',
      'Kỳ báo cáo năm 2026 (15/12/2025 – 14/12/2026)',
    ]);
  });

  it('uses the NĐ 09/2019 cut-off 14/12 and the 01/9 school-year start by default', () => {
    expect(DEFAULT_ANNUAL_CUTOFF).toEqual({ month: 12, day: 14 });
    expect(DEFAULT_SCHOOL_YEAR_START).toEqual({ month: 9, day: 1 });
  });

  it('ends every quarter on its last day, February included', () => {
    expect([1, 2, 3, 4].map((q) => quarter(2026, q).end)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect([1, 2, 3, 4].map((q) => quarter(2026, q).start)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
    // Q1: 31 + 28 + 31 = 90 days; in 2024, 31 + 29 + 31 = 91.
    expect(days(quarter(2026, 1))).toBe(90);
    expect(days(quarter(2024, 1))).toBe(91);
  });

  it('counts 366 days in a window or year holding 29 February', () => {
    // 15/12/2023 – 14/12/2024 holds 29/02/2024; 15/12/2024 – 14/12/2025 does not.
    expect(days(annualWindow(2024))).toBe(366);
    expect(days(annualWindow(2025))).toBe(365);
    expect(days(calendarYear(2024))).toBe(366);
    expect(days(schoolYear(2023))).toBe(366); // 01/9/2023 – 31/8/2024
  });

  it('takes other rules as parameters', () => {
    // A school year starting 01/3 ends on 29/02 in a leap year and on 28/02 otherwise.
    expect(schoolYear(2023, { month: 3, day: 1 }).end).toBe('2024-02-29');
    expect(schoolYear(2022, { month: 3, day: 1 }).end).toBe('2023-02-28');
    // A cut-off of 31/12 makes the annual window the calendar year.
    expect(annualWindow(2026, { month: 12, day: 31 })).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    expect(annualWindow(2026, { month: 6, day: 30 })).toMatchObject({ start: '2025-07-01', end: '2026-06-30' });
  });

  it('refuses what is not a period', () => {
    expect(() => quarter(2026, 5)).toThrow(RangeError);
    expect(() => calendarYear(26)).toThrow(RangeError);
    expect(() => annualWindow(2026, { month: 2, day: 29 })).toThrow(RangeError);
    expect(() => annualWindow(2026, { month: 4, day: 31 })).toThrow(RangeError);
    expect(() => schoolYear(2025, { month: 1, day: 1 })).toThrow(RangeError);
  });
});

describe('periodFromKey', () => {
  it('reads the key of each kind', () => {
    expect(periodFromKey('calendarYear', '2026')).toEqual(calendarYear(2026));
    expect(periodFromKey('annualWindow', '2026')).toEqual(annualWindow(2026));
    expect(periodFromKey('schoolYear', '2025-2026')).toEqual(schoolYear(2025));
    expect(periodFromKey('quarter', '2026-Q3')).toEqual(quarter(2026, 3));
    const rules: PeriodRules = { annualCutoff: { month: 6, day: 30 }, schoolYearStart: { month: 8, day: 15 } };
    expect(periodFromKey('annualWindow', '2026', rules).start).toBe('2025-07-01');
    expect(periodFromKey('schoolYear', '2025-2026', rules)).toMatchObject({ start: '2025-08-15', end: '2026-08-14' });
  });

  it('refuses a malformed key', () => {
    expect(() => periodFromKey('schoolYear', '2025-2027')).toThrow(RangeError);
    expect(() => periodFromKey('quarter', '2026-Q5')).toThrow(RangeError);
    expect(() => periodFromKey('calendarYear', '2026-Q1')).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  it('puts 14/12 in the report year\'s window and 15/12 in the next one', () => {
    expect(periodContaining('annualWindow', '2026-12-14').key).toBe('2026');
    expect(periodContaining('annualWindow', '2026-12-15').key).toBe('2027');
    expect(periodContaining('annualWindow', '2026-01-01').key).toBe('2026');
    expect(periodContaining('annualWindow', '2025-12-15')).toEqual(annualWindow(2026));
  });

  it('finds the calendar year, the quarter and the school year of a date', () => {
    expect(periodContaining('calendarYear', '2026-12-31').key).toBe('2026');
    expect(periodContaining('quarter', '2026-03-31').key).toBe('2026-Q1');
    expect(periodContaining('quarter', '2026-04-01').key).toBe('2026-Q2');
    expect(periodContaining('quarter', '2024-02-29').key).toBe('2024-Q1');
    expect(periodContaining('schoolYear', '2026-08-31').key).toBe('2025-2026');
    expect(periodContaining('schoolYear', '2026-09-01').key).toBe('2026-2027');
  });

  it('follows the rules it is given, 29 February included', () => {
    const rules: PeriodRules = { annualCutoff: { month: 2, day: 28 }, schoolYearStart: { month: 3, day: 1 } };
    // Cut-off 28/02: 29/02/2024 opens the 2025 window (29/02/2024 – 28/02/2025).
    expect(periodContaining('annualWindow', '2024-02-29', rules)).toEqual({ kind: 'annualWindow', key: '2025', start: '2024-02-29', end: '2025-02-28' });
    expect(periodContaining('schoolYear', '2024-02-29', rules).key).toBe('2023-2024');
  });

  it('refuses a date that does not exist', () => {
    expect(() => periodContaining('quarter', '2026-02-29')).toThrow(RangeError);
    expect(() => periodContaining('quarter', '2026-13-01')).toThrow(RangeError);
    expect(() => periodContaining('quarter', '1/1/2026')).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it('lists every period overlapping the range, in order', () => {
    expect(periodsBetween('quarter', '2026-02-10', '2026-07-01').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(periodsBetween('calendarYear', '2026-01-01', '2030-12-31').map((p) => p.key)).toEqual(['2026', '2027', '2028', '2029', '2030']);
    // A 2026-2030 plan from 01/01/2026 to 31/12/2030 touches six annual windows: 15/12/2030 opens the 2031 one.
    expect(periodsBetween('annualWindow', '2026-01-01', '2030-12-31').map((p) => p.key)).toEqual(['2026', '2027', '2028', '2029', '2030', '2031']);
    expect(periodsBetween('schoolYear', '2026-01-01', '2026-12-31').map((p) => p.key)).toEqual(['2025-2026', '2026-2027']);
    expect(periodsBetween('quarter', '2026-05-05', '2026-05-05').map((p) => p.key)).toEqual(['2026-Q2']);
  });

  it('leaves no gap and no overlap between consecutive periods', () => {
    for (const kind of ['calendarYear', 'annualWindow', 'schoolYear', 'quarter'] as const) {
      const ps = periodsBetween(kind, '2023-01-01', '2029-12-31');
      for (let i = 1; i < ps.length; i++) {
        const prevEnd = new Date(`${ps[i - 1]!.end}T00:00:00Z`);
        prevEnd.setUTCDate(prevEnd.getUTCDate() + 1);
        expect(prevEnd.toISOString().slice(0, 10)).toBe(ps[i]!.start);
      }
      expect(nextPeriod(ps[0]!)).toEqual(ps[1]);
    }
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => periodsBetween('quarter', '2026-07-01', '2026-02-10')).toThrow(RangeError);
  });
});
