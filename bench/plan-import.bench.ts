// Issue 3: importing a plan document as the coordinator does it: read → parse → match agencies against the
// province's catalogue in the database → preview, then commit the preview unchanged (plan, targets, tasks,
// assignments and audit in one transaction). For the Vĩnh Long appendix as DOCX (26 tasks) and a generated
// 3,000-task DOCX table; on PGlite, and on PostgreSQL when a server is reachable. Memory is measured in a
// child process that only reads the 3,000-task file from disk and imports it into PostgreSQL: its peak
// resident size after the import minus before it (building the fixture would otherwise blur the figure).
import { createServices } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, rowsOf, type DatabaseHandle } from '../server/db/client.ts';
import { systemActor } from '../server/lib/actor.ts';
import { sql } from 'drizzle-orm';
import { PlanCommitInput, previewToCommit } from '../shared/contracts/plans.ts';
import { docxFromRows, docxFromText, sampleText, taskRows } from '../test/fixtures/plans/build.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { figure, main, median, ms, note, postgresAvailable, ROOT, withTempDir, withThrowawayDatabase } from './lib.ts';

const RUNS = 3;

async function run(label: 'pglite' | 'postgres', database: DatabaseHandle, docs: Record<string, Uint8Array>) {
  await database.migrate();
  const services = createServices(loadConfig({ NODE_ENV: 'test' }), { database });
  await services.units.importOfficial(systemActor('bench'), { provinceCode: '86' });
  const [province] = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM admin_units WHERE path = '2025/86/'`));
  for (const [name, bytes] of Object.entries(docs)) {
    const previews: number[] = [];
    const commits: number[] = [];
    let tasks = 0;
    for (let i = 0; i < RUNS; i++) {
      let t = process.hrtime.bigint();
      const preview = await services.plans.preview(systemActor('bench'), province!.id, { filename: `${name}.docx`, bytes });
      previews.push(ms(t));
      t = process.hrtime.bigint();
      await services.plans.commit(systemActor('bench'), PlanCommitInput.parse(previewToCommit(preview, 'draft')));
      commits.push(ms(t));
      tasks = preview.tasks.length;
    }
    note(`${label} ${name}: ${tasks} tasks; preview ${previews.map((x) => Math.round(x)).join(', ')} ms; commit ${commits.map((x) => Math.round(x)).join(', ')} ms`);
    const target = name === 'docx.sample000' ? '< 1000 ms' : '< 10000 ms';
    figure(`plan-import.preview.${name}.${label}.median`, Math.round(median(previews)), 'ms', target);
    figure(`plan-import.commit.${name}.${label}.median`, Math.round(median(commits)), 'ms');
    figure(`plan-import.total.${name}.${label}.median`, Math.round(median(previews.map((p, i) => p + commits[i]!))), 'ms', target);
  }
  const [rows] = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM task_assignments`));
  note(`${label}: ${rows!.n} assignment rows after ${RUNS * Object.keys(docs).length} imports (a group is one row)`);
}

/** Child mode: import one file into a database and print the resident memory it added. */
async function child(file: string, url: string) {
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    await database.migrate();
    const services = createServices(loadConfig({ NODE_ENV: 'test' }), { database });
    await services.units.importOfficial(systemActor('bench'), { provinceCode: '86' });
    const [province] = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM admin_units WHERE path = '2025/86/'`));
    const bytes = new Uint8Array(readFileSync(file));
    let peak = process.memoryUsage().rss;
    const before = peak;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const preview = await services.plans.preview(systemActor('bench'), province!.id, { filename: path.basename(file), bytes });
    await services.plans.commit(systemActor('bench'), PlanCommitInput.parse(previewToCommit(preview, 'draft')));
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(JSON.stringify({ before, peak, tasks: preview.tasks.length }));
  } finally {
    await database.close();
  }
}

if (process.argv[2] === "--child") main(() => child(process.argv[3]!, process.argv[4]!));
else
main(async () => {
  const docs = {
    'docx.sample000': (await docxFromText(sampleText('000'))).bytes,
    'docx.3000-tasks': await docxFromRows(taskRows(3000)),
  };
  const pglite = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await run('pglite', pglite, docs);
  } finally {
    await pglite.close();
  }
  if (await postgresAvailable()) {
    await withThrowawayDatabase(async (url) => {
      const pg = await openDatabase({ kind: 'postgres', url });
      try {
        await run('postgres', pg, docs);
      } finally {
        await pg.close();
      }
    });
    await withThrowawayDatabase((url) =>
      withTempDir(async (dir) => {
        const file = path.join(dir, 'plan-3000-tasks.docx');
        writeFileSync(file, docs['docx.3000-tasks']);
        const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/plan-import.bench.ts', '--child', file, url], { cwd: ROOT, encoding: 'utf8' });
        const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
        if (!line) throw new Error(`child failed: ${r.stderr}`);
        const m = JSON.parse(line) as { before: number; peak: number; tasks: number };
        note(`3,000-task import in a fresh process: RSS ${Math.round(m.before / 1048576)} MB before, ${Math.round(m.peak / 1048576)} MB at peak`);
        figure('plan-import.rss.added.docx.3000-tasks', Math.round((m.peak - m.before) / 1048576), 'MB', '< 300 MB');
      }),
    );
  } else note('PostgreSQL not reachable: postgres figures skipped');
});
