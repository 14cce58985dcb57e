// Cold start of `npm start` (node bin/start.mjs) on an existing data folder: spawn → first 200 from /api/health.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { figure, main, median, ms, note, postgresAvailable, ROOT, spawnServer, startServer, waitHealthy, withTempDir, withThrowawayDatabase } from './lib.ts';

const RUNS = 5;
const START = 'bin/start.mjs';
const TARGET = '< 3000 ms';
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');

/** dist/web must exist before measuring, so no run includes the one-off build that bin/start.mjs does. */
function ensureWebDist(dir: string): Record<string, string> {
  if (existsSync(WEB_INDEX)) return {};
  note('dist/web is missing: building it (vite build), as the first npm start does');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0 && existsSync(WEB_INDEX)) return {};
  const why = `${r.stderr}${r.stdout}`.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n').slice(0, 6).join('\n');
  note(`WEB BUILD FAILED, so npm start on this clone exits before the server starts:\n${why}`);
  note('measuring with a placeholder web folder (WEB_DIST=<temp>/web, one index.html) instead');
  mkdirSync(path.join(dir, 'web'));
  writeFileSync(path.join(dir, 'web/index.html'), '<!doctype html><title>XHHT</title>');
  return { WEB_DIST: path.join(dir, 'web') };
}

async function coldStarts(label: string, env: Record<string, string>) {
  // The first start creates the data (migrations, demo province); then every start finds it in place.
  const t = process.hrtime.bigint();
  const first = await startServer(env, { script: START, timeoutMs: 300_000 });
  await first.stop();
  note(`${label}: preparation (first start, then SIGTERM) took ${Math.round(ms(t))} ms`);

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const server = await spawnServer(env, START);
    await waitHealthy(server);
    times.push(ms(server.spawnedAt));
    await server.stop();
  }
  note(`${label}: ${times.map((x) => Math.round(x)).join(', ')} ms`);
  figure(`startup.cold.${label}.median`, Math.round(median(times)), 'ms', TARGET);
  figure(`startup.cold.${label}.max`, Math.round(Math.max(...times)), 'ms', TARGET);
}

main(() =>
  withTempDir(async (dir) => {
    note(`${RUNS} starts of node ${START} each, after one preparation start; time = spawn until GET /api/health answers 200`);
    const web = ensureWebDist(dir);
    await coldStarts('pglite', { ...web, DATA_DIR: path.join(dir, 'pglite') });
    if (await postgresAvailable()) {
      await withThrowawayDatabase((url) => coldStarts('postgres', { ...web, DATABASE_URL: url, DEMO_ON_FIRST_START: 'true' }));
    }
  }),
);
