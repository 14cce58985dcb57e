import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';

describe('accounts, roles and scopes', () => {
  let t: TestApp;
  let admin: string;
  let coord: string;
  beforeAll(async () => {
    t = await buildTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    admin = await t.login('admin');
    coord = await t.login('sogddt');
  });
  afterAll(() => t.close());

  const post = (url: string, cookie: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });

  it('creates an account scoped to a commune that must change its password at first login', async () => {
    const longChau = await t.unitId('2025/86/29551/');
    const res = await post('/api/users', admin, { username: 'Hoa.LC', displayName: 'Lê Thị Hoa', password: 'mat-khau-ban-dau', grants: [{ role: 'communeOfficer', unitId: longChau }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'hoa.lc', mustChangePassword: true, grants: [{ role: 'communeOfficer', unitName: 'Phường Long Châu' }] });
    const cookie = await t.login('hoa.lc', 'mat-khau-ban-dau');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    // Until the password is changed, nothing else answers.
    const blocked = await t.app.inject({ method: 'GET', url: `/api/units/${longChau}`, headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'mat-khau-ban-dau', newPassword: 'mat-khau-cua-hoa' } });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/units/${longChau}`, headers: { cookie } })).statusCode).toBe(200);
  });

  it('records the creation in the audit log without the password', async () => {
    const rows = rowsOf<{ after: Record<string, unknown> }>(await t.database.db.execute(sql`SELECT after FROM audit_events WHERE action = 'user.create' AND actor_name = 'admin'`));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.after)).not.toContain('mat-khau-ban-dau');
    expect(rows[0]!.after).not.toHaveProperty('passwordHash');
  });

  it('refuses a role held at the wrong kind of scope, naming the field', async () => {
    const vl = await t.unitId('2025/86/');
    const res = await post('/api/users', admin, { username: 'sai.pham.vi', displayName: 'X', password: 'mat-khau-ban-dau', grants: [{ role: 'communeOfficer', unitId: vl }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'grants.0.unitId', message: expect.stringContaining('province') }]);
    const agencyRole = await post('/api/users', admin, { username: 'sai.pham.vi', displayName: 'X', password: 'mat-khau-ban-dau', grants: [{ role: 'learningCentreStaff', agencyId: await t.agencyId('86', 'so-gddt') }] });
    expect(agencyRole.statusCode).toBe(400);
    expect(rowsOf(await t.database.db.execute(sql`SELECT 1 FROM users WHERE username = 'sai.pham.vi'`))).toEqual([]);
  });

  it('lets a coordinator create accounts in their province but not a coordinator, an administrator or an account elsewhere', async () => {
    const vl = await t.unitId('2025/86/');
    const traVinh = await t.unitId('2025/86/29242/');
    expect((await post('/api/users', coord, { username: 'tv.officer', displayName: 'Cán bộ', password: 'mat-khau-ban-dau', grants: [{ role: 'communeOfficer', unitId: traVinh }] })).statusCode).toBe(201);
    expect((await post('/api/users', coord, { username: 'coord2', displayName: 'X', password: 'mat-khau-ban-dau', grants: [{ role: 'coordinator', unitId: vl }] })).statusCode).toBe(403);
    expect((await post('/api/users', coord, { username: 'admin2', displayName: 'X', password: 'mat-khau-ban-dau', grants: [{ role: 'systemAdmin' }] })).statusCode).toBe(403);
    expect((await post('/api/users', coord, { username: 'ct.viewer', displayName: 'X', password: 'mat-khau-ban-dau', grants: [{ role: 'viewer', unitId: await t.unitId('2025/92/') }] })).statusCode).toBe(403);
  });

  it('shows a coordinator only the accounts of their province', async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/users?limit=200', headers: { cookie: coord } })).json().items as { username: string }[];
    const names = items.map((u) => u.username);
    expect(names).toContain('longchau');
    expect(names).not.toContain('cantho');
    expect(names).not.toContain('admin');
  });

  it('finds accounts by name without diacritics', async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/users?q=le%20thi%20hoa', headers: { cookie: admin } })).json().items as { username: string }[];
    expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(['longchau', 'hoa.lc']));
  });

  it('rejects a username already taken', async () => {
    const res = await post('/api/users', admin, { username: 'longchau', displayName: 'X', password: 'mat-khau-ban-dau', grants: [{ role: 'viewer', unitId: await t.unitId('2025/86/') }] });
    expect(res.statusCode).toBe(409);
  });

  it('disabling an account ends its sessions at once', async () => {
    const victim = await t.login('travinh');
    const id = rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM users WHERE username = 'travinh'`))[0]!.id;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: coord }, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: victim } })).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'travinh', password: 'xhht-demo-2026' } });
    expect(relogin.statusCode).toBe(401);
  });

  it('does not let an administrator change their own roles', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })).json();
    const res = await t.app.inject({ method: 'PUT', url: `/api/users/${me.id}/grants`, headers: { cookie: admin }, payload: { grants: [{ role: 'viewer', unitId: await t.unitId('2025/86/') }] } });
    expect(res.statusCode).toBe(409);
  });
});
