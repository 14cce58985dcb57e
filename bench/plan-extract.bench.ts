// Reading uploaded plan documents (issue 3): large task tables as Word and Excel, the sample plans as PDF,
// and refusing zip bombs. Each file is read in a child process of its own (bench/plan-extract-child.ts,
// bundled with esbuild and run by plain Node, packages from node_modules, as the production server runs),
// so that its peak memory is the reader's alone: the `.rss` figure is the child's maximum resident set
// size, Node and the loaded modules included. `.first` is the first read in a fresh process (modules
// loaded, code not yet optimised); the plain figure is the median of three reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import * as fx from '../test/fixtures/plans/build.ts';
import { ROOT, figure, main, median, note, withCleanup, withTempDir } from './lib.ts';

type ChildResult = { times: number[]; rss: number; baseRss: number; rows: number; error?: string };

function measure(child: string, file: string): ChildResult {
  const r = spawnSync(process.execPath, [child, file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reading ${path.basename(file)} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

main(async () => {
  // The bundle goes under dist/ so that its external packages resolve from the project's node_modules.
  mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const out = mkdtempSync(path.join(ROOT, 'dist', 'bench-plan-extract-'));
  await withCleanup(
    () => rmSync(out, { recursive: true, force: true }),
    async () => {
      await build({
        entryPoints: [path.join(ROOT, 'bench/plan-extract-child.ts')],
        outdir: out,
        outExtension: { '.js': '.mjs' },
        bundle: true,
        splitting: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'warning',
      });
      const child = path.join(out, 'plan-extract-child.mjs');
      await withTempDir(async (dir) => {
        const write = (name: string, bytes: Uint8Array) => {
          const file = path.join(dir, name);
          writeFileSync(file, bytes);
          note(`${name}: ${Math.round(bytes.length / 1024)} kB`);
          return file;
        };
        const report = (name: string, file: string, targetMs?: string) => {
          const r = measure(child, file);
          note(`${name}: ${r.times.map((t) => Math.round(t)).join(', ')} ms; ${r.rows} table rows${r.error ? `; refused: ${r.error}` : ''}; RSS before reading ${Math.round(r.baseRss)} MB`);
          figure(`plan-extract.${name}`, Math.round(median(r.times)), 'ms', targetMs);
          figure(`plan-extract.${name}.first`, Math.round(r.times[0]!), 'ms');
          figure(`plan-extract.${name}.rss`, Math.round(r.rss), 'MB', '< 300 MB');
        };
        for (const n of [3000, 5000]) {
          const rows = fx.taskRows(n);
          report(`docx.${n}-rows`, write(`${n}-rows.docx`, await fx.docxFromRows(rows, { formatted: true })), n === 3000 ? '< 5000 ms' : undefined);
          report(`xlsx.${n}-rows`, write(`${n}-rows.xlsx`, await fx.xlsxFromRows(rows)), n === 3000 ? '< 5000 ms' : undefined);
        }
        for (const name of Object.keys(fx.SAMPLES) as fx.SampleName[]) {
          report(`pdf.sample-${name}`, write(`${name}.pdf`, await fx.pdfFromText(fx.sampleText(name))));
        }
        report('zip-bomb.refused', write('bomb.docx', fx.zipBomb()));
        report('zip-bomb-lying.refused', write('bomb-lying.docx', fx.zipBomb({ lie: true })));
      });
    },
  );
});
