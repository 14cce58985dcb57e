import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, found by walking up to its package.json, so that the same code works when
 * run from server/ by tsx and when bundled into dist/server/ for a faster start.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'xhht') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json of xhht not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
export const fromRoot = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
