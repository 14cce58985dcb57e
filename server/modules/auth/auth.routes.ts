import { z } from 'zod';
import rateLimit from '@fastify/rate-limit';
import { actorOf, SESSION_COOKIE, typed, type App } from '../../lib/http.ts';
import { LoginInput, Me, PasswordChangeInput } from '../../../shared/contracts/auth.ts';
import { meView, type AuthService } from './auth.service.ts';

const tags = ['Đăng nhập'];

export async function authRoutes(app: App, auth: AuthService, opts: { cookieSecure: boolean; sessionTtlMs: number; loginRatePerMinute: number }) {
  // Slows password guessing from one address across many accounts; the per-account lock-out is in the service.
  await app.register(rateLimit, { global: false });
  const r = typed(app);
  r.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags, body: LoginInput, response: { 200: Me } },
    },
    async (req, reply) => {
      const { token } = await auth.login(req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '', requestId: req.id });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        maxAge: Math.floor(opts.sessionTtlMs / 1000),
      });
      const actor = (await auth.actorFromToken(token))!;
      return meView(actor, actor.grantRows, actor.mustChangePassword);
    },
  );
  r.post('/api/auth/logout', { config: { beforePasswordChange: true }, schema: { tags, response: { 204: z.null() } } }, async (req, reply) => {
    await auth.logout(actorOf(req), req.sessionToken!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
  r.get('/api/auth/me', { config: { beforePasswordChange: true }, schema: { tags, response: { 200: Me } } }, async (req) => {
    const actor = (await auth.actorFromToken(req.sessionToken!))!;
    return meView(actor, actor.grantRows, actor.mustChangePassword);
  });
  r.post('/api/auth/password', { config: { beforePasswordChange: true }, schema: { tags, summary: 'Đổi mật khẩu', body: PasswordChangeInput, response: { 204: z.null() } } }, async (req, reply) => {
    await auth.changePassword(actorOf(req), req.sessionToken!, req.body);
    return reply.status(204).send(null);
  });
}
