import multipart from '@fastify/multipart';
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { PlanCommitInput, PlanDetail, PlanListQuery, PlanPreview, PlanSummary } from '../../../shared/contracts/plans.ts';
import { Uuid } from '../../../shared/contracts/common.ts';
import type { PlansService } from './plans.service.ts';

const tags = ['Kế hoạch'];

export const PLAN_FILE_MAX_BYTES = 20 * 1024 * 1024;

export async function plansRoutes(app: App, plans: PlansService) {
  // One file per upload, at most 20 MB; a larger one is refused while it streams in (413), before parsing.
  await app.register(multipart, { limits: { files: 1, fileSize: PLAN_FILE_MAX_BYTES, fields: 5 } });
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
}
