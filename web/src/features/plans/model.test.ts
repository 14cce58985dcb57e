import { describe, expect, it } from 'vitest';
import type { PlanPreview } from '../../../../shared/contracts/plans.ts';
import { COMPARATORS, TARGET_GROUPS } from '../../../../shared/contracts/plan-import.ts';
import { PlanCommitInput } from '../../../../shared/contracts/plans.ts';
import { COMPARATOR_LIST } from './labels.ts';
import {
  draftToCommitInput,
  filterTasks,
  groupBySection,
  groupTargets,
  mapFieldErrors,
  periodText,
  planOptions,
  previewToDraft,
  TARGET_GROUP_LIST,
  rescheduled,
  resolveRef,
  summariseAssignments,
  taskText,
  unresolvedByName,
  unresolvedCount,
  unresolvedTwins,
  withHeader,
  type AssignmentView,
} from './model.ts';

const PROVINCE = '11111111-1111-4111-8111-111111111111';
const SO_GDDT = '22222222-2222-4222-8222-222222222222';
const SO_VH = '33333333-3333-4333-8333-333333333333';

const schedule = { raw: 'Quý I/2026', kind: 'once' as const, milestones: [{ label: 'Quý I/2026', due: '2026-03-31', recurrence: null }] };
const preview: PlanPreview = {
  provinceId: PROVINCE,
  filename: 'ke-hoach-84.docx',
  format: 'docx',
  lines: ['KẾ HOẠCH', 'Thực hiện Đề án', '1. Tuyên truyền', '1.1 Xây dựng kế hoạch', '1.2 Tuyên truyền'],
  plan: { title: 'Thực hiện Đề án xây dựng xã hội học tập', number: '84/KH-UBND', issuer: 'UBND tỉnh Vĩnh Long', issuedOn: '2026-01-15', periodStart: 2026, periodEnd: 2030 },
  targets: [
    { text: '70% người lao động được trang bị năng lực số', indicator: 'người lao động được trang bị năng lực số', comparator: 'atLeast', value: 70, unit: '%', year: 2030, group: 'competences', line: 2 },
  ],
  tasks: [
    {
      code: '1.1',
      parentCode: null,
      section: '1. Tuyên truyền',
      title: 'Xây dựng kế hoạch',
      description: null,
      budget: null,
      leads: [{ raw: 'Sở GDĐT', agency: 'Sở Giáo dục và Đào tạo', agencyId: SO_GDDT, group: null }],
      coordinators: [
        { raw: 'UBND các xã/phường', agency: null, agencyId: null, group: 'UBND các xã, phường' },
        { raw: 'Trường Cao đẳng Cộng đồng', agency: null, agencyId: null, group: null },
      ],
      deliverables: ['Kế hoạch'],
      schedule,
      line: 4,
    },
    {
      code: '1.2',
      parentCode: null,
      section: '1. Tuyên truyền',
      title: 'Tuyên truyền',
      description: null,
      budget: null,
      leads: [{ raw: 'Trường cao đẳng cộng đồng', agency: null, agencyId: null, group: null }],
      coordinators: [],
      deliverables: [],
      schedule,
      line: 5,
    },
  ],
  warnings: [{ line: 5, message: 'Không rõ cơ quan chủ trì' }],
};

describe('from the preview to the commit input', () => {
  it('keeps every name, matched, grouped or unresolved, and passes the contract', () => {
    const input = draftToCommitInput(previewToDraft(preview), 'inForce');
    expect(PlanCommitInput.safeParse(input).success).toBe(true);
    expect(input.plan).toMatchObject({ title: preview.plan.title, number: '84/KH-UBND', issuedOn: '2026-01-15', status: 'inForce', sourceFilename: 'ke-hoach-84.docx' });
    expect(input.targets[0]).toMatchObject({ value: 70, unit: '%', scope: 'province', line: 2 });
    expect(input.tasks[0]!.leads).toEqual([{ raw: 'Sở GDĐT', agencyId: SO_GDDT, groupName: null }]);
    expect(input.tasks[0]!.coordinators).toEqual([
      { raw: 'UBND các xã/phường', agencyId: null, groupName: 'UBND các xã, phường' },
      { raw: 'Trường Cao đẳng Cộng đồng', agencyId: null, groupName: null },
    ]);
  });

  it('names the plans the new one implements or amends, chosen at the save step', () => {
    const links = { implementsPlanId: '44444444-4444-4444-8444-444444444444', amendsPlanId: null };
    const input = draftToCommitInput(previewToDraft(preview), 'inForce', links);
    expect(PlanCommitInput.safeParse(input).success).toBe(true);
    expect(input.plan).toMatchObject(links);
    expect(draftToCommitInput(previewToDraft(preview), 'draft').plan).toMatchObject({ implementsPlanId: null, amendsPlanId: null });
  });

  it('turns blank header fields into nulls and trims the title', () => {
    const d = previewToDraft(preview);
    const input = draftToCommitInput({ ...d, plan: { ...d.plan, title: '  Kế hoạch  ', number: ' ', issuer: '' } }, 'draft');
    expect(input.plan).toMatchObject({ title: 'Kế hoạch', number: null, issuer: null, status: 'draft' });
  });

  it('writes only what is left after an item is removed', () => {
    const d = previewToDraft(preview);
    const input = draftToCommitInput({ ...d, tasks: d.tasks.filter((t) => t.key !== 'task-0'), targets: [] }, 'draft');
    expect(input.tasks.map((t) => t.code)).toEqual(['1.2']);
    expect(input.targets).toEqual([]);
  });
});

describe('resolving names', () => {
  it('counts unresolved places and distinct names, ignoring case and diacritics', () => {
    const d = previewToDraft(preview);
    expect(unresolvedCount(d)).toEqual({ refs: 2, names: 1 });
    expect([...unresolvedByName(d).values()]).toEqual([2]);
  });

  it('resolves one place, or every unresolved place with the same words', () => {
    const d = previewToDraft(preview);
    const one = resolveRef(d, { taskKey: 'task-0', role: 'coordinators', index: 1 }, { agencyId: SO_VH, agencyName: 'Trường CĐ' });
    expect(unresolvedCount(one)).toEqual({ refs: 1, names: 1 });
    const all = resolveRef(d, { taskKey: 'task-0', role: 'coordinators', index: 1 }, { agencyId: SO_VH, agencyName: 'Trường CĐ' }, true);
    expect(unresolvedCount(all).refs).toBe(0);
    expect(all.tasks[1]!.leads[0]).toEqual({ raw: 'Trường cao đẳng cộng đồng', agencyId: SO_VH, agencyName: 'Trường CĐ', groupName: null });
    // The group and the matched agency are untouched.
    expect(all.tasks[0]!.coordinators[0]!.groupName).toBe('UBND các xã, phường');
    expect(all.tasks[0]!.leads[0]!.agencyId).toBe(SO_GDDT);
  });

  it('points a name to a group, and back to unresolved', () => {
    const d = previewToDraft(preview);
    const grouped = resolveRef(d, { taskKey: 'task-1', role: 'leads', index: 0 }, { groupName: 'Các trường' });
    expect(grouped.tasks[1]!.leads[0]).toMatchObject({ agencyId: null, groupName: 'Các trường' });
    const back = resolveRef(grouped, { taskKey: 'task-1', role: 'leads', index: 0 }, null);
    expect(back.tasks[1]!.leads[0]).toMatchObject({ agencyId: null, groupName: null });
  });

  it('re-reads an edited timeline within the plan period', () => {
    const s = rescheduled('Hàng năm', { periodStart: 2026, periodEnd: 2027 });
    expect(s.kind).toBe('yearly');
    expect(s.milestones.map((m) => m.due)).toEqual(['2026-12-14', '2027-12-14']);
  });

  it('re-reads every timeline when the period is corrected, and only then', () => {
    const d = previewToDraft({ ...preview, tasks: preview.tasks.map((t) => ({ ...t, schedule: { raw: 'Hàng năm', kind: 'yearly' as const, milestones: [] } })) });
    const same = withHeader(d, { ...d.plan, title: 'Kế hoạch' });
    expect(same.tasks).toBe(d.tasks);
    const shorter = withHeader(d, { ...d.plan, periodEnd: 2027 });
    expect(shorter.tasks[0]!.schedule.milestones.map((m) => m.due)).toEqual(['2026-12-14', '2027-12-14']);
  });
});

describe('server field errors', () => {
  it('maps paths of the committed arrays to the draft items, naming the agency', () => {
    const d = previewToDraft(preview);
    const committed = { ...d, tasks: d.tasks.slice(1) }; // task-0 removed before saving: index 0 is task-1
    const m = mapFieldErrors(
      [
        { path: 'tasks.0.leads.0.agencyId', message: 'cơ quan không thuộc tỉnh này' },
        { path: 'targets.0.unit', message: 'không được để trống' },
        { path: 'plan.periodEnd', message: 'năm kết thúc trước năm bắt đầu' },
        { path: 'tasks.9.title', message: 'x' },
      ],
      committed,
    );
    expect(m.items['task-1']).toEqual([{ field: 'leads', raw: 'Trường cao đẳng cộng đồng', message: 'cơ quan không thuộc tỉnh này' }]);
    expect(m.items['target-0']).toEqual([{ field: 'unit', message: 'không được để trống' }]);
    expect(m.plan).toEqual({ periodEnd: ['năm kết thúc trước năm bắt đầu'] });
    expect(m.other).toEqual([{ path: 'tasks.9.title', message: 'x' }]);
  });
});

describe('reading a plan', () => {
  const task = (id: string, section: string | null, assignments: AssignmentView[] = []) => ({ id, section, assignments });
  const a = (role: 'lead' | 'coordinator', agencyName: string | null, groupName: string | null = null, agencyId: string | null = agencyName ? `id-${agencyName}` : null, memberCount: number | null = groupName ? 3 : null): AssignmentView => ({
    id: `${role}-${agencyName ?? groupName ?? 'x'}`,
    role,
    agencyId,
    agencyName,
    groupId: groupName ? `g-${groupName}` : null,
    groupName,
    memberCount,
    raw: agencyName ?? groupName ?? 'Trường Cao đẳng Cộng đồng',
  });

  it('groups tasks by section in the order of the document', () => {
    const groups = groupBySection([task('a', '1. Một'), task('b', '2. Hai'), task('c', '1. Một'), task('d', null), task('e', '  ')]);
    expect(groups.map((g) => [g.section, g.tasks.map((t) => t.id)])).toEqual([
      ['1. Một', ['a', 'c']],
      ['2. Hai', ['b']],
      [null, ['d', 'e']],
    ]);
  });

  it('knows the same groups and comparators as the contract (the web does not bundle its Zod schemas)', () => {
    expect(TARGET_GROUP_LIST).toEqual([...TARGET_GROUPS]);
    expect([...COMPARATOR_LIST].sort()).toEqual([...COMPARATORS].sort());
  });

  it('groups targets in the fixed order of the groups', () => {
    const out = groupTargets([{ group: 'other' as const }, { group: 'literacy' as const }, { group: 'other' as const }]);
    expect(out.map((g) => [g.group, g.targets.length])).toEqual([
      ['literacy', 1],
      ['other', 2],
    ]);
  });

  it('shows a group as one entry with its size, and agencies one by one', () => {
    const list = [
      a('lead', 'Sở GDĐT'),
      a('coordinator', null, 'UBND các xã, phường', null, 124),
      a('coordinator', null),
      a('coordinator', 'Sở Nội vụ'),
    ];
    const coordinators = summariseAssignments(list, 'coordinator');
    expect(coordinators.groups).toEqual([{ name: 'UBND các xã, phường', count: 124, raw: 'UBND các xã, phường' }]);
    expect(coordinators.agencies.map((x) => [x.name, x.agencyId])).toEqual([
      ['Trường Cao đẳng Cộng đồng', null],
      ['Sở Nội vụ', 'id-Sở Nội vụ'],
    ]);
    expect(summariseAssignments(list, 'lead').agencies).toHaveLength(1);
  });

  it('keeps the assignment of an unresolved name, to resolve it, and counts the names written alike across the plan', () => {
    const unresolvedA = { ...a('coordinator', null), id: 'u1', raw: 'Trường Cao đẳng Cộng đồng' };
    const unresolvedB = { ...a('lead', null), id: 'u2', raw: 'trường cao đẳng cộng đồng' };
    const other = { ...a('lead', null), id: 'u3', raw: 'Hội Khuyến học' };
    expect(summariseAssignments([unresolvedA], 'coordinator').agencies).toEqual([{ key: 'raw:Trường Cao đẳng Cộng đồng', name: 'Trường Cao đẳng Cộng đồng', agencyId: null, assignmentId: 'u1' }]);
    const twins = unresolvedTwins([task('a', null, [unresolvedA, a('lead', 'Sở Nội vụ')]), task('b', null, [unresolvedB, other, a('coordinator', null, 'UBND các xã, phường')])]);
    expect([...twins]).toEqual([
      ['truong cao dang cong dong', 2],
      ['hoi khuyen hoc', 1],
    ]);
  });

  it('offers the other plans of the province by number and title', () => {
    const plans = [
      { id: 'p1', number: '84/KH-UBND', title: 'Thực hiện Đề án xây dựng xã hội học tập' },
      { id: 'p2', number: null, title: 'Kế hoạch năm 2026' },
    ];
    expect(planOptions(plans, ['p1', null])).toEqual([{ value: 'p2', label: 'Kế hoạch năm 2026' }]);
    expect(planOptions(plans)[0]).toEqual({ value: 'p1', label: '84/KH-UBND · Thực hiện Đề án xây dựng xã hội học tập' });
  });

  it('filters tasks by section, agency words without diacritics, and unresolved names', () => {
    const tasks = [task('a', '1. Một', [a('lead', 'Sở Giáo dục và Đào tạo')]), task('b', '2. Hai', [a('lead', 'Sở Nội vụ'), a('coordinator', null)])];
    expect(filterTasks(tasks, { section: '2. Hai' }).map((t) => t.id)).toEqual(['b']);
    expect(filterTasks(tasks, { agency: 'giao duc' }).map((t) => t.id)).toEqual(['a']);
    expect(filterTasks(tasks, { unresolved: true }).map((t) => t.id)).toEqual(['b']);
    expect(filterTasks([task('c', null, [a('lead', null, 'UBND các xã, phường', null)])], { unresolved: true })).toEqual([]);
    expect(filterTasks(tasks, {}).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('shows a prose task by its whole text, and a table task by its title', () => {
    expect(taskText({ title: 'Chủ trì, phối hợp xây dựng một…', description: 'Chủ trì, phối hợp xây dựng một đề án' })).toEqual({ text: 'Chủ trì, phối hợp xây dựng một đề án', extra: null });
    expect(taskText({ title: 'Xây dựng kế hoạch', description: null })).toEqual({ text: 'Xây dựng kế hoạch', extra: null });
    expect(taskText({ title: 'Đổi mới chương trình', description: 'Đối với trung tâm GDTX' })).toEqual({ text: 'Đổi mới chương trình', extra: 'Đối với trung tâm GDTX' });
  });

  it('writes the period', () => {
    expect(periodText(2026, 2030)).toBe('2026–2030');
    expect(periodText(2024, 2024)).toBe('2024');
    expect(periodText(null, null)).toBe('');
  });
});
