// Issue 4's figures. A national-scale data set is generated (34 provinces, 3,321 communes, 60 data elements,
// 10 years: about 2 million approved values), then:
// - the indicator table of one province (Vĩnh Long, 124 communes) for one year with every commune's row,
//   through the reporting service: p95, and the same figures from the equivalent hand-written SQL alone, so
//   the platform's overhead shows as a ratio;
// - 130 communes saving their report at once over HTTP on loopback (50 concurrent connections): p99 of a
//   save, errors, and a check that no write was lost.
// On PostgreSQL (the production figure) and on PGlite.
import { randomBytes, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { buildApp, createServices } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, rowsOf, type DatabaseHandle } from '../server/db/client.ts';
import { systemActor } from '../server/lib/actor.ts';
import { CATALOGUE_ELEMENTS, CATALOGUE_INDICATORS } from '../shared/domain/indicator-catalogue.ts';
import { figure, main, note, percentile, postgresAvailable, withThrowawayDatabase } from './lib.ts';

const RUNS = 40;
const SAVERS = 130;
const SAVES_EACH = 5;
const CONNECTIONS = 50;

/** The catalogue's commune elements, then filler elements up to 60 (other figures a province's form asks). */
function elementCodes(): string[] {
  const real = CATALOGUE_ELEMENTS.filter((e) => e.level === 'commune').map((e) => e.code);
  return [...real, ...Array.from({ length: 60 - real.length }, (_, i) => `benchElement${i + 1}`)];
}

async function unitsAndTemplates(database: DatabaseHandle) {
  const services = createServices(loadConfig({ NODE_ENV: 'test' }), { database });
  await services.units.importOfficial(systemActor('bench'), {});
  const provinces = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM admin_units WHERE level = 'province' AND edition = '2025'`));
  for (const p of provinces) await services.reporting.templates(systemActor('bench'), p.id);
  return services;
}

async function generate(database: DatabaseHandle) {
  const db = database.db;
  const services = await unitsAndTemplates(database);
  const t0 = Date.now();
  // One approved report per commune and year, then 60 figures each (the totals), in set-based SQL.
  await db.execute(sql`
    INSERT INTO reports (template_id, period_key, unit_id, state, due_date, submitted_at, reviewed_at)
    SELECT t.id, y::text, u.id, 'approved', make_date(y, 12, 14), now(), now()
    FROM admin_units u
    JOIN report_templates t ON t.code = 'xhht-xa' AND u.path LIKE (SELECT p.path FROM admin_units p WHERE p.id = t.province_id) || '%'
    CROSS JOIN generate_series(2017, 2026) AS y
    WHERE u.level = 'commune' AND u.edition = '2025' AND u.valid_to IS NULL`);
  const codes = elementCodes();
  // Denominators ("working-age people", "population") are large, numerators a share of them.
  await db.execute(sql`
    INSERT INTO report_values (report_id, element, breakdown, value)
    SELECT r.id, e.code, '', CASE WHEN e.code IN ('workingAgePeople', 'population15Plus') THEN 2000 + (abs(hashtext(r.id::text || e.code)) % 9000)
                                  ELSE abs(hashtext(r.id::text || e.code)) % 2000 END
    FROM reports r CROSS JOIN unnest(${`{${codes.join(',')}}`}::text[]) AS e(code)`);
  const [n] = rowsOf<{ reports: number; values: number }>(await db.execute(sql`SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM report_values) AS values`));
  note(`generated ${n!.reports} reports and ${n!.values} values in ${Math.round((Date.now() - t0) / 1000)} s`);
  await db.execute(sql`ANALYZE`);
  return services;
}

async function indicatorBench(label: string, database: DatabaseHandle, services: ReturnType<typeof createServices>) {
  const db = database.db;
  const [vl] = rowsOf<{ id: string; path: string }>(await db.execute(sql`SELECT id, path FROM admin_units WHERE path = '2025/86/'`));
  const admin = systemActor('bench');
  const q = { unitId: vl!.id, periodKey: '2026' as const };
  const first = await services.reporting.indicators(admin, q);
  const rate = first.indicators.find((i) => i.code === 'informationCompetenceRate');
  note(`${label}: ${first.rows.length} commune rows, ${first.indicators.length} indicators; informationCompetenceRate ${rate?.value?.toFixed(2)} % over ${rate?.unitsReporting}/${rate?.unitsExpected} communes`);
  const platform: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await services.reporting.indicators(admin, q);
    platform.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  // The same figures by hand: one query summing each reporter's approved values of the indicators' elements.
  const elements = [...new Set(CATALOGUE_INDICATORS.flatMap((i) => (i.kind === 'ratio' ? [i.numerator, i.denominator] : [i.element])))];
  const raw: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await db.execute(sql`
      SELECT r.unit_id, v.element, v.breakdown, sum(v.value) AS value
      FROM report_values v JOIN reports r ON r.id = v.report_id JOIN admin_units u ON u.id = r.unit_id
      JOIN report_templates t ON t.id = r.template_id
      WHERE t.province_id = ${vl!.id} AND r.period_key = '2026' AND r.state = 'approved' AND u.path LIKE '2025/86/%'
        AND v.element = ANY(${`{${elements.join(',')}}`}::text[])
      GROUP BY r.unit_id, v.element, v.breakdown`);
    raw.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const p95 = percentile(platform, 95);
  const sqlP95 = percentile(raw, 95);
  figure(`indicator-table.p95.${label}`, Math.round(p95), 'ms', label === 'postgres' ? '< 100 ms' : '< 500 ms');
  figure(`indicator-table.sql-only.p95.${label}`, Math.round(sqlP95 * 10) / 10, 'ms');
  figure(`indicator-table.overhead-ratio.${label}`, Math.round((p95 / sqlP95) * 10) / 10, 'x');

  // The trajectory over 2017-2030: of one indicator, as the indicators page asks when one is clicked, and of
  // every indicator at once (what an API client may ask).
  for (const [name, indicator] of [['one', 'informationCompetenceRate'], ['all', undefined]] as const) {
    const times: number[] = [];
    let points = 0;
    for (let i = 0; i < RUNS / 4; i++) {
      const t = process.hrtime.bigint();
      const r = await services.reporting.trajectory(admin, { unitId: vl!.id, fromYear: 2017, toYear: 2030, ...(indicator ? { indicator } : {}) });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      points = r.indicators.reduce((n, ind) => n + ind.points.filter((p) => p.value !== null).length, 0);
    }
    note(`${label}: trajectory of ${indicator ?? `all ${CATALOGUE_INDICATORS.length} indicators`} over 2017-2030, ${points} points with a value`);
    figure(`indicator-trajectory.${name}.p95.${label}`, Math.round(percentile(times, 95)), 'ms');
  }
}

async function saveBench(label: string, database: DatabaseHandle) {
  const db = database.db;
  const config = loadConfig({ NODE_ENV: 'test', LOGIN_RATE_PER_MINUTE: '100000' });
  const app = await buildApp(config, { database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // 130 commune officers with a session each (written directly: 130 password hashes would only time argon2).
    // Vĩnh Long's 124 communes and 6 of its provincial agencies: 130 reporters.
    const [vl] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM admin_units WHERE path = '2025/86/'`));
    const tpl = async (code: string) => rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM report_templates WHERE province_id = ${vl!.id} AND code = ${code}`))[0]!.id;
    const [xa, coQuan] = [await tpl('xhht-xa'), await tpl('xhht-co-quan')];
    const communes = rowsOf<{ id: string; code: string }>(await db.execute(sql`SELECT id, code FROM admin_units WHERE path LIKE '2025/86/%' AND level = 'commune' ORDER BY code`)).map((c) => ({ ...c, agencyId: null as string | null, unitId: c.id, templateId: xa, element: 'workingAgePeople' }));
    const agencies = rowsOf<{ id: string; unit_id: string; catalogue_key: string }>(
      await db.execute(sql`SELECT id, unit_id, catalogue_key FROM agencies WHERE province_id = ${vl!.id} AND unit_id = ${vl!.id} AND kind <> 'peoplesCommittee' ORDER BY catalogue_key LIMIT ${SAVERS - communes.length}`),
    ).map((a) => ({ id: a.id, code: a.catalogue_key, agencyId: a.id as string | null, unitId: a.unit_id, templateId: coQuan, element: 'universities' }));
    const reporters = [...communes, ...agencies];
    const cookies: string[] = [];
    for (const c of reporters) {
      const token = randomBytes(32).toString('base64url');
      const [u] = rowsOf<{ id: string }>(await db.execute(sql`INSERT INTO users (username, display_name, password_hash, search) VALUES (${`bench-${c.code}`}, ${`Bench ${c.code}`}, 'x', 'bench') RETURNING id`));
      if (c.agencyId) await db.execute(sql`INSERT INTO role_assignments (user_id, role, scope_agency_id) VALUES (${u!.id}, 'agencyOfficer', ${c.agencyId})`);
      else await db.execute(sql`INSERT INTO role_assignments (user_id, role, scope_unit_id) VALUES (${u!.id}, 'communeOfficer', ${c.id})`);
      await db.execute(sql`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (${createHash('sha256').update(token).digest('hex')}, ${u!.id}, now() + interval '1 day')`);
      cookies.push(`xhht_session=${token}`);
    }
    // Each reporter opens its 2027 report (not timed, as the officer has the form open), then saves it
    // SAVES_EACH times in a row (the version of one save feeds the next); CONNECTIONS of them at once.
    const jobs = reporters.map((c, i) => ({ id: c.id, cookie: cookies[i]!, templateId: c.templateId, unitId: c.unitId, agencyId: c.agencyId, element: c.element }));
    const cpu0 = process.cpuUsage();
    const pg0 = await postgresCpuMs(database);
    const clients = new Worker(new URL('./reporting-save-clients.mjs', import.meta.url), { workerData: { base, jobs, connections: CONNECTIONS, savesEach: SAVES_EACH, periodKey: '2027' } });
    const result = await new Promise<{ latencies: number[]; firstSaves: number[]; errors: number; errorSamples: string[]; last: Record<string, number>; seconds: number }>((resolve, reject) => {
      clients.once('message', resolve);
      clients.once('error', reject);
    });
    await clients.terminate();
    const cpu = process.cpuUsage(cpu0);
    const pgCpu = (await postgresCpuMs(database)) - pg0;
    const { latencies, errors, seconds } = result;
    for (const e of result.errorSamples) note(`${label}: ${e}`);
    const later = latencies.filter((x) => !result.firstSaves.includes(x));
    note(`${label}: first save of each report (creates it) p50 ${percentile(result.firstSaves, 50).toFixed(0)} ms, p99 ${percentile(result.firstSaves, 99).toFixed(0)} ms; later saves p50 ${percentile(later, 50).toFixed(0)} ms, p99 ${percentile(later, 99).toFixed(0)} ms`);
    const last = new Map(Object.entries(result.last));
    // CPU per save does not depend on what else runs on the machine, unlike the latencies.
    note(`${label}: CPU per save: server process ${((cpu.user + cpu.system) / 1000 / latencies.length).toFixed(2)} ms (process.cpuUsage counts every thread, the clients' too)${database.kind === 'postgres' ? `, PostgreSQL backends ${(pgCpu / latencies.length).toFixed(2)} ms` : ''}`);
    const saved = rowsOf<{ reporter: string; value: string; version: number }>(
      await db.execute(sql`SELECT coalesce(r.agency_id, r.unit_id) AS reporter, v.value, r.version FROM reports r JOIN report_values v ON v.report_id = r.id WHERE r.template_id IN (${xa}, ${coQuan}) AND r.period_key = '2027'`),
    );
    const lost = reporters.filter((c) => {
      const row = saved.find((x) => x.reporter === c.id);
      return Number(row?.value) !== last.get(c.id) || row?.version !== SAVES_EACH;
    }).length;
    note(`${label}: ${latencies.length} saves by ${reporters.length} reporters in ${seconds.toFixed(1)} s, ${CONNECTIONS} at once; p50 ${percentile(latencies, 50).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    figure(`report-save.p99.${label}`, Math.round(percentile(latencies, 99)), 'ms', label === 'postgres' ? '< 100 ms' : undefined);
    figure(`report-save.errors.${label}`, errors, 'requests', '0');
    figure(`report-save.lost-writes.${label}`, lost, 'reports', '0');
  } finally {
    await app.close();
  }
}

// While working on one figure: BENCH_DRIVERS=postgres and BENCH_PARTS=save (the national data set is then
// not generated: only the units and templates the saves need). The published figures use the defaults.
const DRIVERS = (process.env.BENCH_DRIVERS ?? 'postgres,pglite').split(',');
const PARTS = (process.env.BENCH_PARTS ?? 'indicators,save').split(',');

/** CPU time used so far by the PostgreSQL backends serving this database (from /proc; 0 where unreadable). */
async function postgresCpuMs(database: DatabaseHandle) {
  if (database.kind !== 'postgres') return 0;
  const pids = rowsOf<{ pid: number }>(await database.db.execute(sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`));
  const ticks = pids.map(({ pid }) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 per second on Linux)
    } catch {
      return 0;
    }
  });
  return ticks.reduce((a, b) => a + b, 0) * 10;
}

async function run(label: 'pglite' | 'postgres', database: DatabaseHandle) {
  await database.migrate();
  const services = PARTS.includes('indicators') ? await generate(database) : await unitsAndTemplates(database);
  if (PARTS.includes('indicators')) await indicatorBench(label, database, services);
  if (PARTS.includes('save')) await saveBench(label, database);
}

main(async () => {
  if (DRIVERS.includes('postgres') && (await postgresAvailable())) {
    await withThrowawayDatabase(async (url) => {
      // The pool the server would open (DATABASE_POOL_SIZE, or its default for this machine).
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url });
      const pg = await openDatabase(config.database.kind === 'postgres' ? config.database : { kind: 'postgres', url });
      note(`postgres: ${config.database.kind === 'postgres' ? config.database.poolSize : '?'} connections in the pool`);
      try {
        await run('postgres', pg);
      } finally {
        await pg.close();
      }
    });
  }
  if (!DRIVERS.includes('pglite')) return;
  const pglite = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await run('pglite', pglite);
  } finally {
    await pglite.close();
  }
});
