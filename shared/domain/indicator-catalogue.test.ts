import { describe, expect, it } from 'vitest';
import { TARGET_GROUPS } from '../contracts/plan-import.ts';
import { CATALOGUE_ELEMENTS, CATALOGUE_INDICATORS, linkTargets } from './indicator-catalogue.ts';
import { checkDefinitions, evaluate } from './indicators.ts';

// The targets of Cần Thơ's 2024 plan (test/fixtures/plans/003_*.txt, "2. Mục tiêu cụ thể năm 2024"), as the plan
// importer normalises them (server/modules/plans/import/parse-plan.test.ts checks the same words). The 002 fixture
// (Vĩnh Long's communication plan) has no figures in its objectives, so it gives no targets.
const CAN_THO_2024: { indicator: string; unit: string }[] = [
  { indicator: 'quận, huyện đạt chuẩn phổ cập giáo dục mầm non cho trẻ mẫu giáo', unit: '%' },
  { indicator: 'quận, huyện đạt chuẩn phổ cập giáo dục tiểu học mức độ 3', unit: '%' },
  { indicator: 'quận, huyện đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 2', unit: '%' },
  { indicator: 'quận, huyện đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3', unit: '%' },
  { indicator: 'quận, huyện đạt chuẩn xóa mù chữ mức độ 2', unit: '%' },
  { indicator: 'số người trong độ tuổi lao động được trang bị năng lực về sử dụng công nghệ thông tin để tra cứu thông tin, học tập trên môi trường mạng', unit: '%' },
  { indicator: 'số người trong độ tuổi lao động được trang bị kỹ năng sống', unit: '%' },
  { indicator: 'dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật', unit: '%' },
  { indicator: 'dân số có trình độ đại học trở lên', unit: '%' },
  { indicator: 'trường đại học triển khai đại học số và xây dựng học liệu số', unit: '%' },
  {
    indicator: 'cơ sở giáo dục phổ thông, cơ sở giáo dục thường xuyên, cơ sở giáo dục nghề nghiệp và các cơ sở giáo dục khác triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số',
    unit: '%',
  },
  { indicator: 'trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục', unit: '%' },
  { indicator: 'đơn vị được đánh giá, công nhận theo mức độ “Đơn vị học tập” cấp huyện, cấp thành phố', unit: '%' },
  { indicator: 'đơn vị được đánh giá, công nhận theo mức độ “Cộng đồng học tập” cấp xã, huyện, thành phố', unit: '%' },
];

const DISTRICT_NOTE = 'Chỉ tiêu tính theo quận, huyện, chỉ số tính theo xã, phường; cần xác định lại cách tính.';

describe('the starter catalogue', () => {
  it('is consistent: known elements, one level per ratio, valid breakdowns, unique codes', () => {
    expect(checkDefinitions(CATALOGUE_ELEMENTS, CATALOGUE_INDICATORS)).toEqual([]);
  });

  it('covers every group of national targets of reference.md §1', () => {
    const groups = new Set(CATALOGUE_INDICATORS.map((i) => i.group));
    expect(TARGET_GROUPS.filter((g) => g !== 'other').every((g) => groups.has(g))).toBe(true);
  });

  it('uses every data element it defines', () => {
    const used = new Set(CATALOGUE_INDICATORS.flatMap((i) => (i.kind === 'ratio' ? [i.numerator, i.denominator] : [i.element])));
    expect(CATALOGUE_ELEMENTS.filter((e) => !used.has(e.code)).map((e) => e.code)).toEqual([]);
  });

  it('links the words of each indicator to that indicator alone', () => {
    const withText = CATALOGUE_INDICATORS.filter((i) => i.targetIndicatorText);
    expect(withText).toHaveLength(CATALOGUE_INDICATORS.length);
    const links = linkTargets(withText.map((i) => ({ indicator: i.targetIndicatorText!, unit: i.unit })));
    expect(links.map((l) => l.code)).toEqual(withText.map((i) => i.code));
  });

  it('computes a catalogue ratio over communes by summing first', () => {
    // Two communes: 300 of 1.000 and 100 of 3.000 working-age people with information competence → 400/4.000 = 10%.
    const ind = CATALOGUE_INDICATORS.find((i) => i.code === 'informationCompetenceRate')!;
    const values = [
      { element: 'workingAgeInformationCompetence', unitId: '29551', value: 300 },
      { element: 'workingAgePeople', unitId: '29551', value: 1000 },
      { element: 'workingAgeInformationCompetence', unitId: '29554', value: 100 },
      { element: 'workingAgePeople', unitId: '29554', value: 3000 },
    ];
    expect(evaluate(ind, values, ['29551', '29554'], CATALOGUE_ELEMENTS)).toMatchObject({ value: 10, numerator: 400, denominator: 4000, status: 'complete' });
  });
});

describe('linkTargets', () => {
  it('links the targets of Cần Thơ\'s 2024 plan, and holds back the ones counted in districts', () => {
    const links = linkTargets(CAN_THO_2024);
    expect(links.map((l) => [l.code, l.candidates, l.note])).toEqual([
      [null, ['communesPreschoolStandardRate'], DISTRICT_NOTE],
      [null, ['communesPrimaryLevel3Rate'], DISTRICT_NOTE],
      [null, ['communesLowerSecondaryLevel2Rate'], DISTRICT_NOTE],
      [null, ['communesLowerSecondaryLevel3Rate'], DISTRICT_NOTE],
      [null, ['communesLiteracyLevel2Rate'], DISTRICT_NOTE],
      ['informationCompetenceRate', ['informationCompetenceRate'], undefined],
      ['lifeSkillsRate', ['lifeSkillsRate'], undefined],
      ['technicalQualificationRate', ['technicalQualificationRate'], undefined],
      ['universityDegreeRate', ['universityDegreeRate'], undefined],
      ['digitalUniversityRate', ['digitalUniversityRate'], undefined],
      ['digitalSchoolsRate', ['digitalSchoolsRate'], undefined],
      ['learningCentresItRate', ['learningCentresItRate'], undefined],
      ['learningUnitsTt24Rate', ['learningUnitsTt24Rate'], undefined],
      ['communesLearningCommunityRate', ['communesLearningCommunityRate'], undefined],
    ]);
    expect(links[5]!.target).toBe(CAN_THO_2024[5]);
  });

  it('links the same standards when a plan after 07/2025 counts communes', () => {
    const links = linkTargets([
      { indicator: 'xã, phường đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3', unit: '%' },
      { indicator: 'xã, phường, đặc khu đạt chuẩn xóa mù chữ mức độ 2', unit: '%' },
      { indicator: 'xã, phường được công nhận “Cộng đồng học tập” cấp xã mức độ 1', unit: '%' },
    ]);
    expect(links.map((l) => l.code)).toEqual(['communesLowerSecondaryLevel3Rate', 'communesLiteracyLevel2Rate', 'communesLearningCommunityRate']);
  });

  it('reads the national and programme targets as reference.md §1 words them', () => {
    const links = linkTargets([
      { indicator: 'tỉnh đạt chuẩn xóa mù chữ mức độ 2' },
      { indicator: 'huyện được công nhận huyện học tập' },
      { indicator: 'tỉnh được công nhận tỉnh học tập' },
      { indicator: 'công dân đạt danh hiệu “Công dân học tập”' },
      { indicator: 'người lao động trong gia đình học tập, dòng họ học tập, cộng đồng học tập đạt danh hiệu “Công dân học tập”' },
      { indicator: 'cán bộ, công chức, nhân viên trong đơn vị học tập cấp xã đạt danh hiệu “Công dân học tập”' },
      { indicator: 'gia đình đạt danh hiệu “Gia đình học tập”' },
      { indicator: 'dòng họ đạt danh hiệu “Dòng họ học tập”' },
      { indicator: 'cộng đồng (thôn, bản, tổ dân phố và tương đương) đạt danh hiệu “Cộng đồng học tập”' },
      { indicator: 'tổ chức, cơ quan, trường học, doanh nghiệp, cơ sở sản xuất trên địa bàn cấp xã đạt “Đơn vị học tập”' },
      { indicator: 'cán bộ khuyến học cấp xã tham gia hoạt động TTHTCĐ và được bồi dưỡng CNTT' },
    ]);
    expect(links.map((l) => [l.code, l.candidates])).toEqual([
      [null, ['communesLiteracyLevel2Rate']],
      [null, ['communesLearningCommunityRate']],
      [null, []],
      ['learningCitizensRate', ['learningCitizensRate']],
      ['learningCitizensRate', ['learningCitizensRate']],
      ['staffLearningCitizensRate', ['staffLearningCitizensRate']],
      ['learningFamiliesRate', ['learningFamiliesRate']],
      ['learningClansRate', ['learningClansRate']],
      ['learningVillagesRate', ['learningVillagesRate']],
      ['communeLearningUnitsRate', ['communeLearningUnitsRate']],
      [null, []],
    ]);
    expect(links[0]!.note).toBe('Chỉ tiêu tính theo tỉnh, chỉ số tính theo xã, phường; cần xác định lại cách tính.');
    expect(links[1]!.note).toBe(DISTRICT_NOTE);
  });

  it('matches whole words without diacritics or case, and does not confuse "xã hội học tập" with "xã học tập"', () => {
    const links = linkTargets([
      { indicator: 'XA, PHUONG DAT CHUAN XOA MU CHU MUC DO 2' },
      { indicator: 'tin bài về xây dựng xã hội học tập' },
      { indicator: 'xã đạt chuẩn xóa mù chữ mức độ 1' },
    ]);
    expect(links.map((l) => l.code)).toEqual(['communesLiteracyLevel2Rate', null, null]);
  });

  it('leaves a target matching several indicators for the coordinator to choose', () => {
    const [l] = linkTargets([{ indicator: 'xã đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 2 và mức độ 3' }]);
    expect(l).toMatchObject({ code: null, candidates: ['communesLowerSecondaryLevel2Rate', 'communesLowerSecondaryLevel3Rate'], note: 'Chỉ tiêu khớp với nhiều chỉ số; cần chọn chỉ số phù hợp.' });
  });

  it('links a percentage to a ratio and a count to a count', () => {
    expect(linkTargets([{ indicator: 'trung tâm học tập cộng đồng được củng cố, nâng cao chất lượng', unit: '%' }])[0]!.code).toBeNull();
    expect(linkTargets([{ indicator: 'trung tâm học tập cộng đồng được củng cố, nâng cao chất lượng', unit: 'trung tâm' }])[0]!.code).toBe('learningCentresCount');
  });
});
