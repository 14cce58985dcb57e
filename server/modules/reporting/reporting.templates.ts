import { CATALOGUE_ELEMENTS } from '../../../shared/domain/indicator-catalogue.ts';

// The templates every province starts with (issue 4: "a report template carries the parts a reporting regime
// must state under NĐ 09/2019"; reference.md §8a lists eleven). The plans ask each commune and agency to report
// to Sở GDĐT "trước ngày 15/12" each year, which is the annual window of NĐ 09/2019 Điều 12 ([R]) closing on
// 14/12. NĐ 09/2019 k5 Đ8 wants the deadline at least one working day after the cut-off; a province that
// follows it to the letter sets `dueDaysAfterCutoff` (or moves the cut-off): the value here follows the plans.

const OUTLINE = [
  { key: 'results', title: 'I. Kết quả thực hiện', hint: 'Kết quả thực hiện các nhiệm vụ, chỉ tiêu được giao trong kế hoạch; số liệu nổi bật.' },
  { key: 'difficulties', title: 'II. Khó khăn, vướng mắc và nguyên nhân', hint: 'Những việc chưa làm được, nguyên nhân chủ quan và khách quan.' },
  { key: 'lessons', title: 'III. Bài học kinh nghiệm, mô hình hay', hint: 'Cách làm hiệu quả, mô hình học tập tiêu biểu có thể nhân rộng.' },
  { key: 'proposals', title: 'IV. Phương hướng, đề xuất, kiến nghị', hint: 'Nhiệm vụ năm tới; đề xuất với UBND tỉnh, Sở GDĐT.' },
];

const codes = (level: 'commune' | 'agency' | 'province') => CATALOGUE_ELEMENTS.filter((e) => e.level === level).map((e) => e.code);

const COMMON = {
  receiver: 'Sở Giáo dục và Đào tạo (cơ quan thường trực), tổng hợp báo cáo UBND tỉnh và Bộ Giáo dục và Đào tạo',
  transmission: 'Hệ thống phần mềm thông tin báo cáo chuyên dùng (XHHT), văn bản điện tử có chữ ký số',
  periodKind: 'annualWindow',
  dueDaysAfterCutoff: 0,
  frequency: 'Hằng năm',
  outline: OUTLINE,
  legalBasis: 'Quyết định 1373/QĐ-TTg ngày 30/7/2021; Nghị định 09/2019/NĐ-CP; Kế hoạch xây dựng xã hội học tập của tỉnh',
} as const;

export type DefaultTemplate = { code: string; name: string; content: string; reporterLevel: 'commune' | 'agency'; elements: string[]; instructions: string; standingAgencyOnly?: boolean } & typeof COMMON;

export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  {
    ...COMMON,
    code: 'xhht-xa',
    name: 'Báo cáo kết quả xây dựng xã hội học tập của xã, phường, đặc khu',
    content: 'Kết quả thực hiện kế hoạch xây dựng xã hội học tập trên địa bàn xã trong kỳ: số liệu theo biểu mẫu và báo cáo thuyết minh theo đề cương.',
    reporterLevel: 'commune',
    elements: codes('commune'),
    instructions: 'UBND xã, phường, đặc khu nhập số liệu của kỳ (chốt từ 15/12 năm trước đến 14/12 năm báo cáo), đính kèm minh chứng nếu có, gửi trước ngày 15/12. Sở GDĐT kiểm tra, trả lại nếu cần sửa, phê duyệt và tổng hợp.',
  },
  {
    ...COMMON,
    code: 'xhht-co-quan',
    name: 'Báo cáo kết quả xây dựng xã hội học tập của sở, ban, ngành, đoàn thể',
    content: 'Kết quả thực hiện các nhiệm vụ được giao trong kế hoạch xây dựng xã hội học tập của tỉnh và số liệu thuộc lĩnh vực quản lý.',
    reporterLevel: 'agency',
    elements: codes('agency'),
    instructions: 'Các sở, ban, ngành, đoàn thể cấp tỉnh nhập số liệu thuộc lĩnh vực quản lý, gửi trước ngày 15/12. Sở GDĐT kiểm tra, phê duyệt và tổng hợp.',
  },
  {
    ...COMMON,
    code: 'xhht-tinh',
    name: 'Số liệu công nhận, đạt chuẩn của toàn tỉnh (Sở GDĐT tổng hợp)',
    content: 'Số xã, phường, đặc khu đạt chuẩn phổ cập giáo dục, xóa mù chữ và được công nhận các danh hiệu học tập theo các quyết định công nhận trong kỳ.',
    reporterLevel: 'agency',
    standingAgencyOnly: true,
    elements: codes('province'),
    instructions: 'Sở GDĐT nhập theo các quyết định công nhận đã ban hành trong kỳ.',
  },
];
