import { describe, expect, it } from 'vitest';
import { diffPlans, diffSize, normaliseCode, type DiffAgency, type DiffHeader, type DiffTarget, type DiffTask } from './plan-diff.ts';

const header = (over: Partial<DiffHeader> = {}): DiffHeader => ({
  title: 'Thực hiện Đề án "Xây dựng xã hội học tập giai đoạn 2021-2030" trên địa bàn tỉnh Vĩnh Long',
  number: '84/KH-UBND',
  issuer: 'UBND tỉnh Vĩnh Long',
  signer: 'Nguyễn Văn Liệt',
  issuedOn: '2022-03-15',
  periodStart: 2021,
  periodEnd: 2030,
  ...over,
});
const SO_GDDT: DiffAgency = { key: 'agency:gddt', name: 'Sở Giáo dục và Đào tạo' };
const SO_VHTTDL: DiffAgency = { key: 'agency:vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch' };
const SO_LDTBXH: DiffAgency = { key: 'agency:ldtbxh', name: 'Sở Lao động - Thương binh và Xã hội' };
const UBND_XA: DiffAgency = { key: 'group:ubnd-xa', name: 'UBND các xã, phường' };

const target = (over: Partial<DiffTarget> & { id: string }): DiffTarget & { id: string } => ({
  indicator: 'người trong độ tuổi lao động được trang bị năng lực thông tin',
  comparator: 'atLeast',
  value: 70,
  unit: '%',
  year: 2030,
  ...over,
});
const task = (over: Partial<DiffTask> & { id: string }): DiffTask & { id: string } => ({
  code: null,
  title: 'Tuyên truyền, nâng cao nhận thức về xây dựng xã hội học tập',
  leads: [SO_GDDT],
  coordinators: [UBND_XA],
  schedule: 'Hàng năm',
  deliverables: ['Báo cáo kết quả'],
  ...over,
});

describe('diffing two versions of a plan', () => {
  it('finds nothing between a plan and a copy of it, even with other spacing, case and trailing dots', () => {
    const before = { header: header(), targets: [target({ id: 't1' })], tasks: [task({ id: 'a', code: '1.1' })] };
    const after = {
      header: header({ title: ' Thực hiện  Đề án "Xây dựng xã hội học tập giai đoạn 2021-2030" trên địa bàn tỉnh Vĩnh Long ' }),
      targets: [target({ id: 't2', indicator: 'Người trong độ tuổi lao động được trang bị năng lực thông tin' })],
      tasks: [task({ id: 'b', code: '1.1.', deliverables: ['báo cáo  kết quả'] })],
    };
    const d = diffPlans(before, after);
    expect(diffSize(d)).toBe(0);
    expect(d.targets.unchanged).toBe(1);
    expect(d.tasks.unchanged).toBe(1);
  });

  it('lists the header fields that changed with before and after', () => {
    const d = diffPlans(
      { header: header(), targets: [], tasks: [] },
      { header: header({ number: '120/KH-UBND', issuedOn: '2025-08-01', periodEnd: 2035, signer: null }), targets: [], tasks: [] },
    );
    expect(d.header).toEqual([
      { field: 'number', before: '84/KH-UBND', after: '120/KH-UBND' },
      { field: 'signer', before: 'Nguyễn Văn Liệt', after: null },
      { field: 'issuedOn', before: '2022-03-15', after: '2025-08-01' },
      { field: 'periodEnd', before: 2030, after: 2035 },
    ]);
  });

  it('matches targets by indicator and year: a raised value is a change, another year is a new target', () => {
    const before = {
      header: header(),
      targets: [
        target({ id: 'lao-dong-2025', year: 2025, value: 50 }),
        target({ id: 'xmc', indicator: 'tỷ lệ người từ 15 đến 60 tuổi biết chữ mức độ 2', value: 98, year: 2030 }),
        target({ id: 'tvct', indicator: 'xã, phường có thư viện hoặc tủ sách cộng đồng', value: 80, year: 2030 }),
      ],
      tasks: [],
    };
    const after = {
      header: header(),
      targets: [
        target({ id: 'lao-dong-2025b', year: 2025, value: 60 }),
        target({ id: 'lao-dong-2030', year: 2030, value: 70 }),
        target({ id: 'xmc-b', indicator: 'Tỷ lệ người từ 15 đến 60 tuổi biết chữ mức độ 2', value: 98, year: 2030, comparator: 'moreThan' }),
      ],
      tasks: [],
    };
    const d = diffPlans(before, after);
    expect(d.targets.added.map((t) => t.id)).toEqual(['lao-dong-2030']);
    expect(d.targets.removed.map((t) => t.id)).toEqual(['tvct']);
    expect(d.targets.changed.map((c) => [c.before.id, c.after.id, c.changes])).toEqual([
      ['lao-dong-2025', 'lao-dong-2025b', [{ field: 'value', before: 50, after: 60 }]],
      ['xmc', 'xmc-b', [{ field: 'comparator', before: 'atLeast', after: 'moreThan' }]],
    ]);
    expect(d.targets.unchanged).toBe(0);
  });

  it('matches tasks by number, listing each changed field; a new lead agency and a dropped one are named', () => {
    const before = {
      header: header(),
      targets: [],
      tasks: [
        task({ id: 'old-1.1', code: '1.1', title: 'Xây dựng và triển khai Kế hoạch thực hiện Đề án' }),
        task({ id: 'old-1.2', code: '1.2', leads: [SO_GDDT, SO_VHTTDL], schedule: 'Năm 2022', deliverables: ['Kế hoạch'] }),
        task({ id: 'old-2.1', code: '2.1', title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời' }),
      ],
    };
    const after = {
      header: header(),
      targets: [],
      tasks: [
        task({ id: 'new-1.1', code: '1.1', title: 'Xây dựng và triển khai Kế hoạch thực hiện Đề án' }),
        task({ id: 'new-1.2', code: '1.2', leads: [SO_GDDT, SO_LDTBXH], schedule: 'Hằng năm, trước ngày 15/12', deliverables: ['Kế hoạch', 'Báo cáo sơ kết'] }),
        task({ id: 'new-3.1', code: '3.1', title: 'Chuyển đổi số trong các trung tâm học tập cộng đồng' }),
      ],
    };
    const d = diffPlans(before, after);
    expect(d.tasks.added.map((t) => t.id)).toEqual(['new-3.1']);
    expect(d.tasks.removed.map((t) => t.id)).toEqual(['old-2.1']);
    expect(d.tasks.unchanged).toBe(1);
    expect(d.tasks.changed).toHaveLength(1);
    expect(d.tasks.changed[0]!.changes).toEqual([
      {
        field: 'leads',
        before: ['Sở Giáo dục và Đào tạo', 'Sở Văn hóa, Thể thao và Du lịch'],
        after: ['Sở Giáo dục và Đào tạo', 'Sở Lao động - Thương binh và Xã hội'],
        added: ['Sở Lao động - Thương binh và Xã hội'],
        removed: ['Sở Văn hóa, Thể thao và Du lịch'],
      },
      { field: 'schedule', before: 'Năm 2022', after: 'Hằng năm, trước ngày 15/12' },
      { field: 'deliverables', before: ['Kế hoạch'], after: ['Kế hoạch', 'Báo cáo sơ kết'], added: ['Báo cáo sơ kết'], removed: [] },
    ]);
  });

  it('matches tasks without numbers by title, ignoring case and diacritics, and finds a renumbered task by its title', () => {
    const before = {
      header: header(),
      targets: [],
      tasks: [
        task({ id: 'a', code: null, title: 'Kiện toàn Ban Chỉ đạo xây dựng xã hội học tập cấp tỉnh' }),
        task({ id: 'b', code: '2.3', title: 'Nhân rộng mô hình "Gia đình học tập", "Dòng họ học tập"' }),
      ],
    };
    const after = {
      header: header(),
      targets: [],
      tasks: [
        task({ id: 'a2', code: null, title: 'kiện toàn ban chỉ đạo xây dựng xã hội học tập cấp tỉnh', coordinators: [] }),
        task({ id: 'b2', code: '2.4', title: 'Nhân rộng mô hình "Gia đình học tập", "Dòng họ học tập"' }),
      ],
    };
    const d = diffPlans(before, after);
    expect(d.tasks.added).toEqual([]);
    expect(d.tasks.removed).toEqual([]);
    expect(d.tasks.changed.map((c) => [c.before.id, c.after.id, c.changes.map((x) => x.field)])).toEqual([
      ['a', 'a2', ['title', 'coordinators']],
      ['b', 'b2', ['code']],
    ]);
    expect(d.tasks.changed[0]!.changes[1]).toMatchObject({ removed: ['UBND các xã, phường'], added: [] });
  });

  it('pairs repeated numbers in document order and tells a changed title under the same number', () => {
    const before = { header: header(), targets: [], tasks: [task({ id: 'x1', code: '1' }), task({ id: 'x2', code: '1', title: 'Kiểm tra, giám sát' })] };
    const after = { header: header(), targets: [], tasks: [task({ id: 'y1', code: '1' }), task({ id: 'y2', code: '1', title: 'Kiểm tra, giám sát, đánh giá' })] };
    const d = diffPlans(before, after);
    expect(d.tasks.changed.map((c) => [c.before.id, c.after.id])).toEqual([['x2', 'y2']]);
    expect(d.tasks.changed[0]!.changes).toEqual([{ field: 'title', before: 'Kiểm tra, giám sát', after: 'Kiểm tra, giám sát, đánh giá' }]);
  });

  it('normalises task numbers', () => {
    expect(normaliseCode(' 1.1. ')).toBe('1.1');
    expect(normaliseCode('II')).toBe('ii');
    expect(normaliseCode('a)')).toBe('a');
    expect(normaliseCode(null)).toBe('');
  });
});
