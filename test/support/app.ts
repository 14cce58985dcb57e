import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { rowsOf, type DatabaseHandle } from '../../server/db/client.ts';
import type { Clock } from '../../server/lib/clock.ts';
import { openTestDatabase } from './db.ts';
import { TEST_PASSWORD } from './seed.ts';

export type TestApp = {
  app: FastifyInstance;
  database: DatabaseHandle;
  services: ReturnType<typeof createServices>;
  config: ReturnType<typeof loadConfig>;
  /** Logs in through the HTTP API and returns the Cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  /** Id of a row found by a query returning `id` (test fixtures refer to units by path, agencies by key). */
  idOf(query: ReturnType<typeof sql>): Promise<string>;
  unitId(path: string): Promise<string>;
  agencyId(provinceCode: string, catalogueKey: string): Promise<string>;
  close(): Promise<void>;
};

export async function buildTestApp(opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST: 'does-not-exist', ...opts.env });
  const services = createServices(config, { database, ...(opts.clock ? { clock: opts.clock } : {}) });
  const app = await buildApp(config, { database, services });
  const idOf = async (q: ReturnType<typeof sql>) => {
    const row = rowsOf<{ id: string }>(await database.db.execute(q))[0];
    if (!row) throw new Error('fixture not found');
    return row.id;
  };
  return {
    app,
    database,
    services,
    config,
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'xhht_session');
      return `xhht_session=${cookie!.value}`;
    },
    idOf,
    unitId: (path) => idOf(sql`SELECT id FROM admin_units WHERE path = ${path}`),
    agencyId: (provinceCode, key) =>
      idOf(sql`SELECT a.id FROM agencies a JOIN admin_units p ON p.id = a.province_id WHERE p.code = ${provinceCode} AND p.level = 'province' AND a.catalogue_key = ${key}`),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
