// Issue 3: importing a plan document, as the coordinator's upload does it (read → parse → match agencies
// against the province's catalogue in the database → preview), for the Vĩnh Long appendix as DOCX (26 tasks)
// and a generated 3,000-task DOCX table, with the process's peak resident memory. Committing is not included
// (see the closing note: group expansion makes a 3,000-task commit too large for now).
import { createServices } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, rowsOf } from '../server/db/client.ts';
import { systemActor } from '../server/lib/actor.ts';
import { sql } from 'drizzle-orm';
import { docxFromRows, docxFromText, sampleText, taskRows } from '../test/fixtures/plans/build.ts';
import { figure, main, median, ms, note } from './lib.ts';

const RUNS = 3;
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

main(async () => {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await database.migrate();
    const services = createServices(loadConfig({ NODE_ENV: 'test' }), { database });
    await services.units.importOfficial(systemActor('bench'), { provinceCode: '86' });
    const [province] = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM admin_units WHERE path = '2025/86/'`));
    const docs = {
      'docx.sample000': (await docxFromText(sampleText('000'))).bytes,
      'docx.3000-tasks': await docxFromRows(taskRows(3000)),
    };
    // The process also holds an embedded PostgreSQL and the fixture builder: report what the import adds.
    global.gc?.();
    const before = process.memoryUsage().rss;
    for (const [name, bytes] of Object.entries(docs)) {
      const times: number[] = [];
      let tasks = 0;
      for (let i = 0; i < RUNS; i++) {
        const timer = setInterval(sample, 20);
        const t = process.hrtime.bigint();
        const preview = await services.plans.preview(systemActor('bench'), province!.id, { filename: `${name}.docx`, bytes });
        times.push(ms(t));
        clearInterval(timer);
        sample();
        tasks = preview.tasks.length;
      }
      note(`${name}: ${tasks} tasks read; ${times.map((x) => Math.round(x)).join(', ')} ms`);
      figure(`plan-import.preview.${name}.median`, Math.round(median(times)), 'ms', name === 'docx.sample000' ? '< 1000 ms' : '< 10000 ms');
    }
    note(`process RSS before the imports ${Math.round(before / 1024 / 1024)} MB (embedded database, fixtures), peak ${Math.round(peak / 1024 / 1024)} MB`);
    figure('plan-import.preview.rss.added', Math.round((peak - before) / 1024 / 1024), 'MB', '< 300 MB');
  } finally {
    await database.close();
  }
});
