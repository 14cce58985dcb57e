
import { invalid } from '../../lib/errors.ts';
import { actorOf, contentDisposition, typed, type App } from '../../lib/http.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import {
  BoardPage,
  BoardQuery,
  ConsolidatedInput,
  ConsolidatedView,
  ContributionActionInput,
  ContributionInput,
  ContributionView,
  MyObligationsPage,
  MyObligationsQuery,
  TaskTracking,
} from '../../../shared/contracts/tracking.ts';
import { EVIDENCE_MAX_BYTES } from '../../../shared/domain/task-tracking.ts';
import type { TrackingService } from './tracking.service.ts';
import { boardWorkbook } from './tracking.xlsx.ts';

const tags = ['Theo dõi nhiệm vụ'];


export function trackingRoutes(app: App, tracking: TrackingService) {
  const r = typed(app);
  r.get('/api/tracking/my', { schema: { tags, summary: 'Việc của tôi: các kỳ báo cáo cơ quan, đơn vị của tôi phải nộp', querystring: MyObligationsQuery, response: { 200: MyObligationsPage } } }, (req) => tracking.my(actorOf(req), req.query));
  r.get('/api/tracking/tasks/:id', { schema: { tags, params: IdParams, response: { 200: TaskTracking } } }, (req) => tracking.task(actorOf(req), req.params.id));
  r.put('/api/tracking/tasks/:id/status', { schema: { tags, summary: 'Tình hình chung của nhiệm vụ (cơ quan chủ trì)', params: IdParams, body: ConsolidatedInput, response: { 200: ConsolidatedView } } }, (req) =>
    tracking.setStatus(actorOf(req), req.params.id, req.body),
  );
  r.put('/api/tracking/contributions', { schema: { tags, summary: 'Lưu nháp báo cáo của một cơ quan cho một kỳ', body: ContributionInput, response: { 200: ContributionView } } }, (req) => tracking.save(actorOf(req), req.body));
  r.post('/api/tracking/contributions/:id/actions', { schema: { tags, summary: 'Gửi, trả lại, chấp nhận, mở lại báo cáo', params: IdParams, body: ContributionActionInput, response: { 200: ContributionView } } }, (req) =>
    tracking.act(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/tracking/contributions/:id/evidence',
    { schema: { tags, summary: 'Đính kèm minh chứng (PDF, DOCX, XLSX, ảnh; tối đa 10 MB)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: ContributionView } } },
    async (req) => {
      if (!req.isMultipart()) throw invalid('Hãy gửi tệp minh chứng dưới dạng multipart/form-data (trường "file").', [{ path: 'file', message: 'thiếu tệp' }]);
      const file = await req.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
      if (!file) throw invalid('Chưa chọn tệp minh chứng.', [{ path: 'file', message: 'thiếu tệp' }]);
      const bytes = await file.toBuffer();
      return tracking.addEvidence(actorOf(req), req.params.id, { filename: file.filename, bytes: new Uint8Array(bytes) });
    },
  );
  r.get('/api/tracking/evidence/:id', { schema: { tags, summary: 'Tải tệp minh chứng', params: IdParams, produces: ['application/octet-stream'] } }, async (req, reply) => {
    const f = await tracking.evidence(actorOf(req), req.params.id);
    return reply
      .header('content-type', f.mediaType)
      .header('content-disposition', contentDisposition(f.mediaType.startsWith('image/') || f.mediaType === 'application/pdf' ? 'inline' : 'attachment', f.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(f.content));
  });
  r.delete('/api/tracking/evidence/:id', { schema: { tags, summary: 'Gỡ tệp minh chứng khỏi báo cáo chưa gửi', params: IdParams, response: { 200: ContributionView } } }, (req) => tracking.deleteEvidence(actorOf(req), req.params.id));
  r.get('/api/tracking/board', { schema: { tags, summary: 'Bảng theo dõi thực hiện kế hoạch (điều phối viên)', querystring: BoardQuery, response: { 200: BoardPage } } }, (req) => tracking.board(actorOf(req), req.query));
  r.get(
    '/api/tracking/board.xlsx',
    { schema: { tags, summary: 'Xuất bảng theo dõi ra Excel', querystring: BoardQuery.omit({ limit: true, offset: true }), produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
    async (req, reply) => {
      const board = await tracking.board(actorOf(req), { ...req.query, limit: 5000, offset: 0 });
      const bytes = await boardWorkbook(board);
      const name = `theo-doi-${(board.plan.number ?? 'ke-hoach').replace(/[^\p{L}\p{N}]+/gu, '-')}-${board.year}.xlsx`;
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', contentDisposition('attachment', name)).send(bytes);
    },
  );
}
