import { describe, expect, it } from 'vitest';
import { CompletenessRow, OwedReport } from '../../../../shared/contracts/reporting.ts';
import { CATALOGUE_ELEMENTS, CATALOGUE_INDICATORS } from '../../../../shared/domain/indicator-catalogue.ts';
import { ratioChecks, reportIssues } from '../../../../shared/domain/report-entry.ts';
import { COMPLETENESS_STATUSES, REPORT_ACTIONS, REPORT_STATES } from '../../../../shared/domain/report-workflow.ts';
import { PERIOD_KINDS } from '../../../../shared/domain/reporting-periods.ts';
import { vi as viDict } from '../../lib/i18n.ts';
import { en as enDict } from '../../lib/i18n.en.ts';
import { ACTION_LABEL, COLUMN_LABEL, COMPLETENESS_CHART_COLOR, COMPLETENESS_LABEL, INDICATOR_STATUS_LABEL, PERIOD_KIND_LABEL, STATE_COLOR, STATE_LABEL } from './labels.ts';
import {
  breakdownLabelVi,
  cellKey,
  chartSeries,
  chosenIndicator,
  communeColumns,
  compareNullable,
  completenessBars,
  completenessHref,
  completenessRows,
  COMPLETENESS_STATUS_LIST,
  diffValues,
  entryActions,
  escapeHtml,
  entryHref,
  entryReducer,
  extraServerIssues,
  formatCell,
  formatIndicator,
  GRID_COLUMNS,
  gridColumns,
  hasCell,
  indicatorsHref,
  initialEntry,
  invalidCells,
  isDirty,
  isLate,
  isoDay,
  isPercentElement,
  issueMarks,
  localDraft,
  localDraftKey,
  moveTarget,
  normaliseCell,
  openEntry,
  OWED_STATE_LIST,
  owedSummary,
  paceLine,
  parseBreakdownKey,
  parseCell,
  parseCompletenessStatus,
  parseLocalDraft,
  parseReportKey,
  parseYear,
  periodKeysOfYear,
  periodName,
  previousByCell,
  ratioPreview,
  reconcileLocal,
  sameValues,
  saveInput,
  snapshotOf,
  sortOwed,
  splitCellKey,
  timeliness,
  timeOfDay,
  toDataElement,
  trajectoryIndicator,
  trajectorySeries,
  validateEntry,
  valuesOf,
  yearOptions,
  type ElementView,
  type EntryValues,
  type IndicatorTable,
  type IndicatorTrajectory,
  type OwedReport as OwedReportView,
  type ReportKey,
  type Snapshot,
} from './model.ts';

const TEMPLATE = '11111111-1111-4111-8111-111111111111';
const UNIT = '22222222-2222-4222-8222-222222222222';
const AGENCY = '33333333-3333-4333-8333-333333333333';
const KEY: ReportKey = { templateId: TEMPLATE, periodKey: '2026', unitId: UNIT, agencyId: null };

const el = (code: string): ElementView => {
  const e = CATALOGUE_ELEMENTS.find((x) => x.code === code);
  if (!e) throw new Error(code);
  return { code: e.code, name: e.name, level: e.level, valueType: e.valueType, breakdowns: [...e.breakdowns], ageGroups: [...(e.ageGroups ?? [])] };
};
const WORKING = el('workingAgePeople');
const INFO = el('workingAgeInformationCompetence');
const CENTRES = el('learningCentres');
const CENTRES_IT = el('learningCentresUsingIt');
const ELEMENTS = [WORKING, INFO, CENTRES, CENTRES_IT];
const values = (cells: Record<string, string>, sections: Record<string, string> = {}): EntryValues => ({ cells, sections });
const snap = (version: number | null, cells: Record<string, string> = {}, sections: Record<string, string> = {}): Snapshot => ({ version, cells, sections });

describe('lists mirrored from the contract', () => {
  it('has the states and statuses of shared/', () => {
    for (const s of OWED_STATE_LIST) expect(OwedReport.shape.state.safeParse(s).success).toBe(true);
    expect(OwedReport.shape.state.safeParse('late').success).toBe(false);
    expect(OWED_STATE_LIST).toHaveLength(REPORT_STATES.length + 1);
    expect([...COMPLETENESS_STATUS_LIST]).toEqual([...CompletenessRow.shape.status.options]);
  });

  it('labels every value, in both languages', () => {
    expect(Object.keys(STATE_LABEL).sort()).toEqual([...OWED_STATE_LIST].sort());
    expect(Object.keys(STATE_COLOR).sort()).toEqual([...OWED_STATE_LIST].sort());
    expect(Object.keys(COMPLETENESS_CHART_COLOR).sort()).toEqual([...COMPLETENESS_STATUSES].sort());
    expect(Object.keys(ACTION_LABEL).sort()).toEqual([...REPORT_ACTIONS].sort());
    expect(Object.keys(PERIOD_KIND_LABEL).sort()).toEqual([...PERIOD_KINDS].sort());
    expect(GRID_COLUMNS.every((c) => COLUMN_LABEL[c.breakdown])).toBe(true);
    const keys = [...Object.values(STATE_LABEL), ...Object.values(COMPLETENESS_LABEL), ...Object.values(ACTION_LABEL), ...Object.values(COLUMN_LABEL), ...Object.values(INDICATOR_STATUS_LABEL), ...Object.values(PERIOD_KIND_LABEL)];
    for (const k of keys) {
      expect(viDict[k]).toBeTruthy();
      expect(enDict[k]).toBeTruthy();
    }
    expect(viDict['reporting.status.server']).toBe('Đã lưu trên máy chủ lúc {time}');
    expect(viDict['reporting.status.local']).toBe('Chưa lưu lên máy chủ — đang lưu trên máy này');
  });
});

describe('report keys, links and periods', () => {
  it('reads a report key from the URL and writes it back', () => {
    const href = entryHref({ ...KEY, agencyId: AGENCY });
    expect(href).toBe(`/reports/entry?templateId=${TEMPLATE}&periodKey=2026&unitId=${UNIT}&agencyId=${AGENCY}`);
    expect(parseReportKey(new URL(href, 'http://x').searchParams)).toEqual({ ...KEY, agencyId: AGENCY });
    expect(parseReportKey(new URL(entryHref(KEY), 'http://x').searchParams)).toEqual(KEY);
    expect(entryHref(KEY)).not.toContain('agencyId');
    expect(parseReportKey(new URLSearchParams(`templateId=${TEMPLATE}&periodKey=26&unitId=${UNIT}`))).toBeNull();
    expect(parseReportKey(new URLSearchParams(`templateId=x&periodKey=2026&unitId=${UNIT}`))).toBeNull();
    expect(parseReportKey(new URLSearchParams(`templateId=${TEMPLATE}&periodKey=2026&unitId=${UNIT}&agencyId=nope`))).toBeNull();
    expect(completenessHref(TEMPLATE, '2026-Q1', 'submitted')).toBe(`/reports/completeness?templateId=${TEMPLATE}&periodKey=2026-Q1&status=submitted`);
    expect(indicatorsHref({ unitId: UNIT, periodKey: '2026', provisional: false })).toBe(`/indicators?unitId=${UNIT}&periodKey=2026`);
    expect(indicatorsHref({ provisional: true })).toBe('/indicators?provisional=true');
  });

  it('lists the periods of a year for each kind, with their names', () => {
    expect(periodKeysOfYear('calendarYear', 2026)).toEqual(['2026']);
    expect(periodKeysOfYear('annualWindow', 2026)).toEqual(['2026']);
    expect(periodKeysOfYear('schoolYear', 2026)).toEqual(['2025-2026', '2026-2027']);
    expect(periodKeysOfYear('quarter', 2026)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodName('quarter', '2026-Q2')).toBe('Quý II/2026');
    expect(periodName('schoolYear', '2025-2026')).toBe('Năm học 2025-2026');
    expect(periodName('annualWindow', '2026')).toBe('Kỳ báo cáo năm 2026 (15/12/2025 – 14/12/2026)');
    expect(periodName('quarter', '2026')).toBe('2026');
  });

  it('offers recent years and keeps the one shown', () => {
    expect(yearOptions(2026, 2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
    expect(yearOptions(2026, 2015)).toContain(2015);
    expect(parseYear('2025', 2026)).toBe(2025);
    expect(parseYear('abc', 2026)).toBe(2026);
    expect(parseYear('1800', 2026)).toBe(2026);
    expect(parseCompletenessStatus('approved')).toBe('approved');
    expect(parseCompletenessStatus('bad')).toBeUndefined();
  });
});

describe('the reports I owe', () => {
  const owed = (state: OwedReportView['state'], late: boolean, dueDate = '2026-12-15', name = 'A'): OwedReportView => ({
    templateId: TEMPLATE,
    templateName: name,
    periodKey: '2026',
    periodLabel: 'Năm 2026',
    reporter: { unitId: UNIT, agencyId: null, name: 'Phường Long Châu' },
    dueDate,
    state,
    late,
    reportId: null,
    returnReason: null,
  });

  it('puts what needs the person first', () => {
    const list = [owed('approved', false, '2026-01-01', 'done'), owed('draft', false, '2026-12-15', 'draft'), owed('notStarted', true, '2026-06-30', 'late'), owed('returned', false, '2026-12-15', 'back'), owed('submitted', false, '2026-03-01', 'sent')];
    expect(sortOwed(list).map((r) => r.templateName)).toEqual(['back', 'late', 'draft', 'sent', 'done']);
  });

  it('counts what is still to send, late and returned', () => {
    expect(owedSummary([owed('notStarted', true), owed('draft', false), owed('returned', true), owed('submitted', true), owed('approved', false)])).toEqual({ total: 5, open: 3, late: 2, returned: 1 });
    expect(isLate({ state: 'draft', dueDate: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isLate({ state: 'submitted', dueDate: '2026-01-01' }, '2026-01-02')).toBe(false);
    expect(isLate({ state: 'draft', dueDate: '2026-01-02' }, '2026-01-02')).toBe(false);
  });
});

describe('the entry grid', () => {
  it('shows the total and the breakdown columns some element has', () => {
    expect(gridColumns([CENTRES]).map((c) => c.breakdown)).toEqual(['']);
    expect(gridColumns(ELEMENTS).map((c) => c.breakdown)).toEqual(['', 'sex=male', 'sex=female', 'ethnicMinority=yes', 'ethnicMinority=no']);
    expect(gridColumns([el('staff')]).map((c) => c.breakdown)).toEqual(['', 'sex=male', 'sex=female']);
    expect(hasCell(CENTRES, GRID_COLUMNS[1]!)).toBe(false);
    expect(hasCell(WORKING, GRID_COLUMNS[3]!)).toBe(true);
  });

  it('keys cells by element and breakdown', () => {
    expect(cellKey('workingAgePeople', '')).toBe('workingAgePeople/');
    expect(splitCellKey('workingAgePeople/ethnicMinority=yes|sex=female')).toEqual({ element: 'workingAgePeople', breakdown: 'ethnicMinority=yes|sex=female' });
    expect(parseBreakdownKey('ethnicMinority=yes|sex=female')).toEqual({ ethnicMinority: 'yes', sex: 'female' });
    expect(parseBreakdownKey('')).toBeUndefined();
    expect(breakdownLabelVi('sex=female')).toBe('Nữ');
    expect(breakdownLabelVi('ethnicMinority=yes|sex=female')).toBe('Dân tộc thiểu số, Nữ');
    expect(breakdownLabelVi('')).toBe('Tổng số');
  });

  it('moves the keyboard to the next cell that exists', () => {
    // Row 1 has only a total (no breakdown): moving right from it stops; down from a breakdown cell skips it.
    const enabled = [
      [true, true, true],
      [true, false, false],
      [true, true, true],
    ];
    expect(moveTarget(enabled, { row: 0, col: 1 }, 'down')).toEqual({ row: 2, col: 1 });
    expect(moveTarget(enabled, { row: 2, col: 2 }, 'up')).toEqual({ row: 0, col: 2 });
    expect(moveTarget(enabled, { row: 1, col: 0 }, 'right')).toBeNull();
    expect(moveTarget(enabled, { row: 0, col: 0 }, 'left')).toBeNull();
    expect(moveTarget(enabled, { row: 2, col: 0 }, 'down')).toBeNull();
    expect(moveTarget(enabled, { row: 0, col: 0 }, 'right')).toEqual({ row: 0, col: 1 });
  });

  it('reads numbers the Vietnamese way, and plain ones', () => {
    expect(parseCell('')).toBeNull();
    expect(parseCell('  ')).toBeNull();
    expect(parseCell('1234')).toBe(1234);
    expect(parseCell('1.234')).toBe(1234);
    expect(parseCell('1.234.567')).toBe(1234567);
    expect(parseCell('1.234,5')).toBe(1234.5);
    expect(parseCell('12,5')).toBe(12.5);
    expect(parseCell('12.5')).toBe(12.5);
    expect(parseCell('1 234')).toBe(1234);
    expect(parseCell('-5')).toBe(-5);
    expect(parseCell('\u22125')).toBe(-5);
    expect(parseCell('12a')).toBe('invalid');
    expect(parseCell('1,2,3')).toBe('invalid');
    expect(parseCell('1.23,4')).toBe('invalid');
    expect(formatCell(1234.5)).toBe('1.234,5');
    expect(formatCell(1234)).toBe('1.234');
    expect(parseCell(formatCell(1234567.125))).toBe(1234567.125);
    expect(normaliseCell('1234')).toBe('1.234');
    expect(normaliseCell(' abc ')).toBe('abc');
  });
});

describe('the form against the server', () => {
  const view = { values: [{ element: 'workingAgePeople', breakdown: '', value: 1200 }, { element: 'workingAgePeople', breakdown: 'sex=female', value: 600.5 }], sections: { results: 'Kết quả' }, version: 3 };

  it('turns the server figures into cells and back into the body of a save', () => {
    expect(valuesOf(view)).toEqual({ cells: { 'workingAgePeople/': '1.200', 'workingAgePeople/sex=female': '600,5' }, sections: { results: 'Kết quả' } });
    const body = saveInput({ ...KEY, agencyId: AGENCY }, values({ 'workingAgePeople/': '1.200', 'workingAgePeople/sex=male': '', 'learningCentres/': '3', 'x/': 'abc' }, { results: 'A' }), 3);
    expect(body).toEqual({
      templateId: TEMPLATE,
      periodKey: '2026',
      unitId: UNIT,
      agencyId: AGENCY,
      values: [
        { element: 'workingAgePeople', breakdown: '', value: 1200 },
        { element: 'learningCentres', breakdown: '', value: 3 },
      ],
      sections: { results: 'A' },
      version: 3,
    });
    expect(invalidCells(values({ 'a/': '1', 'b/': 'x' }))).toEqual(['b/']);
  });

  it('compares figures as numbers and texts as written', () => {
    expect(sameValues(values({ 'a/': '1234' }), values({ 'a/': '1.234' }))).toBe(true);
    expect(sameValues(values({ 'a/': '' }), values({}))).toBe(true);
    expect(sameValues(values({ 'a/': '1' }), values({}))).toBe(false);
    expect(sameValues(values({}, { s: '' }), values({}))).toBe(true);
    expect(sameValues(values({}, { s: 'x' }), values({}, { s: 'x ' }))).toBe(false);
    expect(sameValues(values({ 'a/': 'x' }), values({ 'a/': 'y' }))).toBe(false);
  });

  it('edits, saves and follows the server only when nothing is unsaved', () => {
    let s = initialEntry(snapshotOf(view));
    expect(isDirty(s)).toBe(false);
    s = entryReducer(s, { type: 'cell', key: 'workingAgePeople/', text: '1300' });
    expect(isDirty(s)).toBe(true);
    // A refetch with a newer version does not replace what is being typed.
    expect(entryReducer(s, { type: 'server', server: snap(4, { 'workingAgePeople/': '9' }) })).toBe(s);
    const typed = s.values;
    s = entryReducer(s, { type: 'saved', server: snap(4, { 'workingAgePeople/': '1.300', 'workingAgePeople/sex=female': '600,5' }, { results: 'Kết quả' }) });
    expect(s.values).toBe(typed);
    expect(isDirty(s)).toBe(false);
    // Nothing unsaved: a newer record replaces the form; an older or equal one does not.
    const newer = entryReducer(s, { type: 'server', server: snap(5, { 'workingAgePeople/': '7' }) });
    expect(newer.values.cells).toEqual({ 'workingAgePeople/': '7' });
    expect(entryReducer(s, { type: 'server', server: snap(4, {}) })).toBe(s);
    // An emptied cell is no cell; a section is set.
    s = entryReducer(s, { type: 'cell', key: 'workingAgePeople/', text: '' });
    expect(s.values.cells['workingAgePeople/']).toBeUndefined();
    s = entryReducer(s, { type: 'section', key: 'plans', text: 'Kế hoạch' });
    expect(s.values.sections.plans).toBe('Kế hoạch');
    // A first save of a new report.
    const fresh = initialEntry(snap(null));
    expect(entryReducer(fresh, { type: 'server', server: snap(1, { 'a/': '1' }) }).base.version).toBe(1);
    expect(entryReducer(fresh, { type: 'server', server: snap(null, { 'a/': '1' }) })).toBe(fresh);
  });

  it('keeps the person’s figures on a conflict, until they choose', () => {
    let s = initialEntry(snap(3, { 'a/': '1' }));
    s = entryReducer(s, { type: 'cell', key: 'a/', text: '2' });
    s = entryReducer(s, { type: 'conflict' });
    expect(s.conflict?.cells['a/']).toBe('2');
    // The refetch does not replace them.
    const theirs = snap(4, { 'a/': '5' });
    expect(entryReducer(s, { type: 'server', server: theirs })).toBe(s);
    const mine = entryReducer(s, { type: 'keepMine', server: theirs });
    expect(mine).toEqual({ base: theirs, values: { cells: { 'a/': '2' }, sections: {} }, conflict: null });
    expect(isDirty(mine)).toBe(true);
    expect(entryReducer(s, { type: 'takeTheirs', server: theirs })).toEqual(initialEntry(theirs));
  });

  it('lists the differences in the order of the form', () => {
    const d = diffValues(values({ 'learningCentres/': '3', 'workingAgePeople/sex=female': '5', 'workingAgePeople/': '10' }, { a: 'x' }), values({ 'learningCentres/': '3', 'workingAgePeople/': '12', 'workingAgePeople/sex=female': '5' }, { a: 'y', b: 'z' }), {
      elements: ['workingAgePeople', 'learningCentres'],
      sections: ['b', 'a'],
    });
    expect(d.cells).toEqual([{ key: 'workingAgePeople/', element: 'workingAgePeople', breakdown: '', theirs: '10', mine: '12' }]);
    expect(d.sections).toEqual([
      { key: 'b', theirs: '', mine: 'z' },
      { key: 'a', theirs: 'x', mine: 'y' },
    ]);
  });
});

describe('the copy kept on this device', () => {
  const server = snap(3, { 'a/': '1' });
  const stored = (baseVersion: number | null, cells: Record<string, string>) => JSON.stringify({ v: 1, baseVersion, values: { cells, sections: {} }, at: '2026-05-04T07:05:00Z' });

  it('is read back only when it is a draft of this app', () => {
    expect(parseLocalDraft(null)).toBeNull();
    expect(parseLocalDraft('{')).toBeNull();
    expect(parseLocalDraft('{"v":2}')).toBeNull();
    expect(parseLocalDraft(JSON.stringify({ v: 1, baseVersion: 'x', values: { cells: {}, sections: {} }, at: '' }))).toBeNull();
    expect(parseLocalDraft(JSON.stringify({ v: 1, baseVersion: 1, values: { cells: { a: 1 }, sections: {} }, at: '' }))).toBeNull();
    expect(parseLocalDraft(stored(3, { 'a/': '2' }))?.values.cells).toEqual({ 'a/': '2' });
    expect(localDraftKey('u1', KEY)).toBe(`xhht.report-draft.u1.${TEMPLATE}.2026.${UNIT}.commune`);
    expect(localDraftKey('u1', { ...KEY, agencyId: AGENCY })).toMatch(new RegExp(`${AGENCY}$`));
  });

  it('takes back what was typed on the same version, shows it beside a newer one', () => {
    expect(reconcileLocal(null, server, true)).toEqual({ kind: 'none' });
    expect(reconcileLocal(parseLocalDraft(stored(2, { 'a/': '1' })), server, true)).toEqual({ kind: 'none' });
    expect(reconcileLocal(parseLocalDraft(stored(3, { 'a/': '2' })), server, true).kind).toBe('restore');
    expect(reconcileLocal(parseLocalDraft(stored(2, { 'a/': '2' })), server, true).kind).toBe('conflict');
    // A report that can no longer be edited: shown beside, never taken back.
    expect(reconcileLocal(parseLocalDraft(stored(3, { 'a/': '2' })), server, false).kind).toBe('conflict');
    // A new report (no version yet) typed offline.
    expect(reconcileLocal(parseLocalDraft(stored(null, { 'a/': '2' })), snap(null), true).kind).toBe('restore');
  });

  it('opens the form with it, and stores the version it was typed on', () => {
    const restored = openEntry(server, reconcileLocal(parseLocalDraft(stored(3, { 'a/': '2' })), server, true));
    expect(restored.values.cells).toEqual({ 'a/': '2' });
    expect(restored.conflict).toBeNull();
    expect(isDirty(restored)).toBe(true);
    const conflict = openEntry(server, reconcileLocal(parseLocalDraft(stored(2, { 'a/': '2' })), server, true));
    expect(conflict.conflict?.cells).toEqual({ 'a/': '2' });
    // Stored again as typed on version 2: a reload finds the same conflict.
    expect(localDraft(conflict, 'now')).toEqual({ v: 1, baseVersion: 2, values: { cells: { 'a/': '2' }, sections: {} }, at: 'now' });
    expect(entryReducer(conflict, { type: 'keepMine', server }).base.version).toBe(3);
  });
});

describe('checks as the person types', () => {
  // The server sends the ratio checks of the form (from the province's catalogue): here, the starter's.
  const pairsOf = (elements: readonly ElementView[]) => ratioChecks(elements.map((e) => e.code), CATALOGUE_INDICATORS);
  const check = (cells: Record<string, string>, previous: Record<string, number> = {}, elements = ELEMENTS) => validateEntry(elements, cells, new Map(Object.entries(previous)), pairsOf(elements));

  it('finds nothing in good figures', () => {
    expect(check({ 'workingAgePeople/': '1.000', 'workingAgePeople/sex=male': '400', 'workingAgePeople/sex=female': '600', 'workingAgePeople/ethnicMinority=yes': '120', 'workingAgeInformationCompetence/': '2' })).toEqual([]);
    expect(check({})).toEqual([]);
  });

  it('names the element exactly, and the cell of a part', () => {
    const issues = check({ 'workingAgePeople/sex=female': '-5', 'learningCentres/': '1,5', 'learningCentresUsingIt/': 'ba' });
    expect(issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      ['negative', 'workingAgePeople/sex=female', '“Số người trong độ tuổi lao động” (Nữ) không được là số âm (đã nhập -5).'],
      ['notInteger', 'learningCentres/', '“Số trung tâm học tập cộng đồng” là số đếm, phải là số nguyên (đã nhập 1,5).'],
      ['notANumber', 'learningCentresUsingIt/', '“Số trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục” phải là một số (đã nhập “ba”).'],
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('warns of a figure far from last period’s', () => {
    const issues = check({ 'workingAgePeople/': '2.000', 'workingAgePeople/sex=female': '1.000' }, { 'workingAgePeople/': 1000, 'workingAgePeople/sex=female': 900 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'farFromPrevious', severity: 'warning', element: 'workingAgePeople', cell: 'workingAgePeople/' });
    expect(issues[0]!.message).toContain('“Số người trong độ tuổi lao động”: 2.000 chênh lệch nhiều so với năm trước (1.000)');
    // As the server: the parts are not compared with last period's.
    expect(check({ 'workingAgePeople/sex=female': '100' }, { 'workingAgePeople/sex=female': 900 })).toEqual([]);
  });

  it('checks the parts against the total', () => {
    const differ = check({ 'workingAgePeople/': '1.000', 'workingAgePeople/sex=male': '400', 'workingAgePeople/sex=female': '500' });
    expect(differ.map((i) => i.code)).toEqual(['partsDifferFromTotal']);
    expect(differ[0]).toMatchObject({ element: 'workingAgePeople', cell: null });
    expect(differ[0]!.message).toBe('Tổng các phần theo giới tính của “Số người trong độ tuổi lao động” là 900, khác 1.000.');
    const exceed = check({ 'workingAgePeople/': '100', 'workingAgePeople/ethnicMinority=yes': '120' });
    expect(exceed.map((i) => i.code)).toEqual(['partsExceedTotal']);
  });

  it('refuses a numerator above its denominator', () => {
    const issues = check({ 'workingAgePeople/': '500', 'workingAgeInformationCompetence/': '600' });
    const ratio = issues.filter((i) => i.code === 'numeratorAboveDenominator');
    expect(ratio.map((i) => i.cell)).toEqual(['workingAgeInformationCompetence/']);
    expect(ratio[0]!.message).toBe('“Số người trong độ tuổi lao động được trang bị năng lực thông tin” (600) lớn hơn “Số người trong độ tuổi lao động” (500).');
    expect(check({ 'learningCentres/': '2', 'learningCentresUsingIt/': '3' }).map((i) => i.code)).toEqual(['numeratorAboveDenominator']);
  });

  it('refuses a percentage over 100', () => {
    const rate: ElementView = { code: 'internetRate', name: 'Tỷ lệ hộ gia đình có kết nối Internet', level: 'commune', valueType: 'number', breakdowns: [], ageGroups: [] };
    expect(isPercentElement(rate)).toBe(true);
    expect(isPercentElement(WORKING)).toBe(false);
    const issues = check({ 'internetRate/': '120' }, {}, [rate]);
    expect(issues.map((i) => [i.code, i.message])).toEqual([['percentOver100', '“Tỷ lệ hộ gia đình có kết nối Internet” là tỷ lệ phần trăm, không được vượt quá 100% (đã nhập 120%).']]);
  });

  it('finds what the server finds, and marks the cell', () => {
    const cells = {
      'workingAgePeople/': '1.000',
      'workingAgePeople/sex=male': '300',
      'workingAgePeople/sex=female': '600',
      'workingAgePeople/ethnicMinority=yes': '-2',
      'workingAgeInformationCompetence/': '1.200',
      'learningCentres/': '2,5',
      'learningCentresUsingIt/': '9',
    };
    const previous = { 'workingAgePeople/': 400, 'learningCentresUsingIt/': 9 };
    const mine = check(cells, previous);
    const numbers = Object.entries(cells).map(([k, text]) => ({ ...splitCellKey(k), value: parseCell(text) as number }));
    const theirs = reportIssues(ELEMENTS.map(toDataElement), pairsOf(ELEMENTS), numbers, Object.entries(previous).map(([k, value]) => ({ ...splitCellKey(k), value })));
    const kinds = (list: { code: string; element?: string }[]) => list.map((i) => `${i.code}|${i.element}`).sort();
    expect(kinds(mine)).toEqual(kinds(theirs));
    expect(kinds(mine)).toEqual(['farFromPrevious|workingAgePeople', 'negative|workingAgePeople', 'notInteger|learningCentres', 'numeratorAboveDenominator|learningCentresUsingIt', 'numeratorAboveDenominator|workingAgeInformationCompetence', 'partsDifferFromTotal|workingAgePeople'].sort());
    expect(mine.find((i) => i.code === 'negative')?.cell).toBe('workingAgePeople/ethnicMinority=yes');
    expect(extraServerIssues(theirs, mine)).toEqual([]);
  });

  it('marks the worst problem of each cell and row', () => {
    const marks = issueMarks(check({ 'workingAgePeople/': '2.000', 'workingAgeInformationCompetence/': '3.000' }, { 'workingAgePeople/': 1000 }));
    expect(marks.cells.get('workingAgePeople/')).toBe('warning');
    expect(marks.cells.get('workingAgeInformationCompetence/')).toBe('error');
    expect(marks.elements.get('workingAgeInformationCompetence')).toBe('error');
  });

  it('pairs the ratio indicators of the catalogue, and previews their shares', () => {
    expect(pairsOf(ELEMENTS).map((p) => `${p.numerator}/${p.denominator}`)).toEqual(['workingAgeInformationCompetence/workingAgePeople', 'learningCentresUsingIt/learningCentres']);
    expect(pairsOf([WORKING])).toEqual([]);
    const preview = ratioPreview(ELEMENTS, { 'workingAgePeople/': '400', 'workingAgeInformationCompetence/': '100' }, pairsOf(ELEMENTS));
    expect(preview[0]).toMatchObject({ numerator: 100, denominator: 400, value: 25 });
    expect(preview[1]).toMatchObject({ numerator: null, value: null });
    expect(previousByCell([{ element: 'a', breakdown: 'sex=male', value: 3 }]).get('a/sex=male')).toBe(3);
  });

  it('adds the server’s problems it did not find itself', () => {
    const local = check({ 'learningCentres/': '-1' });
    const server = [{ code: 'negative', severity: 'error' as const, element: 'learningCentres', message: local[0]!.message }, { code: 'missing', severity: 'error' as const, message: 'Thiếu số liệu' }];
    expect(extraServerIssues(server, local).map((i) => i.code)).toEqual(['missing']);
  });

  it('checks a large form (60 elements × 4 columns) cleanly', () => {
    const many: ElementView[] = Array.from({ length: 60 }, (_, i) => ({ ...WORKING, code: `e${i}`, name: `Chỉ tiêu ${i}` }));
    const cells: Record<string, string> = {};
    const prev = new Map<string, number>();
    for (const e of many) {
      cells[cellKey(e.code, '')] = '1.000';
      cells[cellKey(e.code, 'sex=male')] = '400';
      cells[cellKey(e.code, 'sex=female')] = '600';
      cells[cellKey(e.code, 'ethnicMinority=yes')] = '100';
      prev.set(cellKey(e.code, ''), 990);
    }
    // Its speed is not asserted here (a timed test fails on a loaded machine); it is a few milliseconds.
    expect(validateEntry(many, cells, prev, pairsOf(many))).toEqual([]);
  });
});

describe('buttons and times', () => {
  it('offers the server’s actions', () => {
    expect(entryActions(['save', 'submit'])).toEqual({ save: true, submit: true, approve: false, returnIt: false, reopen: false });
    expect(entryActions(['return', 'approve'])).toMatchObject({ save: false, approve: true, returnIt: true });
  });

  it('shows the time in Vietnam, with the date when not today', () => {
    expect(timeOfDay('2026-05-04T07:05:00Z', new Date('2026-05-04T10:00:00Z'))).toBe('14:05');
    expect(timeOfDay('2026-05-04T07:05:00Z', new Date('2026-05-06T10:00:00Z'))).toBe('14:05 04/05/2026');
    expect(isoDay(new Date('2026-05-04T18:00:00Z'))).toBe('2026-05-05');
  });
});

describe('the completeness board', () => {
  const row = (name: string, status: (typeof COMPLETENESS_STATUSES)[number], late: boolean, submittedAt: string | null = null) => ({
    reporter: { unitId: UNIT, agencyId: null, name },
    status,
    reportId: null,
    dueDate: '2026-12-15',
    submittedAt,
    late,
  });
  const rows = [row('Phường B', 'approved', false, 'x'), row('Xã A', 'notStarted', true), row('Xã C', 'submitted', true, 'y'), row('Xã D', 'draft', false), row('Xã E', 'submitted', false, 'z')];

  it('counts every status in order, and on time against late', () => {
    expect(completenessBars({ approved: 2, draft: 1 })).toEqual([
      { status: 'notStarted', value: 0 },
      { status: 'draft', value: 1 },
      { status: 'returned', value: 0 },
      { status: 'submitted', value: 0 },
      { status: 'approved', value: 2 },
    ]);
    expect(timeliness(rows)).toEqual({ onTime: 2, lateSent: 1, overdue: 1, pending: 1 });
  });

  it('filters and puts what waits for the coordinator first', () => {
    expect(completenessRows(rows, {}).map((r) => r.reporter.name)).toEqual(['Xã C', 'Xã E', 'Xã D', 'Xã A', 'Phường B']);
    expect(completenessRows(rows, { status: 'submitted' }).map((r) => r.reporter.name)).toEqual(['Xã C', 'Xã E']);
    expect(completenessRows(rows, { late: true }).map((r) => r.reporter.name)).toEqual(['Xã C', 'Xã A']);
  });
});

describe('the indicator table', () => {
  const indicator = (code: string, unit = '%') => ({ code, name: code, group: 'competences', unit, level: 'commune', value: null, numerator: null, denominator: null, status: 'none' as const, unitsReporting: 0, unitsExpected: 3, reason: null, targets: [] });
  const table: Pick<IndicatorTable, 'indicators' | 'rows'> = {
    indicators: [indicator('provinceOnly'), indicator('informationCompetenceRate'), indicator('learningCentresCount', 'trung tâm')],
    rows: [
      { unitId: 'a', name: 'Xã A', values: { informationCompetenceRate: 40, learningCentresCount: 2 } },
      { unitId: 'b', name: 'Xã B', values: { informationCompetenceRate: null, learningCentresCount: 1 } },
      { unitId: 'c', name: 'Xã C', values: { informationCompetenceRate: 62.5 } },
    ],
  };

  it('formats values the Vietnamese way', () => {
    expect(formatIndicator(42.456, '%')).toBe('42,5%');
    expect(formatIndicator(1234, 'trung tâm')).toBe('1.234');
    expect(formatIndicator(null, '%')).toBeNull();
  });

  it('takes the communes’ columns in the order of the indicators, and charts one', () => {
    expect(communeColumns(table).map((c) => c.code)).toEqual(['informationCompetenceRate', 'learningCentresCount']);
    expect(chartSeries(table.rows, 'informationCompetenceRate')).toEqual([
      { unitId: 'c', name: 'Xã C', value: 62.5 },
      { unitId: 'a', name: 'Xã A', value: 40 },
    ]);
    expect(chosenIndicator(communeColumns(table), 'learningCentresCount')).toBe('learningCentresCount');
    expect(chosenIndicator(communeColumns(table), 'nope')).toBe('informationCompetenceRate');
    expect(chosenIndicator([], null)).toBeNull();
    expect([3, null, 1, null].sort((a, b) => compareNullable(a, b))).toEqual([1, 3, null, null]);
    // Descending: antd negates the comparison; missing values stay last.
    expect([3, null, 1, null].sort((a, b) => -compareNullable(a, b, 'descend'))).toEqual([3, 1, null, null]);
  });
});

describe('the trajectory of an indicator', () => {
  const point = (year: number, value: number | null, provisional = false) => ({
    year,
    periodKey: String(year),
    value,
    numerator: null,
    denominator: null,
    status: value === null ? ('none' as const) : ('complete' as const),
    unitsReporting: value === null ? 0 : 2,
    unitsExpected: 2,
    reason: null,
    provisional,
    latestAt: null,
  });
  const target = (year: number | null, value: number, comparator = 'atLeast', met: boolean | null = null) => ({ planId: 'p', planNumber: '7/KH-UBND', text: `${value}% năm ${year}`, comparator, value, year, met, latest: null });
  const trajectory: Pick<IndicatorTrajectory, 'points' | 'targets'> = {
    points: [point(2021, 20), point(2022, null), point(2023, 30, true), point(2024, null), point(2025, null)],
    targets: [target(2025, 50), target(2030, 70), target(null, 90), target(2023, 25, 'atLeast', true)],
  };

  it('keeps a year without figures as a gap, never zero, and marks provisional years', () => {
    const s = trajectorySeries(trajectory);
    expect(s.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(s.values).toEqual([
      { year: 2021, value: 20, provisional: false },
      { year: 2022, value: null, provisional: false },
      { year: 2023, value: 30, provisional: true },
      { year: 2024, value: null, provisional: false },
      { year: 2025, value: null, provisional: false },
    ]);
    // A missing year flagged provisional by mistake stays a plain gap.
    expect(trajectorySeries({ points: [point(2021, null, true)], targets: [] }).values).toEqual([{ year: 2021, value: null, provisional: false }]);
  });

  it('places the targets whose milestone lies in the range at their year', () => {
    expect(trajectorySeries(trajectory).targets.map((g) => [g.year, g.value, g.met])).toEqual([
      [2025, 50, null],
      [2023, 25, true],
    ]);
  });

  it('draws the straight line from the latest value to the next target not yet reached, as an even pace', () => {
    // 30 % in 2023 → 50 % in 2025: 10 points a year.
    expect(paceLine(trajectory.points, trajectory.targets)).toEqual({ from: { year: 2023, value: 30 }, to: { year: 2025, value: 50 }, perYear: 10 });
    // Of two targets of the same year, the higher one (the line then reaches both).
    expect(paceLine([point(2024, 40)], [target(2025, 45), target(2025, 60)])?.to).toEqual({ year: 2025, value: 60 });
    // A target already reached by the latest value needs no line: the next one is taken.
    expect(paceLine([point(2024, 55)], [target(2025, 50), target(2030, 70)])).toEqual({ from: { year: 2024, value: 55 }, to: { year: 2030, value: 70 }, perYear: 2.5 });
    // "trên 50%" is not reached by exactly 50 %.
    expect(paceLine([point(2024, 50)], [target(2025, 50, 'moreThan')])?.to).toEqual({ year: 2025, value: 50 });
    expect(paceLine([point(2024, 50)], [target(2025, 50, 'atLeast')])).toBeNull();
    // No value at all, or no target after the latest value: no line.
    expect(paceLine([point(2021, null)], [target(2025, 50)])).toBeNull();
    expect(paceLine([point(2026, 40)], [target(2025, 50), target(null, 90)])).toBeNull();
  });

  it('follows the indicator asked for, else the first with a value, else the first with a target', () => {
    const ind = (code: string, value: number | null, targets = 0) => ({ code, value, targets: Array.from({ length: targets }, () => ({ planId: 'p', planNumber: null, text: '', comparator: 'atLeast', value: 1, year: 2025, met: null })) });
    const table = [ind('a', null), ind('b', null, 1), ind('c', 12), ind('d', 3)];
    expect(trajectoryIndicator(table, 'd')).toBe('d');
    expect(trajectoryIndicator(table, 'unknown')).toBe('c');
    expect(trajectoryIndicator(table.slice(0, 2), null)).toBe('b');
    expect(trajectoryIndicator([ind('a', null)], null)).toBe('a');
    expect(trajectoryIndicator([], 'a')).toBeNull();
  });

  it('escapes the plans’ words put into the chart’s tooltip', () => {
    expect(escapeHtml('KH <b>7</b> & "x"')).toBe('KH &#60;b&#62;7&#60;/b&#62; &#38; &#34;x&#34;');
  });
});
