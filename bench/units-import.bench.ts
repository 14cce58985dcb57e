// Loading the whole official list (34 provinces, 3,321 communes, former units, mapping, standard agencies)
// into a fresh migrated database, through the same service call as `xhht units import`.
import { createServices } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type DatabaseOptions } from '../server/db/client.ts';
import { systemActor } from '../server/lib/actor.ts';
import { figure, main, median, ms, note, postgresAvailable, withThrowawayDatabase } from './lib.ts';

const RUNS = 3;
const config = loadConfig({});

/** One import on a fresh instance; returns the import time (migrations excluded). */
async function importOnce(opts: DatabaseOptions, run: number): Promise<number> {
  const database = await openDatabase(opts);
  try {
    await database.migrate();
    const t = process.hrtime.bigint();
    const counts = await createServices(config, { database }).units.importOfficial(systemActor(), {});
    const took = ms(t);
    if (run === 0) note(`${opts.kind}: ${JSON.stringify(counts)}`);
    if (counts.provinces !== 34 || counts.communes !== 3321) note(`warning: expected 34 provinces and 3321 communes`);
    return took;
  } finally {
    await database.close();
  }
}

async function bench(kind: string, runOnce: (run: number) => Promise<number>) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await runOnce(i));
  note(`${kind}: ${times.map((x) => Math.round(x)).join(', ')} ms`);
  figure(`units-import.all.${kind}.median`, Math.round(median(times)), 'ms', '< 5000 ms');
}

main(async () => {
  await bench('pglite', (run) => importOnce({ kind: 'pglite', dataDir: null }, run));
  if (await postgresAvailable()) {
    await bench('postgres', (run) => withThrowawayDatabase((url) => importOnce({ kind: 'postgres', url }, run)));
  }
});
