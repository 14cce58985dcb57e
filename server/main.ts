import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';

// Entry point. Opening the database (for PGlite: compiling and starting PostgreSQL in WebAssembly, about
// a second) is started before the rest of the server's modules load, so the two overlap (cold start < 3 s).
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const opening = openDatabase(config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir });
  const [{ startServer }, database] = await Promise.all([import('./server.ts'), opening]);
  await startServer(config, database);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
