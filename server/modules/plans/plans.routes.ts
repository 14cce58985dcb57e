import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import {
  AssignmentParams,
  AssignmentResolveInput,
  AssignmentResolveResult,
  PlanCommitInput,
  PlanDetail,
  PlanDiff,
  PlanDiffQuery,
  PlanListQuery,
  PlanPatch,
  PlanPreview,
  PlanSummary,
} from '../../../shared/contracts/plans.ts';
import { Uuid } from '../../../shared/contracts/common.ts';
import type { PlansService } from './plans.service.ts';

const tags = ['Kế hoạch'];

export const PLAN_FILE_MAX_BYTES = 20 * 1024 * 1024;

export async function plansRoutes(app: App, plans: PlansService) {
  // One file per upload, at most 20 MB; a larger one is refused while it streams in (413), before parsing.
  const r = typed(app);
  r.post(
    '/api/plans/import',
    { schema: { tags, summary: 'Đọc văn bản kế hoạch (DOCX, XLSX, PDF, TXT) và trả về bản xem trước; không ghi gì', querystring: z.strictObject({ provinceId: Uuid }), consumes: ['multipart/form-data'], response: { 200: PlanPreview } } },
    async (req) => {
      if (!req.isMultipart()) throw invalid('Hãy gửi tệp kế hoạch dưới dạng multipart/form-data (trường "file").', [{ path: 'file', message: 'thiếu tệp' }]);
      const file = await req.file();
      if (!file) throw invalid('Chưa chọn tệp kế hoạch.', [{ path: 'file', message: 'thiếu tệp' }]);
      const bytes = await file.toBuffer();
      return plans.preview(actorOf(req), req.query.provinceId, { filename: file.filename, bytes: new Uint8Array(bytes) });
    },
  );
  r.get('/api/plans', { schema: { tags, querystring: PlanListQuery, response: { 200: Page(PlanSummary) } } }, (req) => plans.list(actorOf(req), req.query));
  r.get('/api/plans/:id', { schema: { tags, params: IdParams, response: { 200: PlanDetail } } }, (req) => plans.get(actorOf(req), req.params.id));
  r.post('/api/plans', { schema: { tags, summary: 'Lưu kế hoạch đã rà soát từ bản xem trước', body: PlanCommitInput, response: { 201: PlanDetail } } }, async (req, reply) => {
    const id = await plans.commit(actorOf(req), req.body);
    return reply.status(201).send(await plans.get(actorOf(req), id));
  });
  r.patch('/api/plans/:id', { schema: { tags, summary: 'Sửa thông tin chung, trạng thái và liên kết của kế hoạch', params: IdParams, body: PlanPatch, response: { 200: PlanDetail } } }, async (req) => {
    await plans.update(actorOf(req), req.params.id, req.body);
    return plans.get(actorOf(req), req.params.id);
  });
  r.patch(
    '/api/plans/:planId/assignments/:assignmentId',
    { schema: { tags, summary: 'Xác định cơ quan (hoặc nhóm) cho một tên cơ quan chưa xác định của kế hoạch', params: AssignmentParams, body: AssignmentResolveInput, response: { 200: AssignmentResolveResult } } },
    (req) => plans.resolveAssignment(actorOf(req), req.params.planId, req.params.assignmentId, req.body),
  );
  r.get(
    '/api/plans/:id/diff',
    { schema: { tags, summary: 'Những gì thay đổi so với kế hoạch được sửa đổi (hoặc kế hoạch chọn trong "against")', params: IdParams, querystring: PlanDiffQuery, response: { 200: PlanDiff } } },
    (req) => plans.diff(actorOf(req), req.params.id, req.query.against),
  );
}
