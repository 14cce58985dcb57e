import { describe, expect, it } from 'vitest';
import { CATALOGUE_ELEMENTS } from './indicator-catalogue.ts';
import { applyChoice, proposeTemplates, quote, templateLevel, type ProposalAgency, type ProposalAssignment, type ProposalTarget, type ProposalTemplate } from './report-proposals.ts';

// Shapes of the demo plan (Vĩnh Long, Phụ lục 2 of the 2026-2030 plan, data/demo/): tasks led by named
// departments, "Các sở, ban, ngành" and "UBND các xã, phường" as groups, a name left unresolved; with the
// targets a plan of the province writes (reference.md §1 words, as the importer normalises them).

const agency = (id: string, name: string, kind: string, unitLevel = 'province', active = true): ProposalAgency => ({ id, name, kind, unitLevel, active });
const A = {
  ubndTinh: agency('ubnd-tinh', 'Ủy ban nhân dân tỉnh Vĩnh Long', 'peoplesCommittee'),
  gddt: agency('gddt', 'Sở Giáo dục và Đào tạo', 'department'),
  vhttdl: agency('vhttdl', 'Sở Văn hóa, Thể thao và Du lịch', 'department'),
  noiVu: agency('noi-vu', 'Sở Nội vụ', 'department'),
  taiChinh: agency('tai-chinh', 'Sở Tài chính', 'department'),
  bao: agency('bao', 'Báo và Phát thanh, Truyền hình Vĩnh Long', 'media'),
  ldld: agency('ldld', 'Liên đoàn Lao động tỉnh', 'massOrganisation'),
  cu: agency('cu', 'Sở cũ đã giải thể', 'department', 'province', false),
  longChau: agency('ubnd-long-chau', 'UBND phường Long Châu', 'peoplesCommittee', 'commune'),
  traVinh: agency('ubnd-tra-vinh', 'UBND phường Trà Vinh', 'peoplesCommittee', 'commune'),
  tthtcd: agency('tthtcd', 'Trung tâm học tập cộng đồng phường Long Châu', 'learningCentre', 'commune'),
};
const AGENCIES = Object.values(A);
const PROVINCIAL_ACTIVE = ['gddt', 'vhttdl', 'noi-vu', 'tai-chinh', 'bao', 'ldld'];
const GROUPS = [
  { id: 'g-sbn', name: 'Các sở, ban, ngành', memberIds: PROVINCIAL_ACTIVE },
  { id: 'g-xa', name: 'UBND các xã, phường', memberIds: ['ubnd-long-chau', 'ubnd-tra-vinh'] },
];

const codes = (level: string) => CATALOGUE_ELEMENTS.filter((e) => e.level === level).map((e) => e.code);
const template = (code: string, reporterLevel: 'commune' | 'agency', elements: string[], reporterAgencyIds: string[] = []): ProposalTemplate => ({
  id: `t-${code}`,
  code,
  name: code,
  reporterLevel,
  elements,
  reporterAgencyIds,
  active: true,
  version: 1,
});
const DEFAULTS = () => [template('xhht-co-quan', 'agency', codes('agency')), template('xhht-tinh', 'agency', codes('province'), ['gddt']), template('xhht-xa', 'commune', codes('commune'))];

let n = 0;
const task = (code: string | null, title: string) => ({ taskId: `task-${code ?? ++n}`, taskCode: code, taskTitle: title });
const lead = (t: ReturnType<typeof task>, agencyId: string): ProposalAssignment => ({ ...t, role: 'lead', agencyId, groupId: null, groupName: null, raw: agencyId });
const coord = (t: ReturnType<typeof task>, agencyId: string): ProposalAssignment => ({ ...lead(t, agencyId), role: 'coordinator' });
const viaGroup = (t: ReturnType<typeof task>, role: 'lead' | 'coordinator', groupId: string): ProposalAssignment => ({ ...t, role, agencyId: null, groupId, groupName: GROUPS.find((g) => g.id === groupId)!.name, raw: '' });
const unresolvedName = (t: ReturnType<typeof task>, raw: string): ProposalAssignment => ({ ...t, role: 'lead', agencyId: null, groupId: null, groupName: null, raw });

const T11 = task('1.1', 'Xây dựng và triển khai Kế hoạch thực hiện “Đề án xây dựng xã hội học tập” giai đoạn 2026 - 2030 tại cơ quan, đơn vị.');
const T12 = task('1.2', 'Xây dựng và triển khai Kế hoạch tuyên truyền thực hiện “Đề án xây dựng xã hội học tập” giai đoạn 2026 - 2030.');
const T23 = task('2.3', 'Xây dựng kho học liệu mở phục vụ việc tự học và HTSĐ trên Internet và các kênh truyền hình.');
const T34D = task('3.4.d', 'Đẩy mạnh hoạt động phát triển nghề nghiệp cho người lao động');
const DEMO_ASSIGNMENTS: ProposalAssignment[] = [
  viaGroup(T11, 'lead', 'g-sbn'),
  viaGroup(T11, 'lead', 'g-xa'),
  viaGroup(T11, 'coordinator', 'g-sbn'),
  viaGroup(T11, 'coordinator', 'g-xa'),
  lead(T12, 'vhttdl'),
  lead(T12, 'bao'),
  viaGroup(T12, 'coordinator', 'g-sbn'),
  viaGroup(T12, 'coordinator', 'g-xa'),
  unresolvedName(T23, 'Trường Cao đẳng, Đại học'),
  lead(T23, 'gddt'),
  lead(T23, 'bao'),
  viaGroup(T23, 'coordinator', 'g-sbn'),
  lead(T34D, 'ldld'),
  viaGroup(T34D, 'coordinator', 'g-sbn'),
];

const TARGETS: ProposalTarget[] = [
  {
    text: 'Đến năm 2030, 70% người trong độ tuổi lao động được trang bị năng lực thông tin (năng lực sử dụng công nghệ thông tin để tra cứu thông tin, học tập trên môi trường mạng)',
    indicator: 'người trong độ tuổi lao động được trang bị năng lực thông tin',
    unit: '%',
    scope: 'province',
  },
  { text: '70% trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục', indicator: 'trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục', unit: '%', scope: 'province' },
  { text: '90% trường đại học triển khai đại học số và xây dựng học liệu số', indicator: 'trường đại học triển khai đại học số và xây dựng học liệu số', unit: '%', scope: 'province' },
  { text: '90% xã, phường đạt chuẩn xóa mù chữ mức độ 2', indicator: 'xã, phường đạt chuẩn xóa mù chữ mức độ 2', unit: '%', scope: 'province' },
  { text: '100% quận, huyện đạt chuẩn phổ cập giáo dục mầm non cho trẻ mẫu giáo', indicator: 'quận, huyện đạt chuẩn phổ cập giáo dục mầm non cho trẻ mẫu giáo', unit: '%', scope: 'province' },
  { text: 'Mỗi xã, phường có ít nhất 01 câu lạc bộ đọc sách', indicator: 'câu lạc bộ đọc sách', unit: 'câu lạc bộ', scope: 'eachCommune' },
];

const byLevel = (p: ReturnType<typeof proposeTemplates>, level: string) => p.templates.find((t) => t.level === level)!;

describe('elements proposed from the targets', () => {
  // The commune template without the learning-centre figures, so the centres' target adds them.
  const templates = DEFAULTS().map((t) => (t.code === 'xhht-xa' ? { ...t, elements: t.elements.filter((c) => !c.startsWith('learningCentres')) } : t));
  const p = proposeTemplates({ targets: TARGETS, assignments: DEMO_ASSIGNMENTS, groups: GROUPS, agencies: AGENCIES, templates });

  it('puts each element in the template of its level: kept when there, added when missing, in catalogue order', () => {
    const xa = byLevel(p, 'commune');
    expect(xa.elements.keep.map((e) => e.code)).toEqual(['workingAgePeople', 'workingAgeInformationCompetence']);
    expect(xa.elements.add.map((e) => e.code)).toEqual(['learningCentres', 'learningCentresUsingIt']);
    expect(byLevel(p, 'agency').elements).toMatchObject({ keep: [{ code: 'universities' }, { code: 'universitiesDigital' }], add: [] });
    expect(byLevel(p, 'province').elements.keep.map((e) => e.code)).toEqual(['communes', 'communesLiteracyLevel2']);
  });

  it('cites the target, the indicator and the part of it the element is', () => {
    const [people] = byLevel(p, 'commune').elements.keep;
    expect(people!.reasons).toEqual([
      'Chỉ tiêu “Đến năm 2030, 70% người trong độ tuổi lao động được trang bị năng lực thông tin (năng lực sử dụng…” đo bằng chỉ số “Tỷ lệ người trong độ tuổi lao động được trang bị năng lực thông tin”, cần số liệu “Số người trong độ tuổi lao động” (mẫu số)',
    ]);
    expect(byLevel(p, 'commune').elements.add[1]!.reasons[0]).toContain('(tử số)');
  });

  it('lists the targets the catalogue does not measure, with the reason linkTargets gives', () => {
    expect(p.unmeasured).toEqual([
      { targetId: null, text: TARGETS[4]!.text, note: 'Chỉ tiêu tính theo quận, huyện, chỉ số tính theo xã, phường; cần xác định lại cách tính.', candidates: ['communesPreschoolStandardRate'] },
      { targetId: null, text: TARGETS[5]!.text, note: 'Không có chỉ số nào trong danh mục đo chỉ tiêu này.', candidates: [] },
    ]);
  });

  it('follows the coordinator’s links over the words: an indicator chosen, or none', () => {
    const targets = TARGETS.map((t, i) => ({ ...t, id: `target-${i}` }));
    // The district-level target is measured by the commune share after all; the first target by nothing.
    const links = new Map<string, string | null>([
      ['target-4', 'communesPreschoolStandardRate'],
      ['target-0', null],
    ]);
    const q = proposeTemplates({ targets, assignments: [], groups: [], agencies: AGENCIES, templates: DEFAULTS(), links });
    expect(q.unmeasured.map((u) => [u.targetId, u.note])).toEqual([
      ['target-0', 'Điều phối viên xác định không có chỉ số nào đo chỉ tiêu này.'],
      ['target-5', 'Không có chỉ số nào trong danh mục đo chỉ tiêu này.'],
    ]);
    const province = q.templates.find((t) => t.code === 'xhht-tinh')!;
    expect(province.elements.keep.find((e) => e.code === 'communesPreschoolStandard')?.reasons.some((r) => r.includes(quote(TARGETS[4]!.text)))).toBe(true);
  });

  it('says where an element has no template of its level', () => {
    const q = proposeTemplates({ targets: TARGETS.slice(0, 1), assignments: [], groups: [], agencies: [], templates: DEFAULTS().filter((t) => t.code !== 'xhht-xa') });
    expect(q.templates.map((t) => t.level)).toEqual(['agency', 'province']);
    expect(q.unplaced.map((e) => [e.code, e.level])).toEqual([
      ['workingAgePeople', 'commune'],
      ['workingAgeInformationCompetence', 'commune'],
    ]);
  });
});

describe('reporters proposed from the tasks', () => {
  it('keeps every provincial agency of an "every agency" template that a group reaches, with the strongest reason per task', () => {
    const p = proposeTemplates({ targets: [], assignments: DEMO_ASSIGNMENTS, groups: GROUPS, agencies: AGENCIES, templates: DEFAULTS() });
    const r = byLevel(p, 'agency').reporters;
    expect(r).toMatchObject({ kind: 'agencies', everyAgency: true, add: [], dropCandidates: [] });
    if (r.kind !== 'agencies') throw new Error('agencies');
    expect(r.keep.map((a) => a.agencyId).sort()).toEqual([...PROVINCIAL_ACTIVE].sort());
    expect(r.keep.find((a) => a.agencyId === 'vhttdl')!.reasons).toEqual([
      'Chủ trì nhiệm vụ 1.2',
      'Chủ trì nhiệm vụ 1.1 (qua nhóm “Các sở, ban, ngành”)',
      'Phối hợp nhiệm vụ 2.3 (qua nhóm “Các sở, ban, ngành”)',
      'Phối hợp nhiệm vụ 3.4.d (qua nhóm “Các sở, ban, ngành”)',
    ]);
    expect(r.keep.find((a) => a.agencyId === 'ldld')!.reasons).toEqual(['Chủ trì nhiệm vụ 3.4.d', 'Chủ trì nhiệm vụ 1.1 (qua nhóm “Các sở, ban, ngành”)', 'Phối hợp nhiệm vụ 1.2 (qua nhóm “Các sở, ban, ngành”)', 'Phối hợp nhiệm vụ 2.3 (qua nhóm “Các sở, ban, ngành”)']);
  });

  it('says the communes owe their template because "UBND các xã, phường" is given tasks, once per task', () => {
    const p = proposeTemplates({ targets: TARGETS, assignments: DEMO_ASSIGNMENTS, groups: GROUPS, agencies: AGENCIES, templates: DEFAULTS() });
    expect(byLevel(p, 'commune').reporters).toEqual({
      kind: 'communes',
      owed: true,
      reasons: ['Chủ trì nhiệm vụ 1.1 (qua nhóm “UBND các xã, phường”)', 'Phối hợp nhiệm vụ 1.2 (qua nhóm “UBND các xã, phường”)', 'Chỉ tiêu “Mỗi xã, phường có ít nhất 01 câu lạc bộ đọc sách” đặt cho từng xã, phường'],
    });
    expect(byLevel(p, 'province').reporters.kind).toBe('unchanged');
    expect(p.unresolved).toEqual([{ raw: 'Trường Cao đẳng, Đại học', task: 'nhiệm vụ 2.3' }]);
  });

  it('adds an assigned agency to a listed template and offers, never drops, one without a task', () => {
    const t1 = task('1', 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời');
    const templates = DEFAULTS().map((t) => (t.code === 'xhht-co-quan' ? { ...t, reporterAgencyIds: ['vhttdl', 'noi-vu', 'cu'] } : t));
    const p = proposeTemplates({ targets: [], assignments: [lead(t1, 'vhttdl'), coord(t1, 'tai-chinh')], groups: GROUPS, agencies: AGENCIES, templates });
    expect(byLevel(p, 'agency').reporters).toEqual({
      kind: 'agencies',
      everyAgency: false,
      keep: [{ agencyId: 'vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', reasons: ['Chủ trì nhiệm vụ 1'] }],
      add: [{ agencyId: 'tai-chinh', name: 'Sở Tài chính', reasons: ['Phối hợp nhiệm vụ 1'] }],
      dropCandidates: [
        { agencyId: 'cu', name: 'Sở cũ đã giải thể', reasons: ['Cơ quan đã ngừng hoạt động trong danh mục.'] },
        { agencyId: 'noi-vu', name: 'Sở Nội vụ', reasons: ['Không được giao nhiệm vụ nào trong kế hoạch này.'] },
      ],
    });
    expect(byLevel(p, 'commune').reporters).toEqual({ kind: 'communes', owed: false, reasons: [] });
  });

  it('names the agencies given tasks that no template can list, and a commune named directly', () => {
    const t1 = task(null, 'Tổ chức ngày hội học tập ở phường');
    const p = proposeTemplates({ targets: [], assignments: [lead(t1, 'ubnd-tinh'), coord(t1, 'tthtcd'), coord(t1, 'cu'), coord(t1, 'ubnd-long-chau')], groups: GROUPS, agencies: AGENCIES, templates: DEFAULTS() });
    expect(p.notReporters.map((x) => [x.agencyId, x.reason])).toEqual([
      ['cu', 'Cơ quan đã ngừng hoạt động trong danh mục.'],
      ['tthtcd', 'Mẫu của sở, ban, ngành chỉ gồm cơ quan cấp tỉnh; cơ quan này thuộc cấp xã.'],
      ['ubnd-tinh', 'Ủy ban nhân dân tỉnh không thuộc danh sách báo cáo của mẫu sở, ban, ngành.'],
    ]);
    expect(byLevel(p, 'commune').reporters).toEqual({ kind: 'communes', owed: true, reasons: ['Phối hợp nhiệm vụ “Tổ chức ngày hội học tập ở phường” (UBND phường Long Châu)'] });
    // Every provincial agency of an "every agency" template without a task is a candidate, none is dropped.
    const r = byLevel(p, 'agency').reporters;
    expect(r.kind === 'agencies' && r.dropCandidates.length).toBe(PROVINCIAL_ACTIVE.length);
  });
});

describe('applying the ticked proposals', () => {
  const templates = DEFAULTS().map((t) => (t.code === 'xhht-xa' ? { ...t, elements: ['villages', 'learningVillages'] } : t));
  const t1 = task('1', 'Tuyên truyền');
  const p = proposeTemplates({ targets: TARGETS, assignments: [lead(t1, 'vhttdl')], groups: GROUPS, agencies: AGENCIES, templates });
  const xa = byLevel(p, 'commune');
  const coQuan = byLevel(p, 'agency');

  it('appends only the elements ticked, in catalogue order, and leaves the reporters alone', () => {
    const r = applyChoice(xa, templates[2]!, { addElements: ['learningCentresUsingIt', 'workingAgePeople'], addReporters: [], dropReporters: [] }, PROVINCIAL_ACTIVE);
    expect(r).toEqual({ elements: ['villages', 'learningVillages', 'workingAgePeople', 'learningCentresUsingIt'], reporterAgencyIds: [], issues: [] });
  });

  it('refuses an element or agency the proposal does not offer, naming it', () => {
    const r = applyChoice(xa, templates[2]!, { addElements: ['staff'], addReporters: ['gddt'], dropReporters: ['noi-vu'] }, PROVINCIAL_ACTIVE);
    expect(r.issues.map((i) => i.path)).toEqual(['addElements.0', 'addReporters.0', 'dropReporters.0']);
  });

  it('turns an "every agency" template into the list left after the ticked drops, and never into an empty one', () => {
    const r = applyChoice(coQuan, templates[0]!, { addElements: [], addReporters: [], dropReporters: ['noi-vu', 'tai-chinh'] }, PROVINCIAL_ACTIVE);
    expect(r.issues).toEqual([]);
    expect(r.reporterAgencyIds).toEqual(['gddt', 'vhttdl', 'bao', 'ldld']);
    const all = coQuan.reporters.kind === 'agencies' ? coQuan.reporters.dropCandidates.map((a) => a.agencyId) : [];
    const none = applyChoice(coQuan, { ...templates[0]!, reporterAgencyIds: all }, { addElements: [], addReporters: [], dropReporters: all }, PROVINCIAL_ACTIVE);
    expect(none.issues.map((i) => i.path)).toEqual(['dropReporters']);
  });
});

describe('helpers', () => {
  it('knows the level of the default templates by code and of others by their reporters', () => {
    expect(['xhht-xa', 'xhht-co-quan', 'xhht-tinh'].map((code) => templateLevel({ code, reporterLevel: 'agency' }))).toEqual(['commune', 'agency', 'province']);
    expect(templateLevel({ code: 'khac', reporterLevel: 'commune' })).toBe('commune');
  });

  it('quotes a long sentence on a word boundary', () => {
    expect(quote('ngắn')).toBe('“ngắn”');
    expect(quote('một hai ba bốn năm sáu bảy tám', 12)).toBe('“một hai ba…”');
  });
});
