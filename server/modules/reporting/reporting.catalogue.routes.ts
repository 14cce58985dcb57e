import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import {
  CatalogueQuery,
  CatalogueView,
  DataElementCreate,
  DataElementPatch,
  DataElementView,
  IndicatorCreate,
  IndicatorPatch,
  IndicatorView,
  TargetLinkInput,
  TargetLinkParams,
  TargetLinksQuery,
  TargetLinksView,
  TargetLinkView,
} from '../../../shared/contracts/catalogue.ts';
import type { CatalogueService } from './reporting.catalogue.service.ts';
import type { TargetLinksService } from './reporting.target-links.service.ts';

const tags = ['Danh mục chỉ số'];

export function catalogueRoutes(app: App, catalogue: CatalogueService, links: TargetLinksService) {
  const r = typed(app);
  r.get(
    '/api/reporting/catalogue',
    { schema: { tags, summary: 'Danh mục số liệu thu thập và chỉ số của tỉnh (khởi tạo từ danh mục mẫu), kèm nơi đang dùng và số liệu đã báo cáo', querystring: CatalogueQuery, response: { 200: CatalogueView } } },
    (req) => catalogue.view(actorOf(req), req.query.provinceId),
  );
  r.post(
    '/api/reporting/catalogue/elements',
    { schema: { tags, summary: 'Thêm một số liệu thu thập (điều phối viên); không gửi mã thì mã được tạo từ tên', body: DataElementCreate, response: { 201: DataElementView } } },
    async (req, reply) => reply.status(201).send(await catalogue.createElement(actorOf(req), req.body)),
  );
  r.patch(
    '/api/reporting/catalogue/elements/:id',
    { schema: { tags, summary: 'Sửa, ngừng hoặc dùng lại một số liệu; cấp, kiểu và phân tổ chỉ đổi được khi chưa có số liệu báo cáo (409)', params: IdParams, body: DataElementPatch, response: { 200: DataElementView } } },
    (req) => catalogue.updateElement(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/reporting/catalogue/indicators',
    { schema: { tags, summary: 'Thêm một chỉ số: tỷ lệ (tử số / mẫu số × 100) hoặc tổng của một số liệu', body: IndicatorCreate, response: { 201: IndicatorView } } },
    async (req, reply) => reply.status(201).send(await catalogue.createIndicator(actorOf(req), req.body)),
  );
  r.patch(
    '/api/reporting/catalogue/indicators/:id',
    { schema: { tags, summary: 'Sửa, ngừng hoặc dùng lại một chỉ số (tính lại ngay trên số liệu đã duyệt)', params: IdParams, body: IndicatorPatch, response: { 200: IndicatorView } } },
    (req) => catalogue.updateIndicator(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/reporting/target-links',
    { schema: { tags, summary: 'Các chỉ tiêu của kế hoạch và chỉ số đo từng chỉ tiêu (tự động theo từ ngữ, do điều phối viên chọn, hoặc không có)', querystring: TargetLinksQuery, response: { 200: TargetLinksView } } },
    (req) => links.targetLinks(actorOf(req), req.query.planId),
  );
  r.put(
    '/api/reporting/target-links/:targetId',
    { schema: { tags, summary: 'Chọn chỉ số đo một chỉ tiêu, hoặc xác định không có, hoặc trả về tự động', params: TargetLinkParams, body: TargetLinkInput, response: { 200: TargetLinkView } } },
    (req) => links.setTargetLink(actorOf(req), req.params.targetId, req.body),
  );
}
