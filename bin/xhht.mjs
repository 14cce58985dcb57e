#!/usr/bin/env node
// `npx xhht …`: the command-line tool runs the server's own TypeScript modules through tsx,
// so it works on a fresh clone without a build step and is never a second implementation.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
