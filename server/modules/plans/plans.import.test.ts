import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { fromRoot } from '../../lib/paths.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { multipartFile } from '../../../test/support/multipart.ts';
import type { PlanPreview } from '../../../shared/contracts/plans.ts';

const APPENDIX = readFileSync(fromRoot('test/fixtures/plans/000_e35a57ecf8b44306.txt'));

describe('importing a plan document through the API', () => {
  let t: TestApp;
  let coord: string;
  let vl: string;
  beforeAll(async () => {
    t = await buildTestApp();
    coord = await t.login('sogddt');
    vl = await t.unitId('2025/86/');
  });
  afterAll(() => t.close());

  const upload = (name: string, content: string | Uint8Array, provinceId = vl, cookie = coord) => {
    const { payload, headers } = multipartFile(name, content);
    return t.app.inject({ method: 'POST', url: `/api/plans/import?provinceId=${provinceId}`, headers: { ...headers, cookie }, payload });
  };
  const planCount = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM plans`))[0]!.n;

  it('previews Vĩnh Long’s task appendix with agencies matched to the province’s own catalogue, writing nothing', async () => {
    const before = await planCount();
    const res = await upload('phu-luc-2.txt', APPENDIX);
    expect(res.statusCode).toBe(200);
    const preview = res.json() as PlanPreview;
    expect(preview.format).toBe('text');
    expect(preview.tasks.map((x) => x.code)).toEqual(expect.arrayContaining(['1.1', '1.4', '2.3', '3.6', '5.3']));
    const lead = preview.tasks.find((x) => x.code === '1.4')!.leads;
    expect(lead.map((l) => l.agencyId)).toEqual([await t.agencyId('86', 'so-gddt'), null]);
    expect(lead[1]!.group).toBe('UBND các xã, phường');
    expect(preview.lines[preview.tasks[0]!.line! - 1]).toContain(preview.tasks[0]!.code!);
    expect(await planCount()).toBe(before);
  });

  it('commits the reviewed preview as a plan with every task', async () => {
    const preview = (await upload('phu-luc-2.txt', APPENDIX)).json() as PlanPreview;
    const body = {
      provinceId: vl,
      plan: { ...preview.plan, title: preview.plan.title ?? 'Phụ lục 2', sourceFilename: preview.filename },
      targets: preview.targets,
      tasks: preview.tasks.map((x) => ({
        ...x,
        leads: x.leads.map((r) => ({ raw: r.raw, agencyId: r.agencyId, groupName: r.group })),
        coordinators: x.coordinators.map((r) => ({ raw: r.raw, agencyId: r.agencyId, groupName: r.group })),
      })),
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/plans', headers: { cookie: coord }, payload: body });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    expect(res.json().taskCount).toBe(preview.tasks.length);
  });

  it('refuses an empty file, a picture named .docx and a file over 20 MB, naming the problem', async () => {
    const empty = await upload('ke-hoach.docx', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('file');
    const png = await upload('ke-hoach.docx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]));
    expect(png.statusCode).toBe(400);
    expect(png.json().error.message).toMatch(/Word|docx/i);
    const huge = await upload('ke-hoach.txt', new Uint8Array(21 * 1024 * 1024).fill(65));
    expect(huge.statusCode).toBe(413);
  });

  it('refuses a preview for a province the coordinator does not run', async () => {
    expect((await upload('phu-luc-2.txt', APPENDIX, await t.unitId('2025/92/'))).statusCode).toBe(404);
    expect((await upload('phu-luc-2.txt', APPENDIX, vl, await t.login('sovhttdl'))).statusCode).toBe(403);
  });
});
