import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import {
  ProposalApplyInput,
  ProposalApplyResult,
  ProposalsQuery,
  ProposalsView,
  TemplateDetail,
  TemplateDetails,
  TemplateDetailsQuery,
  TemplatePatch,
} from '../../../shared/contracts/report-templates.ts';
import type { ReportTemplatesService } from './reporting.templates.service.ts';

const tags = ['Báo cáo định kỳ'];

export function reportTemplatesRoutes(app: App, templates: ReportTemplatesService) {
  const r = typed(app);
  r.get(
    '/api/reporting/template-details',
    { schema: { tags, summary: 'Các mẫu báo cáo của tỉnh với đủ 11 thành phần theo NĐ 09/2019, phiên bản và người sửa gần nhất (kể cả mẫu ngừng sử dụng)', querystring: TemplateDetailsQuery, response: { 200: TemplateDetails } } },
    (req) => templates.details(actorOf(req), req.query.provinceId),
  );
  r.patch(
    '/api/reporting/templates/:id',
    { schema: { tags, summary: 'Sửa các thành phần của mẫu báo cáo (điều phối viên); gửi kèm phiên bản đang xem, lệch phiên bản trả về 409', params: IdParams, body: TemplatePatch, response: { 200: TemplateDetail } } },
    (req) => templates.update(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/reporting/proposals',
    { schema: { tags, summary: 'Đề xuất mẫu báo cáo từ kế hoạch: số liệu cần thu thập theo chỉ tiêu, đối tượng báo cáo theo phân công nhiệm vụ, kèm lý do', querystring: ProposalsQuery, response: { 200: ProposalsView } } },
    (req) => templates.proposals(actorOf(req), req.query.planId),
  );
  r.post(
    '/api/reporting/proposals/apply',
    { schema: { tags, summary: 'Áp dụng các đề xuất đã chọn vào mẫu báo cáo (một giao dịch, có nhật ký)', body: ProposalApplyInput, response: { 200: ProposalApplyResult } } },
    (req) => templates.applyProposals(actorOf(req), req.body),
  );
}
