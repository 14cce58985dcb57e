import { z } from 'zod';
import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { Agency, AgencyCreate, AgencyGroup, AgencyGroupQuery, AgencyListQuery, AgencyPatch } from '../../../shared/contracts/agencies.ts';
import type { AgenciesService } from './agencies.service.ts';

const tags = ['Cơ quan, đơn vị'];

export function agenciesRoutes(app: App, agencies: AgenciesService) {
  const r = typed(app);
  r.get('/api/agencies', { schema: { tags, querystring: AgencyListQuery, response: { 200: Page(Agency) } } }, (req) => agencies.list(actorOf(req), req.query));
  r.get('/api/agencies/:id', { schema: { tags, params: IdParams, response: { 200: Agency } } }, (req) => agencies.get(actorOf(req), req.params.id));
  r.post('/api/agencies', { schema: { tags, body: AgencyCreate, response: { 201: Agency } } }, async (req, reply) => reply.status(201).send(await agencies.create(actorOf(req), req.body)));
  r.patch('/api/agencies/:id', { schema: { tags, params: IdParams, body: AgencyPatch, response: { 200: Agency } } }, (req) => agencies.update(actorOf(req), req.params.id, req.body));
  r.get('/api/agency-groups', { schema: { tags, querystring: AgencyGroupQuery, response: { 200: z.array(AgencyGroup) } } }, (req) => agencies.groups(actorOf(req), req.query));
}
