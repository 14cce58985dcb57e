import type { TARGET_GROUPS } from '../contracts/plan-import.ts';

// Data elements and indicators (issue 4, "Reporting"): the figures units report, and the percentages and
// counts computed from them for the plan's targets (chỉ tiêu). Pure: the caller picks the period and the
// units; nothing here reads a clock or a store.
//
// Rules of arithmetic (why they are so):
// - A ratio is SUM(numerators) / SUM(denominators) over the same units, never the mean of the units'
//   percentages: a commune of 100 people and one of 300 do not weigh the same in the province's share.
// - A missing value is not zero. A unit that has not reported is listed as missing and the result is
//   'partial'; for a ratio, only units that reported BOTH numerator and denominator are summed, so that a
//   unit with a numerator and no denominator cannot inflate the share.
// - A DataValue without a breakdown is the unit's total; one with a breakdown is a part. Without a filter,
//   the total is used when present, else the sum of the parts of one breakdown, and only when those parts
//   cover every category (Nam + Nữ, or every age band of the data form): parts never add to a total, so a
//   value given both ways is not counted twice.
// - Full precision is kept in every result; `roundForDisplay` is for the screen and the exported form.

export const REPORTING_LEVELS = ['commune', 'agency', 'province'] as const;
/** Who reports a data element: each commune, each assigned agency, or the province (the standing agency). */
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

export const BREAKDOWN_DIMENSIONS = ['sex', 'ethnicMinority', 'ageGroup'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/**
 * The categories of the closed breakdowns. Age bands are not fixed here: the cohorts of the texts differ
 * (15-35, 15-60 for literacy; the draft amendment of NĐ 20/2014 proposed 15-62, reference.md §6), so each
 * data element lists the bands of its own form in `ageGroups`.
 */
export const BREAKDOWN_CATEGORIES = {
  sex: ['male', 'female'],
  ethnicMinority: ['yes', 'no'],
} as const satisfies Partial<Record<BreakdownDimension, readonly string[]>>;

export const BREAKDOWN_LABELS_VI: Record<BreakdownDimension, string> = { sex: 'giới tính', ethnicMinority: 'dân tộc thiểu số', ageGroup: 'nhóm tuổi' };
export const CATEGORY_LABELS_VI: Record<string, string> = { male: 'Nam', female: 'Nữ', yes: 'Dân tộc thiểu số', no: 'Không phải dân tộc thiểu số' };

/** One cell of a breakdown, e.g. { sex: 'female' } or { sex: 'female', ethnicMinority: 'yes' }. */
export type Breakdown = Readonly<Record<string, string>>;

export type DataElement = {
  code: string;
  /** As the data form says it, in Vietnamese: "Số người trong độ tuổi lao động". */
  name: string;
  level: ReportingLevel;
  /** 'count' takes whole numbers only; 'number' any non-negative number. */
  valueType: 'count' | 'number';
  breakdowns: readonly BreakdownDimension[];
  /** The age bands of the form, when ageGroup is a breakdown. Without them, age parts never make a total. */
  ageGroups?: readonly string[];
};

export type TargetGroup = (typeof TARGET_GROUPS)[number];

type IndicatorBase = {
  code: string;
  name: string;
  group: TargetGroup;
  /** Only the part of the figures in this cell ("tỷ lệ … là nữ"): applied to numerator and denominator alike. */
  breakdown?: Breakdown;
  /**
   * The plan-target words this indicator measures, normalised as the plan importer writes
   * plan_targets.indicator: "người trong độ tuổi lao động được trang bị năng lực thông tin".
   */
  targetIndicatorText?: string;
};
export type RatioIndicator = IndicatorBase & { kind: 'ratio'; numerator: string; denominator: string; unit: '%'; factor: 100 };
export type CountIndicator = IndicatorBase & { kind: 'count'; element: string; unit: string };
export type Indicator = RatioIndicator | CountIndicator;

/** One reported figure of one unit, for the period the caller chose. */
export type DataValue = { element: string; unitId: string; breakdown?: Breakdown; value: number };

export type Coverage = {
  /** 'none' when no expected unit reported, 'partial' when some did not. */
  status: 'complete' | 'partial' | 'none';
  unitsExpected: number;
  unitsReporting: number;
  /** In the order the units were given. */
  missingUnitIds: string[];
};

export type AggregateResult = Coverage & { value: number | null };

export type EvaluationReason = 'noData' | 'zeroDenominator';
export const EVALUATION_REASON_VI: Record<EvaluationReason, string> = {
  noData: 'Chưa có đơn vị nào báo cáo đủ số liệu',
  zeroDenominator: 'Mẫu số bằng 0: không tính được tỷ lệ',
};

export type EvaluationResult = Coverage & {
  indicator: string;
  /** The percentage (ratio) or the total (count), full precision; null with a reason when it cannot be computed. */
  value: number | null;
  unit: string;
  /** For a count, the total; for a ratio, the sum of the numerators of the units reporting both. */
  numerator: number | null;
  /** For a ratio, the sum of the denominators of the units reporting both; null for a count. */
  denominator: number | null;
  reason?: EvaluationReason;
};

// ---------------------------------------------------------------------------------------------------
// Breakdown keys

function isTotal(b: Breakdown | undefined): boolean {
  return !b || Object.keys(b).length === 0;
}

/** A canonical key of a breakdown cell: "" for the total, "sex=female" or "ethnicMinority=yes|sex=female". */
export function breakdownKey(b: Breakdown | undefined): string {
  if (!b) return '';
  return Object.keys(b)
    .sort()
    .map((k) => `${k}=${b[k]}`)
    .join('|');
}

function categoriesOf(element: DataElement, dim: BreakdownDimension): readonly string[] | null {
  if (dim === 'ageGroup') return element.ageGroups && element.ageGroups.length > 0 ? element.ageGroups : null;
  return BREAKDOWN_CATEGORIES[dim];
}

/** Why a breakdown cell cannot belong to the element (an unknown dimension or category), or null. */
/** Why a breakdown cell does not fit an element (in Vietnamese), or null when it does. */
export function breakdownProblem(element: DataElement, b: Breakdown | undefined): string | null {
  if (!b) return null;
  for (const [dim, cat] of Object.entries(b)) {
    if (!(element.breakdowns as readonly string[]).includes(dim)) return `“${element.name}” không có phân tổ theo ${BREAKDOWN_LABELS_VI[dim as BreakdownDimension] ?? dim}`;
    const cats = categoriesOf(element, dim as BreakdownDimension);
    if (dim !== 'ageGroup' && cats && !cats.includes(cat)) return `“${element.name}”: “${cat}” không phải là một nhóm của phân tổ ${BREAKDOWN_LABELS_VI[dim as BreakdownDimension]}`;
    if (dim === 'ageGroup' && element.ageGroups && !element.ageGroups.includes(cat)) return `“${element.name}”: nhóm tuổi “${cat}” không có trong biểu mẫu`;
  }
  return null;
}

/** Whether row `b` lies inside cell `filter` (agrees on every dimension of the filter). */
function within(b: Breakdown | undefined, filter: Breakdown): boolean {
  return Object.entries(filter).every(([k, v]) => b?.[k] === v);
}

type Row = { breakdown: Breakdown | undefined; value: number };

/**
 * The parts that make up cell `cell` exactly: rows inside it with one more set of dimensions whose categories
 * are all present. Returns their sum, or null when no such complete set exists. Of several complete sets, the
 * one with the fewest dimensions is taken (they should agree; `checkBreakdowns` reports when they do not).
 */
function sumOfCompleteParts(element: DataElement, rows: readonly Row[], cell: Breakdown): number | null {
  const cellDims = Object.keys(cell);
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    if (!r.breakdown || !within(r.breakdown, cell)) continue;
    const extra = Object.keys(r.breakdown).filter((k) => !cellDims.includes(k)).sort();
    if (extra.length === 0) continue;
    const key = extra.join('|');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => a.split('|').length - b.split('|').length || a.localeCompare(b));
  for (const [key, group] of ordered) {
    const dims = key.split('|') as BreakdownDimension[];
    if (isComplete(element, dims, group)) return group.reduce((s, r) => s + r.value, 0);
  }
  return null;
}

/** Every combination of the categories of `dims` is present among the rows (e.g. Nam and Nữ). */
function isComplete(element: DataElement, dims: readonly BreakdownDimension[], group: readonly Row[]): boolean {
  let combos: string[][] = [[]];
  for (const d of dims) {
    const cats = categoriesOf(element, d);
    if (!cats) return false;
    combos = combos.flatMap((c) => cats.map((cat) => [...c, `${d}=${cat}`]));
  }
  const present = new Set(group.map((r) => dims.map((d) => `${d}=${r.breakdown?.[d]}`).join('|')));
  return combos.every((c) => present.has(c.join('|')));
}

/** The value of one unit for one cell: the row given for that cell, else the sum of a complete set of parts. */
function cellValue(element: DataElement, rows: readonly Row[], cell: Breakdown): number | null {
  const key = breakdownKey(cell);
  const exact = rows.find((r) => breakdownKey(r.breakdown) === key);
  if (exact) return exact.value;
  return sumOfCompleteParts(element, rows, cell);
}

/**
 * The rows of one element, by unit. Throws on a row the element cannot hold (an unknown dimension or category)
 * and on two rows for the same unit and cell: the store keys values by (element, unit, breakdown, period), so
 * either means the caller mixed elements or periods, and no sum would be right.
 */
function rowsByUnit(values: readonly DataValue[], element: DataElement, unitIds: ReadonlySet<string>): Map<string, Row[]> {
  const byUnit = new Map<string, Row[]>();
  const seen = new Set<string>();
  for (const v of values) {
    if (v.element !== element.code || !unitIds.has(v.unitId)) continue;
    const problem = breakdownProblem(element, v.breakdown);
    if (problem) throw new Error(problem);
    const k = `${v.unitId}\u0000${breakdownKey(v.breakdown)}`;
    if (seen.has(k)) throw new Error(`“${element.name}” có hai giá trị cho cùng đơn vị ${v.unitId} và cùng ô phân tổ (${breakdownKey(v.breakdown) || 'tổng'})`);
    seen.add(k);
    const rows = byUnit.get(v.unitId) ?? [];
    rows.push({ breakdown: isTotal(v.breakdown) ? undefined : v.breakdown, value: v.value });
    byUnit.set(v.unitId, rows);
  }
  return byUnit;
}

function checkFilter(element: DataElement, filter: Breakdown | undefined): Breakdown {
  const f = filter ?? {};
  const problem = breakdownProblem(element, f);
  if (problem) throw new RangeError(problem);
  return f;
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function coverage(expected: readonly string[], reporting: number, missing: string[]): Coverage {
  return {
    status: reporting === 0 ? 'none' : missing.length > 0 ? 'partial' : 'complete',
    unitsExpected: expected.length,
    unitsReporting: reporting,
    missingUnitIds: missing,
  };
}

// ---------------------------------------------------------------------------------------------------
// Aggregation

/** The per-unit values of one element and cell; a unit that cannot give one is absent from the map. */
function unitValues(values: readonly DataValue[], element: DataElement, units: readonly string[], filter: Breakdown): Map<string, number> {
  const byUnit = rowsByUnit(values, element, new Set(units));
  const out = new Map<string, number>();
  for (const u of units) {
    const v = cellValue(element, byUnit.get(u) ?? [], filter);
    if (v !== null) out.set(u, v);
  }
  return out;
}

/**
 * The sum of one element over units (the communes of a province, the agencies of a plan), for the whole
 * figure or one breakdown cell. A unit without a usable value is missing, not zero: `value` sums only the
 * units that reported, and `status` says whether that is all of them.
 */
export function aggregate(values: readonly DataValue[], element: DataElement, unitIds: readonly string[], breakdownFilter?: Breakdown): AggregateResult {
  const units = distinct(unitIds);
  const per = unitValues(values, element, units, checkFilter(element, breakdownFilter));
  const missing = units.filter((u) => !per.has(u));
  const value = per.size === 0 ? null : [...per.values()].reduce((s, v) => s + v, 0);
  return { value, ...coverage(units, per.size, missing) };
}

export type ElementLookup = ReadonlyMap<string, DataElement> | readonly DataElement[];

function lookup(elements: ElementLookup, code: string): DataElement {
  const e = Array.isArray(elements) ? (elements as readonly DataElement[]).find((x) => x.code === code) : (elements as ReadonlyMap<string, DataElement>).get(code);
  if (!e) throw new RangeError(`unknown data element ${code}`);
  return e;
}

/**
 * The value of an indicator over units. A ratio sums numerators and denominators over the units that
 * reported both (the others are listed as missing), then divides: two communes at 30/100 and 10/300 give
 * 40/400 = 10%, not the 20% mean of their shares. A zero total denominator gives null with a reason.
 */
export function evaluate(indicator: Indicator, values: readonly DataValue[], unitIds: readonly string[], elements: ElementLookup): EvaluationResult {
  const units = distinct(unitIds);
  if (indicator.kind === 'count') {
    const r = aggregate(values, lookup(elements, indicator.element), units, indicator.breakdown);
    return { indicator: indicator.code, unit: indicator.unit, numerator: r.value, denominator: null, ...r, ...(r.value === null ? { reason: 'noData' as const } : {}) };
  }
  const numEl = lookup(elements, indicator.numerator);
  const denEl = lookup(elements, indicator.denominator);
  const filter = indicator.breakdown ?? {};
  const nums = unitValues(values, numEl, units, checkFilter(numEl, filter));
  const dens = unitValues(values, denEl, units, checkFilter(denEl, filter));
  let numerator = 0;
  let denominator = 0;
  let reporting = 0;
  const missing: string[] = [];
  for (const u of units) {
    const n = nums.get(u);
    const d = dens.get(u);
    if (n === undefined || d === undefined) {
      missing.push(u);
      continue;
    }
    numerator += n;
    denominator += d;
    reporting++;
  }
  const base = { indicator: indicator.code, unit: indicator.unit, ...coverage(units, reporting, missing) };
  if (reporting === 0) return { ...base, value: null, numerator: null, denominator: null, reason: 'noData' };
  if (denominator === 0) return { ...base, value: null, numerator, denominator, reason: 'zeroDenominator' };
  return { ...base, value: (numerator / denominator) * indicator.factor, numerator, denominator };
}

/**
 * Rounds half away from zero for display (33.333… → 33.3; 1.005 → 1.01 at 2 digits, which the binary
 * value 1.00499… would not give with Math.round(x * 100) / 100). Results keep full precision; only the
 * screen and the exported forms round.
 */
export function roundForDisplay(value: number, digits?: number): number;
export function roundForDisplay(value: number | null, digits?: number): number | null;
export function roundForDisplay(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) throw new RangeError(`digits must be 0-10, got ${digits}`);
  const abs = Math.abs(value);
  const s = String(abs);
  const rounded = s.includes('e') ? Math.round(abs * 10 ** digits) / 10 ** digits : Number(`${Math.round(Number(`${s}e${digits}`))}e-${digits}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

// ---------------------------------------------------------------------------------------------------
// Checks for the entry grid. Errors block a submission; warnings ask the officer to confirm.

export type EntryIssueCode =
  | 'notANumber'
  | 'negative'
  | 'notInteger'
  | 'numeratorAboveDenominator'
  | 'percentOver100'
  | 'farFromPrevious'
  | 'breakdownInvalid'
  | 'partsDifferFromTotal'
  | 'partsExceedTotal';
export type EntryIssue = { code: EntryIssueCode; severity: 'error' | 'warning'; element?: string; message: string };

/**
 * How far a value may move from last year's before the grid asks for a confirmation: ±50%. This is a
 * platform default, not a legal rule (no text found sets one); a province may change it.
 */
export const DEFAULT_MAX_CHANGE_RATIO = 0.5;

const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
/** 1234.5 → "1.234,5", as Vietnamese forms write numbers. */
export function formatNumberVi(n: number): string {
  return viNumber.format(n);
}

/** A single value: a number, not negative, whole for a count, and (warning) not far from last year's. */
export function checkValue(element: DataElement, value: number, opts: { previous?: number | null; maxChangeRatio?: number } = {}): EntryIssue[] {
  const el = { element: element.code };
  if (!Number.isFinite(value)) return [{ code: 'notANumber', severity: 'error', ...el, message: `“${element.name}” phải là một số.` }];
  const issues: EntryIssue[] = [];
  if (value < 0) issues.push({ code: 'negative', severity: 'error', ...el, message: `“${element.name}” không được là số âm (đã nhập ${formatNumberVi(value)}).` });
  if (element.valueType === 'count' && !Number.isInteger(value)) {
    issues.push({ code: 'notInteger', severity: 'error', ...el, message: `“${element.name}” là số đếm, phải là số nguyên (đã nhập ${formatNumberVi(value)}).` });
  }
  const prev = opts.previous;
  const limit = opts.maxChangeRatio ?? DEFAULT_MAX_CHANGE_RATIO;
  if (prev !== undefined && prev !== null && Number.isFinite(prev) && prev >= 0 && value >= 0) {
    // A zero last year gives no ratio to compare with: any non-zero value is a change worth confirming.
    const far = prev === 0 ? value !== 0 : Math.abs(value - prev) > limit * prev;
    if (far) {
      const change = prev === 0 ? '' : ` (${value > prev ? 'tăng' : 'giảm'} ${formatNumberVi(roundForDisplay((Math.abs(value - prev) / prev) * 100, 1))}%)`;
      issues.push({
        code: 'farFromPrevious',
        severity: 'warning',
        ...el,
        message: `“${element.name}”: ${formatNumberVi(value)} chênh lệch nhiều so với năm trước (${formatNumberVi(prev)})${change}, vượt ngưỡng ±${formatNumberVi(limit * 100)}%. Đề nghị kiểm tra lại.`,
      });
    }
  }
  return issues;
}

/** The numerator of a share is part of its denominator: it cannot be larger. */
export function checkRatio(numerator: { element: DataElement; value: number }, denominator: { element: DataElement; value: number }): EntryIssue[] {
  if (!Number.isFinite(numerator.value) || !Number.isFinite(denominator.value) || numerator.value <= denominator.value) return [];
  return [
    {
      code: 'numeratorAboveDenominator',
      severity: 'error',
      element: numerator.element.code,
      message: `“${numerator.element.name}” (${formatNumberVi(numerator.value)}) lớn hơn “${denominator.element.name}” (${formatNumberVi(denominator.value)}).`,
    },
  ];
}

/** A percentage entered or computed: 0-100. */
export function checkPercent(name: string, value: number): EntryIssue[] {
  if (!Number.isFinite(value)) return [{ code: 'notANumber', severity: 'error', message: `“${name}” phải là một số.` }];
  if (value < 0) return [{ code: 'negative', severity: 'error', message: `“${name}” không được là số âm (đã nhập ${formatNumberVi(value)}%).` }];
  if (value > 100) return [{ code: 'percentOver100', severity: 'error', message: `“${name}” là tỷ lệ phần trăm, không được vượt quá 100% (đã nhập ${formatNumberVi(value)}%).` }];
  return [];
}

function cellLabel(b: Breakdown | undefined): string {
  if (isTotal(b)) return 'số tổng';
  return Object.entries(b!)
    .map(([, v]) => CATEGORY_LABELS_VI[v] ?? v)
    .join(', ');
}

/**
 * The rows one unit entered for one element, checked against each other: every cell is valid for the
 * element; parts that cover every category add up to the cell they divide (Nam + Nữ = tổng); parts that do
 * not cover every category add up to no more than it.
 */
export function checkBreakdowns(element: DataElement, rows: readonly { breakdown?: Breakdown; value: number }[]): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const el = { element: element.code };
  const byKey = new Map<string, Row>();
  for (const r of rows) {
    const problem = breakdownProblem(element, r.breakdown);
    if (problem) {
      issues.push({ code: 'breakdownInvalid', severity: 'error', ...el, message: `${problem}.` });
      continue;
    }
    const key = breakdownKey(r.breakdown);
    if (byKey.has(key)) issues.push({ code: 'breakdownInvalid', severity: 'error', ...el, message: `“${element.name}” có hai giá trị cho ô “${cellLabel(r.breakdown)}”.` });
    byKey.set(key, { breakdown: isTotal(r.breakdown) ? undefined : r.breakdown, value: r.value });
  }
  const valid = [...byKey.values()];
  for (const whole of valid) {
    const cell = whole.breakdown ?? {};
    const cellDims = Object.keys(cell);
    const groups = new Map<string, Row[]>();
    for (const r of valid) {
      if (!r.breakdown || !within(r.breakdown, cell)) continue;
      const extra = Object.keys(r.breakdown).filter((k) => !cellDims.includes(k)).sort();
      if (extra.length === 0) continue;
      groups.set(extra.join('|'), [...(groups.get(extra.join('|')) ?? []), r]);
    }
    for (const [key, group] of groups) {
      const dims = key.split('|') as BreakdownDimension[];
      const sum = group.reduce((s, r) => s + r.value, 0);
      const by = dims.map((d) => BREAKDOWN_LABELS_VI[d]).join(' và ');
      const of = `“${element.name}”${isTotal(whole.breakdown) ? '' : ` (${cellLabel(whole.breakdown)})`}`;
      if (isComplete(element, dims, group)) {
        if (Math.abs(sum - whole.value) > 1e-9 * Math.max(1, Math.abs(whole.value))) {
          issues.push({ code: 'partsDifferFromTotal', severity: 'error', ...el, message: `Tổng các phần theo ${by} của ${of} là ${formatNumberVi(sum)}, khác ${formatNumberVi(whole.value)}.` });
        }
      } else if (sum > whole.value) {
        issues.push({ code: 'partsExceedTotal', severity: 'error', ...el, message: `Các phần theo ${by} của ${of} cộng lại ${formatNumberVi(sum)}, lớn hơn ${formatNumberVi(whole.value)}.` });
      }
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------
// Definitions

/**
 * Problems in a set of definitions (the starter catalogue, or a province's edited one): duplicate codes,
 * an indicator naming an unknown element, a ratio whose two elements are reported at different levels (their
 * units would not be the same), a breakdown filter on a dimension an element does not have.
 */
export function checkDefinitions(elements: readonly DataElement[], indicators: readonly Indicator[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, DataElement>();
  for (const e of elements) {
    if (byCode.has(e.code)) problems.push(`data element ${e.code} is defined twice`);
    byCode.set(e.code, e);
    if (e.ageGroups && !e.breakdowns.includes('ageGroup')) problems.push(`data element ${e.code} lists age groups without an ageGroup breakdown`);
  }
  const seen = new Set<string>();
  for (const i of indicators) {
    if (seen.has(i.code)) problems.push(`indicator ${i.code} is defined twice`);
    seen.add(i.code);
    const codes = i.kind === 'ratio' ? [i.numerator, i.denominator] : [i.element];
    const els = codes.map((c) => byCode.get(c));
    codes.forEach((c, k) => {
      if (!els[k]) problems.push(`indicator ${i.code} names unknown data element ${c}`);
    });
    if (i.kind === 'ratio' && els[0] && els[1]) {
      if (els[0].level !== els[1].level) problems.push(`indicator ${i.code}: ${els[0].code} is reported by ${els[0].level}, ${els[1].code} by ${els[1].level}`);
      if (els[0].valueType !== els[1].valueType) problems.push(`indicator ${i.code}: ${els[0].code} and ${els[1].code} have different value types`);
    }
    for (const e of els) {
      const p = e ? breakdownProblem(e, i.breakdown) : null;
      if (p) problems.push(`indicator ${i.code}: ${p}`);
    }
  }
  return problems;
}
