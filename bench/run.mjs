#!/usr/bin/env node
// `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or bench/NAME.bench.ts), one after another.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const all = readdirSync(path.join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).sort().map((f) => f.slice(0, -'.bench.ts'.length));
const names = process.argv.slice(2);
const unknown = names.filter((n) => !existsSync(path.join(root, 'bench', `${n}.bench.ts`)));
if (unknown.length) {
  console.error(`# unknown bench: ${unknown.join(', ')} (available: ${all.join(', ')})`);
  process.exit(2);
}

const failed = [];
for (const name of names.length ? names : all) {
  // The figures depend on what else runs on the machine: say how busy it was.
  console.log(`# == ${name} (${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.bench.ts`], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`# ${name} failed (${r.status ?? r.signal})`);
    failed.push(name);
  }
}
if (failed.length) {
  console.log(`# failed: ${failed.join(', ')}`);
  process.exit(1);
}
