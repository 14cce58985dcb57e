import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TEST_PASSWORD } from '../../../test/support/seed.ts';

// A clock the test moves, for lock-outs and session expiry.
const clock = { t: Date.parse('2026-11-23T08:00:00+07:00'), now() { return new Date(this.t); } } satisfies Clock & { t: number };

describe('login, sessions and passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ clock, env: { LOGIN_RATE_PER_MINUTE: '1000', SESSION_TTL_HOURS: '12' } });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('sets an HttpOnly, SameSite session cookie and stores only a hash of the token', async () => {
    const res = await login('sogddt', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'xhht_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const stored = rowsOf<{ token_hash: string }>(await t.database.db.execute(sql`SELECT token_hash FROM sessions`));
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
    expect(res.json().grants[0]).toMatchObject({ role: 'coordinator', unitName: 'Tỉnh Vĩnh Long' });
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const a = await login('khong-ton-tai', 'whatever-123');
    const b = await login('xem', 'wrong-password');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe(b.json().error.message);
  });

  it('locks an account after five wrong passwords, even against the right one, until the lock ends', async () => {
    for (let i = 0; i < 4; i++) expect((await login('khuyenhoc', 'sai-mat-khau')).statusCode).toBe(401);
    const fifth = await login('khuyenhoc', 'sai-mat-khau');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.message).toContain('tạm khóa');
    expect((await login('khuyenhoc', TEST_PASSWORD)).statusCode).toBe(429);
    clock.t += 16 * 60_000;
    expect((await login('khuyenhoc', TEST_PASSWORD)).statusCode).toBe(200);
    const events = rowsOf<{ action: string }>(await t.database.db.execute(sql`SELECT action FROM audit_events WHERE actor_name = 'khuyenhoc' ORDER BY id`));
    expect(events.map((e) => e.action)).toEqual(['auth.loginFailed', 'auth.loginFailed', 'auth.loginFailed', 'auth.loginFailed', 'auth.locked', 'auth.login']);
  });

  it('ends a session at logout and after its lifetime', async () => {
    const res = await login('xem', TEST_PASSWORD);
    const cookie = `xhht_session=${res.cookies.find((c) => c.name === 'xhht_session')!.value}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    clock.t += 13 * 3600_000;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const again = `xhht_session=${(await login('xem', TEST_PASSWORD)).cookies.find((c) => c.name === 'xhht_session')!.value}`;
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: again } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: again } })).statusCode).toBe(401);
  });

  it('changes a password, ending the other sessions, and refuses a wrong current password or a short new one', async () => {
    const s1 = `xhht_session=${(await login('tthtcd', TEST_PASSWORD)).cookies[0]!.value}`;
    const s2 = `xhht_session=${(await login('tthtcd', TEST_PASSWORD)).cookies[0]!.value}`;
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s1 }, payload: { currentPassword: 'nope-nope-nope', newPassword: 'mot-mat-khau-moi' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('currentPassword');
    const short = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s1 }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('newPassword');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s1 }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'mot-mat-khau-moi' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s1 } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s2 } })).statusCode).toBe(401);
    expect((await login('tthtcd', 'mot-mat-khau-moi')).statusCode).toBe(200);
  });

  it('throttles many logins from one address', async () => {
    const strict = await buildTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await strict.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});
