// Reporting periods (kỳ báo cáo, issue 4) as explicit date ranges: ISO dates, both ends inclusive, so that a
// value is filed under exactly one period of each kind. Pure: no clock; the caller passes the date.
//
// - calendarYear: 01/01-31/12. The self-assessment data of CĐHT and ĐVHT cover 01/01-31/12 of the evaluated
//   year (TT 24/2023, TT 25/2023; criteria.md §1.1 and §7).
// - annualWindow: the annual cut-off window of NĐ 09/2019/NĐ-CP Điều 12, from 15/12 of the previous year to 14/12
//   of the report year (reference.md §8a). That article is marked [R] there (recalled with high confidence, not
//   seen), so the cut-off day is a parameter; 14/12 is its default, and the annual XHHT report due "trước 15/12"
//   (reference.md §1, last paragraph) fits it.
// - schoolYear: neither reference gives its dates (the Bộ GDĐT sets each year's school calendar by decision). The
//   start is a parameter; 01/9 (so 01/9-31/8) is a platform default, not a legal rule.
// - quarter: calendar quarters (Quý I = 01/01-31/03), as plans use "Quý I/2026" (shared/domain/schedule.ts reads it
//   as due 31/3). NĐ 09/2019 Điều 12 also has a quarterly cut-off window (15th of the month before the quarter to
//   the 14th of its last month, [R]); it is not this kind.

export const PERIOD_KINDS = ['calendarYear', 'annualWindow', 'schoolYear', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * A reporting period. `key` names it within its kind: '2026' (calendarYear, annualWindow: the report year),
 * '2025-2026' (schoolYear), '2026-Q1' (quarter).
 */
export type ReportingPeriod = { kind: PeriodKind; key: string; start: string; end: string };

export type MonthDay = { month: number; day: number };
export type PeriodRules = {
  /** Last day of the annual window, in the report year. */
  annualCutoff: MonthDay;
  /** First day of the school year, in its first calendar year. */
  schoolYearStart: MonthDay;
};

/** NĐ 09/2019 Điều 12 ([R] in reference.md §8a): the annual data close on 14/12. */
export const DEFAULT_ANNUAL_CUTOFF: MonthDay = { month: 12, day: 14 };
/** A platform default, not a legal rule: the school calendar is set each year by the Bộ GDĐT. */
export const DEFAULT_SCHOOL_YEAR_START: MonthDay = { month: 9, day: 1 };
export const DEFAULT_PERIOD_RULES: PeriodRules = { annualCutoff: DEFAULT_ANNUAL_CUTOFF, schoolYearStart: DEFAULT_SCHOOL_YEAR_START };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function shift(y: number, m: number, d: number, days: number): string {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new RangeError(`year must be 1900-2199, got ${year}`);
}

/**
 * A day of the year valid in every year: 29/2 is refused, since it would move the period's edge every four
 * years.
 */
function checkMonthDay(md: MonthDay, what: string): void {
  if (!Number.isInteger(md.month) || md.month < 1 || md.month > 12 || !Number.isInteger(md.day) || md.day < 1 || md.day > daysInMonth(2023, md.month)) {
    throw new RangeError(`${what}: invalid day ${md.day}/${md.month}`);
  }
}

/** Parses "YYYY-MM-DD", refusing anything that is not a real date. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`not a date: ${date}`);
  return { year, month, day };
}

export function calendarYear(year: number): ReportingPeriod {
  checkYear(year);
  return { kind: 'calendarYear', key: String(year), start: iso(year, 1, 1), end: iso(year, 12, 31) };
}

/** The annual window of report year `year`: the day after the cut-off of year-1, to the cut-off of `year`. */
export function annualWindow(year: number, cutoff: MonthDay = DEFAULT_ANNUAL_CUTOFF): ReportingPeriod {
  checkYear(year);
  checkMonthDay(cutoff, 'annual cut-off');
  return { kind: 'annualWindow', key: String(year), start: shift(year - 1, cutoff.month, cutoff.day, 1), end: iso(year, cutoff.month, cutoff.day) };
}

/** The school year starting in `startYear` ("2025-2026"), ending the day before the next one starts. */
export function schoolYear(startYear: number, start: MonthDay = DEFAULT_SCHOOL_YEAR_START): ReportingPeriod {
  checkYear(startYear);
  checkMonthDay(start, 'school year start');
  // A school year spans two calendar years; starting on 01/01 it would not, and its key would lie.
  if (start.month === 1 && start.day === 1) throw new RangeError('school year start cannot be 01/01');
  return { kind: 'schoolYear', key: `${startYear}-${startYear + 1}`, start: iso(startYear, start.month, start.day), end: shift(startYear + 1, start.month, start.day, -1) };
}

export function quarter(year: number, q: number): ReportingPeriod {
  checkYear(year);
  if (!Number.isInteger(q) || q < 1 || q > 4) throw new RangeError(`quarter must be 1-4, got ${q}`);
  return { kind: 'quarter', key: `${year}-Q${q}`, start: iso(year, q * 3 - 2, 1), end: iso(year, q * 3, daysInMonth(year, q * 3)) };
}

/** The period of a kind named by its key: ('quarter', '2026-Q1'), ('schoolYear', '2025-2026'). */
export function periodFromKey(kind: PeriodKind, key: string, rules: PeriodRules = DEFAULT_PERIOD_RULES): ReportingPeriod {
  const bad = () => new RangeError(`not a ${kind} key: ${key}`);
  switch (kind) {
    case 'calendarYear':
    case 'annualWindow': {
      if (!/^\d{4}$/.test(key)) throw bad();
      return kind === 'calendarYear' ? calendarYear(Number(key)) : annualWindow(Number(key), rules.annualCutoff);
    }
    case 'schoolYear': {
      const m = /^(\d{4})-(\d{4})$/.exec(key);
      if (!m || Number(m[2]) !== Number(m[1]) + 1) throw bad();
      return schoolYear(Number(m[1]), rules.schoolYearStart);
    }
    case 'quarter': {
      const m = /^(\d{4})-Q([1-4])$/.exec(key);
      if (!m) throw bad();
      return quarter(Number(m[1]), Number(m[2]));
    }
  }
}

/** The period of a kind that contains a date (ISO): 14/12/2026 is in the 2026 window, 15/12/2026 in the 2027 one. */
export function periodContaining(kind: PeriodKind, date: string, rules: PeriodRules = DEFAULT_PERIOD_RULES): ReportingPeriod {
  const { year, month, day } = parseIsoDate(date);
  const md = (a: MonthDay) => month * 100 + day - (a.month * 100 + a.day);
  switch (kind) {
    case 'calendarYear':
      return calendarYear(year);
    case 'annualWindow':
      return annualWindow(md(rules.annualCutoff) > 0 ? year + 1 : year, rules.annualCutoff);
    case 'schoolYear':
      return schoolYear(md(rules.schoolYearStart) >= 0 ? year : year - 1, rules.schoolYearStart);
    case 'quarter':
      return quarter(year, Math.ceil(month / 3));
  }
}

/** The period after `p`, of the same kind and rules. */
export function nextPeriod(p: ReportingPeriod, rules: PeriodRules = DEFAULT_PERIOD_RULES): ReportingPeriod {
  const { year, month, day } = parseIsoDate(p.end);
  return periodContaining(p.kind, shift(year, month, day, 1), rules);
}

/**
 * Every period of a kind that overlaps from…to (ISO dates, inclusive), in order: quarters from 2026-02-10 to
 * 2026-07-01 are Q1, Q2 and Q3.
 */
export function periodsBetween(kind: PeriodKind, from: string, to: string, rules: PeriodRules = DEFAULT_PERIOD_RULES): ReportingPeriod[] {
  parseIsoDate(to);
  if (from > to) throw new RangeError(`from ${from} is after to ${to}`);
  const out: ReportingPeriod[] = [];
  for (let p = periodContaining(kind, from, rules); p.start <= to; p = nextPeriod(p, rules)) out.push(p);
  return out;
}

/** "2025-12-15" → "15/12/2025". */
export function viDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** 'Năm 2026', 'Quý I/2026', 'Năm học 2025-2026', 'Kỳ báo cáo năm 2026 (15/12/2025 – 14/12/2026)'. */
export function periodLabel(p: ReportingPeriod): string {
  switch (p.kind) {
    case 'calendarYear':
      return `Năm ${p.key}`;
    case 'annualWindow':
      return `Kỳ báo cáo năm ${p.key} (${viDate(p.start)} – ${viDate(p.end)})`;
    case 'schoolYear':
      return `Năm học ${p.key}`;
    case 'quarter': {
      const [y, q] = p.key.split('-Q');
      return `Quý ${ROMAN[Number(q) - 1]}/${y}`;
    }
  }
}
