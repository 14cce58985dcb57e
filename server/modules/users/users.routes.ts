import { z } from 'zod';
import { actorOf, typed, type App } from '../../lib/http.ts';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { GrantsReplace, PasswordReset, UserCreate, UserListQuery, UserPatch, UserView } from '../../../shared/contracts/users.ts';
import type { UsersService } from './users.service.ts';

const tags = ['Tài khoản'];

export function usersRoutes(app: App, users: UsersService) {
  const r = typed(app);
  r.get('/api/users', { schema: { tags, querystring: UserListQuery, response: { 200: Page(UserView) } } }, (req) => users.list(actorOf(req), req.query));
  r.get('/api/users/:id', { schema: { tags, params: IdParams, response: { 200: UserView } } }, (req) => users.get(actorOf(req), req.params.id));
  r.post('/api/users', { schema: { tags, body: UserCreate, response: { 201: UserView } } }, async (req, reply) => reply.status(201).send(await users.create(actorOf(req), req.body)));
  r.patch('/api/users/:id', { schema: { tags, params: IdParams, body: UserPatch, response: { 200: UserView } } }, (req) => users.update(actorOf(req), req.params.id, req.body));
  r.put('/api/users/:id/grants', { schema: { tags, summary: 'Thay toàn bộ vai trò và phạm vi', params: IdParams, body: GrantsReplace, response: { 200: UserView } } }, (req) => users.replaceGrants(actorOf(req), req.params.id, req.body));
  r.post('/api/users/:id/password', { schema: { tags, summary: 'Đặt lại mật khẩu', params: IdParams, body: PasswordReset, response: { 204: z.null() } } }, async (req, reply) => {
    await users.resetPassword(actorOf(req), req.params.id, req.body);
    return reply.status(204).send(null);
  });
}
