#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure:
// lint (with import boundaries) → type check → unit/service/HTTP tests on PGlite → the same on
// PostgreSQL when DATABASE_URL is set (each test file in its own throwaway database) → browser journeys.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

function vitest(title, args, env, report) {
  const file = path.join(results, `${report}.json`);
  const ok = run(title, bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  }
  return ok;
}

const { DATABASE_URL } = process.env;
const steps = [
  () => run('lint (ESLint, import boundaries)', bin('eslint'), ['.', '--max-warnings=0']),
  () => run('type check (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
  () => vitest('tests on PGlite', [], { DATABASE_URL: '', TEST_DATABASE_URL: '' }, 'vitest-pglite'),
  () => (DATABASE_URL ? vitest('tests on PostgreSQL', [], { DATABASE_URL: '', TEST_DATABASE_URL: DATABASE_URL }, 'vitest-postgres') : (console.log('\n(DATABASE_URL not set: PostgreSQL run skipped)'), true)),
  () => vitest('end-to-end journeys in Chromium', ['-c', 'vitest.e2e.config.ts'], { TEST_DATABASE_URL: '' }, 'vitest-e2e'),
];
let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
