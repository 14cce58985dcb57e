import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/client.ts';
import { typed, type App } from '../../lib/http.ts';

const Health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['pglite', 'postgres']), version: z.string() });

export function healthRoutes(app: App, { database, version }: { database: DatabaseHandle; version: string }) {
  typed(app).get('/api/health', { config: { public: true }, schema: { tags: ['Hệ thống'], response: { 200: Health, 503: Health } } }, async (_req, reply) => {
    try {
      await database.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: database.kind, version };
    } catch {
      return reply.status(503).send({ status: 'degraded' as const, database: database.kind, version });
    }
  });
}
