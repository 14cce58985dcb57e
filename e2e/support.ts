import { execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';

// What a browser journey needs: the built web app, a real server on a fresh database (an embedded one
// in a temp folder, or a throwaway database on the PostgreSQL server of DATABASE_URL), and Chromium.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHOTS = path.join(ROOT, 'test-results', 'e2e');
export const DEMO_PASSWORD = 'xhht-demo-2026';

/** Newest modification time of the files under these paths (the web sources and what they import). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(ROOT, p)));
  return newest;
}

/**
 * Builds dist/web when it is missing or older than the web sources (the server only serves the web app
 * if index.html exists when it starts). A custom WEB_DIST is used as it is.
 */
export function ensureWebBuilt(): void {
  if (process.env.WEB_DIST) {
    if (!existsSync(path.resolve(ROOT, process.env.WEB_DIST, 'index.html'))) throw new Error(`WEB_DIST=${process.env.WEB_DIST} has no index.html`);
    return;
  }
  const index = path.join(ROOT, 'dist/web/index.html');
  const built = statSync(index, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > newestMtime(['web', 'shared', 'vite.config.ts'])) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type TestServer = { url: string; stop: () => Promise<void>; output: () => string };

/** Starts `node --import tsx server/main.ts` on a free port with the demo province, and waits until it is healthy. */
export async function startServer(): Promise<TestServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'test', COOKIE_SECURE: 'false' };
  let dataDir: string | null = null;
  let dbName: string | null = null;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    dbName = `xhht_e2e_${randomBytes(5).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${dbName}`);
    env.DATABASE_URL = withDatabase(serverUrl, dbName);
    env.DEMO_ON_FIRST_START = 'true';
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'xhht-e2e-'));
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If the test process itself dies (Ctrl-C, crash), the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const cleanup = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (dbName && serverUrl) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => output);
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { url, stop: cleanup, output: () => output };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
}

function chromiumPath(): string {
  try {
    const found = execSync('command -v chromium', { shell: '/bin/sh', encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // not on PATH
  }
  return '/usr/bin/chromium';
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--headless=new'],
  });
}

/** A fresh screenshot folder per run, so a stale picture never stands in for a step that did not happen. */
export function resetShots(): void {
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.endsWith('.png')) rmSync(path.join(SHOTS, f));
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until the element is shown (vitest's expect has no auto-waiting Playwright matchers). */
export const visible = (l: Locator) => l.first().waitFor({ state: 'visible' });
export const hidden = (l: Locator) => l.first().waitFor({ state: 'hidden' });
/** Waits until the element shows this text (anywhere inside it). */
export const hasText = (l: Locator, text: string) => l.filter({ hasText: text }).first().waitFor({ state: 'visible' });
/**
 * Waits until the open antd dropdown has finished growing open (scaleY 0.8 → 1, its motion classes then
 * removed). Playwright may aim at an option of the list still growing; the click then lands beside the option and
 * is lost (seen in the foundation journey).
 */
export const dropdownSettled = (page: Page) =>
  page.locator('.ant-select-dropdown:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"]) >> visible=true').first().waitFor();

export type Viewport = { width: number; height: number };
export const DESKTOP: Viewport = { width: 1366, height: 900 };

export type Journey = {
  /** The server's address; read it inside a test, once the suite's setup has run. */
  readonly url: string;
  /**
   * A page in a context of its own, so several people can be signed in at once. When a test fails, the page is
   * captured as `failureShot` and the server's recent output printed, since a browser step alone rarely says why.
   */
  newPage(options?: { viewport?: Viewport; failureShot?: string }): Promise<Page>;
  /** Signs in through the form, as a person would, and waits until the app has left the login page. */
  login(page: Page, username: string, password?: string): Promise<void>;
};

/**
 * Registers the suite's setup and teardown (the built web app, a server on a fresh database, Chromium) and
 * returns what its tests use. Each journey file gets its own server, so journeys never see each other's data.
 */
export function setupJourney(options: { failureShot: string; viewport?: Viewport; freshShots?: boolean }): Journey {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (options.freshShots) resetShots();
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }, 60_000);

  const started = () => {
    if (!server || !browser) throw new Error('the journey has not started: use it inside a test');
    return { server, browser };
  };

  return {
    get url() {
      return started().server.url;
    },
    async newPage({ viewport = options.viewport ?? DESKTOP, failureShot = options.failureShot } = {}) {
      const { server: srv, browser: b } = started();
      const context = await b.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      const page = await context.newPage();
      onTestFailed(async () => {
        await shot(page, failureShot).catch(() => undefined);
        console.error(srv.output());
      });
      return page;
    },
    async login(page, username, password = DEMO_PASSWORD) {
      await page.goto(`${started().server.url}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
  };
}

/** Signs out through the user menu and waits for the login form. */
export async function logout(page: Page): Promise<void> {
  // The dropdown opens with an animation; a click that lands before it settles is lost (seen once in CI), so
  // the person clicks again, as they would.
  for (let attempt = 0; ; attempt++) {
    if (!(await page.getByTestId('menu-logout').isVisible())) await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    const out = await page.getByTestId('login-form').first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (out || attempt === 2) break;
  }
  await visible(page.getByTestId('login-form'));
}
