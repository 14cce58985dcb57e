import type { Milestone, Schedule, ScheduleKind } from '../contracts/plan-import.ts';

// The "Thời gian" (timeline) cell of a plan's task table, read into a Schedule (issue 3).
// Pure: no I/O, no clock. Never guesses: a form it does not know gives kind 'unknown' and no
// milestones, and the importer flags the task for the coordinator.
//
// Rules used for dates (all dates are ISO YYYY-MM-DD):
// - "Quý I/2026" → the last day of the quarter (2026-03-31); "tháng 6/2026" → the last day of the month;
//   "6 tháng đầu năm 2026" → 2026-06-30, "6 tháng cuối năm 2026" → 2026-12-31; "Năm 2026", "2026",
//   "cuối năm 2026" → 2026-12-31.
// - "trước tháng 11/2021" → the last day of the month before (2021-10-31); "trước ngày 15/12/2026" → the
//   day before (2026-12-14); "trước quý II/2026" → the end of the quarter before.
// - Anything yearly ("Hàng năm", "Hằng năm", "2026-2030", "Cuối giai đoạn") is due on the yearly report
//   date: `yearlyDue`, 14 December by default (plans ask for the annual report "trước 15/12", and
//   NĐ 09/2019 Điều 12 closes the annual data on 14/12), once for every year of the plan period.
// - "tuần thứ N của tháng M": weeks are counted as 7-day blocks from the 1st of the month (week N is
//   days 7N-6 … 7N), and the milestone is due on the last day of that block: "tuần thứ 2 của tháng 12"
//   → 14/12, which is also the NĐ 09/2019 cut-off. "tuần cuối" is the last day of the month.
// - A date without a year ("Quý II", "tháng 6", "trước ngày 15/12") is read in the plan's year when the
//   plan covers a single year (periodStart === periodEnd, e.g. a "Kế hoạch năm 2024"); otherwise it is
//   'unknown', unless "hằng năm" makes it a yearly rule ("Quý I hằng năm").
// - Expanded yearly milestones carry recurrence 'yearly'; when the plan period is unknown, a yearly rule
//   gives one milestone with due null and recurrence 'yearly'.
// - "Thường xuyên" (continuous) and "Khi có …" (onEvent) give one milestone with due null; next to a yearly
//   rule ("Thường xuyên, hàng năm") the continuous part is covered by the yearly reports and dropped.
// - "Label: …" parts ("Ban hành Kế hoạch: Quý I/2026. Thực hiện: Thường xuyên") become milestones named by
//   their label; two or more parts make a 'composite'. A condition "khi có hướng dẫn …" after a date is
//   kept in the milestone labels, in brackets.

export type YearlyDue = { month: number; day: number };
/** The annual report date: plans say "trước ngày 15/12"; NĐ 09/2019 closes the annual data on 14/12. */
export const DEFAULT_YEARLY_DUE: YearlyDue = { month: 12, day: 14 };

export type ScheduleContext = {
  /** First and last year of the plan, when known (2026 and 2030 for a 2026-2030 plan). */
  periodStart: number | null;
  periodEnd: number | null;
  /** Day and month of the yearly report; defaults to DEFAULT_YEARLY_DUE (14 December). */
  yearlyDue?: YearlyDue;
};

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MAX_PERIOD_YEARS = 50;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}
function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function monthEnd(y: number, m: number): string {
  return isoDate(y, m, lastDayOfMonth(y, m));
}
function dayBefore(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Last day of quarter q (1-4) of a year: quarterEnd(1, 2026) = "2026-03-31". */
export function quarterEnd(q: number, year: number): string {
  if (!Number.isInteger(q) || q < 1 || q > 4) throw new RangeError(`quarter must be 1-4, got ${q}`);
  return monthEnd(year, q * 3);
}

/** The yearly report date of a year: yearlyReportDue(2027) = "2027-12-14" (clamped to the month's length). */
export function yearlyReportDue(year: number, due: YearlyDue = DEFAULT_YEARLY_DUE): string {
  if (!validMonth(due.month) || !Number.isInteger(due.day) || due.day < 1 || due.day > 31) throw new RangeError(`invalid yearly report date ${due.day}/${due.month}`);
  return isoDate(year, due.month, Math.min(due.day, lastDayOfMonth(year, due.month)));
}

/**
 * The milestones of a schedule due within a period (ISO dates, both ends inclusive): what a task owes
 * in a reporting period. Milestones without a date (continuous, on event, yearly with an unknown plan
 * period) are not returned.
 */
export function obligationsFor(schedule: Schedule, period: { start: string; end: string }): Milestone[] {
  return schedule.milestones.filter((m) => m.due !== null && m.due >= period.start && m.due <= period.end);
}

// ---------------------------------------------------------------------------------------------------
// Folding. Lowercase, no diacritics, đ → d, dashes → "-", and, unlike foldForSearch, punctuation kept and
// the length unchanged, so that an index in the folded text is an index in the original (for labels).

function foldSameLength(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (/[\u2010-\u2015\u2212]/.test(c)) {
      out += '-';
      continue;
    }
    if (/\s/.test(c)) {
      out += ' ';
      continue;
    }
    const f = c
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd');
    out += f.length === 1 ? f : (f[0] ?? ' ');
  }
  return out;
}

/** Whitespace collapsed, trailing punctuation and leading bullets removed. */
function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!]+$/u, '')
    .replace(/^[-–—+•*\s]+/u, '');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------------
// Items: the smallest parts of a timeline ("Quý I/2026", "thường xuyên", "hàng năm").

/** A date within a year, without the year: "Quý I", "tháng 6", "tuần thứ 2 của tháng 12", "trước ngày 15/12". */
type DateRule = { label: (y: number) => string; generic: string; due: (y: number) => string };

type Item =
  | { t: 'once'; label: string; due: string }
  | { t: 'yearly'; rule: DateRule | null } // null: the yearly report date
  | { t: 'range'; from: number; to: number }
  | { t: 'continuous' }
  | { t: 'onEvent'; label: string }
  | { t: 'yearless'; rule: DateRule }
  | { t: 'periodEnd' };

const QUARTER = '(iv|iii|ii|i|[1-4])';
const EVERY_YEAR = '(?:dinh ky )?(?:hang|moi) nam';
const WEEK_WORDS: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, nam: 5 };

function quarterNumber(q: string): number {
  const n = /^\d$/.test(q) ? Number(q) : ROMAN.indexOf(q.toUpperCase() as (typeof ROMAN)[number]) + 1;
  return n;
}
function validMonth(m: number): boolean {
  return Number.isInteger(m) && m >= 1 && m <= 12;
}
function validYear(y: number): boolean {
  return y >= 1900 && y <= 2199;
}

/** Parses a date within a year (folded text), or null. */
function parseYearless(f: string): DateRule | null {
  let m: RegExpMatchArray | null;
  if ((m = f.match(new RegExp(`^(?:vao |trong |trong thoi gian |cham nhat |den het )?quy ${QUARTER}$`)))) {
    const q = quarterNumber(m[1]!);
    const r = ROMAN[q - 1]!;
    return { label: (y) => `Quý ${r}/${y}`, generic: `Quý ${r}`, due: (y) => quarterEnd(q, y) };
  }
  if ((m = f.match(new RegExp(`^truoc quy ${QUARTER}$`)))) {
    const q = quarterNumber(m[1]!);
    const r = ROMAN[q - 1]!;
    return { label: (y) => `Trước quý ${r}/${y}`, generic: `Trước quý ${r}`, due: (y) => (q === 1 ? isoDate(y - 1, 12, 31) : quarterEnd(q - 1, y)) };
  }
  if ((m = f.match(/^(?:vao |trong |cham nhat |den het |den |truoc het )?thang (\d{1,2})$/))) {
    const mo = Number(m[1]);
    if (!validMonth(mo)) return null;
    return { label: (y) => `Tháng ${mo}/${y}`, generic: `Tháng ${mo}`, due: (y) => monthEnd(y, mo) };
  }
  if ((m = f.match(/^truoc thang (\d{1,2})$/))) {
    const mo = Number(m[1]);
    if (!validMonth(mo)) return null;
    return { label: (y) => `Trước tháng ${mo}/${y}`, generic: `Trước tháng ${mo}`, due: (y) => (mo === 1 ? isoDate(y - 1, 12, 31) : monthEnd(y, mo - 1)) };
  }
  if ((m = f.match(/^(?:vao |trong )?tuan (?:thu |le )?(\d|nhat|hai|ba|tu|nam|cuoi) (?:cua |trong )?thang (\d{1,2})$/))) {
    const mo = Number(m[2]);
    const w = m[1]!;
    if (!validMonth(mo)) return null;
    if (w === 'cuoi') return { label: (y) => `Tuần cuối tháng ${mo}/${y}`, generic: `Tuần cuối tháng ${mo}`, due: (y) => monthEnd(y, mo) };
    const n = /^\d$/.test(w) ? Number(w) : WEEK_WORDS[w]!;
    if (n < 1 || n > 5) return null;
    // Week n = days 7n-6 … 7n of the month; due on its last day (clamped for a 5th week).
    return { label: (y) => `Tuần thứ ${n} tháng ${mo}/${y}`, generic: `Tuần thứ ${n} tháng ${mo}`, due: (y) => isoDate(y, mo, Math.min(7 * n, lastDayOfMonth(y, mo))) };
  }
  if ((m = f.match(/^(truoc |cham nhat |vao |trong |den |den het )?(?:ngay )?(\d{1,2}) ?[/.-] ?(\d{1,2})$/))) {
    const before = m[1] === 'truoc ';
    const d = Number(m[2]);
    const mo = Number(m[3]);
    if (!validMonth(mo) || d < 1 || d > 31) return null;
    const date = `${d}/${mo}`;
    return {
      label: (y) => `${before ? 'Trước ngày' : 'Ngày'} ${date}/${y}`,
      generic: `${before ? 'Trước ngày' : 'Ngày'} ${date}`,
      due: (y) => {
        const dd = Math.min(d, lastDayOfMonth(y, mo));
        return before ? dayBefore(y, mo, dd) : isoDate(y, mo, dd);
      },
    };
  }
  if ((m = f.match(/^(?:trong )?(?:6|sau) thang (dau|cuoi) nam$/))) {
    const first = m[1] === 'dau';
    const words = first ? '6 tháng đầu năm' : '6 tháng cuối năm';
    return { label: (y) => `${words} ${y}`, generic: words, due: (y) => (first ? isoDate(y, 6, 30) : isoDate(y, 12, 31)) };
  }
  if (/^cuoi nam$/.test(f)) return { label: (y) => `Cuối năm ${y}`, generic: 'Cuối năm', due: (y) => isoDate(y, 12, 31) };
  return null;
}

/** Parses one item (folded, tidied text; `orig` is the same text as written), or null when unknown. */
function parseItem(f: string, orig: string): Item | null {
  let m: RegExpMatchArray | null;
  if (f === '') return null;
  if (new RegExp(`^${EVERY_YEAR}$`).test(f)) return { t: 'yearly', rule: null };
  if (/^(?:thuc hien )?thuong xuyen(?: lien tuc)?$/.test(f)) return { t: 'continuous' };
  if (/^(?:khi|theo yeu cau|dot xuat)(?:\s|$)/.test(f)) return { t: 'onEvent', label: capitalise(orig) };
  if (/^(?:vao |den )?cuoi (?:giai doan|ky)$/.test(f)) return { t: 'periodEnd' };
  if ((m = f.match(/^(?:trong |thuc hien )?(?:giai doan )?(?:tu )?(?:nam )?(\d{4}) ?(?:-|den|toi) ?(?:nam )?(\d{4})$/))) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (!validYear(from) || !validYear(to) || to < from || to - from > MAX_PERIOD_YEARS) return null;
    if (from === to) return { t: 'once', label: `Năm ${from}`, due: isoDate(from, 12, 31) };
    return { t: 'range', from, to };
  }
  // "… hằng năm" / "hằng năm …" around a date without a year: a yearly rule.
  if ((m = f.match(new RegExp(`^(.+?)[ ,]+${EVERY_YEAR}$`))) || (m = f.match(new RegExp(`^${EVERY_YEAR}[ ,]+(?:vao )?(.+)$`)))) {
    const rule = parseYearless(m[1]!.trim());
    return rule ? { t: 'yearly', rule } : null;
  }
  // A date with its year: "Quý I/2026", "Quý I năm 2026", "tháng 6/2026", "Năm 2026", "2026", "6 tháng đầu năm 2026".
  if ((m = f.match(/^(.*?)[\s/.-]*(\d{4})$/))) {
    const y = Number(m[2]);
    if (!validYear(y)) return null;
    const head = m[1]!.replace(/[\s/.-]+$/, '');
    if (/^(?:(?:trong|vao|den|den het|cham nhat) )?(?:nam)?$/.test(head)) return { t: 'once', label: `Năm ${y}`, due: isoDate(y, 12, 31) };
    const candidates = [head, head.replace(/[\s/.-]*\bnam$/, '').replace(/[\s/.-]+$/, '')];
    for (const c of candidates) {
      const rule = parseYearless(c);
      if (rule) return { t: 'once', label: rule.label(y), due: rule.due(y) };
    }
    return null;
  }
  const rule = parseYearless(f);
  return rule ? { t: 'yearless', rule } : null;
}

// ---------------------------------------------------------------------------------------------------
// Resolving items against the plan period.

type Occ = { label: string; when: string; due: string | null; recurrence: 'yearly' | null; note?: string };
type Resolved = { kind: Exclude<ScheduleKind, 'unknown'>; occ: Occ[] };

function periodYears(ctx: ScheduleContext): number[] | null {
  const { periodStart: a, periodEnd: b } = ctx;
  if (a === null || b === null || !Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a > MAX_PERIOD_YEARS) return null;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function singleYear(ctx: ScheduleContext): number | null {
  return ctx.periodStart !== null && ctx.periodStart === ctx.periodEnd ? ctx.periodStart : null;
}

function resolveItem(it: Item, ctx: ScheduleContext): Resolved | null {
  const due = ctx.yearlyDue ?? DEFAULT_YEARLY_DUE;
  switch (it.t) {
    case 'once':
      return { kind: 'once', occ: [{ label: it.label, when: it.label, due: it.due, recurrence: null }] };
    case 'periodEnd': {
      const end = ctx.periodEnd;
      return { kind: 'once', occ: [{ label: 'Cuối giai đoạn', when: 'cuối giai đoạn', due: end === null ? null : yearlyReportDue(end, due), recurrence: null }] };
    }
    case 'continuous':
      return { kind: 'continuous', occ: [{ label: 'Thường xuyên', when: 'thường xuyên', due: null, recurrence: null }] };
    case 'onEvent':
      return { kind: 'onEvent', occ: [{ label: it.label, when: it.label, due: null, recurrence: null }] };
    case 'range': {
      const occ: Occ[] = [];
      for (let y = it.from; y <= it.to; y++) occ.push({ label: `Báo cáo năm ${y}`, when: `năm ${y}`, due: yearlyReportDue(y, due), recurrence: 'yearly' });
      return { kind: 'range', occ };
    }
    case 'yearly': {
      const years = periodYears(ctx);
      const rule = it.rule;
      if (!years) {
        const label = rule ? `${rule.generic} hằng năm` : 'Báo cáo hằng năm';
        return { kind: 'yearly', occ: [{ label, when: rule ? `${rule.generic} hằng năm` : 'hằng năm', due: null, recurrence: 'yearly' }] };
      }
      return {
        kind: 'yearly',
        occ: years.map((y) =>
          rule ? { label: rule.label(y), when: rule.label(y), due: rule.due(y), recurrence: 'yearly' } : { label: `Báo cáo năm ${y}`, when: `năm ${y}`, due: yearlyReportDue(y, due), recurrence: 'yearly' },
        ),
      };
    }
    case 'yearless': {
      const y = singleYear(ctx);
      if (y === null) return null;
      return { kind: 'once', occ: [{ label: it.rule.label(y), when: it.rule.label(y), due: it.rule.due(y), recurrence: null }] };
    }
  }
}

function dedupe(occ: Occ[]): Occ[] {
  const seen = new Set<string>();
  return occ.filter((o) => {
    const k = `${o.label}\u0000${o.due ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Combines the items of one list ("2026-2030; thường xuyên, hàng năm", "Hàng năm và cuối giai đoạn"). */
function resolveList(items: Item[], ctx: ScheduleContext): Resolved | null {
  // "hằng năm, vào quý I": a plain yearly item gives its rhythm to the one date without a year.
  const yearless = items.filter((i) => i.t === 'yearless');
  const plainYearly = items.filter((i) => i.t === 'yearly' && i.rule === null);
  if (yearless.length === 1 && plainYearly.length >= 1) {
    const rule = (yearless[0] as Extract<Item, { t: 'yearless' }>).rule;
    items = [...items.filter((i) => i.t !== 'yearless' && !(i.t === 'yearly' && i.rule === null)), { t: 'yearly', rule }];
  }
  const resolved: Resolved[] = [];
  for (const it of items) {
    const r = resolveItem(it, ctx);
    if (!r) return null;
    resolved.push(r);
  }
  if (resolved.length === 1) return resolved[0]!;
  const recurring = items.map((it, i) => ({ it, r: resolved[i]! })).filter((x) => x.it.t === 'yearly' || x.it.t === 'range');
  if (recurring.length > 0 && items.every((it) => it.t === 'yearly' || it.t === 'range' || it.t === 'continuous')) {
    // Continuous work next to a yearly rule is reported in the yearly reports.
    if (recurring.length === 1) return recurring[0]!.r;
    const ranges = recurring.filter((x) => x.it.t === 'range');
    const othersPlain = recurring.every((x) => x.it.t === 'range' || (x.it.t === 'yearly' && x.it.rule === null));
    // "2026-2030; hàng năm": the explicit range says which years.
    if (ranges.length === 1 && othersPlain) return ranges[0]!.r;
    return { kind: 'composite', occ: dedupe(recurring.flatMap((x) => x.r.occ)) };
  }
  return { kind: 'composite', occ: dedupe(resolved.flatMap((r) => r.occ)) };
}

/** Parses a body (no "Label:" prefix): the items of a list, with an optional "khi …" condition. */
function parseBody(body: string, ctx: ScheduleContext): Resolved | null {
  const text = tidy(body);
  const folded = foldSameLength(text);
  if (folded === '') return null;
  // "Khi có sự thay đổi", "Khi có yêu cầu, chỉ đạo": the whole body is the event.
  if (/^(?:khi|theo yeu cau|dot xuat)(?:\s|$)/.test(folded)) return { kind: 'onEvent', occ: [{ label: capitalise(text), when: text, due: null, recurrence: null }] };
  // "hàng năm khi có hướng dẫn …": the condition is kept as a note, the rest gives the dates.
  let note: string | undefined;
  let end = text.length;
  const k = folded.search(/[\s,]khi\s/);
  if (k > 0) {
    note = tidy(text.slice(k + 1)).replace(/^,\s*/, '');
    end = k;
  }
  const main = text.slice(0, end);
  const fmain = folded.slice(0, end);
  const items: Item[] = [];
  const sep = /\s*[;,]\s*|\.\s+|\s+va\s+/g;
  let from = 0;
  const pieces: [string, string][] = [];
  for (const m of fmain.matchAll(sep)) {
    pieces.push([fmain.slice(from, m.index), main.slice(from, m.index)]);
    from = m.index + m[0].length;
  }
  pieces.push([fmain.slice(from), main.slice(from)]);
  for (const [f, o] of pieces) {
    const ft = tidy(f);
    if (ft === '') continue;
    const it = parseItem(ft, tidy(o));
    if (!it) return null;
    items.push(it);
  }
  if (items.length === 0) return null;
  const r = resolveList(items, ctx);
  if (!r) return null;
  if (note) r.occ = r.occ.map((o) => ({ ...o, note }));
  return r;
}

function finalLabel(o: Occ): string {
  return o.note ? `${o.label} (${o.note})` : o.label;
}

/** "Ban hành Kế hoạch: …" → label and body; null when the segment has no label. */
function splitLabel(segment: string): { label: string; body: string } | null {
  const m = segment.match(/^([^:]{2,80}?)\s*:\s*(\S.*)$/su);
  if (!m) return null;
  const label = tidy(m[1]!);
  if (!/\p{L}/u.test(label) || /^\d/.test(label) || label.split(' ').length > 10) return null;
  return { label, body: m[2]! };
}

/** "2026 2026" or "X Y X Y": a cell merged with its copy (page breaks) reads as one. */
function undouble(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length >= 2 && words.length % 2 === 0) {
    const half = words.length / 2;
    const a = words.slice(0, half).join(' ');
    if (foldSameLength(a) === foldSameLength(words.slice(half).join(' '))) return a;
  }
  return text;
}

/**
 * Reads a plan's timeline cell. `raw` is kept (trimmed); milestones are dated by the rules at the top of
 * this file. Unknown forms give kind 'unknown' and no milestones.
 */
export function parseSchedule(raw: string, ctx: ScheduleContext): Schedule {
  const kept = raw.trim();
  const unknown: Schedule = { raw: kept, kind: 'unknown', milestones: [] };
  const text = undouble(kept.normalize('NFC'));
  const segments = text
    .split(/[.;]\s+|\s*\n\s*/u)
    .map(tidy)
    .filter(Boolean);
  if (segments.length === 0) return unknown;
  const labelled = segments.map(splitLabel);
  let result: Resolved | null;
  if (labelled.every((l) => l === null)) {
    // No "Label:" parts: the whole cell is one list ("2026-2030; thường xuyên, hàng năm").
    result = parseBody(text.replace(/\s*\n\s*/g, '; '), ctx);
  } else {
    const parts: Resolved[] = [];
    for (let i = 0; i < segments.length; i++) {
      const l = labelled[i];
      const r = parseBody(l ? l.body : segments[i]!, ctx);
      if (!r) return unknown;
      if (l) r.occ = r.occ.map((o) => ({ ...o, label: r.occ.length === 1 ? l.label : `${l.label} ${o.when}` }));
      parts.push(r);
    }
    result = parts.length === 1 ? parts[0]! : { kind: 'composite', occ: dedupe(parts.flatMap((p) => p.occ)) };
  }
  if (!result) return unknown;
  return {
    raw: kept,
    kind: result.kind,
    milestones: result.occ.map((o) => ({ label: finalLabel(o), due: o.due, recurrence: o.recurrence })),
  };
}
