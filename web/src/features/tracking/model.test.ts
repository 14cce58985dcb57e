import { describe, expect, it } from 'vitest';
import { BOARD_STATUSES, MyObligationsQuery, Progress } from '../../../../shared/contracts/tracking.ts';
import { CONTRIBUTION_ACTIONS, CONTRIBUTION_STATES, OBLIGATION_STATUSES } from '../../../../shared/domain/task-tracking.ts';
import { ACTION_LABEL, BOARD_STATUS_CHART_COLOR, BOARD_STATUS_LABEL, OBLIGATION_STATUS_COLOR, OBLIGATION_STATUS_LABEL, PROGRESS_LABEL, STATE_LABEL, TAB_LABEL } from './labels.ts';
import { vi as viDict } from '../../lib/i18n.ts';
import { en as enDict } from '../../lib/i18n.en.ts';
import {
  assignmentsByRole,
  BOARD_STATUS_LIST,
  boardExportHref,
  boardParams,
  boardYears,
  chartSlices,
  checkEvidenceFile,
  contributionSnapshot,
  countsPercent,
  defaultDue,
  draftReducer,
  EVIDENCE_MAX_BYTES,
  excerpt,
  formActions,
  formatSize,
  initialDraft,
  isConflict,
  isDirty,
  MY_TABS,
  parseBoardStatus,
  parseMyTab,
  PROGRESS_LIST,
  reviewRows,
  statusCounts,
  tabCount,
  tabStatus,
  TODO_STATUSES,
  withConsolidated,
  withContribution,
  type Assignment,
  type ContributionView,
  type ContributorRow,
  type ObligationView,
  type TaskTracking,
} from './model.ts';

const TASK = '11111111-1111-4111-8111-111111111111';
const PLAN = '22222222-2222-4222-8222-222222222222';
const SO_GDDT = '33333333-3333-4333-8333-333333333333';
const SO_VH = '44444444-4444-4444-8444-444444444444';

const contribution = (over: Partial<ContributionView> = {}): ContributionView => ({
  id: '55555555-5555-4555-8555-555555555555',
  taskId: TASK,
  agencyId: SO_VH,
  agencyName: 'Sở Văn hóa, Thể thao và Du lịch',
  due: '2026-12-14',
  progress: 'inProgress',
  state: 'draft',
  narrative: 'Đã tổ chức 3 lớp',
  returnReason: null,
  version: 2,
  submittedAt: null,
  submittedByName: null,
  reviewedAt: null,
  reviewedByName: null,
  updatedAt: '2026-05-01T03:00:00Z',
  updatedByName: 'Nguyễn Văn A',
  evidence: [],
  actions: ['save', 'submit'],
  abilities: { edit: true, attach: true },
  ...over,
});
const row = (agencyId: string, status: ContributorRow['status'], c: ContributionView | null = null): ContributorRow => ({
  agencyId,
  agencyName: agencyId === SO_VH ? 'Sở VHTTDL' : 'Sở GDĐT',
  role: agencyId === SO_GDDT ? 'lead' : 'coordinator',
  viaGroup: null,
  status,
  contribution: c,
});
const obligation = (due: string, dueDate: string | null, rows: ContributorRow[], consolidated: ObligationView['consolidated'] = null): ObligationView => ({
  due,
  dueDate,
  labels: [],
  consolidated,
  expected: rows.length,
  submitted: rows.filter((r) => r.status === 'submitted' || r.status === 'accepted').length,
  accepted: rows.filter((r) => r.status === 'accepted').length,
  overdue: rows.filter((r) => r.status === 'overdue').length,
  contributors: rows,
});

describe('lists mirrored from the contract', () => {
  it('has the same statuses, progress values and board statuses as shared/', () => {
    expect([...BOARD_STATUS_LIST]).toEqual([...BOARD_STATUSES]);
    expect([...PROGRESS_LIST]).toEqual([...Progress.options]);
    expect([...MY_TABS].filter((t) => t !== 'all').sort()).toEqual([...MyObligationsQuery.shape.status.unwrap().options.flatMap((o) => ('options' in o ? o.options : [o.value]))].sort());
    expect(TODO_STATUSES.every((s) => (OBLIGATION_STATUSES as readonly string[]).includes(s))).toBe(true);
  });

  it('labels every value, in both languages', () => {
    const keys = [
      ...Object.values(OBLIGATION_STATUS_LABEL),
      ...Object.values(PROGRESS_LABEL),
      ...Object.values(STATE_LABEL),
      ...Object.values(ACTION_LABEL),
      ...Object.values(BOARD_STATUS_LABEL),
      ...Object.values(TAB_LABEL),
    ];
    expect(Object.keys(OBLIGATION_STATUS_LABEL).sort()).toEqual([...OBLIGATION_STATUSES].sort());
    expect(Object.keys(OBLIGATION_STATUS_COLOR).sort()).toEqual([...OBLIGATION_STATUSES].sort());
    expect(Object.keys(STATE_LABEL).sort()).toEqual([...CONTRIBUTION_STATES].sort());
    expect(Object.keys(ACTION_LABEL).sort()).toEqual([...CONTRIBUTION_ACTIONS].sort());
    expect(Object.keys(BOARD_STATUS_LABEL).sort()).toEqual([...BOARD_STATUSES].sort());
    expect(Object.keys(BOARD_STATUS_CHART_COLOR).sort()).toEqual([...BOARD_STATUSES].sort());
    for (const k of keys) {
      expect(viDict[k]).toBeTruthy();
      expect(enDict[k]).toBeTruthy();
    }
    expect(viDict[OBLIGATION_STATUS_LABEL.overdue]).toBe('Quá hạn');
    expect(viDict[ACTION_LABEL.save]).toBe('Lưu nháp');
    expect(viDict[PROGRESS_LABEL.delayed]).toBe('Chậm tiến độ');
  });
});

describe('tabs of "Việc của tôi"', () => {
  it('reads the tab from the URL, todo by default', () => {
    expect(parseMyTab(null)).toBe('todo');
    expect(parseMyTab('overdue')).toBe('overdue');
    expect(parseMyTab('all')).toBe('all');
    expect(parseMyTab('nonsense')).toBe('todo');
    expect(tabStatus('all')).toBeUndefined();
    expect(tabStatus('todo')).toBe('todo');
    expect(tabStatus('returned')).toBe('returned');
  });

  it('counts todo as everything not yet submitted', () => {
    const counts = { overdue: 2, returned: 1, dueSoon: 3, upcoming: 4, noDate: 1, submitted: 5, accepted: 6 };
    expect(tabCount('todo', counts)).toBe(11);
    expect(tabCount('all', counts)).toBe(22);
    expect(tabCount('accepted', counts)).toBe(6);
    expect(tabCount('overdue', {})).toBe(0);
    expect(tabCount('todo', undefined)).toBe(0);
  });
});

describe('the obligation a task page opens on', () => {
  const done = obligation('2026-03-31', '2026-03-31', [row(SO_VH, 'accepted')]);
  const waiting = obligation('2026-12-14', '2026-12-14', [row(SO_VH, 'submitted')]);
  const later = obligation('2027-12-14', '2027-12-14', [row(SO_VH, 'upcoming')]);
  const open = obligation('open', null, [row(SO_VH, 'noDate')]);

  it('opens the one asked for when the task has it', () => {
    expect(defaultDue([done, waiting, later], '2027-12-14', false)).toBe('2027-12-14');
    expect(defaultDue([done, waiting, later], '2031-01-01', false)).toBe('2027-12-14');
  });

  it('otherwise the first that still asks something of the person', () => {
    // The agency has submitted the 2026 report: the next one to write is 2027's.
    expect(defaultDue([done, waiting, later], null, false)).toBe('2027-12-14');
    // A reviewer still has the 2026 report to read.
    expect(defaultDue([done, waiting, later], null, true)).toBe('2026-12-14');
    expect(defaultDue([done, open], null, false)).toBe('open');
  });

  it('falls back to the last dated one, or nothing', () => {
    expect(defaultDue([done], null, true)).toBe('2026-03-31');
    expect(defaultDue([], null, true)).toBeNull();
    // No agency assigned: the lead's status decides.
    expect(defaultDue([obligation('2026-03-31', '2026-03-31', [], { due: '2026-03-31', progress: 'done', note: '', version: 1, updatedAt: '', updatedByName: null }), obligation('2026-06-30', '2026-06-30', [])], null, true)).toBe('2026-06-30');
  });
});

describe('task helpers', () => {
  it('lists agencies of a role once, groups with their size, unresolved names as written', () => {
    const a = (over: Partial<Assignment>): Assignment => ({ id: crypto.randomUUID(), role: 'lead', agencyId: null, agencyName: null, groupId: null, groupName: null, memberCount: null, raw: '', ...over });
    const list = assignmentsByRole(
      [
        a({ agencyId: SO_GDDT, agencyName: 'Sở GDĐT', raw: 'Sở GDĐT' }),
        a({ agencyId: SO_GDDT, agencyName: 'Sở GDĐT', raw: 'Sở Giáo dục' }),
        a({ role: 'coordinator', groupId: PLAN, groupName: 'UBND các xã, phường', memberCount: 89, raw: 'UBND cấp xã' }),
        a({ role: 'coordinator', raw: 'Hội Khuyến học' }),
      ],
      'coordinator',
    );
    expect(list).toEqual([
      { key: `group:${PLAN}`, name: 'UBND các xã, phường', group: true, count: 89, resolved: true },
      { key: 'raw:Hội Khuyến học', name: 'Hội Khuyến học', group: false, count: null, resolved: false },
    ]);
    expect(assignmentsByRole([a({ agencyId: SO_GDDT, agencyName: 'Sở GDĐT' }), a({ agencyId: SO_GDDT, agencyName: 'Sở GDĐT' })], 'lead')).toHaveLength(1);
  });

  it('gives the progress bar its parts', () => {
    expect(countsPercent({ expected: 4, submitted: 3, accepted: 1 })).toEqual({ accepted: 25, submitted: 75 });
    expect(countsPercent({ expected: 0, submitted: 0, accepted: 0 })).toEqual({ accepted: 0, submitted: 0 });
  });

  it('puts a written contribution and status into the cached task', () => {
    const task: TaskTracking = {
      task: {
        id: TASK,
        planId: PLAN,
        planNumber: '84/KH-UBND',
        planTitle: 'Kế hoạch',
        code: '1.1',
        title: 'Tuyên truyền',
        description: null,
        section: null,
        deliverables: [],
        budget: null,
        schedule: { raw: 'Hàng năm', kind: 'yearly', milestones: [] },
        assignments: [],
      },
      obligations: [obligation('2026-12-14', '2026-12-14', [row(SO_GDDT, 'upcoming'), row(SO_VH, 'upcoming')]), obligation('2027-12-14', '2027-12-14', [row(SO_VH, 'upcoming')])],
      abilities: { reportFor: [{ id: SO_VH, name: 'Sở VHTTDL' }], review: false, consolidate: false, board: false },
      today: '2026-11-24',
    };
    const c = contribution();
    const next = withContribution(task, c);
    expect(next.obligations[0]!.contributors[1]!.contribution).toBe(c);
    expect(next.obligations[0]!.contributors[0]!.contribution).toBeNull();
    expect(next.obligations[1]!.contributors[0]!.contribution).toBeNull();
    const status = { due: '2027-12-14', progress: 'delayed' as const, note: 'Chậm', version: 1, updatedAt: '', updatedByName: null };
    expect(withConsolidated(task, status).obligations.map((o) => o.consolidated)).toEqual([null, status]);
  });

  it('shows the buttons of the workflow', () => {
    expect(formActions(null)).toEqual({ save: true, submit: true, attach: true });
    expect(formActions(contribution({ state: 'submitted', actions: [], abilities: { edit: false, attach: false } }))).toEqual({ save: false, submit: false, attach: false });
    expect(formActions(contribution({ state: 'returned', actions: ['save', 'submit'] }))).toEqual({ save: true, submit: true, attach: true });
  });

  it('cuts a long narrative', () => {
    expect(excerpt('  ngắn   gọn ')).toBe('ngắn gọn');
    expect(excerpt('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('recognises a conflict answer', () => {
    expect(isConflict({ status: 409, code: 'CONFLICT' })).toBe(true);
    expect(isConflict({ status: 400 })).toBe(false);
    expect(isConflict(null)).toBe(false);
  });
});

describe('a form on a versioned record', () => {
  const server = contributionSnapshot(contribution())!;

  it('starts from the record, or from an empty draft', () => {
    expect(initialDraft(server)).toEqual({ base: { progress: 'inProgress', text: 'Đã tổ chức 3 lớp', version: 2 }, values: { progress: 'inProgress', text: 'Đã tổ chức 3 lớp' }, conflict: null });
    expect(initialDraft(null).base.version).toBeNull();
  });

  it('follows a newer record only when nothing is unsaved', () => {
    const s = initialDraft(server);
    const newer = { ...server, text: 'Bản của đồng nghiệp', version: 3 };
    expect(draftReducer(s, { type: 'server', server: newer }).values.text).toBe('Bản của đồng nghiệp');
    const typing = draftReducer(s, { type: 'edit', values: { text: 'Tôi đang gõ' } });
    expect(isDirty(typing)).toBe(true);
    expect(draftReducer(typing, { type: 'server', server: newer })).toBe(typing);
    // An older or equal record (a refetch racing the save) changes nothing.
    expect(draftReducer(s, { type: 'server', server: { ...server, version: 1 } })).toBe(s);
  });

  it('keeps what was typed during a save, and moves the base to the saved record', () => {
    const typing = draftReducer(initialDraft(null), { type: 'edit', values: { text: 'Bản 1' } });
    const saved = draftReducer(typing, { type: 'saved', server: { progress: 'notStarted', text: 'Bản 1', version: 1 } });
    expect(saved.base.version).toBe(1);
    expect(isDirty(saved)).toBe(false);
  });

  it('moves the version after an evidence upload only if nobody else changed the text', () => {
    const s = initialDraft(server);
    expect(draftReducer(s, { type: 'touched', server: { ...server, version: 3 } }).base.version).toBe(3);
    expect(draftReducer(s, { type: 'touched', server: { ...server, text: 'khác', version: 3 } }).base.version).toBe(2);
  });

  it('on a conflict keeps the person’s text, then lets them keep it or take the other one', () => {
    const typing = draftReducer(initialDraft(server), { type: 'edit', values: { text: 'Bản của tôi', progress: 'done' } });
    const conflict = draftReducer(typing, { type: 'conflict' });
    expect(conflict.conflict).toEqual({ text: 'Bản của tôi', progress: 'done' });
    const theirs = { ...server, text: 'Bản của đồng nghiệp', version: 5 };
    // While comparing, a refetch does not replace anything.
    expect(draftReducer(conflict, { type: 'server', server: theirs })).toBe(conflict);
    const kept = draftReducer(conflict, { type: 'keepMine', server: theirs });
    expect(kept).toEqual({ base: { progress: 'inProgress', text: 'Bản của đồng nghiệp', version: 5 }, values: { text: 'Bản của tôi', progress: 'done' }, conflict: null });
    expect(isDirty(kept)).toBe(true);
    const taken = draftReducer(conflict, { type: 'takeTheirs', server: theirs });
    expect(taken.values.text).toBe('Bản của đồng nghiệp');
    expect(taken.base.version).toBe(5);
    expect(taken.conflict).toBeNull();
  });
});

describe('evidence files', () => {
  const file = (name: string, size: number, type = '') => ({ name, size, type });

  it('accepts the kinds the server accepts, by type or by extension', () => {
    expect(checkEvidenceFile(file('bao-cao.pdf', 1000, 'application/pdf'))).toBeNull();
    expect(checkEvidenceFile(file('Báo cáo.DOCX', 1000))).toBeNull();
    expect(checkEvidenceFile(file('anh.jpeg', 1000, 'image/jpeg'))).toBeNull();
    expect(checkEvidenceFile(file('scan', 1000, 'image/webp'))).toBeNull();
  });

  it('refuses other kinds, empty and too large files, and more than the limit', () => {
    expect(checkEvidenceFile(file('bao-cao.doc', 1000, 'application/msword'))).toBe('wrongType');
    expect(checkEvidenceFile(file('setup.exe', 1000))).toBe('wrongType');
    expect(checkEvidenceFile(file('trong.pdf', 0, 'application/pdf'))).toBe('empty');
    expect(checkEvidenceFile(file('lon.pdf', EVIDENCE_MAX_BYTES + 1, 'application/pdf'))).toBe('tooLarge');
    expect(checkEvidenceFile(file('vua.pdf', EVIDENCE_MAX_BYTES, 'application/pdf'))).toBeNull();
    expect(checkEvidenceFile(file('a.pdf', 10, 'application/pdf'), 20)).toBe('tooMany');
  });

  it('writes sizes the Vietnamese way', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1536)).toBe('1,5 KB');
    expect(formatSize(EVIDENCE_MAX_BYTES)).toBe('10 MB');
  });
});

describe('the board', () => {
  it('builds the same query for the page and the Excel export, without empty filters', () => {
    const f = { planId: PLAN, year: 2026, section: '', agencyId: SO_VH, status: 'overdue' as const, q: '  tuyên truyền ' };
    expect(boardParams(f)).toEqual({ planId: PLAN, year: 2026, section: undefined, agencyId: SO_VH, status: 'overdue', q: 'tuyên truyền' });
    expect(boardExportHref(f)).toBe(`/api/tracking/board.xlsx?planId=${PLAN}&year=2026&agencyId=${SO_VH}&status=overdue&q=tuy%C3%AAn+truy%E1%BB%81n`);
    expect(boardExportHref({ planId: PLAN })).toBe(`/api/tracking/board.xlsx?planId=${PLAN}`);
  });

  it('reads the status filter from the URL', () => {
    expect(parseBoardStatus('noReport')).toBe('noReport');
    expect(parseBoardStatus('todo')).toBeUndefined();
    expect(parseBoardStatus(null)).toBeUndefined();
  });

  it('offers the years of the plan, and the one shown', () => {
    expect(boardYears({ periodStart: 2026, periodEnd: 2030 }, 2026)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(boardYears({ periodStart: 2026, periodEnd: 2030 }, 2025)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(boardYears({ periodStart: null, periodEnd: null }, 2026)).toEqual([2026]);
    expect(boardYears({ periodStart: null, periodEnd: null }, undefined)).toEqual([]);
  });

  it('draws the exclusive progress statuses, zero when missing', () => {
    expect(chartSlices({ done: 3, overdue: 2, noReport: 1 })).toEqual([
      { status: 'done', value: 3 },
      { status: 'inProgress', value: 0 },
      { status: 'delayed', value: 0 },
      { status: 'notStarted', value: 0 },
      { status: 'noReport', value: 1 },
    ]);
  });
});

describe('the reports a reviewer reads', () => {
  const rows = [row(SO_GDDT, 'upcoming'), { ...row(SO_VH, 'accepted'), agencyName: 'Sở Văn hóa' }, { ...row(SO_VH, 'submitted'), agencyName: 'UBND xã Long Châu', viaGroup: 'UBND các xã, phường' }, row(SO_GDDT, 'overdue')];
  it('puts what waits for review first, then what is late', () => {
    expect(reviewRows(rows, {}).map((r) => r.status)).toEqual(['submitted', 'overdue', 'upcoming', 'accepted']);
  });
  it('filters by status and by words of the name, accents ignored', () => {
    expect(reviewRows(rows, { status: 'accepted' }).map((r) => r.agencyName)).toEqual(['Sở Văn hóa']);
    expect(reviewRows(rows, { q: 'long chau' }).map((r) => r.agencyName)).toEqual(['UBND xã Long Châu']);
    expect(reviewRows(rows, { q: 'cac xa' })).toHaveLength(1);
    expect(statusCounts(rows)).toEqual({ upcoming: 1, accepted: 1, submitted: 1, overdue: 1 });
  });
});
