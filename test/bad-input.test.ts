import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../server/db/client.ts';
import { buildTestApp, type TestApp } from './support/app.ts';

// Issue 2, "Bad input": malformed JSON, wrong types, unknown fields, oversized bodies, SQL/HTML injection
// strings in names → a clear 4xx with field paths, and nothing written.
describe('bad input', () => {
  let t: TestApp;
  let admin: string;
  let auditBefore: number;
  const auditCount = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events`))[0]!.n;
  const usersCount = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM users`))[0]!.n;

  beforeAll(async () => {
    t = await buildTestApp({ env: { BODY_LIMIT_BYTES: '65536' } });
    admin = await t.login('admin');
    auditBefore = await auditCount();
  });
  afterAll(() => t.close());

  const send = (method: 'POST' | 'PATCH', url: string, body: string, contentType = 'application/json') =>
    t.app.inject({ method, url, headers: { cookie: admin, 'content-type': contentType }, payload: body });

  it('answers malformed JSON with 400 and writes nothing', async () => {
    const n = await usersCount();
    const res = await send('POST', '/api/users', '{"username": "abc", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('JSON') });
    expect(await usersCount()).toBe(n);
  });

  it('names every wrong field with its path', async () => {
    const res = await send('POST', '/api/users', JSON.stringify({ username: 42, displayName: ['x'], password: 'short', grants: [{ role: 'wizard' }] }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'grants.0.role']));
    for (const d of res.json().error.details) expect(d.message).toMatch(/\S/);
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const vl = await t.unitId('2025/86/');
    const res = await send('POST', '/api/agencies', JSON.stringify({ unitId: vl, kind: 'enterprise', name: 'Công ty A', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'isAdmin', message: 'trường không được chấp nhận' }]);
  });

  it('refuses a wrong type in a query string and a malformed id', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/units?limit=abc', headers: { cookie: admin } })).json().error.details[0].path).toBe('querystring.limit');
    const bad = await t.app.inject({ method: 'GET', url: "/api/units/1'%20OR%201=1", headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('params.id');
  });

  it('refuses an oversized body with 413', async () => {
    const res = await send('POST', '/api/agencies', JSON.stringify({ name: 'x'.repeat(100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await send('POST', '/api/agencies', '<xml/>', 'application/xml');
    expect(res.statusCode).toBe(415);
  });

  it('stores SQL and HTML in names as plain text, and searching for them breaks nothing', async () => {
    const vl = await t.unitId('2025/86/');
    const evil = `Robert'); DROP TABLE agencies;-- <script>alert("x")</script> 100%_`;
    const res = await send('POST', '/api/agencies', JSON.stringify({ unitId: vl, kind: 'other', name: evil }));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(evil);
    const found = await t.app.inject({ method: 'GET', url: `/api/agencies?q=${encodeURIComponent("'); DROP TABLE")}`, headers: { cookie: admin } });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((a: { name: string }) => a.name)).toEqual([evil]);
    // A query of LIKE wildcards only is not a pattern: it folds to nothing and filters nothing.
    const wild = await t.app.inject({ method: 'GET', url: `/api/agencies?q=${encodeURIComponent('%_%')}`, headers: { cookie: admin } });
    expect(wild.statusCode).toBe(200);
  });

  it('has written nothing to the audit log for the refused requests', async () => {
    // Only the one accepted creation above was recorded.
    expect((await auditCount()) - auditBefore).toBe(1);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/khong-co', headers: { cookie: admin } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
