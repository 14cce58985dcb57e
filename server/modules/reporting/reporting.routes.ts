import { z } from 'zod';
import { actorOf, type App, contentDisposition, typed } from '../../lib/http.ts';
import { IdParams, Uuid } from '../../../shared/contracts/common.ts';
import {
  CompletenessPage,
  CompletenessQuery,
  IndicatorQuery,
  IndicatorTable,
  OwedPage,
  OwedQuery,
  ReportActionInput,
  ReportKeyQuery,
  ReportSaveInput,
  ReportView,
  TemplateView,
  TrajectoryPage,
  TrajectoryQuery,
} from '../../../shared/contracts/reporting.ts';
import type { ReportingService } from './reporting.service.ts';
import { formOf, receiveReportWorkbook, reportFilename, reportWorkbook, uploadedXlsx, XLSX_MEDIA_TYPE } from './reporting.xlsx.ts';

const tags = ['Báo cáo định kỳ'];

export function reportingRoutes(app: App, reporting: ReportingService) {
  const r = typed(app);
  r.get('/api/reporting/templates', { schema: { tags, summary: 'Các mẫu báo cáo của tỉnh (đủ 11 thành phần theo NĐ 09/2019)', querystring: z.strictObject({ provinceId: Uuid }), response: { 200: z.array(TemplateView) } } }, (req) =>
    reporting.templates(actorOf(req), req.query.provinceId),
  );
  r.get('/api/reporting/owed', { schema: { tags, summary: 'Các báo cáo xã, cơ quan của tôi phải nộp trong kỳ', querystring: OwedQuery, response: { 200: OwedPage } } }, (req) => reporting.owed(actorOf(req), req.query));
  r.get('/api/reporting/report', { schema: { tags, summary: 'Mở báo cáo của một xã, cơ quan cho một kỳ', querystring: ReportKeyQuery, response: { 200: ReportView } } }, (req) =>
    reporting.open(actorOf(req), { ...req.query, agencyId: req.query.agencyId ?? null }),
  );
  r.get('/api/reporting/report.xlsx', { schema: { tags, summary: 'Tải báo cáo ra Excel (điền sẵn số liệu) để nhập ngoại tuyến', querystring: ReportKeyQuery, produces: [XLSX_MEDIA_TYPE] } }, async (req, reply) => {
    const form = formOf(await reporting.open(actorOf(req), { ...req.query, agencyId: req.query.agencyId ?? null }));
    const bytes = await reportWorkbook(form);
    return reply.header('content-type', XLSX_MEDIA_TYPE).header('content-disposition', contentDisposition('attachment', reportFilename(form))).header('cache-control', 'private, no-store').send(bytes);
  });
  r.post(
    '/api/reporting/report.xlsx',
    { schema: { tags, summary: 'Tải lên báo cáo Excel đã nhập: kiểm tra mọi ô, có lỗi thì không lưu gì (tối đa 5 MB)', querystring: ReportKeyQuery, consumes: ['multipart/form-data'], response: { 200: ReportView } } },
    async (req) => receiveReportWorkbook(reporting, actorOf(req), { ...req.query, agencyId: req.query.agencyId ?? null }, await uploadedXlsx(req)),
  );
  r.put('/api/reporting/report', { schema: { tags, summary: 'Lưu số liệu và thuyết minh (tạo báo cáo ở lần lưu đầu)', body: ReportSaveInput, response: { 200: ReportView } } }, (req) => reporting.save(actorOf(req), req.body));
  r.post('/api/reporting/reports/:id/actions', { schema: { tags, summary: 'Gửi, trả lại, phê duyệt, mở lại báo cáo', params: IdParams, body: ReportActionInput, response: { 200: ReportView } } }, (req) =>
    reporting.act(actorOf(req), req.params.id, req.body),
  );
  r.get('/api/reporting/completeness', { schema: { tags, summary: 'Tiến độ nộp báo cáo của các xã, cơ quan (điều phối viên)', querystring: CompletenessQuery, response: { 200: CompletenessPage } } }, (req) =>
    reporting.completeness(actorOf(req), req.query),
  );
  r.get(
    '/api/reporting/export.csv',
    { schema: { tags, summary: 'Xuất số liệu đã phê duyệt theo định dạng CSV của DHIS2', querystring: CompletenessQuery, produces: ['text/csv'] } },
    async (req, reply) => {
      const { csv, filename } = await reporting.exportDhis2(actorOf(req), req.query);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
    },
  );
  r.get('/api/reporting/indicators', { schema: { tags, summary: 'Chỉ số tính trực tiếp từ số liệu đã phê duyệt', querystring: IndicatorQuery, response: { 200: IndicatorTable } } }, (req) =>
    reporting.indicators(actorOf(req), req.query),
  );
  r.get(
    '/api/reporting/indicators/trajectory',
    { schema: { tags, summary: 'Diễn biến chỉ số qua các năm so với chỉ tiêu kế hoạch (mặc định 2021-2030)', querystring: TrajectoryQuery, response: { 200: TrajectoryPage } } },
    (req) => reporting.trajectory(actorOf(req), req.query),
  );
}
