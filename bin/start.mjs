#!/usr/bin/env node
// `npm start`: builds what is missing or out of date (the web app with Vite, once; the server bundle with
// esbuild, in a fraction of a second), then runs the server in this process. Bundling the server instead
// of transpiling it file by file at every start keeps the cold start under 3 s (bench/startup.bench.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer, SERVER_BUNDLE } from './build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDist = path.resolve(root, process.env.WEB_DIST || 'dist/web');

if (!existsSync(path.join(webDist, 'index.html'))) {
  console.log('Đang dựng giao diện web (chỉ lần đầu)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Newest modification time of the sources the bundle is made from. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}
const bundle = path.join(root, SERVER_BUNDLE);
const sourcesTime = Math.max(newest(path.join(root, 'server')), newest(path.join(root, 'shared')));
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sourcesTime) await buildServer();

await import(pathToFileURL(bundle).href);
