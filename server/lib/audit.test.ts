import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.ts';
import { adminUnits } from '../db/schema/units.ts';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { systemActor } from './actor.ts';
import { recordAudit } from './audit.ts';

describe('audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('rolls back with the write it records: a failed change leaves neither row nor audit event', async () => {
    const commune = await t.unitId('2025/86/29551/');
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.insert(adminUnits).values({ edition: '2025', level: 'village', code: 'TX', name: 'Ấp tạm', kind: 'ấp', parentId: commune, path: '2025/86/29551/TX/', official: false, search: 'ap tam' });
        await recordAudit(tx, systemActor('audit-test'), { action: 'unit.create', entityType: 'adminUnit', entityId: 'TX', after: { name: 'Ấp tạm' } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(rowsOf(await t.database.db.execute(sql`SELECT 1 FROM admin_units WHERE path = '2025/86/29551/TX/'`))).toEqual([]);
    expect(rowsOf(await t.database.db.execute(sql`SELECT 1 FROM audit_events WHERE actor_name = 'audit-test'`))).toEqual([]);
  });

  it('records before and after of an update, and the administrator can filter the log', async () => {
    const coord = await t.login('sogddt');
    const id = await t.agencyId('86', 'so-tu-phap');
    await t.app.inject({ method: 'PATCH', url: `/api/agencies/${id}`, headers: { cookie: coord }, payload: { abbreviations: ['STP', 'Sở TP'] } });
    const admin = await t.login('admin');
    const res = await t.app.inject({ method: 'GET', url: `/api/audit?entityType=agency&entityId=${id}&actor=sogddt`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const [event] = res.json().items;
    expect(event).toMatchObject({ action: 'agency.update', actorName: 'sogddt' });
    expect(event.before.abbreviations).toEqual(['STP']);
    expect(event.after.abbreviations).toEqual(['STP', 'Sở TP']);
    const byDay = await t.app.inject({ method: 'GET', url: `/api/audit?from=2000-01-01&to=2000-01-02`, headers: { cookie: admin } });
    expect(byDay.json().total).toBe(0);
  });

  it('refuses the log to anyone but the administrator', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: await t.login('sogddt') } });
    expect(res.statusCode).toBe(403);
  });
});
