// Child of bench/plan-extract.bench.ts, run bundled with plain Node as the production server is: reads one
// file RUNS times and prints the times, the table rows found and the peak memory of the process as JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../server/modules/plans/import/extract.ts';

const RUNS = 3;
const file = process.argv[2]!;
const bytes = new Uint8Array(readFileSync(file));
const baseRss = process.resourceUsage().maxRSS / 1024;
const times: number[] = [];
let rows = 0;
let error: string | undefined;
for (let i = 0; i < RUNS; i++) {
  const t = process.hrtime.bigint();
  try {
    const d = await extractDocument(bytes, path.basename(file));
    rows = d.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : 0), 0);
  } catch (e) {
    error = (e as Error).message;
  }
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
console.log(JSON.stringify({ times, rss: process.resourceUsage().maxRSS / 1024, baseRss, rows, ...(error ? { error } : {}) }));
