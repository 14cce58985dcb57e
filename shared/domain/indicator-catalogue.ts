import { foldForSearch } from '../text.ts';
import { breakdownProblem, type Breakdown, type DataElement, type Indicator } from './indicators.ts';

// The starter catalogue of data elements and indicators (issue 4): one indicator for each national target of
// ../shared/domain/reference.md §1 that a province can measure on its own units, and the words that link a
// plan's targets (plan_targets.indicator) to it. A province edits and extends this list; these entries only
// seed it. The target values and years in the comments are documentation, copied as reference.md writes them;
// the values a province must reach are its plan's targets, never these.
//
// Choices made where the texts are silent:
// - "x% tỉnh đạt chuẩn …" (§1 a) is a national share of provinces. A province measures the same standard on its
//   own communes: the share of xã, phường, đặc khu recognised. Plans written before 07/2025 count "quận, huyện"
//   instead (Cần Thơ KH 74/KH-BCĐ 2024); `linkTargets` does not link those automatically and says why.
// - Recognitions (PCGD-XMC, CĐHT cấp xã, ĐVHT under TT 24/2023) are counted from the recognition decisions, so
//   the province (the standing agency) reports them. Who issues the commune decisions since 07/2025 is [NF]
//   (criteria.md §1.5, §6.3); counting them at the province does not depend on it. The total of communes comes
//   from the unit list (reference.md §9) and the server may prefill it.
// - Who is in a denominator is not defined by the texts found for the learning-model titles ("công dân", "gia
//   đình"; criteria.md §1.2 notes: [NF]). The element names say what is counted; the province's data form
//   says who.

/** Words recognising a plan target (folded, whole words): one phrase of each `all` group present, none of `none`. */
export type TargetMatch = { all: readonly (readonly string[])[]; none?: readonly string[] };

export type CatalogueIndicator = Indicator & {
  /**
   * How a plan's target is recognised (absent: only by the coordinator's link), on folded words (foldForSearch, matched whole-word): every group of
   * `all` must have one phrase present, no phrase of `none` may be. CĐHT and CDHT both fold to "cdht", so the
   * abbreviation is never used for either.
   */
  match?: TargetMatch;
  /** The administrative units whose share this is, for the "x% xã đạt chuẩn …" indicators. */
  countedUnit?: 'commune';
};

const SEX_ETHNIC = ['sex', 'ethnicMinority'] as const;

export const CATALOGUE_ELEMENTS: readonly DataElement[] = [
  // §1 a, and §9 for the units. Reported by the province from the recognition decisions.
  { code: 'communes', name: 'Tổng số xã, phường, đặc khu', level: 'province', valueType: 'count', breakdowns: [] },
  // The standard is the one named in the year's recognition decisions: PCGD mầm non cho trẻ em 5 tuổi (NĐ 20/2014
  // Điều 6, criteria.md §6.2); the 3-5-year-old standard of the 26/6/2025 resolution has no decree found [NF].
  { code: 'communesPreschoolStandard', name: 'Số xã, phường, đặc khu đạt chuẩn phổ cập giáo dục mầm non', level: 'province', valueType: 'count', breakdowns: [] },
  { code: 'communesPrimaryLevel3', name: 'Số xã, phường, đặc khu đạt chuẩn phổ cập giáo dục tiểu học mức độ 3', level: 'province', valueType: 'count', breakdowns: [] },
  { code: 'communesLowerSecondaryLevel2', name: 'Số xã, phường, đặc khu đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 2', level: 'province', valueType: 'count', breakdowns: [] },
  { code: 'communesLowerSecondaryLevel3', name: 'Số xã, phường, đặc khu đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3', level: 'province', valueType: 'count', breakdowns: [] },
  { code: 'communesLiteracyLevel2', name: 'Số xã, phường, đặc khu đạt chuẩn xóa mù chữ mức độ 2', level: 'province', valueType: 'count', breakdowns: [] },

  // §1 b. Reported by each commune. The working-age band is the statistical one the province's form uses; the
  // texts found do not fix it here.
  { code: 'workingAgePeople', name: 'Số người trong độ tuổi lao động', level: 'commune', valueType: 'count', breakdowns: SEX_ETHNIC },
  // "Năng lực thông tin": no national framework was found (reference.md §5 [NF]); the nearest is TT 02/2025
  // (khung năng lực số), so who counts is the province's checklist.
  { code: 'workingAgeInformationCompetence', name: 'Số người trong độ tuổi lao động được trang bị năng lực thông tin', level: 'commune', valueType: 'count', breakdowns: SEX_ETHNIC },
  { code: 'workingAgeLifeSkills', name: 'Số người trong độ tuổi lao động được trang bị kỹ năng sống', level: 'commune', valueType: 'count', breakdowns: SEX_ETHNIC },
  { code: 'population15Plus', name: 'Dân số từ 15 tuổi trở lên', level: 'commune', valueType: 'count', breakdowns: SEX_ETHNIC },
  { code: 'population15PlusTechnical', name: 'Dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật', level: 'commune', valueType: 'count', breakdowns: SEX_ETHNIC },
  { code: 'population15PlusUniversity', name: 'Dân số từ 15 tuổi trở lên có trình độ đại học trở lên', level: 'commune', valueType: 'count', breakdowns: SEX_ETHNIC },

  // §1 c. Schools and universities are counted by the agencies that manage or follow them; learning centres by
  // their commune (since 01/7/2025 the Chủ tịch UBND xã manages the TTHTCĐ: NĐ 142/2025, TT 11/2025, reference.md §7).
  { code: 'universities', name: 'Số trường đại học trên địa bàn', level: 'agency', valueType: 'count', breakdowns: [] },
  { code: 'universitiesDigital', name: 'Số trường đại học triển khai đại học số và xây dựng học liệu số', level: 'agency', valueType: 'count', breakdowns: [] },
  { code: 'schools', name: 'Số cơ sở giáo dục phổ thông, giáo dục thường xuyên, giáo dục nghề nghiệp và cơ sở giáo dục khác', level: 'agency', valueType: 'count', breakdowns: [] },
  {
    code: 'schoolsDigital',
    name: 'Số cơ sở giáo dục phổ thông, giáo dục thường xuyên, giáo dục nghề nghiệp và cơ sở giáo dục khác triển khai quản lý, giảng dạy, học tập trên môi trường số',
    level: 'agency',
    valueType: 'count',
    breakdowns: [],
  },
  { code: 'learningCentres', name: 'Số trung tâm học tập cộng đồng', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'learningCentresUsingIt', name: 'Số trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục', level: 'commune', valueType: 'count', breakdowns: [] },

  // §1 d and the QĐ 387 / QĐ 677 lists under it. GĐHT is reviewed and recognised at commune level (reference.md
  // §3a, [S]), and the other titles of the Hội Khuyến học are counted in the commune too; ĐVHT under TT 24/2023 and
  // CĐHT cấp xã under TT 25/2023 are counted by the province from the decisions.
  { code: 'citizensAssessed', name: 'Số công dân thuộc đối tượng đánh giá danh hiệu “Công dân học tập”', level: 'commune', valueType: 'count', breakdowns: SEX_ETHNIC },
  { code: 'learningCitizens', name: 'Số công dân đạt danh hiệu “Công dân học tập”', level: 'commune', valueType: 'count', breakdowns: SEX_ETHNIC },
  { code: 'staff', name: 'Số cán bộ, công chức, viên chức, người lao động', level: 'agency', valueType: 'count', breakdowns: ['sex'] },
  { code: 'staffLearningCitizens', name: 'Số cán bộ, công chức, viên chức, người lao động đạt danh hiệu “Công dân học tập”', level: 'agency', valueType: 'count', breakdowns: ['sex'] },
  { code: 'families', name: 'Tổng số gia đình', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'learningFamilies', name: 'Số gia đình được công nhận “Gia đình học tập”', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'clans', name: 'Tổng số dòng họ', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'learningClans', name: 'Số dòng họ được công nhận “Dòng họ học tập”', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'villages', name: 'Tổng số thôn, tổ dân phố và tương đương', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'learningVillages', name: 'Số thôn, tổ dân phố được công nhận “Cộng đồng học tập”', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'communeOrganisations', name: 'Số tổ chức, cơ quan, trường học, doanh nghiệp, cơ sở sản xuất trên địa bàn xã', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'communeLearningUnits', name: 'Số tổ chức, cơ quan, trường học, doanh nghiệp, cơ sở sản xuất trên địa bàn xã được công nhận “Đơn vị học tập”', level: 'commune', valueType: 'count', breakdowns: [] },
  { code: 'unitsAssessedTt24', name: 'Số cơ quan, đơn vị thuộc diện đánh giá “Đơn vị học tập” (TT 24/2023/TT-BGDĐT)', level: 'province', valueType: 'count', breakdowns: [] },
  { code: 'learningUnitsTt24', name: 'Số cơ quan, đơn vị được công nhận “Đơn vị học tập” (TT 24/2023/TT-BGDĐT)', level: 'province', valueType: 'count', breakdowns: [] },
  { code: 'communesLearningCommunity', name: 'Số xã, phường, đặc khu được công nhận “Cộng đồng học tập” cấp xã', level: 'province', valueType: 'count', breakdowns: [] },
];

const ratio = { kind: 'ratio', unit: '%', factor: 100 } as const;
const UNIVERSAL_EDUCATION = ['pho cap giao duc', 'pcgd', 'pho cap'];
const LEVEL = (n: number) => [`muc do ${n}`, `muc ${n}`];
const CDHT_WORDS = ['cong dan hoc tap'];
const STAFF_WORDS = ['can bo', 'cong chuc', 'vien chuc', 'cbccvc', 'nhan vien'];

export const CATALOGUE_INDICATORS: readonly CatalogueIndicator[] = [
  // --- a. Xóa mù chữ & phổ cập (reference.md §1, lines 51-55). ---------------------------------------------
  // l.52: tỉnh hoàn thành PCGD mầm non cho trẻ em mẫu giáo: 70% (2025), phấn đấu 100% (2030).
  {
    ...ratio,
    code: 'communesPreschoolStandardRate',
    name: 'Tỷ lệ xã, phường, đặc khu đạt chuẩn phổ cập giáo dục mầm non',
    group: 'literacy',
    numerator: 'communesPreschoolStandard',
    denominator: 'communes',
    targetIndicatorText: 'xã, phường đạt chuẩn phổ cập giáo dục mầm non cho trẻ em mẫu giáo',
    match: { all: [UNIVERSAL_EDUCATION, ['mam non']] },
    countedUnit: 'commune',
  },
  // l.53: tỉnh đạt chuẩn PCGD tiểu học mức độ 3: 50% (2025), 70% (2030).
  {
    ...ratio,
    code: 'communesPrimaryLevel3Rate',
    name: 'Tỷ lệ xã, phường, đặc khu đạt chuẩn phổ cập giáo dục tiểu học mức độ 3',
    group: 'literacy',
    numerator: 'communesPrimaryLevel3',
    denominator: 'communes',
    targetIndicatorText: 'xã, phường đạt chuẩn phổ cập giáo dục tiểu học mức độ 3',
    match: { all: [UNIVERSAL_EDUCATION, ['tieu hoc'], LEVEL(3)] },
    countedUnit: 'commune',
  },
  // l.54: tỉnh đạt chuẩn PCGD THCS mức độ 2: phấn đấu 100% (2025), none written for 2030.
  {
    ...ratio,
    code: 'communesLowerSecondaryLevel2Rate',
    name: 'Tỷ lệ xã, phường, đặc khu đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 2',
    group: 'literacy',
    numerator: 'communesLowerSecondaryLevel2',
    denominator: 'communes',
    targetIndicatorText: 'xã, phường đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 2',
    match: { all: [UNIVERSAL_EDUCATION, ['trung hoc co so', 'thcs'], LEVEL(2)] },
    countedUnit: 'commune',
  },
  // l.55: tỉnh đạt chuẩn PCGD THCS mức độ 3: 20% (2025), 40% (2030).
  {
    ...ratio,
    code: 'communesLowerSecondaryLevel3Rate',
    name: 'Tỷ lệ xã, phường, đặc khu đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3',
    group: 'literacy',
    numerator: 'communesLowerSecondaryLevel3',
    denominator: 'communes',
    targetIndicatorText: 'xã, phường đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3',
    match: { all: [UNIVERSAL_EDUCATION, ['trung hoc co so', 'thcs'], LEVEL(3)] },
    countedUnit: 'commune',
  },
  // l.51: tỉnh đạt chuẩn XMC mức độ 2: 70% (2025), 90% (2030).
  {
    ...ratio,
    code: 'communesLiteracyLevel2Rate',
    name: 'Tỷ lệ xã, phường, đặc khu đạt chuẩn xóa mù chữ mức độ 2',
    group: 'literacy',
    numerator: 'communesLiteracyLevel2',
    denominator: 'communes',
    targetIndicatorText: 'xã, phường đạt chuẩn xóa mù chữ mức độ 2',
    match: { all: [['xoa mu chu', 'xmc'], LEVEL(2)] },
    countedUnit: 'commune',
  },

  // --- b. Năng lực cơ bản & trình độ người dân (lines 56-59). -----------------------------------------------
  // l.56: người trong độ tuổi lao động được trang bị năng lực thông tin: 50% (2025), 70% (2030). Plans copy the
  // longer wording "năng lực về sử dụng công nghệ thông tin để tra cứu thông tin, học tập trên môi trường mạng".
  {
    ...ratio,
    code: 'informationCompetenceRate',
    name: 'Tỷ lệ người trong độ tuổi lao động được trang bị năng lực thông tin',
    group: 'competences',
    numerator: 'workingAgeInformationCompetence',
    denominator: 'workingAgePeople',
    targetIndicatorText: 'người trong độ tuổi lao động được trang bị năng lực thông tin',
    match: { all: [['do tuoi lao dong'], ['nang luc thong tin', 'cong nghe thong tin', 'tra cuu thong tin']], none: ['ky nang song'] },
  },
  // l.57: người trong độ tuổi lao động được trang bị kỹ năng sống: 50% (2025), 70% (2030).
  {
    ...ratio,
    code: 'lifeSkillsRate',
    name: 'Tỷ lệ người trong độ tuổi lao động được trang bị kỹ năng sống',
    group: 'competences',
    numerator: 'workingAgeLifeSkills',
    denominator: 'workingAgePeople',
    targetIndicatorText: 'người trong độ tuổi lao động được trang bị kỹ năng sống',
    match: { all: [['do tuoi lao dong'], ['ky nang song']] },
  },
  // l.58: dân số ≥15 tuổi được đào tạo trình độ chuyên môn kỹ thuật: 50% (2025), 60% (2030).
  {
    ...ratio,
    code: 'technicalQualificationRate',
    name: 'Tỷ lệ dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật',
    group: 'competences',
    numerator: 'population15PlusTechnical',
    denominator: 'population15Plus',
    targetIndicatorText: 'dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật',
    match: { all: [['chuyen mon ky thuat']], none: ['dai hoc tro len'] },
  },
  // l.59: … of which trình độ đại học trở lên: 12% (2025), 15% (2030). The share is of the same population
  // (dân số từ 15 tuổi trở lên), as the plans write it ("trong đó, 15% dân số có trình độ đại học trở lên").
  {
    ...ratio,
    code: 'universityDegreeRate',
    name: 'Tỷ lệ dân số từ 15 tuổi trở lên có trình độ đại học trở lên',
    group: 'competences',
    numerator: 'population15PlusUniversity',
    denominator: 'population15Plus',
    targetIndicatorText: 'dân số có trình độ đại học trở lên',
    match: { all: [['dai hoc tro len'], ['dan so', 'nguoi dan']] },
  },

  // --- c. Hiệu quả cơ sở GD, GDNN (lines 60-62). -------------------------------------------------------------
  // l.60: trường đại học triển khai đại học số & học liệu số: 70% (2025), 90% (2030).
  {
    ...ratio,
    code: 'digitalUniversityRate',
    name: 'Tỷ lệ trường đại học triển khai đại học số và xây dựng học liệu số',
    group: 'institutions',
    numerator: 'universitiesDigital',
    denominator: 'universities',
    targetIndicatorText: 'trường đại học triển khai đại học số và xây dựng học liệu số',
    match: { all: [['truong dai hoc', 'co so giao duc dai hoc'], ['dai hoc so', 'hoc lieu so']] },
  },
  // l.61: CSGD phổ thông, GDTX, GDNN & khác quản lý, giảng dạy, học tập trên môi trường số: 60% (2025), 80% (2030).
  {
    ...ratio,
    code: 'digitalSchoolsRate',
    name: 'Tỷ lệ cơ sở giáo dục phổ thông, giáo dục thường xuyên, giáo dục nghề nghiệp và cơ sở giáo dục khác triển khai quản lý, giảng dạy, học tập trên môi trường số',
    group: 'institutions',
    numerator: 'schoolsDigital',
    denominator: 'schools',
    targetIndicatorText: 'cơ sở giáo dục phổ thông, cơ sở giáo dục thường xuyên, cơ sở giáo dục nghề nghiệp và các cơ sở giáo dục khác triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số',
    match: { all: [['giao duc pho thong', 'giao duc thuong xuyen', 'giao duc nghe nghiep', 'gdtx', 'gdnn'], ['moi truong so']] },
  },
  // l.62: TTHTCĐ ứng dụng CNTT trong quản lý, tổ chức hoạt động GD: 70% (2025); the 2030 figure was not found [NF].
  {
    ...ratio,
    code: 'learningCentresItRate',
    name: 'Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục',
    group: 'institutions',
    numerator: 'learningCentresUsingIt',
    denominator: 'learningCentres',
    targetIndicatorText: 'trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục',
    match: { all: [['trung tam hoc tap cong dong', 'tthtcd'], ['cong nghe thong tin', 'cntt']], none: ['can bo khuyen hoc'] },
  },
  // A count, for the reports that ask how many centres there are (TT 25/2023 TC3 looks at their work).
  {
    kind: 'count',
    unit: 'trung tâm',
    code: 'learningCentresCount',
    name: 'Số trung tâm học tập cộng đồng',
    group: 'institutions',
    element: 'learningCentres',
    targetIndicatorText: 'trung tâm học tập cộng đồng',
    match: { all: [['trung tam hoc tap cong dong', 'tthtcd']], none: ['cong nghe thong tin', 'cntt'] },
  },

  // --- d. Mô hình học tập (lines 63-65, and QĐ 387 / QĐ 677 at lines 71-91). -------------------------------
  // l.63: công dân đạt danh hiệu công dân học tập: 40% (2025), 60% (2030). Also QĐ 387 l.76 (40% người lao động
  // trong GĐHT/DHHT/CĐHT, 2025) and QĐ 677 l.88 (người lớn 40% 2025, 60% 2030). Who counts as a "công dân" in the
  // denominator is not defined by the texts found [NF].
  {
    ...ratio,
    code: 'learningCitizensRate',
    name: 'Tỷ lệ công dân đạt danh hiệu “Công dân học tập”',
    group: 'learningModels',
    numerator: 'learningCitizens',
    denominator: 'citizensAssessed',
    targetIndicatorText: 'công dân đạt danh hiệu công dân học tập',
    match: { all: [CDHT_WORDS], none: [...STAFF_WORDS, 'ky nang so', 'quan triet'] },
  },
  // QĐ 387 l.76: 60% cán bộ, công chức, nhân viên trong ĐVHT cấp xã (2025); QĐ 677 l.89: CBCCVC, người lao động
  // trong ĐVHT 60% (2025), 80% (2030).
  {
    ...ratio,
    code: 'staffLearningCitizensRate',
    name: 'Tỷ lệ cán bộ, công chức, viên chức, người lao động đạt danh hiệu “Công dân học tập”',
    group: 'learningModels',
    numerator: 'staffLearningCitizens',
    denominator: 'staff',
    targetIndicatorText: 'cán bộ, công chức, viên chức, người lao động đạt danh hiệu công dân học tập',
    match: { all: [CDHT_WORDS, STAFF_WORDS], none: ['ky nang so', 'quan triet', 'hoi vien'] },
  },
  // QĐ 387 l.73: 70% gia đình đạt "Gia đình học tập" (2025); 2030 not found [NF].
  {
    ...ratio,
    code: 'learningFamiliesRate',
    name: 'Tỷ lệ gia đình được công nhận “Gia đình học tập”',
    group: 'learningModels',
    numerator: 'learningFamilies',
    denominator: 'families',
    targetIndicatorText: 'gia đình đạt danh hiệu gia đình học tập',
    match: { all: [['gia dinh hoc tap', 'gdht']], none: CDHT_WORDS },
  },
  // QĐ 387 l.73: 65% dòng họ đạt "Dòng họ học tập" (2025); 2030 not found [NF].
  {
    ...ratio,
    code: 'learningClansRate',
    name: 'Tỷ lệ dòng họ được công nhận “Dòng họ học tập”',
    group: 'learningModels',
    numerator: 'learningClans',
    denominator: 'clans',
    targetIndicatorText: 'dòng họ đạt danh hiệu dòng họ học tập',
    match: { all: [['dong ho hoc tap', 'dhht']], none: CDHT_WORDS },
  },
  // QĐ 387 l.74: 65% cộng đồng (thôn, bản, tổ dân phố và tương đương) đạt "Cộng đồng học tập" (2025).
  {
    ...ratio,
    code: 'learningVillagesRate',
    name: 'Tỷ lệ thôn, tổ dân phố được công nhận “Cộng đồng học tập”',
    group: 'learningModels',
    numerator: 'learningVillages',
    denominator: 'villages',
    targetIndicatorText: 'thôn, tổ dân phố đạt danh hiệu cộng đồng học tập',
    match: { all: [['cong dong hoc tap'], ['thon', 'to dan pho']], none: CDHT_WORDS },
  },
  // QĐ 387 l.75: 80% tổ chức, cơ quan, trường học, doanh nghiệp, cơ sở sản xuất trên địa bàn cấp xã đạt ĐVHT (2025).
  {
    ...ratio,
    code: 'communeLearningUnitsRate',
    name: 'Tỷ lệ tổ chức, cơ quan, trường học, doanh nghiệp, cơ sở sản xuất trên địa bàn xã được công nhận “Đơn vị học tập”',
    group: 'learningModels',
    numerator: 'communeLearningUnits',
    denominator: 'communeOrganisations',
    targetIndicatorText: 'tổ chức, cơ quan, trường học, doanh nghiệp, cơ sở sản xuất trên địa bàn cấp xã đạt đơn vị học tập',
    match: { all: [['don vi hoc tap', 'dvht'], ['dia ban cap xa', 'dia ban xa', 'xa quan ly']], none: CDHT_WORDS },
  },
  // "Đơn vị học tập" recognised under TT 24/2023 (reference.md §3c). §1 l.67: no 1373 figure for ĐVHT was found [NF];
  // provincial plans set their own (Cần Thơ 2024: 55,55%).
  {
    ...ratio,
    code: 'learningUnitsTt24Rate',
    name: 'Tỷ lệ cơ quan, đơn vị được công nhận “Đơn vị học tập” (TT 24/2023/TT-BGDĐT)',
    group: 'learningModels',
    numerator: 'learningUnitsTt24',
    denominator: 'unitsAssessedTt24',
    targetIndicatorText: 'đơn vị được đánh giá, công nhận đơn vị học tập',
    match: { all: [['don vi hoc tap', 'dvht']], none: [...CDHT_WORDS, 'dia ban cap xa', 'dia ban xa', 'xa quan ly'] },
  },
  // l.64: huyện được công nhận huyện học tập: 2025 [NF], 50% (2030); l.65 tỉnh học tập: 35% (2030), which a
  // province cannot measure on itself and is left out. Since 07/2025 "xã/huyện/tỉnh học tập" is recognised as
  // "Cộng đồng học tập" cấp xã/huyện/tỉnh under TT 25/2023 (reference.md §5); the commune share is measured here.
  {
    ...ratio,
    code: 'communesLearningCommunityRate',
    name: 'Tỷ lệ xã, phường, đặc khu được công nhận “Cộng đồng học tập” cấp xã',
    group: 'learningModels',
    numerator: 'communesLearningCommunity',
    denominator: 'communes',
    targetIndicatorText: 'xã, phường được công nhận cộng đồng học tập cấp xã',
    match: { all: [['cong dong hoc tap', 'xa hoc tap', 'huyen hoc tap']], none: [...CDHT_WORDS, 'thon', 'to dan pho', 'tinh hoc tap'] },
    countedUnit: 'commune',
  },
];

// ---------------------------------------------------------------------------------------------------
// Linking plan targets to the catalogue

export type TargetLink<T> = {
  target: T;
  /** The indicator the target is linked to: set only when exactly one matches and nothing speaks against it. */
  code: string | null;
  /** Every indicator whose words match, for the coordinator to choose from when `code` is null. */
  candidates: string[];
  /** Why a match was not linked, in Vietnamese. */
  note?: string;
};

const padded = (s: string) => ` ${foldForSearch(s)} `;
const has = (hay: string, phrase: string) => hay.includes(padded(phrase));

/**
 * The administrative level a target counts, from its first words ("quận, huyện đạt chuẩn …" → district),
 * or null when it counts something else (people, centres, "đơn vị").
 */
function countedLevel(folded: string): 'province' | 'district' | 'commune' | null {
  const head = folded.trim().replace(/^(so|ty le|ti le|tong so)\s+/, '');
  // "quản lý" and "xã hội" fold to the same first word as "quận" and "xã".
  if (/^(quan huyen|huyen|thi xa|quan(?! ly\b))\b/.test(head)) return 'district';
  if (/^(tinh|thanh pho truc thuoc)\b/.test(head)) return 'province';
  if (/^(xa(?! hoi\b)|phuong|dac khu|don vi hanh chinh cap xa)\b/.test(head)) return 'commune';
  return null;
}

const LEVEL_VI = { province: 'tỉnh', district: 'quận, huyện', commune: 'xã, phường' } as const;

/**
 * Links each plan target (plan_targets.indicator, as the importer normalises it) to the catalogue indicator
 * it measures, by folded whole words (and, when the target gives its unit, '%' for a ratio, anything else for a
 * count). A target matching no indicator, or several, is left unlinked for the
 * coordinator; so is one that counts quận, huyện or tỉnh where the indicator counts xã, phường: the words are
 * the same standard, but the figure is not.
 */
export function linkTargets<T extends { indicator: string; unit?: string }>(targets: readonly T[], catalogue: readonly CatalogueIndicator[] = CATALOGUE_INDICATORS): TargetLink<T>[] {
  return targets.map((target) => {
    const hay = padded(target.indicator);
    // A percentage target is measured by a ratio, a target in people or centres by a count.
    const kind = target.unit === undefined ? null : target.unit === '%' ? 'ratio' : 'count';
    const candidates = catalogue
      .filter((i) => i.match !== undefined && (kind === null || i.kind === kind) && i.match.all.every((alts) => alts.some((p) => has(hay, p))) && !(i.match.none ?? []).some((p) => has(hay, p)))
      .map((i) => i.code);
    if (candidates.length === 0) return { target, code: null, candidates };
    if (candidates.length > 1) return { target, code: null, candidates, note: 'Chỉ tiêu khớp với nhiều chỉ số; cần chọn chỉ số phù hợp.' };
    const ind = catalogue.find((i) => i.code === candidates[0])!;
    const level = countedLevel(hay);
    if (ind.countedUnit === 'commune' && level && level !== 'commune') {
      return { target, code: null, candidates, note: `Chỉ tiêu tính theo ${LEVEL_VI[level]}, chỉ số tính theo ${LEVEL_VI.commune}; cần xác định lại cách tính.` };
    }
    return { target, code: ind.code, candidates };
  });
}

// ---------------------------------------------------------------------------------------------------
// A province's catalogue (seeded from the starter lists above, then edited by its coordinator)

export type Catalogue = {
  /** Active and retired alike: figures reported before an element was retired are still read by code. */
  elements: readonly DataElement[];
  /** The active indicators, in the province's order. */
  indicators: readonly CatalogueIndicator[];
  elementByCode: ReadonlyMap<string, DataElement>;
  /** The codes of the active elements, which a template's data form may carry. */
  activeElements: ReadonlySet<string>;
};

export function catalogueFrom(elements: readonly DataElement[], indicators: readonly CatalogueIndicator[], activeElements: Iterable<string> = elements.map((e) => e.code)): Catalogue {
  return { elements, indicators, elementByCode: new Map(elements.map((e) => [e.code, e])), activeElements: new Set(activeElements) };
}

/** The starter catalogue as a province gets it before any edit. */
export const STARTER_CATALOGUE: Catalogue = catalogueFrom(CATALOGUE_ELEMENTS, CATALOGUE_INDICATORS);

/** The elements an indicator reads. */
export const elementsOfIndicator = (i: Indicator): string[] => (i.kind === 'ratio' ? [i.numerator, i.denominator] : [i.element]);

/** Who reports an indicator's figures: the level of its first element (numerator, or the counted element). */
export function indicatorLevel(i: Indicator, elements: ReadonlyMap<string, DataElement>): DataElement['level'] {
  return elements.get(elementsOfIndicator(i)[0]!)?.level ?? 'commune';
}

export type LinkMode = 'auto' | 'manual' | 'none';

/**
 * linkTargets, then the coordinator's word where given (`overrides`: target id → an indicator code, or null for
 * "no indicator measures it"). A chosen indicator since retired links nothing, and says so.
 */
export function linkTargetsWith<T extends { id: string; indicator: string; unit?: string }>(
  targets: readonly T[],
  catalogue: readonly CatalogueIndicator[],
  overrides: ReadonlyMap<string, string | null>,
): (TargetLink<T> & { mode: LinkMode })[] {
  return linkTargets(targets, catalogue).map((link) => {
    if (!overrides.has(link.target.id)) return { ...link, mode: 'auto' as const };
    const code = overrides.get(link.target.id) ?? null;
    if (code === null) return { target: link.target, code: null, candidates: link.candidates, mode: 'none' as const, note: 'Điều phối viên xác định không có chỉ số nào đo chỉ tiêu này.' };
    if (!catalogue.some((i) => i.code === code)) return { target: link.target, code: null, candidates: link.candidates, mode: 'manual' as const, note: `Chỉ số đã chọn (${code}) không còn được sử dụng; cần chọn lại.` };
    return { target: link.target, code, candidates: link.candidates, mode: 'manual' as const };
  });
}

/** A problem of a definition the coordinator entered, on its field, in Vietnamese. */
export type DefinitionIssue = { path: string; message: string };

/**
 * What is wrong with an indicator's formula against the province's elements: unknown or retired elements, a
 * ratio of an element by itself, of figures reported at two levels or of two value types (the sums would not be
 * over the same units), or a breakdown filter the elements do not have.
 */
export function formulaIssues(
  indicator: { kind: 'ratio'; numerator: string; denominator: string; breakdown?: Breakdown | null } | { kind: 'count'; element: string; breakdown?: Breakdown | null },
  elements: ReadonlyMap<string, DataElement>,
  active: ReadonlySet<string>,
): DefinitionIssue[] {
  const fields = indicator.kind === 'ratio' ? ([['formula.numerator', indicator.numerator], ['formula.denominator', indicator.denominator]] as const) : ([['formula.element', indicator.element]] as const);
  const issues: DefinitionIssue[] = [];
  const found: DataElement[] = [];
  for (const [path, code] of fields) {
    const e = elements.get(code);
    if (!e) issues.push({ path, message: `không có số liệu mã “${code}” trong danh mục của tỉnh` });
    else if (!active.has(code)) issues.push({ path, message: `“${e.name}” đã ngừng sử dụng` });
    else found.push(e);
  }
  if (indicator.kind === 'ratio' && found.length === 2) {
    const [n, d] = found as [DataElement, DataElement];
    if (n.code === d.code) issues.push({ path: 'formula.denominator', message: 'tử số và mẫu số phải là hai số liệu khác nhau' });
    else if (n.level !== d.level) issues.push({ path: 'formula.denominator', message: `tử số do ${LEVEL_NAME_VI[n.level]} báo cáo, mẫu số do ${LEVEL_NAME_VI[d.level]}: tỷ lệ phải tính trên cùng các đơn vị` });
    else if (n.valueType !== d.valueType) issues.push({ path: 'formula.denominator', message: 'tử số và mẫu số phải cùng kiểu số liệu (số đếm hoặc số thập phân)' });
  }
  if (indicator.breakdown && Object.keys(indicator.breakdown).length) {
    for (const e of found) {
      const p = breakdownProblem(e, indicator.breakdown);
      if (p) {
        issues.push({ path: 'breakdown', message: p });
        break;
      }
    }
  }
  return issues;
}

const LEVEL_NAME_VI: Record<DataElement['level'], string> = { commune: 'xã', agency: 'cơ quan', province: 'tỉnh' };
