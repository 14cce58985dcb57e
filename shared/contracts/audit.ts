import { z } from 'zod';
import { Limit, Offset, Uuid } from './common.ts';

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: Uuid.nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.strictObject({
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: z.iso.date({ error: 'ngày phải có dạng YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: 'ngày phải có dạng YYYY-MM-DD' }).optional(),
  limit: Limit(50, 200),
  offset: Offset,
});
