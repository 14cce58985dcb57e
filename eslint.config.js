// Lint: typescript-eslint, plus the import boundaries of docs/architecture.md so nobody has to remember them.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const dirs = (p) => {
  try {
    return readdirSync(p, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
};
const serverModules = dirs('server/modules');
const webFeatures = dirs('web/src/features');

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'test-results/**', 'server/db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // shared/ is pure: it imports neither side.
            { target: './shared', from: './server', message: 'shared/ must not import server/' },
            { target: './shared', from: './web', message: 'shared/ must not import web/' },
            // The web never reaches into the server.
            { target: './web', from: './server', message: 'web/ talks to the server over HTTP only' },
            { target: './server', from: './web', message: 'server/ must not import web/' },
            // A server module calls another module through a narrowed dependency handed in by app.ts,
            // never by importing its internals. app.ts, main.ts and cli.ts do the wiring.
            ...serverModules.map((m) => ({
              target: `./server/modules/${m}`,
              from: './server/modules',
              except: [`./${m}`],
              message: `server/modules/${m} must not import another module: take what it needs as a dependency (see server/app.ts)`,
            })),
            { target: './server/lib', from: './server/modules', message: 'server/lib is below the modules' },
            { target: './server/db', from: './server/modules', message: 'server/db is below the modules' },
            // Features never import each other (bulletproof-react).
            ...webFeatures.map((f) => ({
              target: `./web/src/features/${f}`,
              from: './web/src/features',
              except: [`./${f}`],
              message: `web/src/features/${f} must not import another feature`,
            })),
            { target: './web/src/components', from: './web/src/features', message: 'shared components must not import features' },
            { target: './web/src/lib', from: './web/src/features', message: 'web/src/lib must not import features' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
