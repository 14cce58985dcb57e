// Shared helpers of the benches: figures, server child processes, throwaway PostgreSQL databases, login.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEMO_PASSWORD = 'xhht-demo-2026';

/** A figure, `name: value unit`; diagnostics go through note() so they never look like one. */
export function figure(name: string, value: number, unit: string, target?: string) {
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(value < 10 ? 2 : 0)} ${unit}`);
  if (target) note(`target: ${target}`);
}
export const note = (msg: string) => console.log(msg.split('\n').map((l) => `# ${l}`).join('\n'));

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
export const median = (values: number[]) => percentile(values, 50);
export const ms = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e6;

// Cleanups still pending when the bench is interrupted (Ctrl-C): throwaway databases, temp folders, children.
const cleanups = new Set<() => Promise<unknown> | unknown>();
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, async () => {
    for (const c of [...cleanups].reverse()) await Promise.resolve(c()).catch(() => {});
    process.exit(130);
  });
}
/** Runs fn with a cleanup that also runs if the bench is interrupted. */
export async function withCleanup<T>(cleanup: () => Promise<unknown> | unknown, fn: () => Promise<T>): Promise<T> {
  cleanups.add(cleanup);
  try {
    return await fn();
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

export function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xhht-bench-'));
  return withCleanup(() => rmSync(dir, { recursive: true, force: true }), () => fn(dir));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const SERVER_ENV = ['DATABASE_URL', 'DATA_DIR', 'DEMO_ON_FIRST_START', 'LOG_LEVEL', 'HOST', 'PORT', 'NODE_ENV', 'WEB_DIST'];

export type Server = { url: string; child: ChildProcess; spawnedAt: bigint; output: () => string; stop: () => Promise<void> };

/**
 * Spawns a server (`server/main.ts` through tsx, or another script such as `bin/start.mjs`) on a free
 * port of 127.0.0.1; nodeArgs go before the script (e.g. `--cpu-prof` to profile it). Output is kept
 * (the last 20 kB) for the failure message, not printed.
 */
export async function spawnServer(env: Record<string, string>, script = 'server/main.ts', nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  const args = [...nodeArgs, ...(script.endsWith('.ts') ? ['--import', 'tsx', script] : [script])];
  // The bench decides the database: nothing leaks in from the caller's environment.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SERVER_ENV.includes(k)));
  const spawnedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...inherited, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => (out = (out + b.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.add(stop);
  void exited.then(() => cleanups.delete(stop));
  return { url: `http://127.0.0.1:${port}`, child, spawnedAt, output: () => out, stop };
}

/** Polls GET /api/health every 5 ms until it answers 200; fails if the server exits or the time runs out. */
export async function waitHealthy(server: Server, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited (${server.child.exitCode ?? server.child.signalCode}) before answering:\n${server.output()}`);
    }
    try {
      const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await server.stop();
  throw new Error(`no healthy answer from ${server.url} within ${timeoutMs} ms:\n${server.output()}`);
}

/** Starts a server and waits until it is healthy; stops it again if it never gets there. */
export async function startServer(env: Record<string, string>, opts: { script?: string; nodeArgs?: string[]; timeoutMs?: number } = {}): Promise<Server> {
  const server = await spawnServer(env, opts.script, opts.nodeArgs);
  await waitHealthy(server, opts.timeoutMs);
  return server;
}

/** Logs in and returns the `Cookie` header value of the new session. */
export async function login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('xhht_session='));
  if (!cookie) throw new Error(`login as ${username}: no session cookie`);
  return cookie.split(';')[0]!;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Whether the PostgreSQL server answers; prints `# postgres unavailable: …` when it does not. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await admin((c) => c.query('SELECT 1'));
    return true;
  } catch (e) {
    note(`postgres unavailable: ${(e as Error).message || String(e)} (${new URL(BENCH_DATABASE_URL).host})`);
    return false;
  }
}

/** Runs fn on a fresh, empty database `xhht_bench_<pid>_<random>`, dropped afterwards whatever happens. */
export async function withThrowawayDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `xhht_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return withCleanup(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)), () => fn(withDatabaseName(BENCH_DATABASE_URL, name)));
}

/** Runs a bench's main function: failures print the error and exit non-zero. */
export function main(fn: () => Promise<void>) {
  fn().then(
    () => process.exit(0),
    (e) => {
      note(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}
