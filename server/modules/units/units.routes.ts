import { z } from 'zod';
import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { RetireInput, UnitDetail, UnitHistory, UnitPatch, UnitSearchQuery, UnitSummary, UnitTreeNode, VillageInput } from '../../../shared/contracts/units.ts';
import type { UnitsService } from './units.service.ts';

const tags = ['Đơn vị hành chính'];

export function unitsRoutes(app: App, units: UnitsService) {
  const r = typed(app);
  r.get('/api/units', { schema: { tags, summary: 'Tìm đơn vị (không phân biệt dấu)', querystring: UnitSearchQuery, response: { 200: z.array(UnitSummary) } } }, (req) => units.search(actorOf(req), req.query));
  r.get('/api/units/provinces', { schema: { tags, summary: 'Các tỉnh, thành phố trong phạm vi', querystring: z.strictObject({ edition: z.enum(['2025', 'pre2025']).default('2025') }), response: { 200: z.array(UnitSummary) } } }, (req) => units.listProvinces(actorOf(req), req.query.edition));
  r.get('/api/units/:id', { schema: { tags, params: IdParams, response: { 200: UnitDetail } } }, (req) => units.get(actorOf(req), req.params.id));
  r.get('/api/units/:id/children', { schema: { tags, params: IdParams, querystring: z.strictObject({ includeRetired: z.enum(['true', 'false']).default('false') }), response: { 200: z.array(UnitSummary) } } }, (req) => units.children(actorOf(req), req.params.id, req.query.includeRetired === 'true'));
  r.get('/api/units/:id/tree', { schema: { tags, summary: 'Cây đơn vị (2 cấp dưới)', params: IdParams, response: { 200: UnitTreeNode } } }, (req) => units.tree(actorOf(req), req.params.id));
  r.get('/api/units/:id/history', { schema: { tags, summary: 'Đơn vị trước và sau sắp xếp 7/2025', params: IdParams, response: { 200: UnitHistory } } }, (req) => units.history(actorOf(req), req.params.id));
  r.post('/api/units/:id/villages', { schema: { tags, summary: 'Thêm thôn, tổ dân phố', params: IdParams, body: VillageInput, response: { 201: UnitSummary } } }, async (req, reply) => reply.status(201).send(await units.addVillage(actorOf(req), req.params.id, req.body)));
  r.patch('/api/units/:id', { schema: { tags, params: IdParams, body: UnitPatch, response: { 200: UnitSummary } } }, (req) => units.update(actorOf(req), req.params.id, req.body));
  r.post('/api/units/:id/retire', { schema: { tags, summary: 'Chấm dứt hiệu lực (không xóa lịch sử)', params: IdParams, body: RetireInput, response: { 200: UnitSummary } } }, (req) => units.retire(actorOf(req), req.params.id, req.body));
}
