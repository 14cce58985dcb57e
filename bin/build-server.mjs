#!/usr/bin/env node
// Bundles server/main.ts into one ES module with esbuild (already installed with tsx). Packages stay
// external: they are loaded from node_modules as usual.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = 'dist/server/main.mjs';
// main.ts loads the rest of the server with a dynamic import while the database opens: split chunks keep that.

export async function buildServer() {
  // Chunk names carry a hash: start from an empty folder so old chunks do not pile up.
  rmSync(path.join(root, path.dirname(SERVER_BUNDLE)), { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, 'server/main.ts')],
    outdir: path.join(root, path.dirname(SERVER_BUNDLE)),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await buildServer();
