import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgSession } from 'drizzle-orm/pg-core';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { fromRoot } from '../lib/paths.ts';

/** Either driver, as the services see it: they never know which one is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a copy of a migrated instance, for fast isolated test files. */
  pglite?: PGlite;
};

export const MIGRATIONS_DIR = fromRoot('server/db/migrations');

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | null };

export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection that the server closes (a restart, a failover) is dropped from the pool and replaced on
    // the next query; without a listener node-postgres would crash the process with an unhandled 'error'.
    pool.on('error', (err) => console.error(`PostgreSQL: kết nối rỗi bị đóng (${err.message}); sẽ mở lại khi cần.`));
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR }),
      close: () => pool.end(),
    };
  }
  let release: (() => Promise<void>) | null = null;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    // Two processes on one PGlite folder lose committed rows silently (stack notes): hold a lock.
    try {
      release = await lockfile.lock(opts.dataDir, { stale: 15_000, update: 5_000, realpath: false });
    } catch {
      throw new Error(
        `Thư mục dữ liệu ${opts.dataDir} đang được một tiến trình khác sử dụng (máy chủ XHHT đang chạy?). ` +
          `Hãy dừng tiến trình đó, hoặc dùng DATABASE_URL để chạy trên PostgreSQL.`,
      );
    }
  }
  const client = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    // Keep the WAL small (it grows to 1 GB by default); passing any parameter replaces the defaults.
    startParams: [...PGlite.defaultStartParams, '-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB'],
  });
  return wrapPglite(client, release);
}

export function wrapPglite(client: PGlite, release: (() => Promise<void>) | null = null): DatabaseHandle {
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      if (release) await release();
    },
  };
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Runs a raw statement as a NAMED prepared statement: PostgreSQL parses and plans it once per connection, then
 * only binds. For a hot statement this halved the database CPU of a report save (decision 0008). The name is
 * derived from the text, since node-postgres refuses a name reused with another text. PGlite ignores the name.
 * Drizzle has no public way to name a raw statement; `session.prepareQuery` is what `db.execute` itself calls,
 * keeps the driver's type parsing (dates as text) and works inside a transaction. Both drivers' tests cover it.
 */
export function executeNamed(db: Db, stmt: SQL): Promise<unknown> {
  const internals = db as unknown as { dialect: PgDialect; session: PgSession };
  const query = internals.dialect.sqlToQuery(stmt);
  const name = `xhht_${createHash('sha1').update(query.sql).digest('base64url')}`;
  return internals.session.prepareQuery(query, undefined, name, false).execute();
}
