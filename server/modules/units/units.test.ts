import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { systemActor } from '../../lib/actor.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';

describe('administrative units', () => {
  let t: TestApp;
  let admin: string;
  let longchau: string;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.login('admin');
    longchau = await t.login('longchau');
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('holds the demo province with its 124 communes', async () => {
    const vl = await t.unitId('2025/86/');
    const tree = (await get(`/api/units/${vl}/tree`, admin)).json();
    expect(tree.name).toBe('Tỉnh Vĩnh Long');
    expect(tree.children).toHaveLength(124);
    const longChau = tree.children.find((c: { name: string }) => c.name === 'Phường Long Châu');
    expect(longChau.children.map((v: { name: string }) => v.name)).toEqual(['Khóm 1', 'Khóm 2', 'Khóm 3']);
  });

  it('finds units typed without diacritics or capitals', async () => {
    const res = await get('/api/units?q=vinh%20long&level=province', admin);
    expect(res.json().map((u: { name: string }) => u.name)).toEqual(['Tỉnh Vĩnh Long']);
    const communes = (await get('/api/units?q=long%20chau', admin)).json();
    expect(communes[0].name).toBe('Phường Long Châu');
    const upper = (await get('/api/units?q=PHUONG%20TRA%20VINH', admin)).json();
    expect(upper.map((u: { name: string }) => u.name)).toContain('Phường Trà Vinh');
  });

  it('counts the children of each unit listed', async () => {
    const provinces = (await get('/api/units/provinces', admin)).json();
    expect(provinces.find((p: { code: string }) => p.code === '86').childCount).toBe(124);
    const communes = (await get(`/api/units/${await t.unitId('2025/86/')}/children`, admin)).json();
    expect(communes.find((c: { name: string }) => c.name === 'Phường Long Châu').childCount).toBe(3);
  });

  it('counts for a commune officer only what they can open', async () => {
    const provinces = (await get('/api/units/provinces', longchau)).json();
    expect(provinces).toHaveLength(1);
    expect(provinces[0]).toMatchObject({ name: 'Tỉnh Vĩnh Long', childCount: 1 });
    const province = (await get(`/api/units/${await t.unitId('2025/86/')}`, longchau)).json();
    expect(province.agencyCount).toBe(0);
    expect((await get(`/api/units/${await t.unitId('2025/86/')}`, admin)).json().agencyCount).toBeGreaterThan(20);
    const commune = (await get(`/api/units/${await t.unitId('2025/86/29551/')}`, longchau)).json();
    expect(commune.agencyCount).toBe(2); // its People's Committee and its learning centre
  });

  it('searches several levels at once and names the province of each result', async () => {
    const rows = (await get('/api/units?q=long&level=province,commune&limit=200', admin)).json();
    expect(new Set(rows.map((u: { level: string }) => u.level))).toEqual(new Set(['province', 'commune']));
    expect(rows.find((u: { name: string }) => u.name === 'Phường Long Châu')).toMatchObject({ parentName: 'Tỉnh Vĩnh Long', provinceName: 'Tỉnh Vĩnh Long' });
    expect((await get('/api/units?level=hamlet', admin)).statusCode).toBe(400);
  });

  it('sorts communes in Vietnamese order', async () => {
    const vl = await t.unitId('2025/86/');
    const names: string[] = (await get(`/api/units/${vl}/children`, admin)).json().map((u: { name: string }) => u.name);
    const xa = names.filter((n) => n.startsWith('Xã '));
    expect(xa).toEqual([...xa].sort((a, b) => a.localeCompare(b, 'vi')));
  });

  it('follows a new commune back to the former communes merged into it', async () => {
    const longChau = await t.unitId('2025/86/29551/');
    const history = (await get(`/api/units/${longChau}/history`, admin)).json();
    expect(history.predecessors.length).toBeGreaterThan(0);
    for (const p of history.predecessors) {
      expect(p.edition).toBe('pre2025');
      expect(p.validTo).toBe('2025-06-30');
      expect(['whole', 'part']).toContain(p.mergeKind);
    }
    // …and a former commune forward to the new one, visible to the commune officer through that link.
    const former = history.predecessors[0];
    const forward = await get(`/api/units/${former.id}/history`, longchau);
    expect(forward.statusCode).toBe(200);
    expect(forward.json().successors.map((s: { id: string }) => s.id)).toContain(longChau);
  });

  it('keeps the former districts and provinces of the demo province (Bến Tre, Trà Vinh, Vĩnh Long)', async () => {
    const rows = rowsOf<{ name: string }>(await t.database.db.execute(sql`SELECT name FROM admin_units WHERE edition = 'pre2025' AND level = 'province' AND path IN (SELECT DISTINCT split_part(u.path, '/', 1) || '/' || split_part(u.path, '/', 2) || '/' FROM unit_successions s JOIN admin_units u ON u.id = s.predecessor_id JOIN admin_units n ON n.id = s.successor_id WHERE n.path LIKE '2025/86/%') ORDER BY name`));
    expect(rows.map((r) => r.name)).toEqual(['Tỉnh Bến Tre', 'Tỉnh Trà Vinh', 'Tỉnh Vĩnh Long']);
  });

  it('refuses a commune officer the page of another commune of the same province (404)', async () => {
    const traVinh = await t.unitId('2025/86/29242/');
    const res = await get(`/api/units/${traVinh}`, longchau);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    // Their own commune and its province (as a breadcrumb) are visible.
    expect((await get(`/api/units/${await t.unitId('2025/86/29551/')}`, longchau)).statusCode).toBe(200);
    const detail = (await get(`/api/units/${await t.unitId('2025/86/29551/')}`, longchau)).json();
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh Vĩnh Long']);
  });

  it('shows a commune officer only their own commune in the province tree and in search', async () => {
    const vl = await t.unitId('2025/86/');
    const tree = (await get(`/api/units/${vl}/tree`, longchau)).json();
    expect(tree.children.map((c: { name: string }) => c.name)).toEqual(['Phường Long Châu']);
    const found = (await get('/api/units?q=tra%20vinh', longchau)).json();
    expect(found).toEqual([]);
  });

  it('lets a commune officer add a hamlet to their commune, audited, and refuses a duplicate', async () => {
    const longChau = await t.unitId('2025/86/29551/');
    const res = await t.app.inject({ method: 'POST', url: `/api/units/${longChau}/villages`, headers: { cookie: longchau }, payload: { name: 'Khóm  4', kind: 'khóm' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Khóm 4', level: 'village', official: false });
    const audit = rowsOf<{ actor_name: string; action: string }>(await t.database.db.execute(sql`SELECT actor_name, action FROM audit_events WHERE entity_id = ${res.json().id}`));
    expect(audit).toEqual([{ actor_name: 'longchau', action: 'unit.create' }]);
    const dup = await t.app.inject({ method: 'POST', url: `/api/units/${longChau}/villages`, headers: { cookie: longchau }, payload: { name: 'khom 4', kind: 'khóm' } });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses to add a hamlet under a province', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/units/${await t.unitId('2025/86/')}/villages`, headers: { cookie: admin }, payload: { name: 'Ấp X', kind: 'ấp' } });
    expect(res.statusCode).toBe(400);
  });

  it('retires a unit with an end date instead of deleting it', async () => {
    const village = await t.services.units.addVillage(systemActor(), await t.unitId('2025/86/29551/'), { name: 'Khóm sáp nhập', kind: 'khóm' });
    const res = await t.app.inject({ method: 'POST', url: `/api/units/${village.id}/retire`, headers: { cookie: longchau }, payload: { validTo: '2099-06-30' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().validTo).toBe('2099-06-30');
    expect((await get(`/api/units/${village.id}`, longchau)).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: `/api/units/${village.id}/retire`, headers: { cookie: longchau }, payload: { validTo: '2099-07-01' } });
    expect(again.statusCode).toBe(409);
  });

  it('does not let a commune officer rename an official unit', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/units/${await t.unitId('2025/86/29551/')}`, headers: { cookie: longchau }, payload: { name: 'Phường Mới' } });
    expect(res.statusCode).toBe(403);
  });

  it('imports the official list again without duplicating anything (idempotent)', async () => {
    const count = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM admin_units`))[0]!.n;
    const before = await count();
    const r = await t.services.units.importOfficial(systemActor(), { provinceCode: '86' });
    expect(r).toMatchObject({ provinces: 1, communes: 124, agenciesCreated: 0 });
    expect(await count()).toBe(before);
  });
});
