import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import { seed } from './support/seed.ts';
import { withDatabase } from './support/db.ts';

// Migrates and seeds one database for the whole run; test files copy it (support/db.ts).
export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `xhht_test_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const handle = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), poolSize: 2 });
    await handle.migrate();
    await seed(handle);
    await handle.close();
    process.env.XHHT_TEST_TEMPLATE = name;
    return async () => {
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'xhht-test-'));
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  await handle.migrate();
  await seed(handle);
  const dump = await handle.pglite!.dumpDataDir('none');
  const file = path.join(dir, 'seed.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  process.env.XHHT_TEST_SNAPSHOT = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
