import { defineConfig } from 'drizzle-kit';

// drizzle-kit resolves these paths from the current directory: run it from the project root.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/*.ts',
  out: './server/db/migrations',
});
