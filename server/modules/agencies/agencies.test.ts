import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { STANDARD_AGENCIES, provinceWords } from '../../../shared/domain/agency-catalogue.ts';

describe('agencies', () => {
  let t: TestApp;
  let admin: string;
  let coord: string;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.login('admin');
    coord = await t.login('sogddt');
  });
  afterAll(() => t.close());

  const list = async (query: string, cookie = admin) => (await t.app.inject({ method: 'GET', url: `/api/agencies?${query}`, headers: { cookie } })).json();

  it('creates every province with the standard agencies and one People’s Committee per commune', async () => {
    const vl = await t.unitId('2025/86/');
    const all = await list(`provinceId=${vl}&limit=500`);
    expect(all.total).toBe(STANDARD_AGENCIES.length + 124 + 1); // + the demo learning centre
    const names = all.items.map((a: { name: string }) => a.name);
    for (const n of ['Ủy ban nhân dân tỉnh Vĩnh Long', 'Sở Giáo dục và Đào tạo', 'Sở Văn hóa, Thể thao và Du lịch', 'Công an tỉnh', 'Báo và Phát thanh, Truyền hình Vĩnh Long', 'Tỉnh đoàn', 'Hội Khuyến học tỉnh', 'Ủy ban nhân dân phường Long Châu']) {
      expect(names).toContain(n);
    }
    expect(all.items[0]).toMatchObject({ name: 'Sở Giáo dục và Đào tạo', isStandingAgency: true });
  });

  it('names a centrally-run city’s agencies as a city’s (Thành đoàn, thành phố)', async () => {
    const ct = await t.unitId('2025/92/');
    const names = (await list(`provinceId=${ct}&limit=500`)).items.map((a: { name: string }) => a.name);
    expect(names).toContain('Thành đoàn');
    expect(names).toContain('Ủy ban nhân dân thành phố Cần Thơ');
    expect(provinceWords('Thành phố Cần Thơ')).toEqual({ t: 'thành phố', P: 'Cần Thơ', Y: 'Thành đoàn' });
  });

  it.each([
    ['so gddt', 'Sở Giáo dục và Đào tạo'],
    ['SỞ GD&ĐT', 'Sở Giáo dục và Đào tạo'],
    ['bao va ptth', 'Báo và Phát thanh, Truyền hình Vĩnh Long'],
    ['ldld', 'Liên đoàn Lao động tỉnh'],
    ['khuyen hoc', 'Hội Khuyến học tỉnh'],
    ['ubnd phuong long chau', 'Ủy ban nhân dân phường Long Châu'],
  ])('finds "%s" as %s', async (q, name) => {
    const vl = await t.unitId('2025/86/');
    const found = await list(`provinceId=${vl}&q=${encodeURIComponent(q)}`);
    expect(found.items.map((a: { name: string }) => a.name)).toContain(name);
  });

  it('knows the named groups plans use, with their members counted from the catalogue', async () => {
    const vl = await t.unitId('2025/86/');
    const groups = (await t.app.inject({ method: 'GET', url: `/api/agency-groups?provinceId=${vl}`, headers: { cookie: coord } })).json();
    const communes = groups.find((g: { name: string }) => g.name === 'UBND các xã, phường');
    expect(communes.memberCount).toBe(124);
    expect(communes.aliases).toContain('UBND các xã/phường');
    expect(groups.find((g: { name: string }) => g.name === 'Các sở, ban, ngành').memberCount).toBeGreaterThan(20);
  });

  it('lets the coordinator add a university to the catalogue and refuses a second one with the same name', async () => {
    const vl = await t.unitId('2025/86/');
    const body = { unitId: vl, kind: 'university', name: 'Trường Đại học Cửu Long', shortName: 'ĐH Cửu Long', abbreviations: ['MKU'] };
    const res = await t.app.inject({ method: 'POST', url: '/api/agencies', headers: { cookie: coord }, payload: body });
    expect(res.statusCode).toBe(201);
    expect((await list(`q=dai%20hoc%20cuu%20long`, coord)).total).toBe(1);
    const dup = await t.app.inject({ method: 'POST', url: '/api/agencies', headers: { cookie: coord }, payload: body });
    expect(dup.statusCode).toBe(409);
  });

  it('shows an agency officer only their own agency', async () => {
    const cookie = await t.login('sovhttdl');
    const mine = await list('limit=500', cookie);
    expect(mine.items.map((a: { name: string }) => a.name)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    const other = await t.agencyId('86', 'so-tai-chinh');
    expect((await t.app.inject({ method: 'GET', url: `/api/agencies/${other}`, headers: { cookie } })).statusCode).toBe(404);
  });

  it('refuses an agency officer editing their own agency’s catalogue entry (403)', async () => {
    const cookie = await t.login('sovhttdl');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/agencies/${await t.agencyId('86', 'so-vhttdl')}`, headers: { cookie }, payload: { shortName: 'X' } });
    expect(res.statusCode).toBe(403);
  });

  it('keeps the standing agency active unless the administrator decides otherwise', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/agencies/${await t.agencyId('86', 'so-gddt')}`, headers: { cookie: coord }, payload: { active: false } });
    expect(res.statusCode).toBe(409);
  });
});
