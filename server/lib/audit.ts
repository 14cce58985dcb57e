import type { Db } from '../db/client.ts';
import { auditEvents } from '../db/schema/accounts.ts';
import { isSystemActor, type Actor } from './actor.ts';
import type { AuditAction, AuditEntityType } from '../../shared/domain/audit.ts';

export type AuditEntry = {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'token']);

/** Secrets never reach the audit log, even hashed. */
function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, SECRET_KEYS.has(k) ? '***' : scrub(v)]),
    );
  }
  return value;
}

export type AuditRow = ReturnType<typeof auditRow>;

/** The audit row of an entry, secrets scrubbed: what recordAudit writes, and what a single-statement write embeds. */
export function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    actorId: isSystemActor(actor) ? null : actor.id,
    actorName: actor.username,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: scrub(entry.before) as object | null,
    after: scrub(entry.after) as object | null,
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
  };
}

/**
 * Records who did what, when, before and after. Call it with the transaction of the write itself,
 * so that the write and its audit record commit or roll back together (issue 2, Audit).
 */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(actor, entry));
}
