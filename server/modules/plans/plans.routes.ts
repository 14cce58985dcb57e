import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { PlanCommitInput, PlanDetail, PlanListQuery, PlanSummary } from '../../../shared/contracts/plans.ts';
import type { PlansService } from './plans.service.ts';

const tags = ['Kế hoạch'];

export function plansRoutes(app: App, plans: PlansService) {
  const r = typed(app);
  r.get('/api/plans', { schema: { tags, querystring: PlanListQuery, response: { 200: Page(PlanSummary) } } }, (req) => plans.list(actorOf(req), req.query));
  r.get('/api/plans/:id', { schema: { tags, params: IdParams, response: { 200: PlanDetail } } }, (req) => plans.get(actorOf(req), req.params.id));
  r.post('/api/plans', { schema: { tags, summary: 'Lưu kế hoạch đã rà soát từ bản xem trước', body: PlanCommitInput, response: { 201: PlanDetail } } }, async (req, reply) => {
    const id = await plans.commit(actorOf(req), req.body);
    return reply.status(201).send(await plans.get(actorOf(req), id));
  });
}
